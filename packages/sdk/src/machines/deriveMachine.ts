import { applyResolvedPricing } from '../pricing/applyPricing.js';
import type { PricingPolicy } from '../pricing/policy.js';
import { resolvePolicy, type ResolvedPricing } from '../pricing/resolvePolicy.js';
import type { MachineFacts } from './facts.js';
import { gpuDisplayName } from './gpuModels.js';
import { reverseGeocode } from './reverseGeocode.js';
import { stabilityOf } from './stability.js';
import type { Machine } from './types.js';
import { zonesOf } from './zones.js';

/** The network-wide inputs every machine's derived values depend on. */
export interface DeriveEnvironment {
  /** The snapshot block (stability is measured up to it). */
  atBlock: number;
  /** `gpuPriceMicroUsdPerDay` buys a day of `gpuPoint` calc points; null = the chain sets no price. */
  standardGpuPointPrice: { gpuPoint: number; gpuPriceMicroUsdPerDay: number } | null;
  /** USD × 10^6 per DBC; null before the oracle has an average. */
  avgPriceMicroUsdPerDbc: number | null;
  /** The partner's pricing (validated by the caller). */
  policy: PricingPolicy;
}

/**
 * Returns a function that turns machine facts into Machines for one environment. Display names
 * and per-model pricing are resolved once per GPU model, since a network has a few dozen models
 * and thousands of machines.
 */
export function createMachineDeriver(env: DeriveEnvironment): (facts: MachineFacts) => Machine {
  const models = new Map<string, { name: string; pricing: ResolvedPricing }>();
  const std = env.standardGpuPointPrice;
  const dbcPerUsd = env.avgPriceMicroUsdPerDbc ? 1e6 / env.avgPriceMicroUsdPerDbc : 0;
  return (f) => {
    let model = models.get(f.gpuType);
    if (!model) {
      const name = gpuDisplayName(f.gpuType);
      model = { name, pricing: resolvePolicy(env.policy, 'hourly', name) };
      models.set(f.gpuType, model);
    }
    // The runtime's price for one GPU (online-profile get_machine_price), in float for display;
    // quotes redo it in integers with calcRentFee.
    const systemMicroUsdPerGpuDay = std && std.gpuPoint > 0 && f.gpuNum > 0 ? (std.gpuPriceMicroUsdPerDay * f.calcPoint) / std.gpuPoint / f.gpuNum : 0;
    const chainUsdPerGpuDay = std ? (systemMicroUsdPerGpuDay + f.extraPriceMicroUsdPerGpuDay) / 1e6 : 0;
    const priced = applyResolvedPricing(chainUsdPerGpuDay, model.pricing, 'hourly', 1);
    const freeCount = Math.max(0, f.gpuNum - f.rentedGpus);
    const status = f.phase === 'rentable' ? (freeCount > 0 ? 'available' : 'rented') : f.phase;
    return {
      id: f.id,
      gpu: { model: model.name, chainModel: f.gpuType, count: f.gpuNum, freeCount, memoryGb: f.gpuMemGb, cudaCores: f.cudaCores },
      calcPoints: f.calcPoint,
      cpu: { model: f.cpuType, cores: f.cpuCores, mhz: f.cpuMhz },
      ramGb: f.ramGb,
      diskGb: { system: f.sysDiskGb, data: f.dataDiskGb },
      network: { uploadMbps: f.uploadMbps, downloadMbps: f.downloadMbps, telecom: f.telecom },
      location: reverseGeocode(f.lat, f.lon),
      status,
      zones: zonesOf({ gpuModel: model.name, gpuCount: f.gpuNum, gpuMemoryGb: f.gpuMemGb, cpuCores: f.cpuCores, uploadMbps: f.uploadMbps }),
      stability: stabilityOf({
        phase: f.phase,
        onlineHeight: f.onlineHeight,
        lastOnlineHeight: f.lastOnlineHeight,
        rentedTimes: f.rentedTimes,
        atBlock: env.atBlock,
      }),
      history: {
        bondedAtBlock: f.bondingHeight,
        firstOnlineBlock: f.onlineHeight > 0 ? f.onlineHeight : null,
        rentedTimes: f.rentedTimes,
        rentedHours: f.rentedDurationBlocks / 600,
      },
      price: {
        chainUsdPerGpuHour: chainUsdPerGpuDay / 24,
        chainDbcPerGpuHour: (chainUsdPerGpuDay / 24) * dbcPerUsd,
        usdPerGpuHour: priced.usdPerGpuHour,
        dbcPerGpuHour: priced.usdPerGpuHour * dbcPerUsd,
        minerExtraUsdPerGpuDay: f.extraPriceMicroUsdPerGpuDay / 1e6,
      },
      rentalMode: f.rentalMode,
      bareMetal: f.bareMetal,
      stashAddress: f.stash,
      snapshotBlock: env.atBlock,
    };
  };
}
