/** Crafted and synthetic machines for the machines/pricing tests (no devnet). */
import { createMachineDeriver, type DeriveEnvironment } from '../src/machines/deriveMachine.js';
import type { MachineFacts } from '../src/machines/facts.js';
import type { MachineSnapshot } from '../src/machines/snapshot.js';
import type { Machine } from '../src/machines/types.js';
import type { PricingPolicy } from '../src/pricing/policy.js';

export const AT_BLOCK = 1_200_000;
export const STD = { gpuPoint: 1_000, gpuPriceMicroUsdPerDay: 300_000 };
export const AVG = 1_500;

let n = 0;
/** A distinct 64-hex machine id. */
export function machineId(i = ++n): string {
  return i.toString(16).padStart(8, '0').repeat(8);
}

/** An online single RTX 4090 in Shanghai, rented 20 times, online for 10 days without interruption. */
export function facts(over: Partial<MachineFacts> = {}): MachineFacts {
  return {
    id: machineId(),
    gpuType: 'GeForceRTX4090',
    gpuNum: 1,
    rentedGpus: 0,
    gpuMemGb: 24,
    cudaCores: 16384,
    calcPoint: 30_000,
    cpuType: 'Intel(R) Core(TM) i9-13900K',
    cpuCores: 32,
    cpuMhz: 3000,
    ramGb: 128,
    sysDiskGb: 500,
    dataDiskGb: 2000,
    uploadMbps: 500,
    downloadMbps: 1000,
    telecom: ['China Telecom'],
    lat: 31.23,
    lon: 121.47,
    phase: 'rentable',
    bondingHeight: AT_BLOCK - 11 * 14_400,
    onlineHeight: AT_BLOCK - 10 * 14_400,
    lastOnlineHeight: AT_BLOCK - 10 * 14_400,
    rentedDurationBlocks: 20 * 600,
    rentedTimes: 20,
    extraPriceMicroUsdPerGpuDay: 0,
    rentalMode: 'full-time',
    stash: '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    bareMetal: false,
    ...over,
  };
}

/** The environment of the devnet's default prices. */
export function env(policy: PricingPolicy = {}, over: Partial<DeriveEnvironment> = {}): DeriveEnvironment {
  return { atBlock: AT_BLOCK, standardGpuPointPrice: STD, avgPriceMicroUsdPerDbc: AVG, policy, ...over };
}

/** A derived Machine from crafted facts. */
export function machine(over: Partial<MachineFacts> = {}, policy: PricingPolicy = {}): Machine {
  return createMachineDeriver(env(policy))(facts(over));
}

/** A snapshot of the given machines' facts. */
export function snapshotOf(list: MachineFacts[], policy: PricingPolicy = {}): MachineSnapshot {
  const derive = createMachineDeriver(env(policy));
  return {
    blockNumber: AT_BLOCK,
    blockHash: `0x${'ab'.repeat(32)}`,
    takenAt: Date.now(),
    avgPriceUsd: AVG / 1e6,
    standardGpuPointPrice: STD,
    fixedTxFeePlanck: 10n * 10n ** 15n,
    maxRentalBlocks: 60 * 14_400,
    policy,
    machines: list.map(derive),
  };
}

const MODELS = [
  ['GeForceRTX3060', 12, 9_000],
  ['GeForceRTX3080', 10, 15_000],
  ['GeForceRTX3090', 24, 18_000],
  ['GeForceRTX4090', 24, 30_000],
  ['GeForceRTX5090', 32, 40_000],
  ['RTXA6000', 48, 24_000],
  ['L40', 48, 28_000],
  ['A100', 80, 45_000],
  ['H100', 80, 75_000],
] as const;
const PLACES = [
  [31.23, 121.47], [22.54, 114.06], [35.69, 139.69], [50.11, 8.68], [39.04, -77.49], [37.34, -121.89], [1.35, 103.82], [-33.87, 151.21],
  [-23.55, -46.63], [52.37, 4.9], [45.1, 100.2], [10.82, 106.63],
] as const;

/** `count` varied machines from a deterministic generator (for search and the benchmark). */
export function syntheticFacts(count: number, seed = 7): MachineFacts[] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const [gpuType, mem, point] = pick(MODELS);
    const gpuNum = pick([1, 1, 2, 4, 4, 8]);
    const [lat, lon] = pick(PLACES);
    const roll = rnd();
    const phase = roll < 0.8 ? 'rentable' : roll < 0.93 ? 'offline' : 'verifying';
    const onlineHeight = phase === 'verifying' ? 0 : AT_BLOCK - Math.floor(rnd() * 80 * 14_400) - 600;
    return facts({
      id: machineId(i + 1),
      gpuType,
      gpuMemGb: mem,
      gpuNum,
      rentedGpus: phase === 'rentable' ? Math.floor(rnd() * (gpuNum + 1)) : 0,
      calcPoint: Math.round(point * gpuNum * (0.9 + rnd() * 0.2)),
      cpuCores: pick([16, 32, 64, 128]),
      ramGb: pick([64, 128, 256, 512]),
      dataDiskGb: pick([1000, 2000, 4000]),
      uploadMbps: pick([50, 100, 500, 1000]),
      downloadMbps: pick([100, 1000]),
      lat: lat + (rnd() - 0.5) * 0.2,
      lon: lon + (rnd() - 0.5) * 0.2,
      phase,
      onlineHeight,
      lastOnlineHeight: onlineHeight && rnd() < 0.3 ? AT_BLOCK - Math.floor(rnd() * 10 * 14_400) : onlineHeight,
      rentedTimes: Math.floor(rnd() * 60),
      extraPriceMicroUsdPerGpuDay: rnd() < 0.3 ? Math.floor(rnd() * 20) * 100_000 : 0,
    });
  });
}
