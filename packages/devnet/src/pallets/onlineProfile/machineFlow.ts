// Machine lifecycle calls of a miner (lib.rs #[pallet::call] 4–15 and 19–20): controller pairing,
// server rooms, bonding with the machine key's signature, customize info, going offline and back,
// rewards and exit.
import { hexToU8a, u8aConcat, u8aEq, u8aToHex, u8aToString } from '@polkadot/util';
import { base58Decode, blake2AsU8a, encodeAddress, sr25519Verify } from '@polkadot/util-crypto';
import type { Js } from '../../chain/codec.js';
import type { CallContext, Runtime } from '../../chain/runtime.js';
import { payFixedTxFee } from '../genericFunc.js';
import { markConfirmedDirty } from './committee.js';
import {
  updateRegionOnExit,
  updateRegionOnOnlineChanged,
  updateRegionOnRentChanged,
  updateSnapOnOnlineChanged,
  updateSnapOnRentChanged,
} from './snapshots.js';
import { addPendingSlash, newSlashWhenOffline, reachMaxSlash, reportTimeOf } from './slash.js';
import {
  changeStake,
  fulfillMachineStake,
  gpuNum,
  mutHardwareStake,
  stakePerGpu,
  stakePerGpuV2,
} from './stake.js';
import {
  ONE_DAY,
  PALLET,
  REBOND_FREQUENCY,
  REWARD_DURATION,
  type MachineInfo,
  type MachineStatus,
  type OPPendingSlashInfo,
  type OPSlashReason,
  type StakerCustomizeInfo,
} from './types.js';
import { addItem, bytesOf, hasItem, perbill, perbillMul, rmItem, store } from './util.js';

type Call = (ctx: CallContext, args: Record<string, Js>) => void;
const fail = (ctx: CallContext, error: string) => ctx.rt.error(PALLET, error);

/** The machine a call names; Error::Unknown when it is not bonded, as every call does with ok_or. */
export function machineOf(ctx: CallContext, machineId: string): MachineInfo {
  const info = store(ctx.rt).machinesInfo.get(machineId);
  if (!info) throw fail(ctx, 'Unknown');
  return info;
}

/** A Vec<u8> machine id argument as the string the storage keys use. */
export const machineIdArg = (v: Js): string => String(v ?? '');

/** lib.rs set_controller: a stash names its controller (one each way). */
const setController: Call = (ctx, args) => {
  const stash = ctx.who;
  const controller = String(args.controller);
  const s = store(ctx.rt);
  if (s.controllerStash.has(controller) || s.stashController.has(stash)) throw fail(ctx, 'AlreadyController');
  s.stashController.set(stash, controller);
  s.controllerStash.set(controller, stash);
  ctx.rt.deposit(PALLET, 'ControllerStashBonded', [controller, stash]);
};

/** lib.rs stash_reset_controller: moves every machine of the old controller to the new one. */
const stashResetController: Call = (ctx, args) => {
  const stash = ctx.who;
  const next = String(args.newController);
  const s = store(ctx.rt);
  if (s.controllerStash.has(next)) throw fail(ctx, 'AlreadyController');
  const pre = s.stashController.get(stash);
  if (pre === null) throw fail(ctx, 'Unknown');
  const machines = s.controllerMachines.get(pre)!;
  for (const id of machines) {
    const info = s.machinesInfo.get(id);
    if (!info) throw fail(ctx, 'Unknown');
    info.controller = next;
    s.machinesInfo.set(id, info);
  }
  s.controllerMachines.remove(pre);
  s.controllerMachines.set(next, machines);
  s.stashController.set(stash, next);
  s.controllerStash.remove(pre);
  s.controllerStash.set(next, stash);
  ctx.rt.deposit(PALLET, 'StashResetController', [stash, pre, next]);
};

/**
 * generic-func random_server_room: RandNonce + 1, then the randomness source over the nonce. The
 * devnet's randomness is blake2-256(SCALE(nonce) ++ parent hash): unpredictable enough, reproducible.
 */
