// Offline slashes: amounts by downtime, pending slashes and their execution two days later.
// Mirrors utils.rs slash_percent / reach_max_slash and slash.rs.
import type { Runtime } from '../../chain/runtime.js';
import { changeStake, slashAndReward } from './stake.js';
import {
  FIVE_DAYS,
  FOUR_HOURS,
  ONE_DAY,
  PALLET,
  SEVEN_MINUTES,
  TEN_DAYS,
  TWO_DAYS,
  type OPPendingSlashInfo,
  type OPSlashReason,
} from './types.js';
import { addItem, perbill, perbillMul, rmItem, satSub, store } from './util.js';

const reasonName = (r: OPSlashReason): string => (typeof r === 'string' ? r : Object.keys(r)[0]!);

const REPORT_TIME_REASONS = new Set([
  'RentedInaccessible',
  'RentedHardwareMalfunction',
  'RentedHardwareCounterfeit',
  'OnlineRentFailed',
]);

/** The report time of the reasons a reporter's offline report carries (the ones that can end by coming back). */
export function reportTimeOf(reason: OPSlashReason): number | null {
  if (typeof reason === 'string') return null;
  const [name, time] = Object.entries(reason)[0]!;
  return REPORT_TIME_REASONS.has(name) ? time : null;
}

/** utils.rs slash_percent: percent of the machine's stake by reason and downtime (blocks). */
export function slashPercent(reason: OPSlashReason, duration: number): number {
  const pick = (steps: Array<[number, number]>, rest: number) =>
    steps.find(([limit]) => duration < limit)?.[1] ?? rest;
  switch (reasonName(reason)) {
    case 'RentedReportOffline':
      return pick(
        [
          [SEVEN_MINUTES, 2],
          [TWO_DAYS, 4],
          [FIVE_DAYS, 30],
        ],
        50,
      );
    case 'OnlineReportOffline':
      return pick(
        [
          [SEVEN_MINUTES, 2],
          [TWO_DAYS, 4],
          [TEN_DAYS, 30],
        ],
        80,
      );
    case 'RentedInaccessible':
      return pick(
        [
          [SEVEN_MINUTES, 4],
          [TWO_DAYS, 8],
          [FIVE_DAYS, 60],
        ],
        100,
      );
    case 'RentedHardwareMalfunction':
    case 'OnlineRentFailed':
      return pick(
        [
          [FOUR_HOURS, 6],
          [ONE_DAY, 12],
          [TWO_DAYS, 16],
          [FIVE_DAYS, 60],
        ],
        100,
      );
    case 'RentedHardwareCounterfeit':
      return pick(
        [
          [FOUR_HOURS, 12],
          [ONE_DAY, 24],
          [TWO_DAYS, 32],
          [FIVE_DAYS, 60],
        ],
        100,
      );
    default:
      return 0;
  }
}

/** utils.rs reach_max_slash: downtime beyond which the slash no longer grows. */
export function reachMaxSlash(reason: OPSlashReason, duration: number): boolean {
  switch (reasonName(reason)) {
    case 'OnlineReportOffline':
      return duration > 10 * ONE_DAY;
    case 'RentedReportOffline':
    case 'RentedInaccessible':
    case 'RentedHardwareMalfunction':
    case 'RentedHardwareCounterfeit':
    case 'OnlineRentFailed':
      return duration > 5 * ONE_DAY;
    default:
      return false;
  }
}

/** slash.rs get_new_slash_id. */
export function newSlashId(rt: Runtime): bigint {
  const next = store(rt).nextSlashId;
  const id = next.get()!;
  next.set(id === 2n ** 64n - 1n ? 0n : id + 1n);
  return id;
}

/** slash.rs new_slash_when_offline + new_offline_slash: the pending slash of a machine coming back. */
export function newSlashWhenOffline(
  rt: Runtime,
  machineId: string,
  reason: OPSlashReason,
  reporter: string | null,
  renters: string[],
  committee: string[] | null,
  duration: number,
): OPPendingSlashInfo | null {
  const percent = slashPercent(reason, duration);
  let who: [string | null, string[], string[] | null];
  switch (reasonName(reason)) {
    case 'RentedReportOffline':
      who = [duration <= TWO_DAYS ? null : reporter, renters, null];
      break;
    case 'OnlineReportOffline':
      who = [null, [], null];
      break;
    case 'RentedInaccessible':
      who = [duration <= TWO_DAYS ? null : reporter, renters, committee];
      break;
    case 'RentedHardwareMalfunction':
    case 'RentedHardwareCounterfeit':
    case 'OnlineRentFailed':
      who = [reporter, renters, committee];
      break;
    default:
      who = [null, [], null];
  }
  const info = store(rt).machinesInfo.get(machineId);
  if (!info) return null;
  const now = rt.blockNumber;
  return {
    slashWho: info.machineStash,
    machineId,
    slashTime: now,
    slashAmount: perbillMul(perbill(percent, 100), info.stakeAmount),
    slashExecTime: now + TWO_DAYS,
    reporter: who[0],
    renters: who[1],
    rewardToCommittee: who[2],
    slashReason: reason,
  };
}

