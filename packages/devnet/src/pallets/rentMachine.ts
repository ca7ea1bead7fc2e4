import { badOrigin, DispatchFailure } from '../chain/errors.js';
import type { CallContext, PalletLogic, Runtime } from '../chain/runtime.js';
import { dbcAmountByValue } from './dbcPriceOcw.js';
import { canReserve, currencyTransfer, freeBalance, payFixedTxFee, toBig } from './genericFunc.js';
import { updateRegionOnRentChanged, updateSnapOnRentChanged } from './onlineProfile/snapshots.js';
import { calcPoint, fulfillMachineStake, gpuNum } from './onlineProfile/stake.js';
import {
  statusName,
  type LiveMachine,
  type MachineInfo,
  type MachineStatus,
  type StandardGpuPointPrice,
  type StashMachine,
  type SysInfoDetail,
  type TimeRange,
} from './onlineProfile/types.js';
import { accountCmp, addItem, hasItem, perbill, perbillMul, rmItem } from './onlineProfile/util.js';

/**
 * rent_machine (pallets/rent-machine/src/lib.rs), the OnlineProfile side of renting it drives
 * (online-profile traits.rs RTOps, lib.rs is_rental_schedule_allowed) and the rental helpers both
 * rental pallets share (support/src/rental_type.rs, the rent fee formula). OnlineProfile's own
 * snapshot and stake bookkeeping is reused from ./onlineProfile.
 */

// ---- dbc_support::primitives (6 s blocks) ----

export const ONE_MINUTE = 10;
export const HALF_HOUR = 30 * ONE_MINUTE;
export const ONE_HOUR = 60 * ONE_MINUTE;
export const ONE_DAY = 24 * ONE_HOUR;
/** Blocks a renter has to confirm an order (WAITING_CONFIRMING_DELAY). */
export const WAITING_CONFIRMING_DELAY = 15 * ONE_MINUTE;
const MILLISECS_PER_BLOCK = 6_000n;
export const U32_MAX = 0xffff_ffff;
export const U64_MAX = 2n ** 64n - 1n;
export const U128_MAX = 2n ** 128n - 1n;

const satAdd128 = (a: bigint, b: bigint): bigint => (a + b > U128_MAX ? U128_MAX : a + b);
export const satSubU32 = (a: number, b: number): number => (a > b ? a - b : 0);
/** u32 `+` in a release build (no overflow checks) wraps. */
export const wrapAddU32 = (a: number, b: number): number => (a + b) >>> 0;

export const isOfflineStatus = (s: MachineStatus): boolean =>
  statusName(s) === 'StakerReportOffline' || statusName(s) === 'ReporterReportOffline';

/** `Perbill::from_rational(part, whole) * n`, as total_rented_duration and terminate_rent use it. */
export const shareOf = (part: bigint | number, whole: bigint | number, n: bigint): bigint =>
  perbillMul(perbill(part, whole), n);

// ---- dbc_support::rental_type ----

export type RentStatus = 'WaitingVerifying' | 'Renting' | 'RentExpired';

export interface RentOrderDetail {
  machineId: string;
  renter: string;
  rentStart: number;
  confirmRent: number;
  rentEnd: number;
  stakeAmount: bigint;
  rentStatus: RentStatus;
  gpuNum: number;
  gpuIndex: number[];
}

export interface MachineGpuOrder {
  rentOrder: bigint[];
  usedGpu: number[];
}

/** MachineGPUOrder::gen_rentable_gpu: the lowest free GPU indices (fewer if not enough are free). */
export function genRentableGpu(order: MachineGpuOrder, need: number, total: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < total; i++) {
    if (out.length === need) return out;
    if (!hasItem(order.usedGpu, i)) {
      out.push(i);
      addItem(order.usedGpu, i);
    }
  }
  return out;
}

/** MachineGPUOrder::clean_expired_order. */
export function cleanExpiredOrder(order: MachineGpuOrder, rentId: bigint, gpuIndex: number[]): void {
  rmItem(order.rentOrder, rentId);
  for (const i of gpuIndex) rmItem(order.usedGpu, i);
}

// ---- pricing (RTOps::get_machine_price and the rent fee both rental pallets compute) ----