function randomServerRoom(rt: Runtime): string {
  const nonceItem = rt.storage<bigint>('GenericFunc', 'RandNonce');
  const current = nonceItem.get()!;
  const nonce = current === 2n ** 64n - 1n ? 0n : current + 1n;
  nonceItem.set(nonce);
  const subject = rt.registry.createType('u64', nonce).toU8a();
  const parent = hexToU8a(String(rt.storage('System', 'ParentHash').get()));
  return u8aToHex(blake2AsU8a(u8aConcat(subject, parent), 256));
}

/** lib.rs gen_server_room: fixed fee, then a new random room id for the controller's stash. */
const genServerRoom: Call = (ctx) => {
  const controller = ctx.who;
  const s = store(ctx.rt);
  const stash = s.controllerStash.get(controller);
  if (stash === null) throw fail(ctx, 'NoStashBond');
  if (!payFixedTxFee(ctx.rt, controller)) throw fail(ctx, 'PayTxFeeFailed');
  const room = randomServerRoom(ctx.rt);
  s.stashServerRooms.mutate(stash, (rooms: string[]) => addItem(rooms, room));
  ctx.rt.deposit(PALLET, 'ServerRoomGenerated', [controller, room]);
};

/** support/src/utils.rs get_accountid32: base58 without checksum check, 35 bytes, simple prefix. */
function accountFromSs58Text(text: Uint8Array): string | null {
  let data: Uint8Array;
  try {
    data = base58Decode(u8aToString(text));
  } catch {
    return null;
  }
  if (data.length !== 35 || data[0]! > 63) return null;
  return encodeAddress(data.subarray(1, 33), 42);
}

/** utils.rs verify_sig: the machine id is the hex of the sr25519 public key that signed `msg`. */
function verifyMachineSig(msg: Uint8Array, sig: Uint8Array, machineId: Uint8Array): boolean {
  if (sig.length !== 64) return false;
  const hex = u8aToString(machineId);
  if (!/^([0-9a-fA-F]{2}){32}$/.test(hex)) return false;
  try {
    return sr25519Verify(msg, sig, hexToU8a(`0x${hex}`));
  } catch {
    return false;
  }
}

/** utils.rs check_bonding_msg: msg = machine id (64 hex chars) ++ stash SS58 (48 chars). */
function checkBondingMsg(
  ctx: CallContext,
  stash: string,
  machineId: Uint8Array,
  msg: Uint8Array,
  sig: Uint8Array,
): void {
  if (msg.length !== 112) throw fail(ctx, 'BadMsgLen');
  if (!u8aEq(machineId, msg.subarray(0, 64))) throw fail(ctx, 'SigMachineIdNotEqualBondedMachineId');
  const signedStash = accountFromSs58Text(msg.subarray(64));
  if (signedStash === null) throw fail(ctx, 'ConvertMachineIdToWalletFailed');
  if (signedStash !== stash) throw fail(ctx, 'MachineStashNotEqualControllerStash');
  if (!verifyMachineSig(msg, sig, machineId)) throw fail(ctx, 'BadSignature');
}

/** lib.rs bond_machine: signature check, fixed fee, 10 % of one GPU's stake, status AddingCustomizeInfo. */
const bondMachine: Call = (ctx, args) => {
  const controller = ctx.who;
  const rt = ctx.rt;
  const s = store(rt);
  const stash = s.controllerStash.get(controller);
  if (stash === null) throw fail(ctx, 'NoStashBond');
  const machineId = machineIdArg(args.machineId!);
  if (s.machinesInfo.has(machineId)) throw fail(ctx, 'MachineIdExist');
  // StashMachines keeps exited machines (their rewards still release), so their ids stay taken.
  if (hasItem(s.stashMachines.get(stash)!.totalMachine, machineId)) throw fail(ctx, 'MachineIdExist');
  checkBondingMsg(ctx, stash, bytesOf(args.machineId!), bytesOf(args.msg!), bytesOf(args.sig!));
  const stake = stakePerGpuV2(rt);
  if (stake === null) throw fail(ctx, 'CalcStakeAmountFailed');
  if (!payFixedTxFee(rt, controller)) throw fail(ctx, 'PayTxFeeFailed');
  if (!changeStake(rt, stash, stake, true)) throw fail(ctx, 'BalanceNotEnough');

  s.stashMachines.mutate(stash, (sm) => addItem(sm.totalMachine, machineId));
  s.liveMachines.mutate((live) => addItem(live.bondingMachine, machineId));
  s.controllerMachines.mutate(controller, (ids: string[]) => addItem(ids, machineId));
  s.machinesInfo.set(machineId, newBonding(controller, stash, rt.blockNumber, stake));
  rt.deposit(PALLET, 'BondMachine', [controller, machineId, stake]);
};

