import { DbcInputError } from '../errors/families.js';

/** DBC has 15 decimals: 1 DBC = 10^15 planck. */
export const DBC_DECIMALS = 15;
/** Planck in one DBC (10^15). */
export const PLANCK_PER_DBC = 10n ** 15n;

/**
 * Parses a DBC amount written for humans ("1.5", "1000", "0.000000000000001") into planck.
 * Rejects negatives, more than 15 decimals, exponents and anything that is not a plain number,
 * so a typo never becomes a different amount.
 *
 * @example parseDbc('1.5') // 1_500_000_000_000_000n
 */
export function parseDbc(amount: string | number): bigint {
  const text = typeof amount === 'number' ? numberToPlain(amount) : amount.trim().replace(/_/g, '');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) {
    throw new DbcInputError('INVALID_AMOUNT', `"${String(amount)}" is not a DBC amount; write a non-negative decimal such as "1.5".`, {
      details: { amount: String(amount) },
    });
  }
  const [, whole, frac = ''] = m;
  if (frac.length > DBC_DECIMALS) {
    throw new DbcInputError('INVALID_AMOUNT', `"${String(amount)}" has ${frac.length} decimals; DBC has ${DBC_DECIMALS}.`, {
      details: { amount: String(amount) },
    });
  }
  return BigInt(whole!) * PLANCK_PER_DBC + BigInt(frac.padEnd(DBC_DECIMALS, '0') || '0');
}

function numberToPlain(n: number): string {
  if (!Number.isFinite(n) || n < 0) {
    throw new DbcInputError('INVALID_AMOUNT', `${n} is not a DBC amount; it must be a finite, non-negative number.`, {
      details: { amount: n },
    });
  }
  // toFixed avoids exponent notation; 15 digits is DBC's precision.
  return n.toFixed(DBC_DECIMALS).replace(/\.?0+$/, '') || '0';
}

/** How `formatDbc` renders an amount. */
export interface FormatDbcOptions {
  /** Maximum fraction digits shown (default 4); the value is truncated, never rounded up. */
  decimals?: number;
  /** Append " DBC" (default false). */
  symbol?: boolean;
  /** Group thousands with "," (default false). */
  grouping?: boolean;
}

/**
 * Formats planck as a DBC display string, truncating (never rounding up) to `decimals`.
 *
 * @example formatDbc(1_500_000_000_000_000n) // "1.5"
 */
export function formatDbc(planck: bigint, options: FormatDbcOptions = {}): string {
  const { decimals = 4, symbol = false, grouping = false } = options;
  const negative = planck < 0n;
  const abs = negative ? -planck : planck;
  let whole = (abs / PLANCK_PER_DBC).toString();
  const frac = (abs % PLANCK_PER_DBC).toString().padStart(DBC_DECIMALS, '0').slice(0, Math.max(0, decimals)).replace(/0+$/, '');
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}${symbol ? ' DBC' : ''}`;
}
