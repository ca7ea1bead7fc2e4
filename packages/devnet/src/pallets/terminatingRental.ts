import { stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, decodeAddress } from '@polkadot/util-crypto';
import { badOrigin, DispatchFailure, ModuleError } from '../chain/errors.js';
import type { CallContext, GenesisContext, PalletLogic, Runtime } from '../chain/runtime.js';
import { DBC } from '../seed/genesis.js';
import { BLOCKS_PER_DAY } from '../seed/machines.js';
import { GPU_MODELS, CPU_MODELS, PLACES } from '../seed/catalog.js';
import { dbcAmountByValue } from './dbcPriceOcw.js';
import { canReserve, currencyTransfer, freeBalance, payFixedTxFee, toBig } from './genericFunc.js';
import { calcPoint, gpuNum } from './onlineProfile/stake.js';
import type { LiveMachine, MachineInfo, StandardGpuPointPrice, StashMachine } from './onlineProfile/types.js';
import { accountCmp, addItem, perbillMul, rmItem, satSub } from './onlineProfile/util.js';
import {
  cleanExpiredOrder,
  genRentableGpu,
  HALF_HOUR,
  isOfflineStatus,
  nextRentId,
  ONE_DAY,
  ONE_MINUTE,
  shareOf,
  rentFeeOf,
  rmFromBlockList,
  U128_MAX,
  U32_MAX,
  WAITING_CONFIRMING_DELAY,
  wrapAddU32,
  type MachineGpuOrder,
  type RentOrderDetail,
} from './rentMachine.js';

/**
 * terminating_rental (pallets/terminating-rental/src/lib.rs): DBC's second rental market, with its
 * own machine registry, prices and orders. Unlike RentMachine the fee stays reserved until the
 * order ends or is terminated, and is then charged (pro rata on termination). Unconfirmed orders
 * are never cancelled: upstream's check_machine_starting_status hook is commented out.
 */

const PALLET = 'TerminatingRental';
const tr = <V>(rt: Runtime, item: string) => rt.storage<V>(PALLET, item);
const err = (rt: Runtime, name: string) => rt.error(PALLET, name);

const ensureRoot = (ctx: CallContext) => {
  if (ctx.origin !== 'root') throw badOrigin();
};

/** change_renter_total_stake, tracked in RenterTotalStake. */
function changeRenterTotalStake(rt: Runtime, who: string, amount: bigint, isAdd: boolean): boolean {
  const current = tr<bigint>(rt, 'RenterTotalStake').get(who)!;
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
  tr(rt, 'RenterTotalStake').set(who, next);
  return true;
}

/** stake_per_gpu_limit: min(StakePerGPU, $300 in DBC), the stake cap rent income tops up to. */
function stakePerGpuLimit(rt: Runtime): bigint {
  const byNum = tr<bigint>(rt, 'StakePerGPU').get()!;
  const byValue = dbcAmountByValue(rt, 300_000_000n) ?? byNum;
  return byNum < byValue ? byNum : byValue;
}

function quote(rt: Runtime, mi: MachineInfo, machineId: string, gpus: number, duration: number): bigint {
  return rentFeeOf(rt, PALLET, {
    std: tr<StandardGpuPointPrice>(rt, 'StandardGPUPointPrice').get(),
    calcPoint: calcPoint(mi),
    gpus,
    totalGpus: gpuNum(mi),
    extraPerGpu: tr<bigint>(rt, 'MachineExtraPrice').get(machineId)!,
    duration,
  });
}

const isTransferFailure = (e: unknown) => e instanceof DispatchFailure || e instanceof ModuleError;

/**
 * pay_rent_fee: releases the order's whole reserve and charges `fee` from it: the destroy percent
 * to RentFeePot (all to the stash side while no pot is set), the rest to the stash's rent receiver
 * (falling back to the stash if that transfer fails), then tops the machine's stake up to
 * stake_per_gpu_limit × GPUs out of what the stash side received.
 */
