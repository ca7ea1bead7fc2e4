import { gpuModelKey } from '../machines/gpuModels.js';
import type { PricingPolicy, RentalTerm } from './policy.js';

/** The pricing that applies to one GPU model and term, overrides merged. */
export interface ResolvedPricing {
  markupPercent: number;
  discountPercent: number;
  minPriceUsdPerGpuHour: number;
}

/**
 * Merges a policy's per-model override (matched by chain spelling or display name, so
 * `'RTX 4090'` and `'GeForceRTX4090'` are the same key) over its defaults, for one term.
 */
export function resolvePolicy(policy: PricingPolicy, term: RentalTerm, gpuModel?: string): ResolvedPricing {
  let override: NonNullable<PricingPolicy['byGpuModel']>[string] | undefined;
  if (gpuModel && policy.byGpuModel) {
    const key = gpuModelKey(gpuModel);
    for (const [name, o] of Object.entries(policy.byGpuModel)) {
      if (gpuModelKey(name) === key) {
        override = o;
        break;
      }
    }
  }
  return {
    markupPercent: override?.markupPercent ?? policy.markupPercent ?? 0,
    discountPercent: override?.termDiscounts?.[term] ?? policy.termDiscounts?.[term] ?? 0,
    minPriceUsdPerGpuHour: override?.minPriceUsdPerGpuHour ?? policy.minPriceUsdPerGpuHour ?? 0,
  };
}
