import { DbcInputError } from '@dbc-cloud/chain/errors';
import type {
  ExtendIdempotencyRecord,
  IdempotencyKind,
  IdempotencyRecord,
  IdempotencyStore,
  RentIdempotencyRecord,
  TransferIdempotencyRecord,
} from './records.js';

/** The record type of a call kind. */
export type RecordOf<K extends IdempotencyKind> = K extends 'rent'
  ? RentIdempotencyRecord
  : K extends 'extend'
    ? ExtendIdempotencyRecord
    : TransferIdempotencyRecord;

/** Which call made a record (rent records of earlier versions have no `kind`). */
export function kindOf(record: IdempotencyRecord): IdempotencyKind {
  return record.kind ?? 'rent';
}

/** Refuses a key that is not a non-empty string of at most 255 characters (INPUT_INVALID_IDEMPOTENCY_KEY). */
export function checkIdempotencyKey(key: unknown): asserts key is string | undefined {
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 255))
    throw new DbcInputError('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be a non-empty string of at most 255 characters.');
}

/** Where a call kind keeps `key` in the store: rent keys as given (as they always were), the others under `<kind>:<key>`. */
export function storeKeyOf(kind: IdempotencyKind, key: string): string {
  return kind === 'rent' ? key : `${kind}:${key}`;
}

/** INPUT_IDEMPOTENCY_KEY_REUSED: the key names an earlier call with other parameters; nothing was sent. */
export function keyReusedError(key: string, message: string, details: Record<string, unknown> = {}): DbcInputError {
  return new DbcInputError('IDEMPOTENCY_KEY_REUSED', message, { details: { key, ...details } });
}

/**
 * The record a call kind finds under `key`, or undefined. A record another kind of call wrote
 * there (a rent key spelled `extend:…`) is refused as a reused key rather than misread.
 */
export async function findRecord<K extends IdempotencyKind>(store: IdempotencyStore, kind: K, key: string): Promise<RecordOf<K> | undefined> {
  const rec = await store.get(storeKeyOf(kind, key));
  if (!rec) return undefined;
  if (kindOf(rec) !== kind)
    throw keyReusedError(key, `The idempotency key "${key}" was already used for a ${kindOf(rec)}, not a ${kind}; use a new key.`, { kind: kindOf(rec) });
  return rec as RecordOf<K>;
}

/** Calls in flight per store key: a second call with the same key waits for the first. */
export interface KeyLocks {
  locks: Map<string, Promise<unknown>>;
}

/** Runs `fn` after any earlier call with the same key has settled, so one key never races itself. */
export function withKeyLock<T>(state: KeyLocks, key: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (key === undefined) return fn();
  const prev = state.locks.get(key);
  const run = (prev ? prev.then(noop, noop) : Promise.resolve()).then(fn);
  state.locks.set(key, run);
  const release = () => {
    if (state.locks.get(key) === run) state.locks.delete(key);
  };
  run.then(release, release);
  return run;
}

function noop(): void {}
