// Online rewards: era rollover, the daily snapshot of machine ids and the per-machine release.
// Mirrors online_reward.rs (update_snap_for_new_era, current_era_reward, backup_and_reward,
// distribute_reward_to_machine) and types/machine_reward.rs MachineRecentRewardInfo.
import type { Runtime } from '../../chain/runtime.js';
import { EraStashPoints, machineActualGrade, readMachinePoints } from './snapshots.js';
import {
  ONE_DAY,
  RECENT_REWARD_ERAS,
  type MachineGradeStatus,
  type MachineRecentRewardInfo,
} from './types.js';
import { perbill, perbillMul, store } from './util.js';

/** Block offsets within an era (ONE_DAY blocks) at which the reward machinery runs. */
export const NEW_ERA_OFFSET = 1;
const SNAPSHOT_OFFSET = 2;
const RELEASE_FIRST = 3;
const RELEASE_LAST = 62;

/** online_reward.rs update_snap_for_new_era: the next era starts from a copy of this one's scores. */
export function updateSnapForNewEra(rt: Runtime): void {
  const s = store(rt);
  const era = s.currentEra.get()! + 1;
  s.currentEra.set(era);
  s.eraReward.set(era, currentEraReward(rt) ?? 0n);
  if (era === 1) {
    for (const e of [0, 1, 2]) {
      s.erasStashPoints.set(e, { total: 0n, stakerStatistic: {} });
      s.erasMachinePoints.set(e, {});
    }
  } else {
    s.erasStashPoints.set(era + 1, s.erasStashPoints.get(era)!);
    s.erasMachinePoints.set(era + 1, s.erasMachinePoints.get(era)!);
  }
}

/** online_reward.rs current_era_reward: the phase's reward per era, doubled for 60 eras of Galaxy. */
export function currentEraReward(rt: Runtime): bigint | null {
  const s = store(rt);
  const era = s.currentEra.get()!;
  const phase = s.phaseRewardInfo.get();
  if (!phase || era < phase.onlineRewardStartEra) return null;
  const elapsed = era - phase.onlineRewardStartEra;
  const reward =
    elapsed < phase.firstPhaseDuration
      ? phase.phase0RewardPerEra
      : elapsed < phase.firstPhaseDuration + 1825
        ? phase.phase1RewardPerEra
        : phase.phase2RewardPerEra;
  return phase.galaxyOnEra !== 0 && era < phase.galaxyOnEra + 60 ? reward * 2n : reward;
}

/**
 * online_reward.rs backup_and_reward: at offset 2 of each era the ids of every stash's machines are
 * snapshotted; offsets 3..=62 release the previous era's reward to about 1/60 of them per block.
 */
export function backupAndReward(rt: Runtime, block: number): void {
  const offset = block % ONE_DAY;
  const s = store(rt);
  if (offset === SNAPSHOT_OFFSET) {
    const all: string[] = [];
    for (const [, stashMachine] of s.stashMachines.entries()) all.push(...stashMachine.totalMachine);
    s.allMachineIdSnap.set({ allMachineId: all, snapLen: BigInt(all.length) });
    return;
  }
  if (offset < RELEASE_FIRST || offset > RELEASE_LAST) return;
  const snap = s.allMachineIdSnap.get()!;
  if (snap.allMachineId.length === 0) return;
  const releaseNum = Number(snap.snapLen / 60n);
  const releaseEra = Math.max(0, s.currentEra.get()! - 1);
  const eraTotal = s.eraReward.get(releaseEra)!;
  const machinePoints = readMachinePoints(rt, releaseEra);
  const stashPoints = EraStashPoints.read(rt, releaseEra);
  for (let i = 0; i <= releaseNum; i++) {
    const machineId = snap.allMachineId.shift();
    if (machineId === undefined) break;
    distributeRewardToMachine(rt, machineId, releaseEra, eraTotal, machinePoints, stashPoints);
  }
  s.allMachineIdSnap.set(snap);
}

/** MachineRecentRewardInfo::add_new_reward: a window of the last 150 eras' rewards. */
function addNewReward(info: MachineRecentRewardInfo, amount: bigint): void {
  let reduce = 0n;
  if (info.recentMachineReward.length === RECENT_REWARD_ERAS) reduce = info.recentMachineReward.shift()!;
  info.recentMachineReward.push(amount);
  info.recentRewardSum = info.recentRewardSum + amount - reduce;
}

/** online_reward.rs distribute_reward_to_machine. */
function distributeRewardToMachine(
  rt: Runtime,
  machineId: string,
  releaseEra: number,
  eraTotal: bigint,
  machinePoints: Map<string, MachineGradeStatus>,
  stashPoints: EraStashPoints,
): void {
  const s = store(rt);
  const info = s.machineRecentReward.get(machineId);
  if (!info) return;
  const stash = info.machineStash;
  const stashMachine = s.stashMachines.get(stash)!;

  // calc_machine_total_reward: the machine's share of the era by its actual grade.
  const grade = machinePoints.get(machineId);
  const stats = stashPoints.stats.get(stash);
  const actualGrade = grade && stats ? machineActualGrade(grade, stats.inflation) : 0n;
  const machineTotal =
    stashPoints.total === 0n ? 0n : perbillMul(perbill(actualGrade, stashPoints.total), eraTotal);

  addNewReward(info, machineTotal);
  if (info.recentRewardSum === 0n) {
    s.machineRecentReward.set(machineId, info);
    return;
  }
  const latest = info.recentMachineReward[info.recentMachineReward.length - 1] ?? 0n;
  // Each era's reward releases 1/4 at once (1/200 + 49/200) and 1/200 a day for the next 149 eras.
  const released = perbillMul(perbill(49, 200), latest) + perbillMul(perbill(1, 200), info.recentRewardSum);

  // Until the committee's deadline 1 % of each release belongs to the verifying committee, paid
  // through the Committee pallet (which the devnet does not run).
  const toStash =
    releaseEra > info.rewardCommitteeDeadline ? released : perbillMul(perbill(99, 100), released);

  let actualTotal: bigint;
  if (releaseEra > info.rewardCommitteeDeadline) actualTotal = machineTotal;
  else if (releaseEra > Math.max(0, info.rewardCommitteeDeadline - 150)) {
    const dailyRelease = perbillMul(perbill(1, 200), machineTotal);
    const committeeDaily = perbillMul(perbill(1, 100), dailyRelease);
    actualTotal = machineTotal - committeeDaily * BigInt(info.rewardCommitteeDeadline - releaseEra);
  } else actualTotal = perbillMul(perbill(99, 100), machineTotal);

  stashMachine.canClaimReward += toStash;
  stashMachine.totalEarnedReward += actualTotal;
  s.erasMachineReward.set(releaseEra, machineId, actualTotal);
  s.erasStashReward.mutate(releaseEra, stash, (v: bigint) => v + actualTotal);
  s.erasMachineReleasedReward.mutate(releaseEra, machineId, (v: bigint) => v + toStash);
  s.erasStashReleasedReward.mutate(releaseEra, stash, (v: bigint) => v + toStash);
  s.stashMachines.set(stash, stashMachine);
  s.machineRecentReward.set(machineId, info);
}
