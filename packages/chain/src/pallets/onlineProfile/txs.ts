/**
 * Transaction builders for a miner's OnlineProfile calls. Each validates its input first (throwing
 * DbcInputError, so nothing is sent) and returns an unsigned extrinsic for `submit`/`submitAndCheck`.
 * "ctrl" below means the call must be signed by the machine's controller.
 */
import type { DbcChain } from '../../client/connect.js';
import { DbcInputError } from '../../errors/index.js';
import type { Tx } from '../../tx/submit.js';
import { toMachineId } from '../../units/ids.js';
import { toDbcAddress } from '../../units/address.js';
import { txMethod } from '../../utils/tx.js';
import { toBool, toInteger, toU64 } from '../../utils/validate.js';
import { coordinateToChain } from './coordinates.js';
import type { MachineRentalModeName, TimeRange } from './types.js';

const op = (chain: DbcChain, method: string) => txMethod(chain, 'onlineProfile', method);

/** The chain's cap on `setMachineExtraPrice` (ExtraPriceTooHigh above it): $10,000 per GPU per day. */
export const MAX_EXTRA_PRICE_MICRO_USD = 10_000_000_000;

/** Parameters of {@link setControllerTx}. */
export interface SetControllerTxParameters {
  controller: string;
}
/** Stash: names the controller account that will manage its machines (one each way). */
export function setControllerTx(chain: DbcChain, params: SetControllerTxParameters): Tx {
  return op(chain, 'setController')(toDbcAddress(params.controller));
}

/** Parameters of {@link stashResetControllerTx}. */
export interface StashResetControllerTxParameters {
  newController: string;
}
/** Stash: moves all its machines to a new controller. */
export function stashResetControllerTx(chain: DbcChain, params: StashResetControllerTxParameters): Tx {
  return op(chain, 'stashResetController')(toDbcAddress(params.newController));
}

/** Ctrl: pays the fixed fee and generates a server room id for the stash (event ServerRoomGenerated). */
export function genServerRoomTx(chain: DbcChain): Tx {
  return op(chain, 'genServerRoom')();
}

/** Parameters of {@link bondMachineTx}. */
export interface BondMachineTxParameters {
  machineId: string;
  /** From `signMachineBonding`. */
  msg: string;
  sig: `0x${string}`;
}
/** Ctrl: bonds a machine to the stash, reserving 10 % of one GPU's stake (event BondMachine). */
export function bondMachineTx(chain: DbcChain, params: BondMachineTxParameters): Tx {
  const machineId = toMachineId(params.machineId);
  if (typeof params.msg !== 'string' || params.msg.length !== 112 || !params.msg.startsWith(machineId)) {
    throw new DbcInputError('INVALID_BONDING_MESSAGE', 'msg must be the machine id followed by the stash address (112 characters); build it with signMachineBonding.', {
      details: { length: typeof params.msg === 'string' ? params.msg.length : null },
    });
  }
  if (typeof params.sig !== 'string' || !/^0x[0-9a-f]{128}$/i.test(params.sig)) {
    throw new DbcInputError('INVALID_SIGNATURE', 'sig must be a 64-byte sr25519 signature as 0x-hex; build it with signMachineBonding.');
  }
  // A string becomes its UTF-8 bytes; a Uint8Array would be read as SCALE (length-prefixed) bytes.
  return op(chain, 'bondMachine')(machineId, params.msg, params.sig);
}

/** What a miner declares about a machine's place and network (StakerCustomizeInfo). */
export interface MachineStakerInfoInput {
  /** A room from `getStashServerRooms`. */
  serverRoom: `0x${string}`;
  uploadMbps: number;
  downloadMbps: number;
  /** Degrees, east positive. */
  longitude: number;
  /** Degrees, north positive. */
  latitude: number;
  /** At least one (TelecomIsNull otherwise). */
  telecomOperators: string[];
  isBareMachine?: boolean;
}

