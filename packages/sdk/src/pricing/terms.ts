/**
 * Rental terms. The chain charges per block; terms exist only in the storefront, where partners
 * discount longer commitments (DBC sold monthly, quarterly and yearly rentals at a discount).
 */
import type { RentalTerm } from './policy.js';

const BLOCKS_PER_DAY = 14_400;

/** Every term, shortest first. */
export const RENTAL_TERMS: readonly RentalTerm[] = ['hourly', 'daily', 'monthly', 'quarterly', 'yearly'];

/**
 * The shortest rental a term may be used for, in days (a month is 30 days, a quarter 90, a year
 * 365): a monthly discount on a one-hour rental would be a loophole.
 */
export const TERM_MIN_DAYS: Readonly<Record<RentalTerm, number>> = {
  hourly: 0,
  daily: 1,
  monthly: 30,
  quarterly: 90,
  yearly: 365,
};

/** The shortest rental a term may be used for, in blocks. */
export function termMinBlocks(term: RentalTerm): number {
  return TERM_MIN_DAYS[term] * BLOCKS_PER_DAY;
}

/** True for one of {@link RENTAL_TERMS}. */
export function isRentalTerm(value: unknown): value is RentalTerm {
  return typeof value === 'string' && (RENTAL_TERMS as readonly string[]).includes(value);
}