/** machine_info.rs MachineInfo::new_bonding. */
function newBonding(controller: string, stash: string, now: number, stake: bigint): MachineInfo {
  const zero = 0n;
  return {
    controller,
    machineStash: stash,
    renters: [],
    lastMachineRestake: 0,
    bondingHeight: now,
    onlineHeight: 0,
    lastOnlineHeight: 0,
    initStakePerGpu: stake,
    stakeAmount: stake,
    machineStatus: 'AddingCustomizeInfo',
    totalRentedDuration: 0,
    totalRentedTimes: zero,
    totalRentFee: zero,
    totalBurnFee: zero,
    machineInfoDetail: {
      committeeUploadInfo: {
        machineId: '',
        gpuType: '',
        gpuNum: 0,
        cudaCore: 0,
        gpuMem: zero,
        calcPoint: zero,
        sysDisk: zero,
        dataDisk: zero,
        cpuType: '',
        cpuCoreNum: 0,
        cpuRate: zero,
        memNum: zero,
        randStr: '',
        isSupport: false,
      },
      stakerCustomizeInfo: {
        serverRoom: u8aToHex(new Uint8Array(32)),
        uploadNet: zero,
        downloadNet: zero,
        longitude: { East: zero },
        latitude: { North: zero },
        telecomOperators: [],
        isBareMachine: false,
      },
    },
    rewardCommittee: [],
    rewardDeadline: 0,
  };
}

const CAN_ADD_SERVER_ROOM = new Set([
  'AddingCustomizeInfo',
  'DistributingOrder',
  'CommitteeVerifying',
  'CommitteeRefused',
  'WaitingFulfill',
  'StakerReportOffline',
]);

const statusOf = (s: MachineStatus) => (typeof s === 'string' ? s : Object.keys(s)[0]!);

function checkServerRoom(ctx: CallContext, stash: string, room: StakerCustomizeInfo): void {
  if (room.telecomOperators.length === 0) throw fail(ctx, 'TelecomIsNull');
  if (!hasItem(store(ctx.rt).stashServerRooms.get(stash)!, String(room.serverRoom).toLowerCase()))
    throw fail(ctx, 'ServerRoomNotFound');
}

/** lib.rs add_machine_info: position, network and server room; the first time moves the machine to DistributingOrder. */
const addMachineInfo: Call = (ctx, args) => {
  const controller = ctx.who;
  const rt = ctx.rt;
  const s = store(rt);
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  const stash = info.machineStash;
  // MachineInfo::can_add_server_room: status first, then the controller.
  if (!CAN_ADD_SERVER_ROOM.has(statusOf(info.machineStatus))) throw fail(ctx, 'NotAllowedChangeMachineInfo');
  if (info.controller !== controller) throw fail(ctx, 'NotMachineController');
  const room = args.serverRoomInfo as unknown as StakerCustomizeInfo;
  checkServerRoom(ctx, stash, room);

  if (s.userMutHardwareStake.has(stash, machineId)) {
    const reonline = s.userMutHardwareStake.get(stash, machineId)!;
    if (reonline.verifyFee === 0n) {
      const fee = mutHardwareStake(rt);
      if (fee === null) throw fail(ctx, 'GetReonlineStakeFailed');
      if (!changeStake(rt, stash, fee, true)) throw fail(ctx, 'BalanceNotEnough');
      reonline.verifyFee = fee;
      s.userMutHardwareStake.set(stash, machineId, reonline);
    }
  }
  s.liveMachines.mutate((live) => {
    if (hasItem(live.bondingMachine, machineId)) {
      rmItem(live.bondingMachine, machineId);
      addItem(live.confirmedMachine, machineId);
    }
  });
  markConfirmedDirty(rt);
  info.machineInfoDetail.stakerCustomizeInfo = room;
  if (info.machineStatus === 'AddingCustomizeInfo') info.machineStatus = 'DistributingOrder';
  s.machinesInfo.set(machineId, info);
  rt.deposit(PALLET, 'MachineInfoAdded', [machineId]);
};

