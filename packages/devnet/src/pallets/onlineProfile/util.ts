import { hexToU8a, isHex, isUtf8, stringToU8a, u8aToHex, u8aToString } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import type { Js } from '../../chain/codec.js';
import type { Runtime } from '../../chain/runtime.js';
import type {
  AllMachineIdSnapDetail,
  EraMachinePointsJs,
  EraStashPointsJs,
  LiveMachine,
  MachineInfo,
  MachineRecentRewardInfo,
  OnlineStakeParamsInfo,
  OPPendingSlashInfo,
  OPPendingSlashReviewInfo,
  PhaseRewardInfoDetail,
  PosInfo,
  StandardGpuPointPrice,
  StashMachine,
  SysInfoDetail,
  UserMutHardwareStakeInfo,
} from './types.js';
import { PALLET } from './types.js';

/** Typed handles on the OnlineProfile storage items this pallet uses. */
export function store(rt: Runtime) {
  const s = <V>(item: string) => rt.storage<V>(PALLET, item);
  return {
    onlineStakeParams: s<OnlineStakeParamsInfo>('OnlineStakeParams'),
    standardGpuPointPrice: s<StandardGpuPointPrice>('StandardGPUPointPrice'),
    userMutHardwareStake: s<UserMutHardwareStakeInfo>('UserMutHardwareStake'),
    rentFeeDestroyPercent: s<number>('RentFeeDestroyPercent'),
    machineExtraPrice: s<bigint>('MachineExtraPrice'),
    machineRentalMode: s<string>('MachineRentalModeStorage'),
    weeklySchedule: s<Array<Array<{ startHour: number; endHour: number }>>>('WeeklySchedule'),
    specificDateSchedule: s<Array<{ startHour: number; endHour: number }>>('SpecificDateSchedule'),
    sysInfo: s<SysInfoDetail>('SysInfo'),
    posGpuInfo: s<PosInfo>('PosGPUInfo'),
    stashController: s<string>('StashController'),
    controllerStash: s<string>('ControllerStash'),
    machinesInfo: s<MachineInfo>('MachinesInfo'),
    machineRentedGpu: s<number>('MachineRentedGPU'),
    stashMachines: s<StashMachine>('StashMachines'),
    stashServerRooms: s<string[]>('StashServerRooms'),
    controllerMachines: s<string[]>('ControllerMachines'),
    liveMachines: s<LiveMachine>('LiveMachines'),
    currentEra: s<number>('CurrentEra'),
    erasStashPoints: s<EraStashPointsJs>('ErasStashPoints'),
    erasMachinePoints: s<EraMachinePointsJs>('ErasMachinePoints'),
    phaseRewardInfo: s<PhaseRewardInfoDetail>('PhaseRewardInfo'),
    eraReward: s<bigint>('EraReward'),
    erasMachineReward: s<bigint>('ErasMachineReward'),
    erasMachineReleasedReward: s<bigint>('ErasMachineReleasedReward'),
    erasStashReward: s<bigint>('ErasStashReward'),
    erasStashReleasedReward: s<bigint>('ErasStashReleasedReward'),
    machineRecentReward: s<MachineRecentRewardInfo>('MachineRecentReward'),
    allMachineIdSnap: s<AllMachineIdSnapDetail>('AllMachineIdSnap'),
    stashStake: s<bigint>('StashStake'),
    nextSlashId: s<bigint>('NextSlashId'),
    pendingSlash: s<OPPendingSlashInfo>('PendingSlash'),
    pendingSlashReview: s<OPPendingSlashReviewInfo>('PendingSlashReview'),
    pendingSlashReviewChecking: s<bigint[]>('PendingSlashReviewChecking'),
    rentedFinished: s<string>('RentedFinished'),
    pendingExecSlash: s<bigint[]>('PendingExecSlash'),
    maxSlashExeced: s<number>('MaxSlashExeced'),
    offlineMachine2Renters: s<string[]>('OfflineMachine2renters'),
    machine2PendingSlashIds: s<bigint[]>('Machine2PendingSlashIds'),
    authorizedForceExitAccounts: s<string[]>('AuthorizedForceExitAccounts'),
    stashRentReceiver: s<string>('StashRentReceiver'),
  };
}
export type Store = ReturnType<typeof store>;

// ---- ItemList (support/src/primitives.rs): sorted, duplicate-free lists ----

type Cmp<T> = (a: T, b: T) => number;
const natural = <T>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

function search<T>(list: T[], item: T, cmp: Cmp<T>): { found: boolean; index: number } {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = cmp(list[mid]!, item);
    if (c === 0) return { found: true, index: mid };
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return { found: false, index: lo };
}

/** ItemList::add_item: inserts in order unless present. Machine ids and H256 hex order as their bytes. */
export function addItem<T>(list: T[], item: T, cmp: Cmp<T> = natural): void {
  const { found, index } = search(list, item, cmp);
  if (!found) list.splice(index, 0, item);
}

export function rmItem<T>(list: T[], item: T, cmp: Cmp<T> = natural): void {
  const { found, index } = search(list, item, cmp);
  if (found) list.splice(index, 1);
}

export function hasItem<T>(list: T[], item: T, cmp: Cmp<T> = natural): boolean {
  return search(list, item, cmp).found;
}

/** AccountId32's Ord is byte order of the public key, not of the SS58 text. */
export function accountCmp(a: string, b: string): number {
  return natural(u8aToHex(decodeAddress(a)), u8aToHex(decodeAddress(b)));
}

// ---- sp_arithmetic::Perbill ----

export const PERBILL = 1_000_000_000n;

/** Perbill::from_rational(p, q): rounds down; q = 0 or p > q saturate to one. */
export function perbill(p: bigint | number, q: bigint | number): bigint {
  const bp = BigInt(p);
  const bq = BigInt(q);
  if (bq === 0n || bp >= bq) return PERBILL;
  return (bp * PERBILL) / bq;
}

/** `Perbill * n`: rounds to nearest, ties down (Rounding::NearestPrefDown). */
export function perbillMul(parts: bigint | number, n: bigint): bigint {
  const p = BigInt(parts);
  const whole = (n / PERBILL) * p;
  const rem = (n % PERBILL) * p;
  let frac = rem / PERBILL;
  if ((rem % PERBILL) * 2n > PERBILL) frac += 1n;
  return whole + frac;
}

export const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);

// ---- Vec<u8> call arguments ----

const PRINTABLE = /^[\x20-\x7e]*$/;

/**
 * The bytes of a Vec<u8> argument from its codec.ts view: printable text stays text, anything else
 * arrives as 0x-hex. A 0x-string whose bytes would themselves be printable can only be literal text.
 */
export function bytesOf(v: Js): Uint8Array {
  const s = String(v ?? '');
  if (isHex(s)) {
    const u8a = hexToU8a(s);
    if (!(isUtf8(u8a) && PRINTABLE.test(u8aToString(u8a)))) return u8a;
  }
  return stringToU8a(s);
}

/** Converts a bigint-bearing value for JSON (RPC results). */
export function jsonSafe(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v, (_k, x) =>
      typeof x === 'bigint' ? (x <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(x) : x.toString()) : x,
    ),
  );
}
