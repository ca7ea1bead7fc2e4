/**
 * Decoders from OnlineProfile's storage values (polkadot.js codecs or `ScaleDecoder` values) to the
 * domain types in ./types.ts.
 */
import { DbcError } from '../../errors/index.js';
import { address, big, bool, field, hex, items, num, text, variant, type Value } from '../../utils/codec.js';
import { degreesOf } from './coordinates.js';
import type {
  LiveMachines,
  Machine,
  MachineHardware,
  MachineInfo,
  MachineRentalModeName,
  MachineStakerInfo,
  MachineStatus,
  OfflineReason,
  OnlineStakeParams,
  PosGpuInfo,
  RawCoordinate,
  StandardGpuPointPrice,
  StashMachines,
  SysInfo,
  TimeRange,
} from './types.js';

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function unknownVariant(what: string, name: string): DbcError {
  return new DbcError('CHAIN_UNEXPECTED_SHAPE', `Unknown ${what} variant ${name}.`, {
    details: { what, variant: name },
    metaMessages: ['The chain runtime may be newer than this SDK; update @dbc-cloud/chain.'],
  });
}

/** An OPSlashReason enum. */
export function decodeOfflineReason(c: Value): OfflineReason {
  const { type, value } = variant(c);
  switch (type) {
    case 'RentedReportOffline':
    case 'OnlineReportOffline':
    case 'RentedInaccessible':
    case 'RentedHardwareMalfunction':
    case 'RentedHardwareCounterfeit':
    case 'OnlineRentFailed':
      return { kind: lowerFirst(type), atBlock: num(value) } as OfflineReason;
    case 'CommitteeRefusedOnline':
    case 'CommitteeRefusedMutHardware':
    case 'ReonlineShouldReward':
      return { kind: lowerFirst(type) } as OfflineReason;
    default:
      throw unknownVariant('OPSlashReason', type);
  }
}

/** A MachineStatus enum, recursively (offline states hold the previous status). */
export function decodeMachineStatus(c: Value): MachineStatus {
  const { type, value } = variant(c);
  switch (type) {
    case 'AddingCustomizeInfo':
    case 'DistributingOrder':
    case 'CommitteeVerifying':
    case 'WaitingFulfill':
    case 'Online':
    case 'Creating':
    case 'Rented':
    case 'Exit':
      return { kind: lowerFirst(type) } as MachineStatus;
    case 'CommitteeRefused':
      return { kind: 'committeeRefused', atBlock: num(value) };
    case 'StakerReportOffline': {
      const [since, previous] = items(value);
      return { kind: 'stakerReportOffline', sinceBlock: num(since!), previous: decodeMachineStatus(previous!) };
    }
    case 'ReporterReportOffline': {
      const [reason, previous, reporter, committee] = items(value);
      return {
        kind: 'reporterReportOffline',
        reason: decodeOfflineReason(reason!),
        previous: decodeMachineStatus(previous!),
        reporter: address(reporter!),
        committee: items(committee!).map(address),
      };
    }
    default:
      throw unknownVariant('MachineStatus', type);
  }
}

/** A Longitude or Latitude enum. */
export function decodeCoordinate(c: Value): RawCoordinate {
  const { type, value } = variant(c);
  const direction = lowerFirst(type);
  if (direction !== 'east' && direction !== 'west' && direction !== 'north' && direction !== 'south') throw unknownVariant('coordinate', type);
  return { direction, value: num(value) };
}

/** A CommitteeUploadInfo value. */
export function decodeHardware(c: Value): MachineHardware {
  return {
    gpuType: text(field(c, 'gpuType')),
    gpuNum: num(field(c, 'gpuNum')),
    cudaCore: num(field(c, 'cudaCore')),
    gpuMemGb: num(field(c, 'gpuMem')),
    calcPoint: num(field(c, 'calcPoint')),
    sysDiskGb: num(field(c, 'sysDisk')),
    dataDiskGb: num(field(c, 'dataDisk')),
    cpuType: text(field(c, 'cpuType')),
    cpuCores: num(field(c, 'cpuCoreNum')),
    cpuRateMhz: num(field(c, 'cpuRate')),
    memGb: num(field(c, 'memNum')),
    randStr: text(field(c, 'randStr')),
    isSupport: bool(field(c, 'isSupport')),
  };
}

/** A StakerCustomizeInfo value, with coordinates in signed degrees. */
export function decodeStakerInfo(c: Value): MachineStakerInfo {
  const longitudeRaw = decodeCoordinate(field(c, 'longitude'));
  const latitudeRaw = decodeCoordinate(field(c, 'latitude'));
  return {
    serverRoom: hex(field(c, 'serverRoom')),
    uploadMbps: num(field(c, 'uploadNet')),
    downloadMbps: num(field(c, 'downloadNet')),
    longitude: degreesOf(longitudeRaw),
    latitude: degreesOf(latitudeRaw),
    longitudeRaw,
    latitudeRaw,
    telecomOperators: items(field(c, 'telecomOperators')).map(text),
    isBareMachine: bool(field(c, 'isBareMachine')),
  };
}