/** get_machine_price: USD×1e6 per day for `need` of `total` GPUs; null on overflow or missing price. */
export function machinePrice(
  std: StandardGpuPointPrice | null,
  point: bigint,
  need: number,
  total: number,
): bigint | null {
  if (total === 0 || std === null) return null;
  let v = std.gpuPrice * point;
  if (v > U64_MAX) return null;
  v *= 10_000n;
  if (v > U64_MAX || std.gpuPoint === 0n) return null;
  v /= std.gpuPoint;
  v *= BigInt(need);
  if (v > U64_MAX) return null;
  return v / BigInt(total) / 10_000n;
}

/**
 * The rent fee in planck as rent_machine / relet_machine compute it: (system price + extra price
 * per GPU × GPUs) × duration / ONE_DAY, converted at AvgPrice. Throws `pallet`'s
 * GetMachinePriceFailed / Overflow where the upstream checked arithmetic does.
 */
export function rentFeeOf(
  rt: Runtime,
  pallet: string,
  q: {
    std: StandardGpuPointPrice | null;
    calcPoint: bigint;
    gpus: number;
    totalGpus: number;
    extraPerGpu: bigint;
    duration: number;
  },
): bigint {
  const system = machinePrice(q.std, q.calcPoint, q.gpus, q.totalGpus);
  if (system === null) throw rt.error(pallet, 'GetMachinePriceFailed');
  const extra = q.extraPerGpu * BigInt(q.gpus);
  if (extra > U64_MAX) throw rt.error(pallet, 'Overflow');
  const price = system + extra;
  if (price > U64_MAX) throw rt.error(pallet, 'Overflow');
  const value = price * BigInt(q.duration);
  if (value > U64_MAX) throw rt.error(pallet, 'Overflow');
  const fee = dbcAmountByValue(rt, value / BigInt(ONE_DAY));
  if (fee === null) throw rt.error(pallet, 'Overflow');
  return fee;
}

/**
 * get_new_rent_id (both rental pallets). Upstream loops while the order map already holds the next
 * id without ever moving on (a hang); ids only repeat after u64 wraps, so the devnet takes the next.
 */
export function nextRentId(rt: Runtime, pallet: string): bigint {
  const next = rt.storage<bigint>(pallet, 'NextRentId');
  const id = next.get()!;
  next.set(id === U64_MAX ? 0n : id + 1n);
  return id;
}

/** Removes `rentId` from a block-keyed order list, dropping the entry once empty. */
export function rmFromBlockList(
  rt: Runtime,
  pallet: string,
  item: string,
  block: number,
  rentId: bigint,
): void {
  const s = rt.storage<bigint[]>(pallet, item);
  const list = s.get(block)!;
  rmItem(list, rentId);
  if (list.length === 0) s.remove(block);
  else s.set(block, list);
}

// ---- OnlineProfile RTOps (online-profile traits.rs) ----

const op = <V>(rt: Runtime, item: string) => rt.storage<V>('OnlineProfile', item);

/** RTOps::change_machine_rent_fee: stake top-up first, then the rent/burn totals of machine, stash and system. */
function changeMachineRentFee(
  rt: Runtime,
  stash: string,
  machineId: string,
  toDestroy: bigint,
  toStash: bigint,
): void {
  if (!fulfillMachineStake(rt, stash, toStash)) return;
  const mi = op<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) return;
  const bump = <T extends { totalBurnFee: bigint; totalRentFee: bigint }>(x: T): T => {
    x.totalBurnFee = satAdd128(x.totalBurnFee, toDestroy);
    x.totalRentFee = satAdd128(x.totalRentFee, toStash);
    return x;
  };
  const sm = op<StashMachine>(rt, 'StashMachines').get(mi.machineStash)!;
  op<SysInfoDetail>(rt, 'SysInfo').mutate(bump);
  op(rt, 'StashMachines').set(mi.machineStash, bump(sm));
  op(rt, 'MachinesInfo').set(machineId, bump(mi));
}

