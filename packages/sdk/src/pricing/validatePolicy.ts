import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { PricingPolicy } from './policy.js';
import { isRentalTerm } from './terms.js';

function check(ok: boolean, code: string, message: string, details: Record<string, unknown>): void {
  if (!ok) throw new DbcInputError(code, message, { details });
}

const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Checks the numbers of one policy level (the defaults or one model's override). */
function checkLevel(p: Pick<PricingPolicy, 'markupPercent' | 'termDiscounts' | 'minPriceUsdPerGpuHour'>, where: string): void {
  if (p.markupPercent !== undefined) {
    check(
      finite(p.markupPercent) && p.markupPercent >= 0,
      'INVALID_MARKUP',
      `The markup${where} must be a percentage of 0 or more; got ${String(p.markupPercent)}. To sell below the chain price, use a term discount.`,
      { markupPercent: p.markupPercent },
    );
  }
  for (const [term, pct] of Object.entries(p.termDiscounts ?? {})) {
    check(isRentalTerm(term), 'INVALID_TERM', `"${term}"${where} is not a rental term; use hourly, daily, monthly, quarterly or yearly.`, { term });
    check(
      finite(pct) && pct >= 0 && pct <= 100,
      'INVALID_DISCOUNT',
      `The ${term} discount${where} must be a percentage from 0 to 100; got ${String(pct)}.`,
      { term, discountPercent: pct },
    );
  }
  if (p.minPriceUsdPerGpuHour !== undefined) {
    check(
      finite(p.minPriceUsdPerGpuHour) && p.minPriceUsdPerGpuHour >= 0,
      'INVALID_MIN_PRICE',
      `The minimum price per GPU-hour${where} must be 0 or more USD; got ${String(p.minPriceUsdPerGpuHour)}.`,
      { minPriceUsdPerGpuHour: p.minPriceUsdPerGpuHour },
    );
  }
}

/**
 * Checks a pricing policy, throwing a DbcInputError that names the bad field: negative markup,
 * discounts outside 0–100 %, unknown terms, negative minimums.
 *
 * @example validatePolicy({ markupPercent: 20, termDiscounts: { monthly: 10 } })
 */
export function validatePolicy(policy: PricingPolicy): PricingPolicy {
  checkLevel(policy, '');
  for (const [model, o] of Object.entries(policy.byGpuModel ?? {})) checkLevel(o, ` for ${model}`);
  return policy;
}
