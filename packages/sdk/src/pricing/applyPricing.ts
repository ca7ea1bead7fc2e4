import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { PricingPolicy, RentalTerm } from './policy.js';
import { resolvePolicy, type ResolvedPricing } from './resolvePolicy.js';
import { isRentalTerm } from './terms.js';
import { validatePolicy } from './validatePolicy.js';

/** Options of {@link applyPricing}. */
export interface ApplyPricingOptions {
  /** Default `hourly` (no term discount unless the policy sets one for hourly). */
  term?: RentalTerm;
  /** Display name or chain spelling; selects the policy's per-model override. */
  gpuModel?: string;
  /** GPUs the daily price is for (default 1); the minimum price is per GPU. */
  gpus?: number;
}

/** A chain price with the partner's pricing applied, step by step. */
export interface AppliedPrice {
  term: RentalTerm;
  chainUsdPerDay: number;
  markupPercent: number;
  markupUsdPerDay: number;
  /** Term discount, in percent of the marked-up price. */
  discountPercent: number;
  discountUsdPerDay: number;
  /** The partner's floor for these GPUs, USD per day. */
  minimumUsdPerDay: number;
  /** True when the floor raised the price. */
  minimumApplied: boolean;
  /** What the renter pays per day. */
  usdPerDay: number;
  /** What the renter pays per GPU per hour. */
  usdPerGpuHour: number;
}

/** Like {@link applyPricing} for an already validated and resolved policy (the hot path of listings). */
export function applyResolvedPricing(chainUsdPerDay: number, r: ResolvedPricing, term: RentalTerm, gpus: number): AppliedPrice {
  const markupUsdPerDay = (chainUsdPerDay * r.markupPercent) / 100;
  const discountUsdPerDay = ((chainUsdPerDay + markupUsdPerDay) * r.discountPercent) / 100;
  const priced = chainUsdPerDay + markupUsdPerDay - discountUsdPerDay;
  const minimumUsdPerDay = r.minPriceUsdPerGpuHour * 24 * gpus;
  const minimumApplied = priced < minimumUsdPerDay;
  const usdPerDay = minimumApplied ? minimumUsdPerDay : priced;
  return {
    term,
    chainUsdPerDay,
    markupPercent: r.markupPercent,
    markupUsdPerDay,
    discountPercent: r.discountPercent,
    discountUsdPerDay,
    minimumUsdPerDay,
    minimumApplied,
    usdPerDay,
    usdPerGpuHour: usdPerDay / 24 / gpus,
  };
}

/**
 * Applies a partner's pricing to a chain price: markup first, then the term's discount on the
 * marked-up price, then the per-GPU-hour minimum. Per-model overrides replace the defaults field by
 * field. Throws DbcInputError for a bad policy (negative markup, discount over 100 %) or input.
 *
 * @example
 * ```ts
 * applyPricing(7.2, { markupPercent: 25, termDiscounts: { monthly: 10 } }, { term: 'monthly' }).usdPerDay // 8.1
 * ```
 */
export function applyPricing(chainUsdPerDay: number, policy: PricingPolicy, options: ApplyPricingOptions = {}): AppliedPrice {
  const term = options.term ?? 'hourly';
  const gpus = options.gpus ?? 1;
  if (!isRentalTerm(term)) {
    throw new DbcInputError('INVALID_TERM', `"${String(term)}" is not a rental term; use hourly, daily, monthly, quarterly or yearly.`, {
      details: { term },
    });
  }
  if (typeof chainUsdPerDay !== 'number' || !Number.isFinite(chainUsdPerDay) || chainUsdPerDay < 0) {
    throw new DbcInputError('INVALID_PRICE', `The chain price must be a non-negative number of USD per day; got ${String(chainUsdPerDay)}.`, {
      details: { chainUsdPerDay },
    });
  }
  if (!Number.isSafeInteger(gpus) || gpus < 1) {
    throw new DbcInputError('INVALID_GPU_COUNT', `gpus must be a whole number of 1 or more; got ${String(gpus)}.`, { details: { gpus } });
  }
  validatePolicy(policy);
  return applyResolvedPricing(chainUsdPerDay, resolvePolicy(policy, term, options.gpuModel), term, gpus);
}