/** RTOps::change_machine_status_on_rent_start: Rented at once, before confirmation. */
function changeMachineStatusOnRentStart(rt: Runtime, machineId: string, gpus: number): boolean {
  const infos = op<MachineInfo>(rt, 'MachinesInfo');
  const mi = infos.get(machineId);
  if (!mi) return false;
  mi.machineStatus = 'Rented';
  infos.set(machineId, mi);
  op<number>(rt, 'MachineRentedGPU').mutate(machineId, (v) => Math.min(v + gpus, U32_MAX));
  return true;
}

/** RTOps::change_machine_status_on_confirmed: renters, rented times, and the first confirm's bookkeeping. */
function changeMachineStatusOnConfirmed(rt: Runtime, machineId: string, renter: string): boolean {
  const mi = op<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) return false;
  const live = op<LiveMachine>(rt, 'LiveMachines').get()!;
  addItem(mi.renters, renter, accountCmp);
  mi.totalRentedTimes += 1n;
  // The rented list guards the score snapshot against counting one machine twice.
  if (!hasItem(live.rentedMachine, machineId)) {
    if (!updateSnapOnRentChanged(rt, machineId, true)) return false;
    rmItem(live.onlineMachine, machineId);
    addItem(live.rentedMachine, machineId);
    op(rt, 'LiveMachines').set(live);
    updateRegionOnRentChanged(rt, mi, true);
  }
  op(rt, 'MachinesInfo').set(machineId, mi);
  return true;
}

/** RTOps::change_machine_status_on_rent_end: frees the GPUs; back to Online after the last Renting order. */
function changeMachineStatusOnRentEnd(
  rt: Runtime,
  now: number,
  machineId: string,
  rentedGpuNum: number,
  rentDuration: number,
  isMachineLastRent: boolean,
  isRenterLastRent: boolean,
  renter: string,
): boolean {
  const mi = op<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) return false;
  const live = op<LiveMachine>(rt, 'LiveMachines').get()!;
  const rentedGpu = satSubU32(op<number>(rt, 'MachineRentedGPU').get(machineId)!, rentedGpuNum);
  const total = gpuNum(mi);
  if (total === 0) return true;
  mi.totalRentedDuration = wrapAddU32(
    mi.totalRentedDuration,
    Number(shareOf(rentedGpuNum, total, BigInt(rentDuration))),
  );
  if (isRenterLastRent) rmItem(mi.renters, renter, accountCmp);

  if (isOfflineStatus(mi.machineStatus)) op(rt, 'RentedFinished').set(machineId, renter);
  else if (mi.machineStatus === 'Rented' && isMachineLastRent) {
    rmItem(live.rentedMachine, machineId);
    addItem(live.onlineMachine, machineId);
    mi.lastOnlineHeight = now;
    mi.machineStatus = 'Online';
    if (!updateSnapOnRentChanged(rt, machineId, false)) return false;
    updateRegionOnRentChanged(rt, mi, false);
  }
  op(rt, 'MachineRentedGPU').set(machineId, rentedGpu);
  op(rt, 'LiveMachines').set(live);
  op(rt, 'MachinesInfo').set(machineId, mi);
  return true;
}

/** RTOps::change_machine_status_on_confirm_expired: Online again once no GPU is held. */
function changeMachineStatusOnConfirmExpired(rt: Runtime, machineId: string, gpus: number): boolean {
  const rentedGpu = satSubU32(op<number>(rt, 'MachineRentedGPU').get(machineId)!, gpus);
  if (rentedGpu === 0) {
    const infos = op<MachineInfo>(rt, 'MachinesInfo');
    const mi = infos.get(machineId);
    if (!mi) return false;
    mi.machineStatus = 'Online';
    infos.set(machineId, mi);
  }
  op(rt, 'MachineRentedGPU').set(machineId, rentedGpu);
  return true;
}