/** lib.rs update_machine_info: changes the customize info of a machine that has some, in any status. */
const updateMachineInfo: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  // MachineInfo::can_update_server_room_info.
  if (info.machineInfoDetail.stakerCustomizeInfo.telecomOperators.length === 0)
    throw fail(ctx, 'TelecomIsNull');
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  const room = args.serverRoomInfo as unknown as StakerCustomizeInfo;
  checkServerRoom(ctx, info.machineStash, room);
  info.machineInfoDetail.stakerCustomizeInfo = room;
  if (info.machineStatus === 'AddingCustomizeInfo') info.machineStatus = 'DistributingOrder';
  store(ctx.rt).machinesInfo.set(machineId, info);
  ctx.rt.deposit(PALLET, 'MachineInfoUpdated', [machineId]);
};

/** lib.rs fulfill_machine: a WaitingFulfill machine pays initStakePerGpu × gpuNum and goes Online (no event). */
const fulfillMachine: Call = (ctx, args) => {
  const rt = ctx.rt;
  const s = store(rt);
  const now = rt.blockNumber;
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  const live = s.liveMachines.get()!;
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  if (!hasItem(live.fulfillingMachine, machineId)) throw fail(ctx, 'MachineStatusNotAllowed');
  const need = info.initStakePerGpu * BigInt(gpuNum(info));
  if (info.stakeAmount < need) {
    if (!changeStake(rt, info.machineStash, need - info.stakeAmount, true))
      throw fail(ctx, 'BalanceNotEnough');
    info.stakeAmount = need;
  }
  info.machineStatus = 'Online';
  if (s.userMutHardwareStake.has(info.machineStash, machineId))
    s.userMutHardwareStake.remove(info.machineStash, machineId);
  info.onlineHeight = now;
  info.rewardDeadline = s.currentEra.get()! + REWARD_DURATION;
  s.machineRecentReward.set(machineId, {
    machineStash: info.machineStash,
    recentMachineReward: [],
    recentRewardSum: 0n,
    rewardCommitteeDeadline: info.rewardDeadline,
    rewardCommittee: info.rewardCommittee,
  });
  info.lastOnlineHeight = now;
  info.lastMachineRestake = now;
  updateRegionOnOnlineChanged(rt, info, true);
  if (!updateSnapOnOnlineChanged(rt, machineId, true)) throw fail(ctx, 'Unknown');
  rmItem(live.fulfillingMachine, machineId);
  addItem(live.onlineMachine, machineId);
  s.liveMachines.set(live);
  s.machinesInfo.set(machineId, info);
};