function payRentFee(rt: Runtime, order: RentOrderDetail, fee: bigint, machineId: string): void {
  const infos = tr<MachineInfo>(rt, 'MachinesInfo');
  const mi = infos.get(machineId);
  if (!mi) throw err(rt, 'Unknown');
  // Upstream unreserves directly, so RenterTotalStake keeps counting settled orders.
  rt.unreserve(order.renter, order.stakeAmount);

  const percent = tr<number>(rt, 'RentFeeDestroyPercent').get()!;
  const pot = tr<string>(rt, 'RentFeePot').get();
  let toStash = fee;
  if (pot !== null) {
    const burn = perbillMul(percent, fee);
    toStash = satSub(fee, burn);
    currencyTransfer(rt, order.renter, pot, burn);
  }

  const stash = mi.machineStash;
  const receiver = tr<string>(rt, 'StashRentReceiver').get(stash) ?? stash;
  try {
    currencyTransfer(rt, order.renter, receiver, toStash);
  } catch (e) {
    if (!isTransferFailure(e) || receiver === stash) throw e;
    rt.deposit(PALLET, 'RentReceiverPayoutFallback', [stash, receiver, toStash]);
    currencyTransfer(rt, order.renter, stash, toStash);
  }

  const maxStake = stakePerGpuLimit(rt) * BigInt(gpuNum(mi));
  if (maxStake > U128_MAX) throw err(rt, 'Overflow');
  if (maxStake > mi.stakeAmount) {
    const room = maxStake - mi.stakeAmount;
    const stake = toStash < room ? toStash : room;
    rt.reserve(stash, stake);
    mi.stakeAmount += stake;
    infos.set(machineId, mi);
  }
}

/** change_machine_status_on_rent_start. */
function changeMachineStatusOnRentStart(rt: Runtime, machineId: string, gpus: number): boolean {
  const infos = tr<MachineInfo>(rt, 'MachinesInfo');
  const mi = infos.get(machineId);
  if (!mi) return false;
  mi.machineStatus = 'Rented';
  infos.set(machineId, mi);
  tr<number>(rt, 'MachineRentedGPU').mutate(machineId, (v) => Math.min(v + gpus, U32_MAX));
  return true;
}

/**
 * change_machine_status_on_confirmed: every confirm adds the machine's whole GPU count to the
 * stash's total_rented_gpu and moves the machine to the rented list.
 */
function changeMachineStatusOnConfirmed(rt: Runtime, machineId: string, renter: string): boolean {
  const infos = tr<MachineInfo>(rt, 'MachinesInfo');
  const mi = infos.get(machineId);
  if (!mi) return false;
  tr<StashMachine>(rt, 'StashMachines').mutate(mi.machineStash, (sm) => {
    sm.totalRentedGpu += BigInt(gpuNum(mi));
  });
  addItem(mi.renters, renter, accountCmp);
  mi.totalRentedTimes += 1n;
  infos.set(machineId, mi);
  tr<LiveMachine>(rt, 'LiveMachines').mutate((live) => {
    rmItem(live.onlineMachine, machineId);
    addItem(live.rentedMachine, machineId);
  });
  return true;
}

/** change_machine_status_on_rent_end. */
function changeMachineStatusOnRentEnd(
  rt: Runtime,
  machineId: string,
  rentedGpuNum: number,
  rentDuration: number,
  isLastRent: boolean,
  renter: string,
): void {
  const infos = tr<MachineInfo>(rt, 'MachinesInfo');
  const mi = infos.get(machineId);
  if (!mi) return;
  const live = tr<LiveMachine>(rt, 'LiveMachines').get()!;
  const total = gpuNum(mi);
  if (total === 0) return;
  mi.totalRentedDuration = wrapAddU32(
    mi.totalRentedDuration,
    Number(shareOf(rentedGpuNum, total, BigInt(rentDuration))),
  );
  rmItem(mi.renters, renter, accountCmp);

  if (isOfflineStatus(mi.machineStatus)) tr(rt, 'RentedFinished').set(machineId, renter);
  else if (mi.machineStatus === 'Rented' && isLastRent) {
    rmItem(live.rentedMachine, machineId);
    addItem(live.onlineMachine, machineId);
    // last_online_height only records offline→online, so it stays as it is.
    mi.machineStatus = 'Online';
    tr<StashMachine>(rt, 'StashMachines').mutate(mi.machineStash, (sm) => {
      sm.totalRentedGpu = satSub(sm.totalRentedGpu, BigInt(total));
    });
  }
  tr<number>(rt, 'MachineRentedGPU').mutate(machineId, (v) => (v > rentedGpuNum ? v - rentedGpuNum : 0));
  tr(rt, 'LiveMachines').set(live);
  infos.set(machineId, mi);
}

