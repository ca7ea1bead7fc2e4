/** Domain types of OnlineProfile (pallets/online-profile, structs in pallets/support). */

/**
 * Why a machine was reported offline (OPSlashReason); `atBlock` is when the report or fault
 * happened.
 */
export type OfflineReason =
  | { kind: 'rentedReportOffline'; atBlock: number }
  | { kind: 'onlineReportOffline'; atBlock: number }
  | { kind: 'rentedInaccessible'; atBlock: number }
  | { kind: 'rentedHardwareMalfunction'; atBlock: number }
  | { kind: 'rentedHardwareCounterfeit'; atBlock: number }
  | { kind: 'onlineRentFailed'; atBlock: number }
  | { kind: 'committeeRefusedOnline' }
  | { kind: 'committeeRefusedMutHardware' }
  | { kind: 'reonlineShouldReward' };

/**
 * Where a machine is in its life (MachineStatus). `online` and `rented` machines can be rented
 * (a rented one may still have free GPUs); offline states remember the status to go back to.
 */
export type MachineStatus =
  | { kind: 'addingCustomizeInfo' }
  | { kind: 'distributingOrder' }
  | { kind: 'committeeVerifying' }
  | { kind: 'committeeRefused'; atBlock: number }
  | { kind: 'waitingFulfill' }
  | { kind: 'online' }
  | { kind: 'stakerReportOffline'; sinceBlock: number; previous: MachineStatus }
  | { kind: 'reporterReportOffline'; reason: OfflineReason; previous: MachineStatus; reporter: string; committee: string[] }
  | { kind: 'creating' }
  | { kind: 'rented' }
  | { kind: 'exit' };

/** The `kind` of every MachineStatus. */
export type MachineStatusKind = MachineStatus['kind'];

/** Hardware as the verifying committee measured it (CommitteeUploadInfo). */
export interface MachineHardware {
  /** GPU model as the committee spells it, e.g. `GeForceRTX4090`. */
  gpuType: string;
  gpuNum: number;
  cudaCore: number;
  gpuMemGb: number;
  /** The whole machine's score; the price is proportional to it. */
  calcPoint: number;
  sysDiskGb: number;
  dataDiskGb: number;
  cpuType: string;
  cpuCores: number;
  cpuRateMhz: number;
  memGb: number;
  randStr: string;
  isSupport: boolean;
}

/** A coordinate as the chain stores it: a hemisphere and degrees × 10^4. */
export interface RawCoordinate {
  direction: 'east' | 'west' | 'north' | 'south';
  value: number;
}

/** What the miner declared (StakerCustomizeInfo): server room, network and position. */
export interface MachineStakerInfo {
  /** The server room id (H256) the miner generated with `genServerRoom`. */
  serverRoom: `0x${string}`;
  uploadMbps: number;
  downloadMbps: number;
  /** Degrees, east positive. */
  longitude: number;
  /** Degrees, north positive. */
  latitude: number;
  longitudeRaw: RawCoordinate;
  latitudeRaw: RawCoordinate;
  telecomOperators: string[];
  isBareMachine: boolean;
}

/** One machine's `onlineProfile.machinesInfo` entry. Amounts in planck, heights in blocks. */
export interface MachineInfo {
  /** 64 lowercase hex characters (the machine key's public key), no 0x. */
  machineId: string;
  controller: string;
  stash: string;
  /** Accounts renting it now. */
  renters: string[];
  status: MachineStatus;
  hardware: MachineHardware;
  staker: MachineStakerInfo;
  bondingHeight: number;
  onlineHeight: number;
  lastOnlineHeight: number;
  lastMachineRestakeHeight: number;
  initStakePerGpuPlanck: bigint;
  stakeAmountPlanck: bigint;
  totalRentedDurationBlocks: number;
  totalRentedTimes: number;
  /** Rent income paid to the stash side (after the destroyed share). */
  totalRentFeePlanck: bigint;
  totalBurnFeePlanck: bigint;
  rewardCommittee: string[];
  /** The OnlineProfile era (day) until which the committee shares rewards. */
  rewardDeadlineEra: number;
}

/** A machine with its rental state: what listings need. */
export interface Machine extends MachineInfo {
  /** GPUs in rent orders, unconfirmed ones included (`machineRentedGPU`). */
  rentedGpus: number;
  /** `hardware.gpuNum − rentedGpus`, never below zero. */
  freeGpus: number;
  /** The miner's surcharge in USD × 10^6 per GPU per day (`machineExtraPrice`). */
  extraPriceMicroUsdPerGpuDay: number;
}

/** The sorted machine-id lists OnlineProfile keeps per state (LiveMachine). */
export interface LiveMachines {
  bonding: string[];
  confirmed: string[];
  booked: string[];
  online: string[];
  fulfilling: string[];
  refused: string[];
  rented: string[];
  offline: string[];
  refusedMutHardware: string[];
}

/** A stash's machines and totals (StashMachine). */
export interface StashMachines {
  totalMachines: string[];
  onlineMachines: string[];
  totalCalcPoints: number;
  totalGpuNum: number;
  totalRentedGpu: number;
  totalEarnedRewardPlanck: bigint;
  totalClaimedRewardPlanck: bigint;
  canClaimRewardPlanck: bigint;
  totalRentFeePlanck: bigint;
  totalBurnFeePlanck: bigint;
}

/** Network totals (SysInfoDetail). */
export interface SysInfo {
  totalGpuNum: number;
  totalRentedGpu: number;
  totalStaker: number;
  totalCalcPoints: number;
  totalStakePlanck: bigint;
  totalRentFeePlanck: bigint;
  totalBurnFeePlanck: bigint;
}

/** GPUs at one position (posGPUInfo). */
export interface PosGpuInfo {
  longitude: number;
  latitude: number;
  longitudeRaw: RawCoordinate;
  latitudeRaw: RawCoordinate;
  onlineGpu: number;
  offlineGpu: number;
  rentedGpu: number;
  onlineGpuCalcPoints: number;
}

/** The reference price: `gpuPriceMicroUsdPerDay` buys one day of `gpuPoint` calc points. */
export interface StandardGpuPointPrice {
  gpuPoint: number;
  gpuPriceMicroUsdPerDay: number;
}

/** Stake rules for miners (OnlineStakeParamsInfo). */
export interface OnlineStakeParams {
  onlineStakePerGpuPlanck: bigint;
  /** The per-GPU stake cap in USD × 10^6 (the cap is the lower of both). */
  onlineStakeUsdLimitMicroUsd: number;
  /** Stake for re-verifying changed hardware, USD × 10^6. */
  reonlineStakeMicroUsd: number;
  slashReviewStakePlanck: bigint;
}

/** An hour range of one UTC day, `startHour` inclusive, `endHour` exclusive. */
export interface TimeRange {
  startHour: number;
  endHour: number;
}

/** `fullTime` machines rent any time; `timeSlot` ones only inside their schedule. */
export type MachineRentalModeName = 'fullTime' | 'timeSlot';

/** A machine's rental mode and weekly schedule (index 0 = Sunday, UTC). */
export interface MachineRentalMode {
  mode: MachineRentalModeName;
  weeklySchedule: TimeRange[][];
}
