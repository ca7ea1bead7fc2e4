import type { KeyLocks } from '../idempotency/keys.js';
import type { IdempotencyStore } from './idempotency.js';

export { withKeyLock } from '../idempotency/keys.js';

/** What one rentals resource remembers between calls. */
export interface RentalsState extends KeyLocks {
  store: IdempotencyStore;
  /** Rents made here, by rental id: lets `confirm` tell "window missed" from "never existed" once the chain deleted the order. */
  rents: Map<string, { startBlock: number; key?: string }>;
}
