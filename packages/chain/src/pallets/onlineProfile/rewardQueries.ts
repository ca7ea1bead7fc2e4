/**
 * Reads of OnlineProfile's per-era reward storage (pallets/online-profile/src/lib.rs): what a stash
 * and a machine earned and had released in an OnlineProfile era, and the era's stash statistics.
 * OnlineProfile eras (`onlineProfile.currentEra`, one per day) are not staking eras.
 */
import type { DbcChain } from '../../client/connect.js';
import { toDbcAddress } from '../../units/address.js';
import { toMachineId } from '../../units/ids.js';
import { address, big, field, mapEntries, num } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { toEra } from '../../utils/validate.js';

const op = 'onlineProfile';

/** Reward of one era: what was earned, and what of it has been released (made claimable) so far. */
export interface EraReward {
  /** `erasStashReward` / `erasMachineReward` (planck; 0 when there is no entry). */
  earnedPlanck: bigint;
  /** `erasStashReleasedReward` / `erasMachineReleasedReward` (planck). */
  releasedPlanck: bigint;
}

/** Parameters of {@link getStashEraReward}. */
export interface GetStashEraRewardParameters {
  /** An OnlineProfile era (`getMachineEra`), not a staking era. */
  era: number;
  stash: string;
}

/** What a stash earned in an OnlineProfile era across its machines, and how much has been released. */
export async function getStashEraReward(
  chain: DbcChain,
  params: GetStashEraRewardParameters,
  options: ReadOptions = {},
): Promise<EraReward> {
  const era = toEra(params.era);
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `era ${era} reward of stash ${stash}`, async (api) => {
    const [earned, released] = await Promise.all([
      storageEntry(api, op, 'erasStashReward')(era, stash),
      storageEntry(api, op, 'erasStashReleasedReward')(era, stash),
    ]);
    return { earnedPlanck: big(earned), releasedPlanck: big(released) };
  });
}

/** Parameters of {@link getMachineEraReward}. */
export interface GetMachineEraRewardParameters {
  /** An OnlineProfile era (`getMachineEra`), not a staking era. */
  era: number;
  machineId: string;
}

/** What one machine earned in an OnlineProfile era, and how much has been released. */
export async function getMachineEraReward(
  chain: DbcChain,
  params: GetMachineEraRewardParameters,
  options: ReadOptions = {},
): Promise<EraReward> {
  const era = toEra(params.era);
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `era ${era} reward of machine ${machineId}`, async (api) => {
    const [earned, released] = await Promise.all([
      storageEntry(api, op, 'erasMachineReward')(era, machineId),
      storageEntry(api, op, 'erasMachineReleasedReward')(era, machineId),
    ]);
    return { earnedPlanck: big(earned), releasedPlanck: big(released) };
  });
}

/** One stash's statistics in an era (`StashMachineStatistics`). */
export interface StashEraStatistics {
  /** GPUs online for the stash. */
  onlineGpus: number;
  /**
   * The multi-GPU bonus as a Perbill (`inflation`: min(10 %, online GPUs / 10,000)); divide by 1e9 for
   * a fraction.
   */
  gpuBonusPerbill: number;
  /** Calculation points of the stash's machines. */
  calcPoints: bigint;
  /** Extra grade from rented machines. */
  rentExtraGrade: bigint;
}

/** An era's `erasStashPoints`: the total grade and each stash's statistics. */
export interface EraStashPoints {
  /** Sum of every stash's grade (the denominator of the era's reward split). */
  total: bigint;
  /** By stash address (SS58, prefix 42). */
  stashes: Record<string, StashEraStatistics>;
}

/** Parameters of {@link getEraStashPoints}. */
export interface GetEraStashPointsParameters {
  /** An OnlineProfile era. */
  era: number;
}

/** The era's stash statistics (`erasStashPoints`); empty for an era without them. */
export async function getEraStashPoints(
  chain: DbcChain,
  params: GetEraStashPointsParameters,
  options: ReadOptions = {},
): Promise<EraStashPoints> {
  const era = toEra(params.era);
  return read(chain, options, `stash points of era ${era}`, async (api) => {
    const v = await storageEntry(api, op, 'erasStashPoints')(era);
    const stashes: Record<string, StashEraStatistics> = {};
    for (const [k, s] of mapEntries(field(v, 'stakerStatistic'))) {
      stashes[address(k)] = {
        onlineGpus: num(field(s, 'onlineGpuNum')),
        gpuBonusPerbill: num(field(s, 'inflation')),
        calcPoints: big(field(s, 'machineTotalCalcPoint')),
        rentExtraGrade: big(field(s, 'rentExtraGrade')),
      };
    }
    return { total: big(field(v, 'total')), stashes };
  });
}
