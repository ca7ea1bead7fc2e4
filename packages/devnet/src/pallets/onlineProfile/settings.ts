// Calls that configure a machine or the pallet rather than move it between states: root parameters
// (lib.rs calls 0–3, 21), rental price and schedule (22–27), and slash review (16–18).
import { u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import type { Js } from '../../chain/codec.js';
import { badOrigin } from '../../chain/errors.js';
import type { CallContext, Runtime } from '../../chain/runtime.js';
import { machineIdArg, machineOf } from './machineFlow.js';
import { addPendingSlash, doCancelSlash, newSlashWhenOffline, reachMaxSlash, reportTimeOf } from './slash.js';
import { changeStake } from './stake.js';
import { MAX_EXTRA_PRICE, MAX_RANGES_PER_DAY, PALLET, type MachineInfo, type TimeRange } from './types.js';
import { addItem, store } from './util.js';

type Call = (ctx: CallContext, args: Record<string, Js>) => void;
const fail = (ctx: CallContext, error: string) => ctx.rt.error(PALLET, error);

const ensureRoot = (ctx: CallContext) => {
  if (ctx.origin !== 'root') throw badOrigin();
};

/** ensure_signed: reading the signer throws BadOrigin for root/none. */
const ensureSigned = (ctx: CallContext): string => ctx.who;

/** A root call that stores its single argument in a StorageValue. */
const rootPut =
  (
    item:
      | 'phaseRewardInfo'
      | 'onlineStakeParams'
      | 'standardGpuPointPrice'
      | 'rentFeeDestroyPercent'
      | 'authorizedForceExitAccounts',
    arg: string,
  ): Call =>
  (ctx, args) => {
    ensureRoot(ctx);
    (store(ctx.rt)[item] as { set(v: unknown): void }).set(args[arg]);
  };

/** Calls 22–26 may be made by the machine's stash or its controller. */
function ownedMachine(ctx: CallContext, machineId: string): MachineInfo {
  const info = machineOf(ctx, machineId);
  if (info.machineStash !== ctx.who && info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  return info;
}

/** TimeRange::is_valid: whole UTC hours, start < end, end ≤ 24. */
const validRange = (r: TimeRange) =>
  r.startHour < 24 && r.endHour >= 1 && r.endHour <= 24 && r.startHour < r.endHour;

/** lib.rs ranges_are_disjoint. */
function disjoint(ranges: TimeRange[]): boolean {
  for (let i = 0; i < ranges.length; i++)
    for (let j = i + 1; j < ranges.length; j++) {
      const a = ranges[i]!;
      const b = ranges[j]!;
      if (a.startHour < b.endHour && b.startHour < a.endHour) return false;
    }
  return true;
}

function checkRanges(ctx: CallContext, ranges: TimeRange[]): void {
  if (!ranges.every(validRange) || ranges.length > MAX_RANGES_PER_DAY || !disjoint(ranges))
    throw fail(ctx, 'InvalidScheduleArgs');
}

const nowMs = (rt: Runtime): bigint => BigInt(rt.storage<bigint>('Timestamp', 'Now').get() ?? 0n);

const setMachineExtraPrice: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  ownedMachine(ctx, machineId);
  const price = BigInt(args.extraPrice as bigint);
  if (price > MAX_EXTRA_PRICE) throw fail(ctx, 'ExtraPriceTooHigh');
  store(ctx.rt).machineExtraPrice.set(machineId, price);
  ctx.rt.deposit(PALLET, 'MachineExtraPriceSet', [machineId, price]);
};

/** lib.rs set_machine_rental_mode: not while Rented, so a running rental keeps its terms. */
const setMachineRentalMode: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  const info = ownedMachine(ctx, machineId);
  if (info.machineStatus === 'Rented') throw fail(ctx, 'MachineStatusNotAllowed');
  store(ctx.rt).machineRentalMode.set(machineId, args.mode);
  ctx.rt.deposit(PALLET, 'MachineRentalModeSet', [machineId, args.mode]);
};

const setWeeklySchedule: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  ownedMachine(ctx, machineId);
  const weekday = Number(args.weekday);
  if (weekday >= 7) throw fail(ctx, 'InvalidScheduleArgs');
  const ranges = args.ranges as unknown as TimeRange[];
  checkRanges(ctx, ranges);
  store(ctx.rt).weeklySchedule.mutate(machineId, (days) => {
    days[weekday] = ranges;
  });
  ctx.rt.deposit(PALLET, 'WeeklyScheduleSet', [machineId, weekday]);
};

/** lib.rs set_specific_date_schedule: an empty list clears the date; dates from 30 days ago to a year ahead. */
const setSpecificDateSchedule: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  ownedMachine(ctx, machineId);
  const date = Number(args.dateDays);
  const ranges = args.ranges as unknown as TimeRange[];
  const s = store(ctx.rt);
  if (ranges.length === 0) {
    s.specificDateSchedule.remove(machineId, date);
    ctx.rt.deposit(PALLET, 'SpecificDateCleared', [machineId, date]);
    return;
  }
  checkRanges(ctx, ranges);
  const today = Number(nowMs(ctx.rt) / 86_400_000n);
  if (date + 30 < today || date > today + 365) throw fail(ctx, 'InvalidScheduleArgs');
  s.specificDateSchedule.set(machineId, date, ranges);
  ctx.rt.deposit(PALLET, 'SpecificDateScheduleSet', [machineId, date]);
};