function stakerInfo(info: MachineStakerInfoInput): Record<string, unknown> {
  if (typeof info?.serverRoom !== 'string' || !/^0x[0-9a-f]{64}$/i.test(info.serverRoom)) {
    throw new DbcInputError('INVALID_SERVER_ROOM', 'serverRoom must be a 0x-prefixed 32-byte id from getStashServerRooms.', {
      details: { serverRoom: String(info?.serverRoom) },
    });
  }
  const operators = info.telecomOperators;
  if (!Array.isArray(operators) || operators.length === 0 || operators.some((t) => typeof t !== 'string' || t.trim() === '')) {
    throw new DbcInputError('INVALID_TELECOM_OPERATORS', 'telecomOperators must name at least one operator, e.g. ["China Telecom"].');
  }
  return {
    serverRoom: info.serverRoom.toLowerCase(),
    uploadNet: toU64('uploadMbps', info.uploadMbps),
    downloadNet: toU64('downloadMbps', info.downloadMbps),
    longitude: coordinateToChain('longitude', info.longitude),
    latitude: coordinateToChain('latitude', info.latitude),
    telecomOperators: operators,
    isBareMachine: toBool('isBareMachine', info.isBareMachine ?? false),
  };
}

/** Parameters of {@link addMachineInfoTx}. */
export interface AddMachineInfoTxParameters {
  machineId: string;
  info: MachineStakerInfoInput;
}
/** Ctrl: declares a bonded machine's room, network and position; it then waits for the committee. */
export function addMachineInfoTx(chain: DbcChain, params: AddMachineInfoTxParameters): Tx {
  return op(chain, 'addMachineInfo')(toMachineId(params.machineId), stakerInfo(params.info));
}

/** Parameters of {@link updateMachineInfoTx}. */
export type UpdateMachineInfoTxParameters = AddMachineInfoTxParameters;
/** Ctrl: changes a machine's declared room, network or position. */
export function updateMachineInfoTx(chain: DbcChain, params: UpdateMachineInfoTxParameters): Tx {
  return op(chain, 'updateMachineInfo')(toMachineId(params.machineId), stakerInfo(params.info));
}

/** Parameters of the builders that act on one machine. */
export interface MachineTxParameters {
  machineId: string;
}

/** Ctrl: tops up the stake of a verified machine waiting for it (waitingFulfill) and brings it online. */
export function fulfillMachineTx(chain: DbcChain, params: MachineTxParameters): Tx {
  return op(chain, 'fulfillMachine')(toMachineId(params.machineId));
}

/** Ctrl: takes an online or rented machine offline for maintenance (a slash grows with the downtime). */
export function controllerReportOfflineTx(chain: DbcChain, params: MachineTxParameters): Tx {
  return op(chain, 'controllerReportOffline')(toMachineId(params.machineId));
}

/** Ctrl: brings a machine the controller took offline back, reserving the downtime slash. */
export function controllerReportOnlineTx(chain: DbcChain, params: MachineTxParameters): Tx {
  return op(chain, 'controllerReportOnline')(toMachineId(params.machineId));
}

/** Ctrl: pays the stash its released rewards (auto-restaking up to the cap). */
export function claimRewardsTx(chain: DbcChain): Tx {
  return op(chain, 'claimRewards')();
}

/** Ctrl: removes an online machine for good (≥ 1 year online, ≥ 10 days idle), unreserving its stake. */
export function machineExitTx(chain: DbcChain, params: MachineTxParameters): Tx {
  return op(chain, 'machineExit')(toMachineId(params.machineId));
}

/** Ctrl: once a year, returns stake above today's cap. */
export function restakeOnlineMachineTx(chain: DbcChain, params: MachineTxParameters): Tx {
  return op(chain, 'restakeOnlineMachine')(toMachineId(params.machineId));
}

/** Ctrl: takes an online machine offline to re-verify changed hardware (reserves the verify fee + 4 %). */
export function offlineMachineChangeHardwareInfoTx(chain: DbcChain, params: MachineTxParameters): Tx {
  return op(chain, 'offlineMachineChangeHardwareInfo')(toMachineId(params.machineId));
}