/** clean_order: drops an order from every index that lists it. */
function cleanOrder(rt: Runtime, who: string, rentId: bigint): void {
  const order = tr<RentOrderDetail>(rt, 'RentOrder').get(rentId);
  if (!order) return;
  rmFromBlockList(rt, PALLET, 'PendingRentEnding', order.rentEnd, rentId);
  rmFromBlockList(rt, PALLET, 'PendingConfirming', order.rentStart + WAITING_CONFIRMING_DELAY, rentId);
  tr<MachineGpuOrder>(rt, 'MachineRentOrder').mutate(order.machineId, (o) =>
    cleanExpiredOrder(o, rentId, order.gpuIndex),
  );
  const rented = tr<bigint[]>(rt, 'UserRented');
  const mine = rented.get(who)!;
  rmItem(mine, rentId);
  if (mine.length === 0) rented.remove(who);
  else rented.set(who, mine);
  tr(rt, 'RentOrder').remove(rentId);
}

/** is_last_rent: at most one Renting order (unconfirmed ones do not count). Null = Err(()). */
function isLastRent(rt: Runtime, machineId: string): boolean | null {
  let renting = 0;
  for (const id of tr<MachineGpuOrder>(rt, 'MachineRentOrder').get(machineId)!.rentOrder) {
    const order = tr<RentOrderDetail>(rt, 'RentOrder').get(id);
    if (!order) return null;
    if (order.rentStatus === 'Renting') renting++;
  }
  return renting < 2;
}

/**
 * check_if_rent_finished: orders ending now are charged their whole reserve (confirmed or not),
 * freed and deleted. No event unless payment fails (RentFeePayoutFailed). A missing order — one
 * ended early by terminate_rent, which leaves PendingRentEnding alone — aborts the rest of the
 * block's list, as the `?` upstream does.
 */
function checkIfRentFinished(rt: Runtime, now: number): void {
  const ending = tr<bigint[]>(rt, 'PendingRentEnding');
  if (!ending.has(now)) return;
  for (const rentId of ending.get(now)!) {
    const order = tr<RentOrderDetail>(rt, 'RentOrder').get(rentId);
    if (!order) return;
    try {
      payRentFee(rt, order, order.stakeAmount, order.machineId);
    } catch (e) {
      if (!isTransferFailure(e)) throw e;
      rt.deposit(PALLET, 'RentFeePayoutFailed', [rentId]);
    }
    const last = isLastRent(rt, order.machineId);
    if (last === null) return;
    const rentDuration = order.rentEnd > order.rentStart ? order.rentEnd - order.rentStart : 0;
    changeMachineStatusOnRentEnd(rt, order.machineId, order.gpuNum, rentDuration, last, order.renter);
    cleanOrder(rt, order.renter, rentId);
  }
}

