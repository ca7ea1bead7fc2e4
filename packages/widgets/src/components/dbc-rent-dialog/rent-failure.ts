import { DbcErrorEvent } from '../../events/error.js';

/**
 * What went wrong, in the terms the renter needs: they declined, they cannot pay, the GPU machine's
 * node refused a browser-wallet signature (a deployment issue, not theirs), another node error, or
 * anything else.
 */
export type RentFailureKind = 'declined' | 'insufficient' | 'node-auth' | 'node' | 'other';

/** A classified failure: its kind, the error's `{ code, message }`, and the amounts when known. */
export interface RentFailure {
  kind: RentFailureKind;
  code: string;
  message: string;
  /** Transferable balance in DBC (exact decimal string), for `insufficient` when the SDK said. */
  availableDbc?: string;
  /** What the order needs in DBC, for `insufficient` when the SDK said. */
  needDbc?: string;
}

/** Codes and dispatch errors that all mean "the account cannot pay this". */
const INSUFFICIENT = new Set([
  'INPUT_INSUFFICIENT_BALANCE',
  'INSUFFICIENT_BALANCE',
  'TX_CANNOT_PAY_FEES',
  'rentMachine.InsufficientValue',
  'terminatingRental.InsufficientValue',
  'Token.FundsUnavailable',
]);

const PLANCK_PER_DBC = 10n ** 15n;

/** Planck (a decimal string) as an exact DBC decimal string with at most 4 decimals, rounded up. */
export function planckToDbc(planck: unknown): string | undefined {
  if (typeof planck !== 'string' && typeof planck !== 'bigint') return undefined;
  let value: bigint;
  try {
    value = BigInt(planck);
  } catch {
    return undefined;
  }
  // Rounded up so that a "needs" figure never reads lower than what the chain will take.
  const step = PLANCK_PER_DBC / 10_000n;
  const tenThousandths = (value + step - 1n) / step;
  const whole = tenThousandths / 10_000n;
  const frac = (tenThousandths % 10_000n).toString().padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  errcode?: unknown;
  pallet?: unknown;
  error?: unknown;
  details?: { error?: unknown; availablePlanck?: unknown; needPlanck?: unknown };
}

/**
 * Sorts an error the SDK threw into a {@link RentFailure}. `stage` is the rent stage reached: an
 * abort while signing is the wallet's "Cancel", which the SDK reports as a signing abort.
 */
export function classifyFailure(error: unknown, stage?: string): RentFailure {
  const { code, message } = DbcErrorEvent.detailOf(error, 'RENT_FAILED');
  const e = (error ?? {}) as ErrorLike;
  const dispatch =
    typeof e.details?.error === 'string'
      ? e.details.error
      : typeof e.pallet === 'string' && typeof e.error === 'string'
        ? `${e.pallet}.${e.error}`
        : undefined;
  const base = { code, message };
  if (code === 'WALLET_SIGNATURE_REJECTED' || (code === 'ABORTED' && stage === 'signing'))
    return { kind: 'declined', ...base };
  if (INSUFFICIENT.has(code) || (dispatch !== undefined && INSUFFICIENT.has(dispatch)))
    return {
      kind: 'insufficient',
      ...base,
      availableDbc: planckToDbc(e.details?.availablePlanck),
      needDbc: planckToDbc(e.details?.needPlanck),
    };
  // The SDK wraps the node's refusal of its pre-confirm check; what matters is why the node refused.
  const cause = (error as { cause?: unknown } | null)?.cause as ErrorLike | undefined;
  if (code === 'RENT_NODE_CHECK_FAILED' && cause && isNodeError(cause)) {
    const auth = cause.code === 'NODE_AUTH_FAILED' || cause.errcode === -3;
    return { kind: auth ? 'node-auth' : 'node', ...base };
  }
  // errcode -3 also covers "not the renter" and "rent expired", which have their own codes.
  if (isNodeError(e))
    return {
      kind: code === 'NODE_AUTH_FAILED' || (code === 'NODE_ERROR' && e.errcode === -3) ? 'node-auth' : 'node',
      ...base,
    };
  return { kind: 'other', ...base };
}

/**
 * A client-node error, by name or code rather than `instanceof`, since the widgets load no chain
 * code and a host may bundle its own copy of the SDK.
 */
function isNodeError(e: ErrorLike): boolean {
  return e.name === 'DbcNodeError' || (typeof e.code === 'string' && e.code.startsWith('NODE_'));
}

/** A user abort or a superseded call: not a failure to show. */
export function isAbort(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return e?.name === 'AbortError' || e?.code === 'ABORTED';
}
