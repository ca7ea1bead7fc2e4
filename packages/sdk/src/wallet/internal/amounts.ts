import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { Amount } from '../types.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** `{ planck, dbc }` for an amount in planck, `dbc` exact (all 15 decimals kept). */
export function amountOf(lib: ChainLib, planck: bigint): Amount {
  return { planck, dbc: lib.formatDbc(planck, { decimals: lib.DBC_DECIMALS }) };
}

/** An amount given either as `amountDbc` (a decimal string or number) or as `amountPlanck`. */
export interface AmountInput {
  /** DBC as a decimal string ("12.5") or number; at most 15 decimals. */
  amountDbc?: string | number;
  /** Planck (1 DBC = 10^15), a bigint or a safe whole number. */
  amountPlanck?: bigint | number;
}

/**
 * Reads an AmountInput as planck > 0, refusing both or neither field, negatives, zero, too many
 * decimals and fractional planck; `what` names the amount in messages ("the transfer amount").
 */
export function toAmountPlanck(lib: ChainLib, input: AmountInput, what: string): bigint {
  const hasDbc = input?.amountDbc !== undefined;
  const hasPlanck = input?.amountPlanck !== undefined;
  if (hasDbc === hasPlanck) {
    throw new DbcInputError('INVALID_AMOUNT', `Give ${what} as exactly one of amountDbc or amountPlanck.`, {
      details: { amountDbc: hasDbc, amountPlanck: hasPlanck },
    });
  }
  let planck: bigint;
  if (hasDbc) {
    const v = input.amountDbc!;
    if (
      (typeof v !== 'string' && typeof v !== 'number') ||
      (typeof v === 'string' && v.trim().startsWith('-'))
    ) {
      throw new DbcInputError(
        'INVALID_AMOUNT',
        `${capitalize(what)} must be a positive DBC amount such as "12.5"; got ${String(v)}.`,
        {
          details: { amountDbc: String(v) },
        },
      );
    }
    planck = lib.parseDbc(v);
  } else {
    const v = input.amountPlanck!;
    const ok = typeof v === 'bigint' || (typeof v === 'number' && Number.isSafeInteger(v));
    if (!ok) {
      throw new DbcInputError(
        'INVALID_AMOUNT',
        `${capitalize(what)} in planck must be a whole number; got ${String(v)}.`,
        {
          details: { amountPlanck: String(v) },
          metaMessages: ['To give an amount in DBC, use amountDbc instead.'],
        },
      );
    }
    planck = BigInt(v);
  }
  if (planck <= 0n) {
    throw new DbcInputError('INVALID_AMOUNT', `${capitalize(what)} must be more than zero.`, {
      details: { amountPlanck: planck.toString() },
    });
  }
  return planck;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