/** A `MachineInfo` value; `machineId` comes from the storage key (the value's copy is empty until verified). */
export function decodeMachineInfo(machineId: string, c: Value): MachineInfo {
  const detail = field(c, 'machineInfoDetail');
  return {
    machineId,
    controller: address(field(c, 'controller')),
    stash: address(field(c, 'machineStash')),
    renters: items(field(c, 'renters')).map(address),
    status: decodeMachineStatus(field(c, 'machineStatus')),
    hardware: decodeHardware(field(detail, 'committeeUploadInfo')),
    staker: decodeStakerInfo(field(detail, 'stakerCustomizeInfo')),
    bondingHeight: num(field(c, 'bondingHeight')),
    onlineHeight: num(field(c, 'onlineHeight')),
    lastOnlineHeight: num(field(c, 'lastOnlineHeight')),
    lastMachineRestakeHeight: num(field(c, 'lastMachineRestake')),
    initStakePerGpuPlanck: big(field(c, 'initStakePerGpu')),
    stakeAmountPlanck: big(field(c, 'stakeAmount')),
    totalRentedDurationBlocks: num(field(c, 'totalRentedDuration')),
    totalRentedTimes: num(field(c, 'totalRentedTimes')),
    totalRentFeePlanck: big(field(c, 'totalRentFee')),
    totalBurnFeePlanck: big(field(c, 'totalBurnFee')),
    rewardCommittee: items(field(c, 'rewardCommittee')).map(address),
    rewardDeadlineEra: num(field(c, 'rewardDeadline')),
  };
}

const ids = (c: Value) => items(c).map(text);

/** A LiveMachine value. */
export function decodeLiveMachines(c: Value): LiveMachines {
  return {
    bonding: ids(field(c, 'bondingMachine')),
    confirmed: ids(field(c, 'confirmedMachine')),
    booked: ids(field(c, 'bookedMachine')),
    online: ids(field(c, 'onlineMachine')),
    fulfilling: ids(field(c, 'fulfillingMachine')),
    refused: ids(field(c, 'refusedMachine')),
    rented: ids(field(c, 'rentedMachine')),
    offline: ids(field(c, 'offlineMachine')),
    refusedMutHardware: ids(field(c, 'refusedMutHardwareMachine')),
  };
}

/** A StashMachine value. */
export function decodeStashMachines(c: Value): StashMachines {
  return {
    totalMachines: ids(field(c, 'totalMachine')),
    onlineMachines: ids(field(c, 'onlineMachine')),
    totalCalcPoints: num(field(c, 'totalCalcPoints')),
    totalGpuNum: num(field(c, 'totalGpuNum')),
    totalRentedGpu: num(field(c, 'totalRentedGpu')),
    totalEarnedRewardPlanck: big(field(c, 'totalEarnedReward')),
    totalClaimedRewardPlanck: big(field(c, 'totalClaimedReward')),
    canClaimRewardPlanck: big(field(c, 'canClaimReward')),
    totalRentFeePlanck: big(field(c, 'totalRentFee')),
    totalBurnFeePlanck: big(field(c, 'totalBurnFee')),
  };
}

/** A SysInfoDetail value. */
export function decodeSysInfo(c: Value): SysInfo {
  return {
    totalGpuNum: num(field(c, 'totalGpuNum')),
    totalRentedGpu: num(field(c, 'totalRentedGpu')),
    totalStaker: num(field(c, 'totalStaker')),
    totalCalcPoints: num(field(c, 'totalCalcPoints')),
    totalStakePlanck: big(field(c, 'totalStake')),
    totalRentFeePlanck: big(field(c, 'totalRentFee')),
    totalBurnFeePlanck: big(field(c, 'totalBurnFee')),
  };
}

/** A posGPUInfo entry: the position comes from the key (Longitude, Latitude). */
export function decodePosGpuInfo(longitude: Value, latitude: Value, c: Value): PosGpuInfo {
  const longitudeRaw = decodeCoordinate(longitude);
  const latitudeRaw = decodeCoordinate(latitude);
  return {
    longitude: degreesOf(longitudeRaw),
    latitude: degreesOf(latitudeRaw),
    longitudeRaw,
    latitudeRaw,
    onlineGpu: num(field(c, 'onlineGpu')),
    offlineGpu: num(field(c, 'offlineGpu')),
    rentedGpu: num(field(c, 'rentedGpu')),
    onlineGpuCalcPoints: num(field(c, 'onlineGpuCalcPoints')),
  };
}

/** A StandardGpuPointPrice value. */
export function decodeStandardGpuPointPrice(c: Value): StandardGpuPointPrice {
  return { gpuPoint: num(field(c, 'gpuPoint')), gpuPriceMicroUsdPerDay: num(field(c, 'gpuPrice')) };
}

/** An OnlineStakeParamsInfo value. */
export function decodeOnlineStakeParams(c: Value): OnlineStakeParams {
  return {
    onlineStakePerGpuPlanck: big(field(c, 'onlineStakePerGpu')),
    onlineStakeUsdLimitMicroUsd: num(field(c, 'onlineStakeUsdLimit')),
    reonlineStakeMicroUsd: num(field(c, 'reonlineStake')),
    slashReviewStakePlanck: big(field(c, 'slashReviewStake')),
  };
}

/** A list of TimeRange. */
export function decodeTimeRanges(c: Value): TimeRange[] {
  return items(c).map((r) => ({ startHour: num(field(r, 'startHour')), endHour: num(field(r, 'endHour')) }));
}

/** A MachineRentalMode enum. */
export function decodeRentalModeName(c: Value): MachineRentalModeName {
  const { type } = variant(c);
  if (type === 'FullTime') return 'fullTime';
  if (type === 'TimeSlot') return 'timeSlot';
  throw unknownVariant('MachineRentalMode', type);
}

/** A machine with its rental state, from the three items listings read together. */
export function toMachine(info: MachineInfo, rentedGpus: number, extraPriceMicroUsdPerGpuDay: number): Machine {
  return { ...info, rentedGpus, freeGpus: Math.max(0, info.hardware.gpuNum - rentedGpus), extraPriceMicroUsdPerGpuDay };
}