/** lib.rs is_rental_schedule_allowed: TimeSlot machines rent ≥ 2 h inside one allowed range of one UTC day. */
function isRentalScheduleAllowed(rt: Runtime, machineId: string, startMs: bigint, endMs: bigint): boolean {
  if (op<string>(rt, 'MachineRentalModeStorage').get(machineId) === 'FullTime') return true;
  if (endMs <= startMs) return false;
  if (endMs - startMs < 2n * 60n * 60n * 1000n) return false;
  const secs = startMs / 1000n;
  const startDate = Number(secs / 86_400n);
  const weekday = (startDate + 4) % 7;
  const startHour = Number((secs % 86_400n) / 3_600n);
  const endSecs = endMs / 1000n;
  const endDate = Number(endSecs / 86_400n);
  let endHour: number;
  if (endDate === startDate) endHour = Number((endSecs % 86_400n) / 3_600n);
  // A rental may end exactly at the next midnight (hour 24 of its day), never later.
  else if (endDate === startDate + 1 && endSecs % 86_400n === 0n) endHour = 24;
  else return false;
  const specific = op<TimeRange[]>(rt, 'SpecificDateSchedule');
  const ranges = specific.has(machineId, startDate)
    ? specific.get(machineId, startDate)!
    : (op<TimeRange[][]>(rt, 'WeeklySchedule').get(machineId)![weekday] ?? []);
  return ranges.some((r) => startHour >= r.startHour && endHour <= r.endHour);
}

// ---- RentMachine ----

const rm = <V>(rt: Runtime, item: string) => rt.storage<V>('RentMachine', item);
const err = (rt: Runtime, name: string) => rt.error('RentMachine', name);

/** change_renter_total_stake: reserve or release the renter's stake, tracked in UserTotalStake. */
function changeRenterTotalStake(rt: Runtime, who: string, amount: bigint, isAdd: boolean): boolean {
  const current = rm<bigint>(rt, 'UserTotalStake').get(who)!;
  let next: bigint;
  if (isAdd) {
    if (!canReserve(rt, who, amount)) return false;
    rt.reserve(who, amount);
    next = current + amount;
    if (next > U128_MAX) return false;
  } else {
    if (current < amount) return false;
    rt.unreserve(who, amount);
    next = current - amount;
  }
  rm(rt, 'UserTotalStake').set(who, next);
  return true;
}

/**
 * pay_rent_fee: RentFeeDestroyPercent of the fee to RentFeePot, the rest to the receiver
 * snapshotted at rent time (else the stash's current receiver, else the stash), then the stake
 * top-up and rent statistics.
 */
function payRentFee(
  rt: Runtime,
  renter: string,
  machineId: string,
  stash: string,
  rentId: bigint,
  fee: bigint,
): void {
  const pot = rm<string>(rt, 'RentFeePot').get();
  if (pot === null) throw err(rt, 'UndefinedRentPot');
  const percent = op<number>(rt, 'RentFeeDestroyPercent').get()!;
  const toDestroy = perbillMul(percent, fee);
  const toStash = fee - toDestroy;
  const receiver =
    rm<string>(rt, 'RentOrderReceiver').get(rentId) ??
    op<string>(rt, 'StashRentReceiver').get(stash) ??
    stash;
  currencyTransfer(rt, renter, receiver, toStash);
  currencyTransfer(rt, renter, pot, toDestroy);
  changeMachineRentFee(rt, stash, machineId, toDestroy, toStash);
}