/** lib.rs claim_rewards: pays the stash what has been released, then tops its machines' stake up from it. */
const claimRewards: Call = (ctx) => {
  const rt = ctx.rt;
  const s = store(rt);
  const stash = s.controllerStash.get(ctx.who);
  if (stash === null) throw fail(ctx, 'NoStashAccount');
  if (!s.stashMachines.has(stash)) throw fail(ctx, 'NotMachineController');
  const sm = s.stashMachines.get(stash)!;
  const canClaim = sm.canClaimReward;
  sm.canClaimReward = 0n;
  sm.totalClaimedReward += canClaim;
  s.stashMachines.set(stash, sm);
  // Currency::deposit_into_existing mints the reward (no event for zero).
  if (canClaim > 0n) {
    rt.mint(stash, canClaim);
    rt.deposit('Balances', 'Deposit', [stash, canClaim]);
  }
  if (!fulfillMachineStake(rt, stash, canClaim)) throw fail(ctx, 'ClaimThenFulfillFailed');
  rt.deposit(PALLET, 'ClaimReward', [stash, canClaim]);
};

/** lib.rs machine_offline: leaves the online/rented lists and statistics, keeping `status` for coming back. */
export function machineOffline(rt: Runtime, machineId: string, status: MachineStatus): boolean {
  const s = store(rt);
  const info = s.machinesInfo.get(machineId);
  if (!info) return false;
  s.liveMachines.mutate((live) => {
    rmItem(live.onlineMachine, machineId);
    rmItem(live.rentedMachine, machineId);
    addItem(live.offlineMachine, machineId);
  });
  if (info.machineStatus === 'Rented') {
    updateRegionOnRentChanged(rt, info, false);
    if (!updateSnapOnRentChanged(rt, machineId, false)) return false;
  }
  updateRegionOnOnlineChanged(rt, info, false);
  if (!updateSnapOnOnlineChanged(rt, machineId, false)) return false;
  info.machineStatus = status;
  s.machinesInfo.set(machineId, info);
  return true;
}

/** lib.rs controller_report_offline: an Online or Rented machine goes StakerReportOffline(now, previous). */
const controllerReportOffline: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  if (info.machineStatus !== 'Online' && info.machineStatus !== 'Rented')
    throw fail(ctx, 'MachineStatusNotAllowed');
  if (!machineOffline(ctx.rt, machineId, { StakerReportOffline: [ctx.rt.blockNumber, info.machineStatus] }))
    throw fail(ctx, 'Unknown');
  ctx.rt.deposit(PALLET, 'ControllerReportOffline', [machineId]);
};

/**
 * lib.rs controller_report_online: reserves the downtime slash (AddSlash, executed two days later)
 * and restores the status from before going offline (Online if its rentals ended meanwhile).
 */