/** rent_machine: as RentMachine's, but with this pallet's prices, errors and order maps. */
function rentMachine(
  rt: Runtime,
  now: number,
  renter: string,
  machineId: string,
  rentGpuNum: number,
  duration: number,
): void {
  const mi = tr<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) throw err(rt, 'Unknown');
  const rentedGpu = tr<number>(rt, 'MachineRentedGPU').get(machineId)!;
  const totalGpus = gpuNum(mi);
  if (totalGpus === 0 || duration === 0) return;

  if (wrapAddU32(rentGpuNum, rentedGpu) > totalGpus) throw err(rt, 'GPUNotEnough');
  if (duration % HALF_HOUR !== 0) throw err(rt, 'OnlyAllowIntegerMultipleOfHour');
  if (mi.machineStatus !== 'Online' && mi.machineStatus !== 'Rented') throw err(rt, 'MachineNotRentable');
  const dur = Math.min(duration, Math.min(tr<number>(rt, 'MaximumRentalDuration').get()! * ONE_DAY, U32_MAX));

  if (!payFixedTxFee(rt, renter)) throw err(rt, 'PayTxFeeFailed');
  const fee = quote(rt, mi, machineId, rentGpuNum, dur);
  const rentEnd = now + dur;
  if (rentEnd > U32_MAX) throw err(rt, 'Overflow');

  if (!changeRenterTotalStake(rt, renter, fee, true)) throw err(rt, 'InsufficientValue');
  const rentId = nextRentId(rt, PALLET);

  const orders = tr<MachineGpuOrder>(rt, 'MachineRentOrder');
  const order = orders.get(machineId)!;
  const gpuIndex = genRentableGpu(order, rentGpuNum, totalGpus);
  addItem(order.rentOrder, rentId);
  orders.set(machineId, order);

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
  tr(rt, 'RentOrder').set(rentId, detail);
  if (!changeMachineStatusOnRentStart(rt, machineId, rentGpuNum)) throw err(rt, 'Unknown');

  tr<bigint[]>(rt, 'UserRented').mutate(renter, (l) => addItem(l, rentId));
  tr<bigint[]>(rt, 'PendingRentEnding').mutate(rentEnd, (l) => addItem(l, rentId));
  tr<bigint[]>(rt, 'PendingConfirming').mutate(now + WAITING_CONFIRMING_DELAY, (l) => addItem(l, rentId));

  // The last field is the machine's GPU count, not the order's (upstream passes `gpu_num`).
  rt.deposit(PALLET, 'RentBlockNum', [rentId, renter, machineId, fee, dur, totalGpus]);
}

/** confirm_rent: only the order and machine status move; the fee stays reserved until settlement. */
function confirmRent(rt: Runtime, now: number, renter: string, rentId: bigint): void {
  const order = tr<RentOrderDetail>(rt, 'RentOrder').get(rentId);
  if (!order) throw err(rt, 'Unknown');
  const machineId = order.machineId;
  if (order.renter !== renter) throw err(rt, 'NoOrderExist');
  if (order.rentStatus !== 'WaitingVerifying') throw err(rt, 'NoOrderExist');
  if (now < order.rentStart) throw err(rt, 'Overflow');
  if (now - order.rentStart > WAITING_CONFIRMING_DELAY) throw err(rt, 'ExpiredConfirm');

  const mi = tr<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) throw err(rt, 'Unknown');
  if (mi.machineStatus !== 'Rented') throw err(rt, 'StatusNotAllowed');

  const rentFee = order.stakeAmount;
  const rentDuration = order.rentEnd > order.rentStart ? order.rentEnd - order.rentStart : 0;
  order.confirmRent = now;
  order.rentStatus = 'Renting';

  if (!changeMachineStatusOnConfirmed(rt, machineId, renter)) throw err(rt, 'Unknown');
  tr<bigint[]>(rt, 'PendingConfirming').mutate(order.rentStart + WAITING_CONFIRMING_DELAY, (l) =>
    rmItem(l, rentId),
  );
  tr(rt, 'RentOrder').set(rentId, order);

  rt.deposit(PALLET, 'ConfirmReletBlockNum', [renter, machineId, rentFee, rentDuration]);
}

/** relet_machine: the extension's fee joins the reserve. */
function reletMachine(rt: Runtime, now: number, renter: string, rentId: bigint, duration: number): void {
  const order = tr<RentOrderDetail>(rt, 'RentOrder').get(rentId);
  if (!order) throw err(rt, 'Unknown');
  const preEnd = order.rentEnd;
  const machineId = order.machineId;

  if (duration < 10 * ONE_MINUTE) throw err(rt, 'ReletTooShort');
  if (order.renter !== renter) throw err(rt, 'NoOrderExist');
  if (order.rentStatus !== 'Renting') throw err(rt, 'NoOrderExist');

  const mi = tr<MachineInfo>(rt, 'MachinesInfo').get(machineId);
  if (!mi) throw err(rt, 'Unknown');

  const maxEnd = now + 60 * ONE_DAY;
  if (maxEnd > U32_MAX) throw err(rt, 'Overflow');
  const wanted = wrapAddU32(preEnd, duration);
  // Upstream grants a full 60 days (not the remainder up to the cap) when the wish exceeds it.
  const add = maxEnd >= wanted ? duration : 60 * ONE_DAY;
  if (add === 0) return;

  const fee = quote(rt, mi, machineId, order.gpuNum, add);
  if (!(fee < freeBalance(rt, renter))) throw err(rt, 'InsufficientValue');
  if (!changeRenterTotalStake(rt, renter, fee, true)) throw err(rt, 'InsufficientValue');

  const newEnd = preEnd + add;
  if (newEnd > U32_MAX) throw err(rt, 'Overflow');
  order.rentEnd = newEnd;
  order.stakeAmount += fee;
  if (order.stakeAmount > U128_MAX) throw err(rt, 'Overflow');

  tr<bigint[]>(rt, 'PendingRentEnding').mutate(preEnd, (l) => rmItem(l, rentId));
  tr<bigint[]>(rt, 'PendingRentEnding').mutate(newEnd, (l) => addItem(l, rentId));
  tr(rt, 'RentOrder').set(rentId, order);

  rt.deposit(PALLET, 'ReletBlockNum', [rentId, renter, machineId, fee, add, order.gpuNum]);
}

