import { u8aToHex, stringToU8a } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { CPU_MODELS, GPU_MODELS, PLACES, type GpuModel, type Place } from './catalog.js';
import { createRandom } from './random.js';

export const BLOCKS_PER_DAY = 14_400;
export const BLOCKS_PER_HOUR = 600;

export type SeedStatus = 'online' | 'rented' | 'offline' | 'verifying';

/** One seeded machine, in domain terms (genesis.ts turns it into chain storage). */
export interface SeedMachine {
  /** 64-char lowercase hex, as the chain's MachineId bytes. */
  machineId: string;
  /** Index into the miner list (stash/controller accounts). */
  miner: number;
  gpu: GpuModel;
  gpuNum: number;
  calcPoint: number;
  cpuType: string;
  cpuCoreNum: number;
  cpuRateMhz: number;
  memGb: number;
  sysDiskGb: number;
  dataDiskGb: number;
  uploadMbps: number;
  downloadMbps: number;
  place: Place;
  /** Degrees ×10^4 with hemispheres, as StakerCustomizeInfo stores them. */
  longitude: { East: number } | { West: number };
  latitude: { North: number } | { South: number };
  isBareMachine: boolean;
  status: SeedStatus;
  /** Block the machine was bonded / first came online / last came back online. */
  bondingHeight: number;
  onlineHeight: number;
  lastOnlineHeight: number;
  totalRentedDuration: number;
  totalRentedTimes: number;
  /** USD×1e6 per GPU per day on top of the standard price (MachineExtraPrice). */
  extraPrice: number;
  timeSlot: boolean;
  /** GPUs rented at genesis (rented machines), by one order each of `rentals[i]` GPUs. */
  rentals: number[];
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** The genesis block number (machines' heights lie before it). */
  genesisNumber: number;
  miners: number;
}

export function machineIdOf(seed: number, i: number): string {
  return u8aToHex(blake2AsU8a(stringToU8a(`dbc-devnet/machine/${seed}/${i}`), 256)).slice(2);
}

/** Deterministic machines with a realistic mix of hardware, places, states and uptime history. */
export function generateMachines({ count, seed = 42, genesisNumber, miners }: GenerateOptions): SeedMachine[] {
  const r = createRandom(seed);
  const out: SeedMachine[] = [];
  for (let i = 0; i < count; i++) {
    const gpu = r.weighted(GPU_MODELS);
    const gpuNum = r.pick([1, 1, 2, 2, 4, 4, 4, 8, 8]);
    const cpu = r.pick(CPU_MODELS);
    const place = r.weighted(PLACES);
    // Jitter inside the city so machines do not all share one coordinate.
    const lon = Math.round((place.lon + (r.next() - 0.5) * 0.2) * 10_000);
    const lat = Math.round((place.lat + (r.next() - 0.5) * 0.2) * 10_000);
    const roll = r.next();
    const status: SeedStatus = roll < 0.62 ? 'online' : roll < 0.85 ? 'rented' : roll < 0.95 ? 'offline' : 'verifying';
    const ageDays = r.int(3, Math.max(4, Math.floor(genesisNumber / BLOCKS_PER_DAY) - 1));
    const bondingHeight = Math.max(1, genesisNumber - ageDays * BLOCKS_PER_DAY - r.int(0, BLOCKS_PER_DAY));
    const onlineHeight = status === 'verifying' ? 0 : bondingHeight + r.int(BLOCKS_PER_HOUR, BLOCKS_PER_DAY);
    // Most machines have run uninterrupted since they came online; some came back recently.
    const interrupted = status !== 'verifying' && r.chance(0.35);
    const lastOnlineHeight =
      status === 'verifying'
        ? 0
        : interrupted
          ? Math.max(onlineHeight, genesisNumber - r.int(2 * BLOCKS_PER_HOUR, 10 * BLOCKS_PER_DAY))
          : onlineHeight;
    const calcPoint = Math.round(gpu.calcPointPerGpu * gpuNum * (0.92 + r.next() * 0.16));
    const rentals: number[] = [];
    if (status === 'rented') {
      let left = gpuNum;
      // Either the whole machine or a few single-GPU orders.
      if (r.chance(0.5) || gpuNum === 1) rentals.push(left);
      else
        while (left > 0 && rentals.length < 3) {
          const n = Math.min(left, r.pick([1, 1, 2]));
          rentals.push(n);
          left -= n;
          if (r.chance(0.4)) break;
        }
    }
    const rentedTimes = status === 'verifying' ? 0 : r.int(0, 80);
    out.push({
      machineId: machineIdOf(seed, i),
      miner: r.int(0, miners - 1),
      gpu,
      gpuNum,
      calcPoint,
      cpuType: cpu.cpuType,
      cpuCoreNum: cpu.cores,
      cpuRateMhz: cpu.rateMhz,
      memGb: r.pick([64, 128, 256, 256, 512, 1024]),
      sysDiskGb: 500,
      dataDiskGb: r.pick([1000, 2000, 3905, 4000, 8000]),
      uploadMbps: r.pick([100, 200, 500, 1000, 10000]),
      downloadMbps: r.pick([100, 500, 1000, 1000, 10000]),
      place,
      longitude: lon >= 0 ? { East: lon } : { West: -lon },
      latitude: lat >= 0 ? { North: lat } : { South: -lat },
      isBareMachine: r.chance(0.05),
      status,
      bondingHeight,
      onlineHeight,
      lastOnlineHeight,
      totalRentedDuration: rentedTimes * r.int(BLOCKS_PER_HOUR, 3 * BLOCKS_PER_DAY),
      totalRentedTimes: rentedTimes,
      extraPrice: r.chance(0.3) ? r.int(1, 20) * 100_000 : 0,
      timeSlot: status === 'online' && r.chance(0.04),
      rentals,
    });
  }
  return out;
}