/** rent_machine_by_block: checks in upstream order, fixed fee, quote, reserve, then the order. */
function rentMachine(
  rt: Runtime,
  now: number,
  renter: string,
  machineId: string,
  rentGpuNum: number,
  duration: number,
): void {
  const mi = op<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) throw err(rt, 'Unknown');
  const rentedGpu = op<number>(rt, 'MachineRentedGPU').get(machineId)!;
  const totalGpus = gpuNum(mi);
  if (totalGpus === 0 || duration === 0) return;

  if (wrapAddU32(rentGpuNum, rentedGpu) > totalGpus) throw err(rt, 'GPUNotEnough');
  if (duration % HALF_HOUR !== 0) throw err(rt, 'OnlyHalfHourAllowed');
  if (mi.machineStatus !== 'Online' && mi.machineStatus !== 'Rented') throw err(rt, 'MachineNotRentable');

  const maxDuration = Math.min(rm<number>(rt, 'MaximumRentalDuration').get()! * ONE_DAY, U32_MAX);
  const dur = Math.min(duration, maxDuration);

  const startMs = rt.storage<bigint>('Timestamp', 'Now').get()!;
  const endMs = startMs + BigInt(dur) * MILLISECS_PER_BLOCK;
  if (endMs > U64_MAX) throw err(rt, 'Overflow');
  if (!isRentalScheduleAllowed(rt, machineId, startMs, endMs)) throw err(rt, 'OutOfRentalSchedule');

  if (!payFixedTxFee(rt, renter)) throw err(rt, 'PayTxFeeFailed');

  const fee = rentFeeOf(rt, 'RentMachine', {
    std: op<StandardGpuPointPrice>(rt, 'StandardGPUPointPrice').get(),
    calcPoint: calcPoint(mi),
    gpus: rentGpuNum,
    totalGpus,
    extraPerGpu: op<bigint>(rt, 'MachineExtraPrice').get(machineId)!,
    duration: dur,
  });
  const rentEnd = now + dur;
  if (rentEnd > U32_MAX) throw err(rt, 'Overflow');

  if (!changeRenterTotalStake(rt, renter, fee, true)) throw err(rt, 'InsufficientValue');
  const rentId = nextRentId(rt, 'RentMachine');

  // spec 410: the stash's receiver is fixed at rent time so it cannot be switched before payment.
  const snapshot = op<string>(rt, 'StashRentReceiver').get(mi.machineStash);
  if (snapshot !== null) rm(rt, 'RentOrderReceiver').set(rentId, snapshot);

  const order = rm<MachineGpuOrder>(rt, 'MachineRentOrder').get(machineId)!;
  const gpuIndex = genRentableGpu(order, rentGpuNum, totalGpus);
  addItem(order.rentOrder, rentId);

  if (!changeMachineStatusOnRentStart(rt, machineId, rentGpuNum)) throw err(rt, 'Unknown');

  const detail: RentOrderDetail = {
    machineId,
    renter,
    rentStart: now,
    confirmRent: 0,
    rentEnd,
    stakeAmount: fee,
    rentStatus: 'WaitingVerifying',
    gpuNum: rentGpuNum,
    gpuIndex,
  };
  rm(rt, 'RentInfo').set(rentId, detail);
  rm<bigint[]>(rt, 'UserOrder').mutate(renter, (l) => addItem(l, rentId));
  rm<bigint[]>(rt, 'RentEnding').mutate(rentEnd, (l) => addItem(l, rentId));
  rm<bigint[]>(rt, 'ConfirmingOrder').mutate(now + WAITING_CONFIRMING_DELAY, (l) => addItem(l, rentId));
  rm(rt, 'MachineRentOrder').set(machineId, order);

  rt.deposit('RentMachine', 'Rent', [rentId, renter, machineId, rentGpuNum, dur, fee]);
}

/** confirm_rent: within WAITING_CONFIRMING_DELAY the reserve is released and paid out at once. */
function confirmRent(rt: Runtime, now: number, renter: string, rentId: bigint): void {
  const info = rm<RentOrderDetail>(rt, 'RentInfo').get(rentId);
  if (!info) throw err(rt, 'Unknown');
  const machineId = info.machineId;
  if (info.renter !== renter) throw err(rt, 'NoOrderExist');
  if (info.rentStatus !== 'WaitingVerifying') throw err(rt, 'NoOrderExist');
  if (now < info.rentStart) throw err(rt, 'Overflow');
  if (now - info.rentStart > WAITING_CONFIRMING_DELAY) throw err(rt, 'ExpiredConfirm');

  const mi = op<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) throw err(rt, 'Unknown');
  if (mi.machineStatus !== 'Rented') throw err(rt, 'StatusNotAllowed');

  if (!changeRenterTotalStake(rt, renter, info.stakeAmount, false)) throw err(rt, 'UnlockToPayFeeFailed');
  payRentFee(rt, renter, machineId, mi.machineStash, rentId, info.stakeAmount);

  const rentFee = info.stakeAmount;
  const rentDuration = satSubU32(info.rentEnd, info.rentStart);
  info.confirmRent = now;
  info.rentStatus = 'Renting';
  info.stakeAmount = 0n;

  if (!changeMachineStatusOnConfirmed(rt, machineId, renter)) throw err(rt, 'Unknown');

  rmFromBlockList(rt, 'RentMachine', 'ConfirmingOrder', info.rentStart + WAITING_CONFIRMING_DELAY, rentId);
  rm(rt, 'RentInfo').set(rentId, info);
  rm<Array<{ rentId: bigint; rentStart: number; rentEnd: number }>>(rt, 'MachineRenterRentedOrders').mutate(
    machineId,
    renter,
    (l) => {
      l.push({ rentId, rentStart: info.rentStart, rentEnd: info.rentEnd });
    },
  );

  rt.deposit('RentMachine', 'ConfirmRent', [rentId, renter, machineId, info.gpuNum, rentDuration, rentFee]);
}