/**
 * terminate_rent: charges the elapsed share of the reserve (Perbill of elapsed / ordered blocks)
 * and deletes the order. No event. As upstream, the order stays in UserRented, PendingRentEnding
 * and PendingConfirming, and MachineRentedGPU and the machine status are left as they were.
 */
function terminateRent(rt: Runtime, now: number, renter: string, rentId: bigint): void {
  const order = tr<RentOrderDetail>(rt, 'RentOrder').get(rentId);
  if (!order) throw err(rt, 'Unknown');
  if (renter !== order.renter) throw err(rt, 'NotOrderRenter');

  const elapsed = BigInt(now > order.rentStart ? now - order.rentStart : 0);
  const ordered = BigInt(order.rentEnd > order.rentStart ? order.rentEnd - order.rentStart : 0);
  const fee = shareOf(elapsed, ordered, order.stakeAmount);

  const orders = tr<MachineGpuOrder>(rt, 'MachineRentOrder');
  const machineOrder = orders.get(order.machineId)!;
  cleanExpiredOrder(machineOrder, rentId, order.gpuIndex);
  // Upstream's loop: drop the renter from machine renters for each other order until one of theirs.
  const infos = tr<MachineInfo>(rt, 'MachinesInfo');
  for (const other of machineOrder.rentOrder) {
    const o = tr<RentOrderDetail>(rt, 'RentOrder').get(other);
    if (!o) throw err(rt, 'Unknown');
    if (o.renter === renter) break;
    const mi = infos.get(o.machineId);
    if (!mi) throw err(rt, 'Unknown');
    rmItem(mi.renters, renter, accountCmp);
    infos.set(o.machineId, mi);
  }
  orders.set(order.machineId, machineOrder);

  payRentFee(rt, order, fee, order.machineId);
  tr(rt, 'RentOrder').remove(rentId);
}

const isZeroAccount = (who: string) => decodeAddress(who).every((b) => b === 0);

