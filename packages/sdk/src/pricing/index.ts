/** Partner pricing and rental quotes. */
export type { PricingPolicy, RentalTerm } from './policy.js';
export { applyPricing, type AppliedPrice, type ApplyPricingOptions } from './applyPricing.js';
export { validatePolicy } from './validatePolicy.js';
export { resolvePolicy, type ResolvedPricing } from './resolvePolicy.js';
export { RENTAL_TERMS, TERM_MIN_DAYS, termMinBlocks, isRentalTerm } from './terms.js';
export { toRoundedDuration, HALF_HOUR_BLOCKS, type RentalDuration, type RoundedDuration } from './duration.js';
export { planRent, RELET_CHUNK_DAYS, type RentPlan, type ReletStep } from './reletPlan.js';
export { estimateTxFee, FALLBACK_TX_FEE_PLANCK, type TxFeeEstimate } from './estimateTxFee.js';
export { buildQuote, type Quote, type QuoteAmount, type QuoteBreakdown, type PricedReletStep, type BuildQuoteInputs } from './quote.js';
export {
  createPricingResource,
  type PricingResource,
  type PricingResourceOptions,
  type QuoteParams,
  type QuoteOptions,
} from './pricingResource.js';