/** Records a pending slash (lib.rs controller_report_online / exec_slash): AddSlash. */
export function addPendingSlash(rt: Runtime, slash: OPPendingSlashInfo): bigint {
  const s = store(rt);
  const id = newSlashId(rt);
  s.pendingExecSlash.mutate(slash.slashExecTime, (ids: bigint[]) => addItem(ids, id));
  s.pendingSlash.set(id, slash);
  s.machine2PendingSlashIds.mutate(slash.machineId, (ids: bigint[]) => addItem(ids, id));
  rt.deposit(PALLET, 'AddSlash', [slash.machineId, id]);
  return id;
}

/** slash.rs exec_pending_slash: runs the slashes due at this block. */
export function execPendingSlash(rt: Runtime, now: number): void {
  const s = store(rt);
  for (const id of s.pendingExecSlash.get(now)!) {
    const slash = s.pendingSlash.get(id);
    if (!slash) continue;
    if (slash.slashReason === 'CommitteeRefusedOnline' || slash.slashReason === 'CommitteeRefusedMutHardware')
      slashAndReward(rt, slash.slashWho, slash.slashAmount, slash.rewardToCommittee ?? []);
    else doSlashDeposit(rt, slash);
    rt.deposit(PALLET, 'SlashExecuted', [slash.slashWho, slash.machineId, slash.slashAmount]);
    s.pendingSlash.remove(id);
  }
}

/** slash.rs check_pending_slash: an expired slash review forfeits its stake to the treasury. */
export function checkPendingSlash(rt: Runtime, now: number): void {
  const s = store(rt);
  if (!s.pendingSlashReviewChecking.has(now)) return;
  for (const id of s.pendingSlashReviewChecking.get(now)!) {
    const review = s.pendingSlashReview.get(id);
    if (!review) return;
    const stash = s.controllerStash.get(review.applicant);
    if (!stash) return;
    slashAndReward(rt, stash, review.stakedAmount, []);
    s.pendingSlashReview.remove(id);
  }
  s.pendingSlashReviewChecking.remove(now);
}

/** slash.rs do_slash_deposit: 10 % to renters, 20 % to the committee when there are any, the rest to the treasury. */
function doSlashDeposit(rt: Runtime, slash: OPPendingSlashInfo): void {
  const info = store(rt).machinesInfo.get(slash.machineId);
  if (!info) return;
  if (rt.account(info.machineStash).data.reserved < slash.slashAmount) return;
  const toRenters = slash.renters.length ? perbillMul(perbill(10, 100), slash.slashAmount) : 0n;
  const toCommittee = slash.rewardToCommittee ? perbillMul(perbill(20, 100), slash.slashAmount) : 0n;
  const toTreasury = satSub(satSub(slash.slashAmount, toRenters), toCommittee);
  if (toRenters > 0n) slashAndReward(rt, slash.slashWho, toRenters, slash.renters);
  if (toCommittee > 0n && slash.rewardToCommittee)
    slashAndReward(rt, slash.slashWho, toCommittee, slash.rewardToCommittee);
  slashAndReward(rt, slash.slashWho, toTreasury, []);
  // try_to_change_machine_status_to_fulfill edits a copy it never writes back: no effect upstream.
}

/** lib.rs do_cancel_slash: returns the slash and the review stake. */
export function doCancelSlash(rt: Runtime, slashId: bigint): void {
  const s = store(rt);
  if (!s.pendingSlash.has(slashId)) throw rt.error(PALLET, 'SlashIdNotExist');
  const slash = s.pendingSlash.get(slashId)!;
  const review = s.pendingSlashReview.get(slashId);
  if (!review) throw rt.error(PALLET, 'Unknown');
  if (!changeStake(rt, slash.slashWho, slash.slashAmount, false)) throw rt.error(PALLET, 'ReduceStakeFailed');
  if (!changeStake(rt, slash.slashWho, review.stakedAmount, false))
    throw rt.error(PALLET, 'ReduceStakeFailed');
  s.pendingSlashReviewChecking.mutate(slash.slashExecTime, (ids: bigint[]) => rmItem(ids, slashId));
  s.pendingExecSlash.mutate(slash.slashExecTime, (ids: bigint[]) => rmItem(ids, slashId));
  s.pendingSlash.remove(slashId);
  s.pendingSlashReview.remove(slashId);
  rt.deposit(PALLET, 'SlashCanceled', [slashId, slash.slashWho, slash.slashAmount]);
}