const controllerReportOnline: Call = (ctx, args) => {
  const rt = ctx.rt;
  const s = store(rt);
  const now = rt.blockNumber;
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  const live = s.liveMachines.get()!;
  const status = info.machineStatus;

  let offlineTime: number;
  if (typeof status === 'object' && 'StakerReportOffline' in status)
    offlineTime = status.StakerReportOffline[0];
  else if (typeof status === 'object' && 'ReporterReportOffline' in status) {
    const t = reportTimeOf(status.ReporterReportOffline[0]);
    if (t === null) throw fail(ctx, 'MachineStatusNotAllowed');
    offlineTime = t;
  } else throw fail(ctx, 'MachineStatusNotAllowed');
  const duration = Math.max(0, now - offlineTime);

  let previous: MachineStatus;
  let slash: OPPendingSlashInfo | null;
  if (typeof status === 'object' && 'StakerReportOffline' in status) {
    previous = status.StakerReportOffline[1];
    if (previous === 'Online')
      slash = newSlashWhenOffline(
        rt,
        machineId,
        { OnlineReportOffline: offlineTime },
        null,
        [],
        null,
        duration,
      );
    else if (previous === 'Rented')
      slash = newSlashWhenOffline(
        rt,
        machineId,
        { RentedReportOffline: offlineTime },
        null,
        info.renters,
        null,
        duration,
      );
    // Any other previous status: upstream returns Ok without changing anything.
    else return;
  } else {
    const [reason, prev, reporter, committee] = (
      status as { ReporterReportOffline: [OPSlashReason, MachineStatus, string, string[]] }
    ).ReporterReportOffline;
    previous = prev;
    slash = newSlashWhenOffline(
      rt,
      machineId,
      reason,
      reporter,
      s.offlineMachine2Renters.get(machineId)!,
      committee,
      duration,
    );
    if (slash && reachMaxSlash(reason, duration)) {
      const everSlashed = s.maxSlashExeced.get(machineId)!;
      if (everSlashed > offlineTime && everSlashed < now) slash.slashAmount = 0n;
    }
  }
  if (!slash) throw fail(ctx, 'Unknown');

  // A machine online for over a year that had been idle for 10 days goes offline without penalty.
  if (
    now >= info.onlineHeight &&
    now - info.onlineHeight > 365 * ONE_DAY &&
    offlineTime >= info.lastOnlineHeight &&
    offlineTime - info.lastOnlineHeight >= 10 * ONE_DAY &&
    typeof status === 'object' &&
    'StakerReportOffline' in status
  )
    slash.slashAmount = 0n;

  info.lastOnlineHeight = now;
  info.machineStatus = s.rentedFinished.has(machineId) ? 'Online' : previous;

  if (slash.slashAmount !== 0n) {
    if (!changeStake(rt, info.machineStash, slash.slashAmount, true)) throw fail(ctx, 'BalanceNotEnough');
    addPendingSlash(rt, slash);
  }

  rmItem(live.offlineMachine, machineId);
  if (!updateSnapOnOnlineChanged(rt, machineId, true)) throw fail(ctx, 'Unknown');
  updateRegionOnOnlineChanged(rt, info, true);
  if (info.machineStatus === 'Rented') {
    addItem(live.rentedMachine, machineId);
    if (!updateSnapOnRentChanged(rt, machineId, true)) throw fail(ctx, 'Unknown');
    updateRegionOnRentChanged(rt, info, true);
  } else addItem(live.onlineMachine, machineId);

  s.rentedFinished.remove(machineId);
  s.liveMachines.set(live);
  s.machinesInfo.set(machineId, info);
  rt.deposit(PALLET, 'ControllerReportOnline', [machineId]);
};

/** lib.rs machine_exit: an Online machine a year past coming online, idle for 10 days, leaves with its stake. */
const machineExit: Call = (ctx, args) => {
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  const era = store(ctx.rt).currentEra.get()!;
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  if (info.machineStatus !== 'Online') throw fail(ctx, 'MachineStatusNotAllowed');
  // reward_deadline = online era + 730, so this asks for 365 eras since coming online.
  if (info.rewardDeadline > era + 365) throw fail(ctx, 'TimeNotAllowed');
  if (Math.max(0, ctx.rt.blockNumber - info.lastOnlineHeight) < 10 * ONE_DAY)
    throw fail(ctx, 'TimeNotAllowed');
  doMachineExit(ctx, machineId, info);
};

/**
 * lib.rs do_machine_exit: unreserves the stake, drops the machine from every statistic and deletes
 * it. StashMachines.totalMachine keeps the id, so the rest of its reward keeps releasing.
 */
export function doMachineExit(ctx: CallContext, machineId: string, info: MachineInfo): void {
  const rt = ctx.rt;
  const s = store(rt);
  if (!changeStake(rt, info.machineStash, info.stakeAmount, false)) throw fail(ctx, 'ReduceStakeFailed');
  if (info.machineStatus === 'Rented') {
    updateRegionOnRentChanged(rt, info, false);
    if (!updateSnapOnRentChanged(rt, machineId, false)) throw fail(ctx, 'Unknown');
  }
  updateRegionOnExit(rt, info);
  if (!updateSnapOnOnlineChanged(rt, machineId, false)) throw fail(ctx, 'Unknown');
  s.liveMachines.mutate((live) => rmItem(live.onlineMachine, machineId));
  const ids = s.controllerMachines.get(info.controller)!;
  rmItem(ids, machineId);
  if (ids.length === 0) s.controllerMachines.remove(info.controller);
  else s.controllerMachines.set(info.controller, ids);
  s.machinesInfo.remove(machineId);
  rt.deposit(PALLET, 'MachineExit', [machineId]);
}

