import type { DbcChain } from '@dbc-cloud/chain';
import type { Deadline } from '../../wallet/internal/deadline.js';

/**
 * Reads OnlineProfile's per-era reward storage, which `@dbc-cloud/chain` has no typed query for
 * yet (erasStashReward, erasMachineReward, erasStashPoints). Missing storage reads as zero, so a
 * node without them degrades to "no era data" instead of failing the whole report.
 */
type Query = (...args: unknown[]) => Promise<{ toString(): string; toJSON(): unknown }>;

function entry(chain: DbcChain, name: string): Query | null {
  const section = (chain.api.query as unknown as Record<string, Record<string, Query> | undefined>)
    .onlineProfile;
  return section?.[name] ?? null;
}

async function bigOf(chain: DbcChain, deadline: Deadline, name: string, ...args: unknown[]): Promise<bigint> {
  const q = entry(chain, name);
  if (!q) return 0n;
  const v = await deadline.race(q(...args));
  const text = v.toString();
  return /^\d+$/.test(text) ? BigInt(text) : 0n;
}

/** What a stash earned in an OnlineProfile era (planck), across its machines. */
export function stashEraReward(
  chain: DbcChain,
  deadline: Deadline,
  era: number,
  stash: string,
): Promise<bigint> {
  return bigOf(chain, deadline, 'erasStashReward', era, stash);
}

/** What one machine earned in an OnlineProfile era (planck). */
export function machineEraReward(
  chain: DbcChain,
  deadline: Deadline,
  era: number,
  machineId: string,
): Promise<bigint> {
  return bigOf(chain, deadline, 'erasMachineReward', era, machineId);
}

/**
 * The stash's multi-GPU bonus in an era as a fraction (EraStashPoints.stakerStatistic.inflation,
 * a Perbill: min(10 %, online GPUs / 10,000)), or 0 when it has no entry.
 */
export async function stashGpuBonus(
  chain: DbcChain,
  deadline: Deadline,
  era: number,
  stash: string,
): Promise<number> {
  const q = entry(chain, 'erasStashPoints');
  if (!q) return 0;
  const json = (await deadline.race(q(era))).toJSON() as {
    stakerStatistic?: Record<string, { inflation?: number }>;
  } | null;
  const perbill = json?.stakerStatistic?.[stash]?.inflation;
  return typeof perbill === 'number' ? perbill / 1e9 : 0;
}
