import type { IdempotencyStore } from './idempotency.js';

/** What one rentals resource remembers between calls. */
export interface RentalsState {
  store: IdempotencyStore;
  /** Rents made here, by rental id: lets `confirm` tell "window missed" from "never existed" once the chain deleted the order. */
  rents: Map<string, { startBlock: number; key?: string }>;
  /** Per idempotency key, the call in flight: a second call with the same key waits for it. */
  locks: Map<string, Promise<unknown>>;
}

/** Runs `fn` after any earlier call with the same key has settled, so one key never races itself. */
export function withKeyLock<T>(state: RentalsState, key: string | undefined, fn: () => Promise<T>): Promise<T> {
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