/** lib.rs restake_online_machine: once a year, stake above today's cap is returned ("refund, never top up"). */
const restakeOnlineMachine: Call = (ctx, args) => {
  const rt = ctx.rt;
  const now = rt.blockNumber;
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  const pre = info.stakeAmount;
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  if (Math.max(0, now - info.lastMachineRestake) < REBOND_FREQUENCY) throw fail(ctx, 'TooFastToReStake');
  const perGpu = stakePerGpu(rt);
  if (perGpu === null) throw fail(ctx, 'CalcStakeAmountFailed');
  const need = perGpu * BigInt(gpuNum(info));
  if (info.stakeAmount > need) {
    if (!changeStake(rt, info.machineStash, info.stakeAmount - need, false))
      throw fail(ctx, 'ReduceStakeFailed');
    info.stakeAmount = need;
  }
  info.lastMachineRestake = now;
  info.initStakePerGpu = perGpu;
  store(rt).machinesInfo.set(machineId, info);
  rt.deposit(PALLET, 'MachineRestaked', [machineId, pre, need]);
};

/**
 * lib.rs offline_machine_change_hardware_info: an Online machine goes offline for re-verification,
 * reserving the committee's verify fee plus a 4 % offline slash.
 */
const offlineMachineChangeHardwareInfo: Call = (ctx, args) => {
  const rt = ctx.rt;
  const s = store(rt);
  const now = rt.blockNumber;
  const machineId = machineIdArg(args.machineId!);
  const info = machineOf(ctx, machineId);
  if (info.controller !== ctx.who) throw fail(ctx, 'NotMachineController');
  if (info.machineStatus !== 'Online') throw fail(ctx, 'MachineStatusNotAllowed');
  info.machineStatus = { StakerReportOffline: [now, 'Online'] };
  const verifyFee = mutHardwareStake(rt);
  if (verifyFee === null) throw fail(ctx, 'GetReonlineStakeFailed');
  const offlineSlash = perbillMul(perbill(4, 100), info.stakeAmount);
  if (!changeStake(rt, info.machineStash, verifyFee + offlineSlash, true))
    throw fail(ctx, 'BalanceNotEnough');
  s.userMutHardwareStake.set(info.machineStash, machineId, {
    verifyFee,
    offlineSlash,
    offlineTime: now,
    needFulfilling: false,
  });
  updateRegionOnOnlineChanged(rt, info, false);
  if (!updateSnapOnOnlineChanged(rt, machineId, false)) throw fail(ctx, 'Unknown');
  s.liveMachines.mutate((live) => {
    rmItem(live.onlineMachine, machineId);
    addItem(live.bondingMachine, machineId);
  });
  s.machinesInfo.set(machineId, info);
  rt.deposit(PALLET, 'MachineOfflineToMutHardware', [machineId, verifyFee, offlineSlash]);
};

/** lib.rs force_machine_exit: accounts root authorised may exit machines in any status. */
const forceMachineExit: Call = (ctx, args) => {
  const s = store(ctx.rt);
  if (!s.authorizedForceExitAccounts.get()!.includes(ctx.who)) throw fail(ctx, 'NotAuthorized');
  for (const id of (args.machineIds as Js[]).map(machineIdArg)) doMachineExit(ctx, id, machineOf(ctx, id));
};

export const machineFlowCalls: Record<string, Call> = {
  set_controller: setController,
  stash_reset_controller: stashResetController,
  gen_server_room: genServerRoom,
  bond_machine: bondMachine,
  add_machine_info: addMachineInfo,
  update_machine_info: updateMachineInfo,
  fulfill_machine: fulfillMachine,
  claim_rewards: claimRewards,
  controller_report_offline: controllerReportOffline,
  controller_report_online: controllerReportOnline,
  machine_exit: machineExit,
  restake_online_machine: restakeOnlineMachine,
  offline_machine_change_hardware_info: offlineMachineChangeHardwareInfo,
  force_machine_exit: forceMachineExit,
};
