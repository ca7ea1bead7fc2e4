/**
 * Input checks shared by queries and transaction builders. Each throws DbcInputError before
 * anything is sent, with a message that says what was wrong and what is accepted.
 */
import { DbcInputError } from '../errors/index.js';

const U32_MAX = 0xffff_ffff;
const U64_MAX = 2n ** 64n - 1n;
const U128_MAX = 2n ** 128n - 1n;

function shown(value: unknown): string {
  return typeof value === 'bigint' ? `${value}n` : typeof value === 'string' ? `"${value}"` : String(value);
}

/** An integer in [min, max] given as a number (or a bigint that fits). */
export function toInteger(name: string, value: unknown, { min = 0, max = U32_MAX, code = 'INVALID_NUMBER' } = {}): number {
  const n = typeof value === 'bigint' && value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new DbcInputError(code, `${name} must be a whole number from ${min} to ${max}; got ${shown(value)}.`, {
      details: { [name]: shown(value) },
    });
  }
  return n;
}

/** A GPU count: a whole number of at least one. */
export function toGpuCount(value: unknown, name = 'gpus'): number {
  return toInteger(name, value, { min: 1, code: 'INVALID_GPU_COUNT' });
}

/** A rent order id (u64 on chain; ids are counters far below 2^53). */
export function toRentId(value: unknown): number {
  return toInteger('rentId', value, { min: 0, max: Number.MAX_SAFE_INTEGER, code: 'INVALID_RENT_ID' });
}

/** An era index (u32). */
export function toEra(value: unknown, name = 'era'): number {
  return toInteger(name, value, { min: 0, code: 'INVALID_ERA' });
}

/**
 * An amount in planck: a bigint, or a safe whole number. Refuses negatives and fractions, the
 * classic mistake of passing DBC (1.5) where planck is expected; `parseDbc` converts those.
 */
export function toPlanck(name: string, value: unknown, { allowZero = false } = {}): bigint {
  let v: bigint | null = null;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) v = BigInt(value);
  const min = allowZero ? 0n : 1n;
  if (v === null || v < min || v > U128_MAX) {
    const fraction = typeof value === 'number' && Number.isFinite(value) && !Number.isInteger(value);
    throw new DbcInputError(
      'INVALID_AMOUNT',
      `${name} must be a whole number of planck ${allowZero ? '≥ 0' : '> 0'} (1 DBC = 10^15 planck); got ${shown(value)}.`,
      {
        details: { [name]: shown(value) },
        metaMessages: fraction ? ['To give an amount in DBC, convert it first: parseDbc("1.5").'] : [],
      },
    );
  }
  return v;
}

/** A u64 value given as number or bigint (prices in USD×1e6). */
export function toU64(name: string, value: unknown, { max = U64_MAX } = {}): bigint {
  let v: bigint | null = null;
  if (typeof value === 'bigint') v = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) v = BigInt(value);
  if (v === null || v < 0n || v > max) {
    throw new DbcInputError('INVALID_NUMBER', `${name} must be a whole number from 0 to ${max}; got ${shown(value)}.`, {
      details: { [name]: shown(value) },
    });
  }
  return v;
}

/** A boolean, strictly (so `"false"` is not taken as true). */
export function toBool(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') {
    throw new DbcInputError('INVALID_BOOLEAN', `${name} must be true or false; got ${shown(value)}.`, { details: { [name]: shown(value) } });
  }
  return value;
}
