import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import type { Amount, CallOptions } from '../wallet/types.js';
import { startMinerCall } from './internal/minerCall.js';
import { stageOf, type MachineStage } from './machineStage.js';
import { stakeRequirement } from './stakeRequirement.js';

const HOUR_BLOCKS = 600;
const DAY_BLOCKS = 14_400;
/** DBC's High-Stability zone: machines online without interruption for at least 144 hours. */
const HIGH_STABILITY_HOURS = 144;

/**
 * What drives one machine's reward, as far as the chain exposes it. The chain rewards a machine in
 * proportion to its calc points (committee-measured, grows with GPU count and model), +30 % while
 * rented, plus the stash's multi-GPU bonus; being offline earns nothing and costs a slash.
 */
export interface MachineRewardFactors {
  machineId: string;
  stage: MachineStage;
  gpus: number;
  /** The committee's score for the whole machine; rewards are proportional to it. */
  calcPoints: number;
  /** Days since the machine first came online (0 if it never did). */
  onlineDays: number;
  /**
   * Hours since the machine last came (back) online, while it is online or rented; 0 when offline.
   * Approximated from `lastOnlineHeight`, which the chain also moves when a rental ends.
   */
  uninterruptedHours: number;
  /** uninterruptedHours ≥ 144 (DBC's High-Stability zone). */
  highStability: boolean;
  /**
   * Interruptions: the chain keeps no count, only whether the machine is offline now and since
   * when; past interruptions show only as slashes and lower rewards.
   */
  interruptions: { count: null; offlineNow: boolean; offlineSinceBlock: number | null };
  /** Whether the +30 % rented bonus applies now. */
  rentedBonus: boolean;
  stake: Amount;
  /** The stake this machine grows to (per-GPU cap × GPUs); its rewards are reserved until then. */
  fullStake: Amount;
  /** Public fixed IP: not recorded on chain (always null). `isBareMachine` is what the miner declared. */
  fixedIp: null;
  isBareMachine: boolean;
  /** Reward of the last complete OnlineProfile era (a day). */
  lastEraReward: Amount;
}

/** What `getEarnings` resolves to. */
export interface GetEarningsReturnType {
  stash: string;
  /** Everything the stash's machines earned, released or not. */
  totalEarned: Amount;
  /** Paid out by `claimRewards` so far. */
  claimed: Amount;
  /** Released and claimable now. */
  claimable: Amount;
  /** Earned but not released yet (releases at 1/200 a day); earned − claimed − claimable. */
  pendingRelease: Amount;
  /** Rent income of the stash's machines (after the destroyed share). */
  rentIncome: Amount;
  /** The last complete OnlineProfile era (a day, counted by OnlineProfile, not staking). */
  lastEra: number;
  lastEraReward: Amount;
  /** The stash's multi-GPU bonus in that era: min(10 %, online GPUs / 10,000), as a fraction. */
  gpuBonus: number;
  machines: MachineRewardFactors[];
}

/**
 * A stash's machine earnings (earned, claimed, claimable, still locked, rent income) and, per
 * machine, the factors its reward depends on.
 *
 * @example
 * ```ts
 * const e = await client.miner.earnings(stash);
 * console.log(e.claimable.dbc, e.machines.filter((m) => m.highStability).length);
 * ```
 */
export async function getEarnings(
  ctx: ClientContext,
  stash: string,
  options: CallOptions = {},
): Promise<GetEarningsReturnType> {
  let who = '';
  const { lib, chain, deadline } = await startMinerCall(ctx, 'read the earnings', options, (l) => {
    who = l.toDbcAddress(String(stash ?? ''));
  });
  const [sm, era, now, perGpu] = await Promise.all([
    lib.getStashMachines(chain, { stash: who }, deadline.read()),
    lib.getMachineEra(chain, deadline.read()),
    lib.getBlockNumber(chain, deadline.read()),
    stakeRequirement(ctx, { gpus: 1 }, { signal: deadline.signal, timeoutMs: deadline.remaining() }),
  ]);
  const lastEra = Math.max(0, era - 1);
  const [eraReward, stashPoints, infos] = await Promise.all([
    lib.getStashEraReward(chain, { era: lastEra, stash: who }, deadline.read()),
    lib.getEraStashPoints(chain, { era: lastEra }, deadline.read()),
    Promise.all(
      sm.totalMachines.map((machineId) => lib.getMachineInfo(chain, { machineId }, deadline.read())),
    ),
  ]);
  const machines = await Promise.all(
    infos
      .flatMap((info) => (info ? [info] : []))
      .map(async (info): Promise<MachineRewardFactors> => {
        const stage = stageOf(info.status);
        const up = stage === 'online' || stage === 'rented';
        const offlineSince = info.status.kind === 'stakerReportOffline' ? info.status.sinceBlock : null;
        const uninterruptedHours = up
          ? Math.max(0, now - Math.max(info.lastOnlineHeight, info.onlineHeight)) / HOUR_BLOCKS
          : 0;
        return {
          machineId: info.machineId,
          stage,
          gpus: info.hardware.gpuNum,
          calcPoints: info.hardware.calcPoint,
          onlineDays: info.onlineHeight > 0 ? Math.max(0, now - info.onlineHeight) / DAY_BLOCKS : 0,
          uninterruptedHours,
          highStability: uninterruptedHours >= HIGH_STABILITY_HOURS,
          interruptions: {
            count: null,
            offlineNow: stage === 'shelved' || stage === 'reported-offline',
            offlineSinceBlock: offlineSince,
          },
          rentedBonus: stage === 'rented',
          stake: amountOf(lib, info.stakeAmountPlanck),
          fullStake: amountOf(lib, perGpu.perGpuCap.planck * BigInt(info.hardware.gpuNum)),
          fixedIp: null,
          isBareMachine: info.staker.isBareMachine,
          lastEraReward: amountOf(
            lib,
            (
              await lib.getMachineEraReward(
                chain,
                { era: lastEra, machineId: info.machineId },
                deadline.read(),
              )
            ).earnedPlanck,
          ),
        };
      }),
  );
  const settled = sm.totalClaimedRewardPlanck + sm.canClaimRewardPlanck;
  return {
    stash: who,
    totalEarned: amountOf(lib, sm.totalEarnedRewardPlanck),
    claimed: amountOf(lib, sm.totalClaimedRewardPlanck),
    claimable: amountOf(lib, sm.canClaimRewardPlanck),
    pendingRelease: amountOf(
      lib,
      sm.totalEarnedRewardPlanck > settled ? sm.totalEarnedRewardPlanck - settled : 0n,
    ),
    rentIncome: amountOf(lib, sm.totalRentFeePlanck),
    lastEra,
    lastEraReward: amountOf(lib, eraReward.earnedPlanck),
    // The multi-GPU bonus (a Perbill on chain) as a fraction; 0 when the stash had no statistics that era.
    gpuBonus: (stashPoints.stashes[who]?.gpuBonusPerbill ?? 0) / 1e9,
    machines,
  };
}