/** Parameters of {@link setMachineExtraPriceTx}. */
export interface SetMachineExtraPriceTxParameters {
  machineId: string;
  /** USD × 10^6 per GPU per day on top of the standard price; 0 removes it. */
  extraPriceMicroUsdPerGpuDay: number | bigint;
}
/** Stash or ctrl: sets a machine's surcharge (≤ 10^10, i.e. $10,000 per GPU per day). */
export function setMachineExtraPriceTx(chain: DbcChain, params: SetMachineExtraPriceTxParameters): Tx {
  const price = toU64('extraPriceMicroUsdPerGpuDay', params.extraPriceMicroUsdPerGpuDay, { max: BigInt(MAX_EXTRA_PRICE_MICRO_USD) });
  return op(chain, 'setMachineExtraPrice')(toMachineId(params.machineId), price);
}

/** Parameters of {@link setMachineRentalModeTx}. */
export interface SetMachineRentalModeTxParameters {
  machineId: string;
  mode: MachineRentalModeName;
}
/** Stash or ctrl: switches a machine that is not rented between full-time and scheduled rental. */
export function setMachineRentalModeTx(chain: DbcChain, params: SetMachineRentalModeTxParameters): Tx {
  if (params.mode !== 'fullTime' && params.mode !== 'timeSlot') {
    throw new DbcInputError('INVALID_RENTAL_MODE', `mode must be "fullTime" or "timeSlot"; got ${String(params.mode)}.`);
  }
  return op(chain, 'setMachineRentalMode')(toMachineId(params.machineId), params.mode === 'fullTime' ? 'FullTime' : 'TimeSlot');
}

/** Parameters of {@link setWeeklyScheduleTx}. */
export interface SetWeeklyScheduleTxParameters {
  machineId: string;
  /** 0 = Sunday … 6 = Saturday (UTC). */
  weekday: number;
  /** At most 10 non-overlapping hour ranges, 0 ≤ startHour < endHour ≤ 24; empty clears the day. */
  ranges: TimeRange[];
}
/** Stash or ctrl: sets the hours a time-slot machine can be rented on one weekday. */
export function setWeeklyScheduleTx(chain: DbcChain, params: SetWeeklyScheduleTxParameters): Tx {
  const weekday = toInteger('weekday', params.weekday, { max: 6 });
  const ranges = checkRanges(params.ranges);
  return op(chain, 'setWeeklySchedule')(toMachineId(params.machineId), weekday, ranges);
}

function checkRanges(ranges: TimeRange[]): TimeRange[] {
  if (!Array.isArray(ranges) || ranges.length > 10) {
    throw new DbcInputError('INVALID_SCHEDULE', 'ranges must be a list of at most 10 hour ranges.');
  }
  const sorted = ranges
    .map((r) => ({ startHour: toInteger('startHour', r?.startHour, { max: 23 }), endHour: toInteger('endHour', r?.endHour, { min: 1, max: 24 }) }))
    .sort((a, b) => a.startHour - b.startHour);
  sorted.forEach((r, i) => {
    if (r.startHour >= r.endHour || (i > 0 && sorted[i - 1]!.endHour > r.startHour)) {
      throw new DbcInputError('INVALID_SCHEDULE', 'Each range needs startHour < endHour, and ranges must not overlap.', { details: { ranges: sorted } });
    }
  });
  return sorted;
}

/** Parameters of {@link setRentReceiverTx}. */
export interface SetRentReceiverTxParameters {
  /** Account that receives the stash's rent income from now on; null sends it to the stash again. */
  receiver: string | null;
}
/** Stash: redirects rent income of its machines (orders keep the receiver set when they were made). */
export function setRentReceiverTx(chain: DbcChain, params: SetRentReceiverTxParameters): Tx {
  return op(chain, 'setRentReceiver')(params.receiver === null ? null : toDbcAddress(params.receiver));
}