const clearSpecificDate: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  ownedMachine(ctx, machineId);
  const date = Number(args.dateDays);
  store(ctx.rt).specificDateSchedule.remove(machineId, date);
  ctx.rt.deposit(PALLET, 'SpecificDateCleared', [machineId, date]);
};

/** lib.rs set_rent_receiver (spec 410): the stash's rent wallet; None restores the stash; never all-zero. */
const setRentReceiver: Call = (ctx, args) => {
  const stash = ctx.who;
  const receiver = args.receiver === null || args.receiver === undefined ? null : String(args.receiver);
  if (receiver !== null && u8aToHex(decodeAddress(receiver)) === u8aToHex(new Uint8Array(32)))
    throw fail(ctx, 'InvalidRentReceiver');
  const s = store(ctx.rt);
  if (receiver === null) s.stashRentReceiver.remove(stash);
  else s.stashRentReceiver.set(stash, receiver);
  ctx.rt.deposit(PALLET, 'RentReceiverChanged', [stash, receiver]);
};

/** lib.rs apply_slash_review: the controller contests a pending slash, staking slashReviewStake. */
const applySlashReview: Call = (ctx, args) => {
  const rt = ctx.rt;
  const s = store(rt);
  const slashId = BigInt(args.slashId as bigint);
  const slash = s.pendingSlash.get(slashId);
  if (!slash) throw fail(ctx, 'Unknown');
  const info = machineOf(ctx, slash.machineId);
  const params = s.onlineStakeParams.get();
  if (!params) throw fail(ctx, 'GetReonlineStakeFailed');
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  if (slash.slashExecTime <= rt.blockNumber) throw fail(ctx, 'ExpiredSlash');
  if (!changeStake(rt, info.machineStash, params.slashReviewStake, true)) throw fail(ctx, 'BalanceNotEnough');
  s.pendingSlashReview.set(slashId, {
    applicant: ctx.who,
    stakedAmount: params.slashReviewStake,
    applyTime: rt.blockNumber,
    expireTime: slash.slashExecTime,
    reason: args.reason,
  });
  s.pendingSlashReviewChecking.mutate(slash.slashExecTime, (ids: bigint[]) => addItem(ids, slashId));
  rt.deposit(PALLET, 'ApplySlashReview', [slashId]);
};

/**
 * lib.rs cancel_slash. Upstream's CancelSlashOrigin is a fifth of the technical committee, which the
 * devnet does not run; Root (the devnet's admin path) stands in for it.
 */
const cancelSlash: Call = (ctx, args) => {
  ensureRoot(ctx);
  doCancelSlash(ctx.rt, BigInt(args.slashId as bigint));
};

/**
 * lib.rs exec_slash: anyone may book the maximum slash of a machine a report took offline once
 * the downtime reached it (once per offline period).
 */
const execSlash: Call = (ctx, args) => {
  ensureSigned(ctx);
  const rt = ctx.rt;
  const s = store(rt);
  const now = rt.blockNumber;
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  const status = info.machineStatus;
  if (typeof status !== 'object' || !('ReporterReportOffline' in status))
    throw fail(ctx, 'MachineStatusNotAllowed');
  const [reason, , reporter, committee] = status.ReporterReportOffline;
  const reportTime = reportTimeOf(reason);
  if (reportTime === null) throw fail(ctx, 'MachineStatusNotAllowed');
  const duration = Math.max(0, now - reportTime);
  if (!reachMaxSlash(reason, duration)) throw fail(ctx, 'MachineStatusNotAllowed');
  const everSlashed = s.maxSlashExeced.get(machineId)!;
  if (everSlashed > reportTime && everSlashed < now) throw fail(ctx, 'MachineStatusNotAllowed');
  const slash = newSlashWhenOffline(
    rt,
    machineId,
    reason,
    reporter,
    s.offlineMachine2Renters.get(machineId)!,
    committee,
    duration,
  );
  if (!slash) throw fail(ctx, 'Unknown');
  if (slash.slashAmount !== 0n) addPendingSlash(rt, slash);
  s.maxSlashExeced.set(machineId, now);
};

export const settingsCalls: Record<string, Call> = {
  set_reward_info: rootPut('phaseRewardInfo', 'rewardInfo'),
  set_online_stake_params: rootPut('onlineStakeParams', 'onlineStakeParamsInfo'),
  set_standard_gpu_point_price: rootPut('standardGpuPointPrice', 'pointPrice'),
  set_rentfee_destroy_percent: rootPut('rentFeeDestroyPercent', 'percent'),
  update_authorized_force_exit_accounts: rootPut('authorizedForceExitAccounts', 'accounts'),
  set_machine_extra_price: setMachineExtraPrice,
  set_machine_rental_mode: setMachineRentalMode,
  set_weekly_schedule: setWeeklySchedule,
  set_specific_date_schedule: setSpecificDateSchedule,
  clear_specific_date: clearSpecificDate,
  set_rent_receiver: setRentReceiver,
  apply_slash_review: applySlashReview,
  cancel_slash: cancelSlash,
  exec_slash: execSlash,
};
