/**
 * What the SDK remembers about a money-moving call made with an `idempotencyKey`, and where.
 *
 * One store holds the records of every call kind. Rent records are stored under the caller's key
 * as before; the other kinds under `<kind>:<key>` (`extend:order-42`, `transfer:payout-7`), so the
 * same key may be used for a rent, its extension and a transfer without one finding the other's
 * record. Every record says which call made it in `kind` (absent on rent records written by
 * earlier versions: no `kind` means a rent).
 */

/** The fields every record has, whatever call made it: the attempt's transaction and its fate. */
export interface IdempotencyRecordBase {
  /** The store key: the caller's key for a rent, `extend:<key>` or `transfer:<key>` otherwise. */
  key: string;
  /** Set once the transaction is signed (before it is sent). */
  txHash?: string;
  /** The signed transaction's account nonce: tells whether its slot was used if it is not found. */
  nonce?: number;
  /** Best block when the attempt started: where reconciliation starts looking. */
  startBlock?: number;
  /** Set when the attempt is known to have done nothing (failed in its block, or never sent): a retry may try again. */
  failed?: string;
  /** When the attempt started (unix ms). */
  createdAt: number;
}

/** A `rentals.rent` attempt. Unchanged from earlier versions apart from the optional `kind`. */
export interface RentIdempotencyRecord extends IdempotencyRecordBase {
  /** `'rent'`, or absent on records written before other calls took keys. */
  kind?: 'rent';
  machineId: string;
  gpus: number;
  durationBlocks: number;
  renter: string;
  /** Which market the machine is in (set before sending). */
  market?: 'rentMachine' | 'terminatingRental';
  /** Set once the Rent event is seen. */
  rentId?: string;
  /** Block that included the rent (its order's start). */
  rentBlock?: number;
  /** Set once confirmRent succeeded. */
  confirmed?: boolean;
}

/** A `rentals.extend` attempt (a relet), stored under `extend:<key>`. */
export interface ExtendIdempotencyRecord extends IdempotencyRecordBase {
  kind: 'extend';
  /** The rental, as the SDK spells its id (`"42"`, `"t42"`). */
  rentalId: string;
  /** The extension asked for, in blocks. */
  durationBlocks: number;
  renter: string;
  /** Set once the relet is known to have succeeded: the block that included it. */
  blockNumber?: number;
}

/** A `wallet.transfer` attempt, stored under `transfer:<key>`. */
export interface TransferIdempotencyRecord extends IdempotencyRecordBase {
  kind: 'transfer';
  from: string;
  to: string;
  /** The amount in planck, as a decimal string (records must survive JSON). */
  amountPlanck: string;
  /** Whether the transfer refuses to empty the sender (`transfer_keep_alive`). */
  keepAlive: boolean;
  /** Set once the transfer is known to have succeeded: what `transfer` returned. */
  receipt?: {
    txHash: `0x${string}`;
    blockHash: `0x${string}`;
    blockNumber: number;
    /** The fee paid, in planck (decimal string). */
    feePlanck: string;
  };
}

/**
 * What the SDK remembers about a call under its idempotency key, told apart by `kind`. Records
 * are plain JSON values (no bigint, no Date), so a store may serialize them as they are.
 */
export type IdempotencyRecord = RentIdempotencyRecord | ExtendIdempotencyRecord | TransferIdempotencyRecord;

/** The call kinds that take an idempotency key. */
export type IdempotencyKind = 'rent' | 'extend' | 'transfer';

/**
 * Where idempotency records live. Use a durable store (file, database) on servers so a crash
 * between submit and the end of the call can be reconciled after restart. `set` must keep the
 * whole record under `record.key` and `get` return it as it was set (every field, unknown ones
 * included): the records of different calls have different fields.
 */
export interface IdempotencyStore {
  get(key: string): Promise<IdempotencyRecord | undefined>;
  set(record: IdempotencyRecord): Promise<void>;
}

/** An in-memory store (the default): survives retries, not restarts. */
export function memoryIdempotencyStore(): IdempotencyStore {
  const map = new Map<string, IdempotencyRecord>();
  return {
    async get(key) {
      const r = map.get(key);
      return r ? structuredClone(r) : undefined;
    },
    async set(record) {
      map.set(record.key, structuredClone(record));
    },
  };
}