/** relet_machine_by_block: the extension is paid immediately, not reserved. */
function reletMachine(rt: Runtime, now: number, renter: string, rentId: bigint, duration: number): void {
  const info = rm<RentOrderDetail>(rt, 'RentInfo').get(rentId);
  if (!info) throw err(rt, 'Unknown');
  const oldEnd = info.rentEnd;
  const machineId = info.machineId;

  if (duration < 10 * ONE_MINUTE) throw err(rt, 'ReletTooShort');
  if (info.renter !== renter) throw err(rt, 'NotMachineRenter');
  if (info.rentStatus !== 'Renting') throw err(rt, 'NoOrderExist');

  const mi = op<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) throw err(rt, 'Unknown');

  // The end may reach at most 60 days past now.
  const maxEnd = now + 60 * ONE_DAY;
  if (maxEnd > U32_MAX) throw err(rt, 'Overflow');
  const wanted = wrapAddU32(oldEnd, duration);
  const add = maxEnd >= wanted ? duration : satSubU32(maxEnd, oldEnd);
  if (add === 0) return;

  const fee = rentFeeOf(rt, 'RentMachine', {
    std: op<StandardGpuPointPrice>(rt, 'StandardGPUPointPrice').get(),
    calcPoint: calcPoint(mi),
    gpus: info.gpuNum,
    totalGpus: gpuNum(mi),
    extraPerGpu: op<bigint>(rt, 'MachineExtraPrice').get(machineId)!,
    duration: add,
  });
  if (!(fee < freeBalance(rt, renter))) throw err(rt, 'InsufficientValue');

  payRentFee(rt, renter, machineId, mi.machineStash, rentId, fee);

  const newEnd = oldEnd + add;
  if (newEnd > U32_MAX) throw err(rt, 'Overflow');
  info.rentEnd = newEnd;
  rmFromBlockList(rt, 'RentMachine', 'RentEnding', oldEnd, rentId);
  rm<bigint[]>(rt, 'RentEnding').mutate(newEnd, (l) => addItem(l, rentId));
  rm<Array<{ rentId: bigint; rentStart: number; rentEnd: number }>>(rt, 'MachineRenterRentedOrders').mutate(
    machineId,
    renter,
    (l) => {
      l.push({ rentId, rentStart: info.rentStart, rentEnd: newEnd });
    },
  );
  rm(rt, 'RentInfo').set(rentId, info);

  rt.deposit('RentMachine', 'Relet', [rentId, renter, machineId, info.gpuNum, add, fee]);
}

/** Drops an order from its renter's UserOrder. */
function removeUserOrder(rt: Runtime, rentId: bigint, info: RentOrderDetail): void {
  const users = rm<bigint[]>(rt, 'UserOrder');
  const mine = users.get(info.renter)!;
  rmItem(mine, rentId);
  if (mine.length === 0) users.remove(info.renter);
  else users.set(info.renter, mine);
}

/** Frees the order's GPUs and deletes RentInfo and RentOrderReceiver. */
function dropMachineOrder(rt: Runtime, rentId: bigint, info: RentOrderDetail): void {
  const orders = rm<MachineGpuOrder>(rt, 'MachineRentOrder');
  const order = orders.get(info.machineId)!;
  cleanExpiredOrder(order, rentId, info.gpuIndex);
  orders.set(info.machineId, order);
  rm(rt, 'RentInfo').remove(rentId);
  rm(rt, 'RentOrderReceiver').remove(rentId);
}

/**
 * check_machine_starting_status: orders still unconfirmed WAITING_CONFIRMING_DELAY blocks after
 * renting are dropped and their reserve returned. No event. A missing order aborts the rest of the
 * block's list, as the `?` upstream does.
 */
