// Plain-JS views (chain/codec.ts) of the OnlineProfile storage types, and the constants the pallet
// uses. Source: DeepBrainChain-MainChain@d03734c2 pallets/support/src/{primitives,machine_info,
// machine_type,live_machine,verify_online,verify_slash}.rs and pallets/online-profile/src/types/*.rs.

export const ONE_MINUTE = 10;
export const SEVEN_MINUTES = 7 * ONE_MINUTE;
export const ONE_HOUR = 60 * ONE_MINUTE;
export const FOUR_HOURS = 4 * ONE_HOUR;
export const ONE_DAY = 24 * ONE_HOUR;
export const TWO_DAYS = 2 * ONE_DAY;
export const FIVE_DAYS = 5 * ONE_DAY;
export const TEN_DAYS = 10 * ONE_DAY;

/** types/basic.rs: eras a verifying committee shares a machine's reward. */
export const REWARD_DURATION = 365 * 2;
/** types/basic.rs: blocks between two restake_online_machine calls. */
export const REBOND_FREQUENCY = 365 * ONE_DAY;
/** online_reward.rs MachineRecentRewardInfo::add_new_reward keeps this many eras. */
export const RECENT_REWARD_ERAS = 150;
/** lib.rs set_machine_extra_price: $10,000 per GPU per day. */
export const MAX_EXTRA_PRICE = 10_000_000_000n;
/** lib.rs set_weekly_schedule / set_specific_date_schedule. */
export const MAX_RANGES_PER_DAY = 10;

export const PALLET = 'OnlineProfile';

export type Longitude = { East: bigint } | { West: bigint };
export type Latitude = { South: bigint } | { North: bigint };

export interface StakerCustomizeInfo {
  serverRoom: string;
  uploadNet: bigint;
  downloadNet: bigint;
  longitude: Longitude;
  latitude: Latitude;
  telecomOperators: string[];
  isBareMachine: boolean;
}

export interface CommitteeUploadInfo {
  machineId: string;
  gpuType: string;
  gpuNum: number;
  cudaCore: number;
  gpuMem: bigint;
  calcPoint: bigint;
  sysDisk: bigint;
  dataDisk: bigint;
  cpuType: string;
  cpuCoreNum: number;
  cpuRate: bigint;
  memNum: bigint;
  randStr: string;
  isSupport: boolean;
}

/** verify_slash.rs OPSlashReason<BlockNumber>: report-time variants carry a block number. */
export type OPSlashReason =
  | { RentedReportOffline: number }
  | { OnlineReportOffline: number }
  | { RentedInaccessible: number }
  | { RentedHardwareMalfunction: number }
  | { RentedHardwareCounterfeit: number }
  | { OnlineRentFailed: number }
  | 'CommitteeRefusedOnline'
  | 'CommitteeRefusedMutHardware'
  | 'ReonlineShouldReward';

export type MachineStatus =
  | 'AddingCustomizeInfo'
  | 'DistributingOrder'
  | 'CommitteeVerifying'
  | { CommitteeRefused: number }
  | 'WaitingFulfill'
  | 'Online'
  | { StakerReportOffline: [number, MachineStatus] }
  | { ReporterReportOffline: [OPSlashReason, MachineStatus, string, string[]] }
  | 'Creating'
  | 'Rented'
  | 'Exit';

export interface MachineInfo {
  controller: string;
  machineStash: string;
  renters: string[];
  lastMachineRestake: number;
  bondingHeight: number;
  onlineHeight: number;
  lastOnlineHeight: number;
  initStakePerGpu: bigint;
  stakeAmount: bigint;
  machineStatus: MachineStatus;
  totalRentedDuration: number;
  totalRentedTimes: bigint;
  totalRentFee: bigint;
  totalBurnFee: bigint;
  machineInfoDetail: { committeeUploadInfo: CommitteeUploadInfo; stakerCustomizeInfo: StakerCustomizeInfo };
  rewardCommittee: string[];
  rewardDeadline: number;
}

export interface LiveMachine {
  bondingMachine: string[];
  confirmedMachine: string[];
  bookedMachine: string[];
  onlineMachine: string[];
  fulfillingMachine: string[];
  refusedMachine: string[];
  rentedMachine: string[];
  offlineMachine: string[];
  refusedMutHardwareMachine: string[];
}

export interface StashMachine {
  totalMachine: string[];
  onlineMachine: string[];
  totalCalcPoints: bigint;
  totalGpuNum: bigint;
  totalRentedGpu: bigint;
  totalEarnedReward: bigint;
  totalClaimedReward: bigint;
  canClaimReward: bigint;
  totalRentFee: bigint;
  totalBurnFee: bigint;
}

export interface SysInfoDetail {
  totalGpuNum: bigint;
  totalRentedGpu: bigint;
  totalStaker: bigint;
  totalCalcPoints: bigint;
  totalStake: bigint;
  totalRentFee: bigint;
  totalBurnFee: bigint;
}

export interface PosInfo {
  onlineGpu: bigint;
  offlineGpu: bigint;
  rentedGpu: bigint;
  onlineGpuCalcPoints: bigint;
}

export interface OnlineStakeParamsInfo {
  onlineStakePerGpu: bigint;
  onlineStakeUsdLimit: bigint;
  reonlineStake: bigint;
  slashReviewStake: bigint;
}

export interface StandardGpuPointPrice {
  gpuPoint: bigint;
  gpuPrice: bigint;
}

export interface PhaseRewardInfoDetail {
  onlineRewardStartEra: number;
  firstPhaseDuration: number;
  galaxyOnEra: number;
  phase0RewardPerEra: bigint;
  phase1RewardPerEra: bigint;
  phase2RewardPerEra: bigint;
}

export interface StashMachineStatistics {
  onlineGpuNum: bigint;
  /** Perbill parts. */
  inflation: number;
  machineTotalCalcPoint: bigint;
  rentExtraGrade: bigint;
}

/** EraStashPoints<AccountId>; the BTreeMap reads as an object keyed by stash (codec.ts). */
export interface EraStashPointsJs {
  total: bigint;
  stakerStatistic: Record<string, StashMachineStatistics>;
}

export interface MachineGradeStatus {
  basicGrade: bigint;
  isRented: boolean;
}

/** BTreeMap<MachineId, MachineGradeStatus>, keyed by machine id. */
export type EraMachinePointsJs = Record<string, MachineGradeStatus>;

export interface MachineRecentRewardInfo {
  machineStash: string;
  recentMachineReward: bigint[];
  recentRewardSum: bigint;
  rewardCommitteeDeadline: number;
  rewardCommittee: string[];
}

export interface AllMachineIdSnapDetail {
  allMachineId: string[];
  snapLen: bigint;
}

export interface UserMutHardwareStakeInfo {
  verifyFee: bigint;
  offlineSlash: bigint;
  offlineTime: number;
  needFulfilling: boolean;
}

export interface OPPendingSlashInfo {
  slashWho: string;
  machineId: string;
  slashTime: number;
  slashAmount: bigint;
  slashExecTime: number;
  reporter: string | null;
  renters: string[];
  rewardToCommittee: string[] | null;
  slashReason: OPSlashReason;
}

export interface OPPendingSlashReviewInfo {
  applicant: string;
  stakedAmount: bigint;
  applyTime: number;
  expireTime: number;
  reason: string;
}

export interface TimeRange {
  startHour: number;
  endHour: number;
}

export type MachineRentalMode = 'FullTime' | 'TimeSlot';

/** The variant name of a MachineStatus. */
export function statusName(s: MachineStatus): string {
  return typeof s === 'string' ? s : Object.keys(s)[0]!;
}
