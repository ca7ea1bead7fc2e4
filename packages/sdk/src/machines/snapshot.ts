import type { DbcChain } from '@dbc-cloud/chain';
import { throwIfAborted } from '@dbc-cloud/chain/errors';
import type { PricingPolicy } from '../pricing/policy.js';
import { validatePolicy } from '../pricing/validatePolicy.js';
import { createMachineDeriver } from './deriveMachine.js';
import { factsOfChainMachine } from './facts.js';
import type { Machine } from './types.js';

/** Every machine and the prices they are quoted at, read at one block. */
export interface MachineSnapshot {
  blockNumber: number;
  blockHash: `0x${string}`;
  /** When the snapshot was read (ms since the epoch). */
  takenAt: number;
  /** USD per DBC the chain converts rents at (`dbcPriceOCW.avgPrice`); null before the oracle has an average. */
  avgPriceUsd: number | null;
  /** The chain's reference price: `gpuPriceMicroUsdPerDay` buys a day of `gpuPoint` calc points; null = unset. */
  standardGpuPointPrice: { gpuPoint: number; gpuPriceMicroUsdPerDay: number } | null;
  /** GenericFunc's fixed fee on every rent (planck), null when unset. */
  fixedTxFeePlanck: bigint | null;
  /** The longest rent the chain grants (`rentMachine.maximumRentalDuration`), in blocks. */
  maxRentalBlocks: number;
  /** The partner pricing `machines[].price` includes. */
  policy: PricingPolicy;
  machines: Machine[];
}

/** Options of {@link buildSnapshot}. */
export interface BuildSnapshotOptions {
  /** The partner's pricing applied to `price.usdPerGpuHour` (default: none). */
  policy?: PricingPolicy;
  /** Read at this block instead of the best one. */
  at?: `0x${string}` | number;
  /** Keys per page of the machine read (default 1,000). */
  pageSize?: number;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/**
 * Reads every machine, the DBC price, the standard GPU price, the fixed fee and the rental cap at
 * one block (`getAllMachines` pins the block; the rest is read at its hash), then derives the
 * SDK's Machines. The chain package is loaded on demand, so importing this module costs nothing
 * on the light (proxy) read path.
 *
 * @example
 * ```ts
 * const snap = await buildSnapshot(chain, { policy: { markupPercent: 20 } });
 * console.log(snap.machines.filter((m) => m.status === 'available').length);
 * ```
 */
export async function buildSnapshot(chain: DbcChain, options: BuildSnapshotOptions = {}): Promise<MachineSnapshot> {
  const policy = validatePolicy(options.policy ?? {});
  throwIfAborted(options.signal);
  const lib = await import('@dbc-cloud/chain');
  const read = { signal: options.signal, timeoutMs: options.timeoutMs };
  const { blockNumber, blockHash, machines } = await lib.getAllMachines(chain, { pageSize: options.pageSize }, { ...read, at: options.at });
  const at = { ...read, at: blockHash };
  const [std, avg, fixedFee, maxRental, modes] = await Promise.all([
    lib.getStandardGpuPointPrice(chain, at),
    lib.getDbcAvgPrice(chain, at),
    lib.getFixedTxFee(chain, at),
    lib.getMaxRentalDuration(chain, at),
    lib.getRentalModes(chain, at),
  ]);
  throwIfAborted(options.signal);
  const derive = createMachineDeriver({ atBlock: blockNumber, standardGpuPointPrice: std, avgPriceMicroUsdPerDbc: avg, policy });
  return {
    blockNumber,
    blockHash,
    takenAt: Date.now(),
    avgPriceUsd: avg === null ? null : avg / 1e6,
    standardGpuPointPrice: std,
    fixedTxFeePlanck: fixedFee,
    maxRentalBlocks: maxRental.blocks,
    policy,
    machines: machines.map((row) => derive(factsOfChainMachine(row, modes[row.machineId] === 'timeSlot' ? 'time-slot' : 'full-time'))),
  };
}