export const terminatingRentalLogic: PalletLogic = {
  name: PALLET,
  calls: {
    set_stake_per_gpu: (ctx, args) => {
      ensureRoot(ctx);
      tr(ctx.rt, 'StakePerGPU').set(toBig(args.stakePerGpu));
    },
    set_online_deposit: (ctx, args) => {
      ensureRoot(ctx);
      tr(ctx.rt, 'OnlineDeposit').set(toBig(args.deposit));
    },
    set_standard_gpu_point_price: (ctx, args) => {
      ensureRoot(ctx);
      tr(ctx.rt, 'StandardGPUPointPrice').set(args.pointPrice);
    },
    set_reporter_stake_params: (ctx, args) => {
      ensureRoot(ctx);
      tr(ctx.rt, 'ReporterStakeParams').set(args.params);
    },
    set_rentfee_destroy_percent: (ctx, args) => {
      ensureRoot(ctx);
      tr(ctx.rt, 'RentFeeDestroyPercent').set(Number(args.percent));
    },
    set_controller: (ctx, args) => {
      const stash = ctx.who;
      const controller = String(args.controller);
      if (tr(ctx.rt, 'ControllerStash').has(controller)) throw err(ctx.rt, 'AlreadyController');
      if (tr(ctx.rt, 'StashController').has(stash)) throw err(ctx.rt, 'AlreadyController');
      tr(ctx.rt, 'StashController').set(stash, controller);
      tr(ctx.rt, 'ControllerStash').set(controller, stash);
      ctx.rt.deposit(PALLET, 'ControllerStashBonded', [controller, stash]);
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
      reletMachine(ctx.rt, ctx.block, ctx.who, toBig(args.rentId), Number(args.duration)),
    terminate_rent: (ctx, args) => terminateRent(ctx.rt, ctx.block, ctx.who, toBig(args.rentId)),
    set_machine_extra_price: (ctx, args) => {
      const who = ctx.who;
      const machineId = String(args.machineId);
      const extra = toBig(args.extraPrice);
      const mi = tr<MachineInfo>(ctx.rt, 'MachinesInfo').get(machineId);
      if (!mi) throw err(ctx.rt, 'Unknown');
      if (mi.machineStash !== who && mi.controller !== who) throw err(ctx.rt, 'NotMachineController');
      // $10,000 per GPU per day.
      if (extra > 10_000_000_000n) throw err(ctx.rt, 'ExtraPriceTooHigh');
      tr(ctx.rt, 'MachineExtraPrice').set(machineId, extra);
      ctx.rt.deposit(PALLET, 'MachineExtraPriceSet', [machineId, extra]);
    },
    set_rent_receiver: (ctx, args) => {
      const stash = ctx.who;
      const receiver = args.receiver === null || args.receiver === undefined ? null : String(args.receiver);
      if (receiver !== null && isZeroAccount(receiver)) throw err(ctx.rt, 'InvalidRentReceiver');
      if (receiver === null) tr(ctx.rt, 'StashRentReceiver').remove(stash);
      else tr(ctx.rt, 'StashRentReceiver').set(stash, receiver);
      ctx.rt.deposit(PALLET, 'RentReceiverChanged', [stash, receiver]);
    },
  },
  onFinalize(rt, block) {
    checkIfRentFinished(rt, block);
  },
  genesis: writeTerminatingRentalGenesis,
};

/** The devnet's terminating-rental machines: hardware, GPU count and how far rent income has staked them. */
const SEED_MACHINES: Array<{
  gpu: string;
  gpuNum: number;
  place: number;
  extraPrice: bigint;
  staked: 'none' | 'half' | 'full';
}> = [
  { gpu: 'GeForceRTX4090', gpuNum: 8, place: 0, extraPrice: 0n, staked: 'full' },
  { gpu: 'GeForceRTX3090', gpuNum: 4, place: 4, extraPrice: 0n, staked: 'full' },
  { gpu: 'A100', gpuNum: 2, place: 10, extraPrice: 500_000n, staked: 'half' },
  { gpu: 'GeForceRTX4080', gpuNum: 1, place: 7, extraPrice: 0n, staked: 'none' },
  { gpu: 'GeForceRTX3080', gpuNum: 4, place: 5, extraPrice: 0n, staked: 'full' },
  { gpu: 'H100', gpuNum: 8, place: 1, extraPrice: 2_000_000n, staked: 'half' },
];

/** Machine ids of the seeded terminating-rental machines (64 hex characters, like real ones). */
export function terminatingRentalMachineId(i: number): string {
  return u8aToHex(blake2AsU8a(stringToU8a(`dbc-devnet/terminating-rental/machine/${i}`), 256)).slice(2);
}

/**
 * Seeds TerminatingRental's own registry: prices and stake parameters, the seed's miners as
 * stash/controller pairs, and six committee-verified Online machines whose stake comes from rent
 * income (confirm_machine leaves it at zero; pay_rent_fee tops it up to the cap).
 */
function writeTerminatingRentalGenesis(rt: Runtime, ctx: GenesisContext): void {
  const { miners, params, rentFeePot } = ctx.genesis;
  const now = ctx.genesisNumber;
  const stakePerGpu = params.onlineStakePerGpuDbc * DBC;
  tr(rt, 'StakePerGPU').set(stakePerGpu);
  tr(rt, 'OnlineDeposit').set(10_000n * DBC);
  tr(rt, 'StandardGPUPointPrice').set(params.standardGpuPointPrice);
  tr(rt, 'RentFeePot').set(rentFeePot.address);
  const cap = stakePerGpuLimit(rt);

  const live: LiveMachine = {
    bondingMachine: [],
    confirmedMachine: [],
    bookedMachine: [],
    onlineMachine: [],
    fulfillingMachine: [],
    refusedMachine: [],
    rentedMachine: [],
    offlineMachine: [],
    refusedMutHardwareMachine: [],
  };
  const stashes = new Map<string, StashMachine>();

  SEED_MACHINES.forEach((spec, i) => {
    const miner = miners[i % miners.length]!;
    const stash = miner.stash.address;
    const machineId = terminatingRentalMachineId(i);
    const gpu = GPU_MODELS.find((g) => g.gpuType === spec.gpu)!;
    const cpu = CPU_MODELS[i % CPU_MODELS.length]!;
    const place = PLACES[spec.place]!;
    const points = BigInt(gpu.calcPointPerGpu * spec.gpuNum);
    const full = cap * BigInt(spec.gpuNum);
    const stake = spec.staked === 'full' ? full : spec.staked === 'half' ? full / 2n : 0n;
    const onlineHeight = now - (20 + i * 3) * BLOCKS_PER_DAY;
    const lon = Math.round(place.lon * 10_000);
    const lat = Math.round(place.lat * 10_000);

    if (!tr(rt, 'StashController').has(stash)) {
      tr(rt, 'StashController').set(stash, miner.controller.address);
      tr(rt, 'ControllerStash').set(miner.controller.address, stash);
      tr(rt, 'StashServerRooms').set(stash, [...miner.serverRooms].sort());
    }
    if (stake > 0n) rt.reserve(stash, stake);
    tr(rt, 'MachinesInfo').set(machineId, {
      controller: miner.controller.address,
      machineStash: stash,
      renters: [],
      lastMachineRestake: 0,
      bondingHeight: onlineHeight - 2 * BLOCKS_PER_DAY,
      onlineHeight,
      lastOnlineHeight: onlineHeight,
      initStakePerGpu: 0n,
      stakeAmount: stake,
      machineStatus: 'Online',
      totalRentedDuration: 0,
      totalRentedTimes: 0n,
      totalRentFee: 0n,
      totalBurnFee: 0n,
      machineInfoDetail: {
        committeeUploadInfo: {
          machineId,
          gpuType: gpu.gpuType,
          gpuNum: spec.gpuNum,
          cudaCore: gpu.cudaCore,
          gpuMem: gpu.memGb,
          calcPoint: points,
          sysDisk: 500,
          dataDisk: 4000,
          cpuType: cpu.cpuType,
          cpuCoreNum: cpu.cores,
          cpuRate: cpu.rateMhz,
          memNum: 512,
          randStr: 'devnet',
          isSupport: true,
        },
        stakerCustomizeInfo: {
          serverRoom: miner.serverRooms[0]!,
          uploadNet: 1000,
          downloadNet: 1000,
          longitude: lon >= 0 ? { East: lon } : { West: -lon },
          latitude: lat >= 0 ? { North: lat } : { South: -lat },
          telecomOperators: place.telecom,
          isBareMachine: false,
        },
      },
      rewardCommittee: [],
      rewardDeadline: 0,
    });
    if (spec.extraPrice > 0n) tr(rt, 'MachineExtraPrice').set(machineId, spec.extraPrice);
    addItem(live.onlineMachine, machineId);

    const sm = stashes.get(stash) ?? {
      totalMachine: [],
      onlineMachine: [],
      totalCalcPoints: 0n,
      totalGpuNum: 0n,
      totalRentedGpu: 0n,
      totalEarnedReward: 0n,
      totalClaimedReward: 0n,
      canClaimReward: 0n,
      totalRentFee: 0n,
      totalBurnFee: 0n,
    };
    addItem(sm.totalMachine, machineId);
    addItem(sm.onlineMachine, machineId);
    sm.totalGpuNum += BigInt(spec.gpuNum);
    sm.totalCalcPoints += points;
    stashes.set(stash, sm);
  });

  tr(rt, 'LiveMachines').set(live);
  for (const [stash, sm] of stashes) tr(rt, 'StashMachines').set(stash, sm);
}
