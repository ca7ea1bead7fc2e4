// The records and stores now serve rent, extend and transfer alike; this path stays for imports
// that name it (the CLI's file store, earlier code).
export {
  memoryIdempotencyStore,
  type ExtendIdempotencyRecord,
  type IdempotencyKind,
  type IdempotencyRecord,
  type IdempotencyRecordBase,
  type IdempotencyStore,
  type RentIdempotencyRecord,
  type TransferIdempotencyRecord,
} from '../idempotency/records.js';
