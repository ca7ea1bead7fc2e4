/**
 * The facts a Machine is derived from: the chain record, flattened, in the SDK's units. Snapshots
 * travel as facts (see snapshotJson.ts) so a browser re-derives zones, places, stability and
 * prices with its own partner pricing instead of downloading them.
 */
import type { Machine as ChainMachine } from '@dbc-cloud/chain';
import type { Machine, RentalMode } from './types.js';

/** Whether a machine is online (rentable, perhaps fully rented), offline, or not yet verified. */
export type MachinePhase = 'rentable' | 'offline' | 'verifying';

/** One machine's chain facts (no derived values). */
export interface MachineFacts {
  id: string;
  gpuType: string;
  gpuNum: number;
  rentedGpus: number;
  gpuMemGb: number;
  cudaCores: number;
  calcPoint: number;
  cpuType: string;
  cpuCores: number;
  cpuMhz: number;
  ramGb: number;
  sysDiskGb: number;
  dataDiskGb: number;
  uploadMbps: number;
  downloadMbps: number;
  telecom: string[];
  lat: number;
  lon: number;
  phase: MachinePhase;
  bondingHeight: number;
  onlineHeight: number;
  lastOnlineHeight: number;
  rentedDurationBlocks: number;
  rentedTimes: number;
  extraPriceMicroUsdPerGpuDay: number;
  rentalMode: RentalMode;
  stash: string;
  bareMetal: boolean;
}

/**
 * The phase of a chain status. Online and Rented can take rents (a Rented machine may have free
 * GPUs); reported-offline, refused and exiting machines cannot and will not soon, so they are
 * offline; everything before Online is verifying.
 */
export function phaseOfChainStatus(kind: ChainMachine['status']['kind']): MachinePhase {
  switch (kind) {
    case 'online':
    case 'rented':
      return 'rentable';
    case 'stakerReportOffline':
    case 'reporterReportOffline':
    case 'committeeRefused':
    case 'exit':
      return 'offline';
    default:
      return 'verifying';
  }
}

/** The facts of a chain machine record (`getAllMachines` row) and its rental mode. */
export function factsOfChainMachine(row: ChainMachine, rentalMode: RentalMode): MachineFacts {
  const h = row.hardware;
  const s = row.staker;
  return {
    id: row.machineId,
    gpuType: h.gpuType,
    gpuNum: h.gpuNum,
    rentedGpus: Math.min(row.rentedGpus, h.gpuNum),
    gpuMemGb: h.gpuMemGb,
    cudaCores: h.cudaCore,
    calcPoint: h.calcPoint,
    cpuType: h.cpuType,
    cpuCores: h.cpuCores,
    cpuMhz: h.cpuRateMhz,
    ramGb: h.memGb,
    sysDiskGb: h.sysDiskGb,
    dataDiskGb: h.dataDiskGb,
    uploadMbps: s.uploadMbps,
    downloadMbps: s.downloadMbps,
    telecom: s.telecomOperators,
    lat: s.latitude,
    lon: s.longitude,
    phase: phaseOfChainStatus(row.status.kind),
    bondingHeight: row.bondingHeight,
    onlineHeight: row.onlineHeight,
    lastOnlineHeight: row.lastOnlineHeight,
    rentedDurationBlocks: row.totalRentedDurationBlocks,
    rentedTimes: row.totalRentedTimes,
    extraPriceMicroUsdPerGpuDay: row.extraPriceMicroUsdPerGpuDay,
    rentalMode,
    stash: row.stash,
    bareMetal: s.isBareMachine,
  };
}

/** The facts a derived Machine was made from (the inverse of `deriveMachine`). */
export function factsOfMachine(m: Machine): MachineFacts {
  return {
    id: m.id,
    gpuType: m.gpu.chainModel,
    gpuNum: m.gpu.count,
    rentedGpus: m.gpu.count - m.gpu.freeCount,
    gpuMemGb: m.gpu.memoryGb,
    cudaCores: m.gpu.cudaCores,
    calcPoint: m.calcPoints,
    cpuType: m.cpu.model,
    cpuCores: m.cpu.cores,
    cpuMhz: m.cpu.mhz,
    ramGb: m.ramGb,
    sysDiskGb: m.diskGb.system,
    dataDiskGb: m.diskGb.data,
    uploadMbps: m.network.uploadMbps,
    downloadMbps: m.network.downloadMbps,
    telecom: m.network.telecom,
    lat: m.location.lat,
    lon: m.location.lon,
    phase: m.status === 'available' || m.status === 'rented' ? 'rentable' : m.status,
    bondingHeight: m.history.bondedAtBlock,
    onlineHeight: m.history.firstOnlineBlock ?? 0,
    lastOnlineHeight: m.stability.onlineSinceBlock ?? 0,
    rentedDurationBlocks: Math.round(m.history.rentedHours * 600),
    rentedTimes: m.history.rentedTimes,
    extraPriceMicroUsdPerGpuDay: Math.round(m.price.minerExtraUsdPerGpuDay * 1e6),
    rentalMode: m.rentalMode,
    stash: m.stashAddress,
    bareMetal: m.bareMetal,
  };
}