function checkMachineStartingStatus(rt: Runtime, block: number): void {
  const confirming = rm<bigint[]>(rt, 'ConfirmingOrder');
  if (!confirming.has(block)) return;
  for (const rentId of confirming.get(block)!) {
    const info = rm<RentOrderDetail>(rt, 'RentInfo').get(rentId);
    if (!info) return;
    if (info.stakeAmount !== 0n) changeRenterTotalStake(rt, info.renter, info.stakeAmount, false);
    removeUserOrder(rt, rentId, info);
    rmFromBlockList(rt, 'RentMachine', 'ConfirmingOrder', block, rentId);
    rmFromBlockList(rt, 'RentMachine', 'RentEnding', info.rentEnd, rentId);
    dropMachineOrder(rt, rentId, info);
    if (!changeMachineStatusOnConfirmExpired(rt, info.machineId, info.gpuNum)) return;
  }
}

/** is_last_rent: (no other Renting order on the machine, the renter holds no other order on it). */
function isLastRent(rt: Runtime, machineId: string, renter: string): [boolean, boolean] | null {
  let machineCount = 0;
  let renterCount = 0;
  for (const id of rm<MachineGpuOrder>(rt, 'MachineRentOrder').get(machineId)!.rentOrder) {
    const info = rm<RentOrderDetail>(rt, 'RentInfo').get(id);
    if (!info) return null;
    if (info.renter === renter) renterCount++;
    if (info.rentStatus === 'Renting') machineCount++;
  }
  return [machineCount < 2, renterCount < 2];
}

/** check_if_rent_finished: orders ending at this block are deleted and their GPUs freed. No event. */
function checkIfRentFinished(rt: Runtime, block: number): void {
  const ending = rm<bigint[]>(rt, 'RentEnding');
  if (!ending.has(block)) return;
  for (const rentId of ending.get(block)!) {
    const info = rm<RentOrderDetail>(rt, 'RentInfo').get(rentId);
    if (!info) return;
    const last = isLastRent(rt, info.machineId, info.renter);
    if (!last) return;
    changeMachineStatusOnRentEnd(
      rt,
      block,
      info.machineId,
      info.gpuNum,
      satSubU32(info.rentEnd, info.rentStart),
      last[0],
      last[1],
      info.renter,
    );
    if (info.stakeAmount !== 0n) changeRenterTotalStake(rt, info.renter, info.stakeAmount, false);
    removeUserOrder(rt, rentId, info);
    rmFromBlockList(rt, 'RentMachine', 'RentEnding', block, rentId);
    dropMachineOrder(rt, rentId, info);
  }
}

const ensureRoot = (ctx: CallContext) => {
  if (ctx.origin !== 'root') throw badOrigin();
};

export const rentMachineLogic: PalletLogic = {
  name: 'RentMachine',
  calls: {
    set_rent_fee_pot: (ctx, args) => {
      ensureRoot(ctx);
      rm(ctx.rt, 'RentFeePot').set(String(args.potAddr));
    },
    rent_machine: (ctx, args) =>
      rentMachine(
        ctx.rt,
        ctx.block,
        ctx.who,
        String(args.machineId),
        Number(args.rentGpuNum),
        Number(args.duration),
      ),
    confirm_rent: (ctx, args) => confirmRent(ctx.rt, ctx.block, ctx.who, toBig(args.rentId)),
    relet_machine: (ctx, args) =>
      reletMachine(ctx.rt, ctx.block, ctx.who, toBig(args.rentId), Number(args.reletDuration)),
    bond_evm_address: (ctx, args) => {
      const who = ctx.who;
      const machineId = String(args.machineId);
      const mi = op<MachineInfo>(ctx.rt, 'MachinesInfo').get(machineId);
      // `.ok_or(Error::<T>::MachineNotFound.as_str())`: a string error is DispatchError::Other.
      if (!mi) throw new DispatchFailure('Other', 'MachineNotFound');
      if (mi.controller !== who && mi.machineStash !== who) throw err(ctx.rt, 'NotMachineOwner');
      rm(ctx.rt, 'EvmAddress2Account').set(args.evmAddress, who);
      ctx.rt.deposit('RentMachine', 'SetEvmAddress', [args.evmAddress, who]);
    },
  },
  onFinalize(rt, block) {
    checkMachineStartingStatus(rt, block);
    checkIfRentFinished(rt, block);
  },
};
