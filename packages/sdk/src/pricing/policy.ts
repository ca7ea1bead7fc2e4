/** Rental terms a partner can price differently. */
export type RentalTerm = 'hourly' | 'daily' | 'monthly' | 'quarterly' | 'yearly';

/**
 * A partner's pricing on top of the chain price (set off-chain, applied by the storefront).
 * Percentages are numbers (10 = 10 %).
 */
export interface PricingPolicy {
  /** Markup over the chain price, in percent (default 0). */
  markupPercent?: number;
  /** Discount per term, in percent of the marked-up price (e.g. { monthly: 5, quarterly: 10, yearly: 20 }). */
  termDiscounts?: Partial<Record<RentalTerm, number>>;
  /** Minimum price per GPU-hour in USD after markup and discount. */
  minPriceUsdPerGpuHour?: number;
  /** Overrides by GPU model (chain spelling or display name), e.g. { 'RTX 4090': { markupPercent: 15 } }. */
  byGpuModel?: Record<string, Pick<PricingPolicy, 'markupPercent' | 'termDiscounts' | 'minPriceUsdPerGpuHour'>>;
  /** Currency prices are shown in (default 'USD'). */
  displayCurrency?: 'USD' | 'DBC';
}
