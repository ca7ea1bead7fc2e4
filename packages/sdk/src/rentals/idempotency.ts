/** What the SDK remembers about a rent attempt under its idempotency key. */
export interface IdempotencyRecord {
  key: string;
  machineId: string;
  gpus: number;
  durationBlocks: number;
  renter: string;
  /** Which market the machine is in (set before sending). */
  market?: 'rentMachine' | 'terminatingRental';
  /** Set once the rent transaction is signed (before it is sent). */
  txHash?: string;
  /** The signed transaction's account nonce: tells whether its slot was used if it is not found. */
  nonce?: number;
  /** Best block when the attempt started: where reconciliation starts looking. */
  startBlock?: number;
  /** Set once the Rent event is seen. */
  rentId?: string;
  /** Block that included the rent (its order's start). */
  rentBlock?: number;
  /** Set when the rent failed in its block (nothing rented): a retry may try again. */
  failed?: string;
  /** Set once confirmRent succeeded. */
  confirmed?: boolean;
  createdAt: number;
}

/**
 * Where idempotency records live. Use a durable store (file, database) on servers so a crash
 * between submit and confirm can be reconciled after restart.
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
      return r ? { ...r } : undefined;
    },
    async set(record) {
      map.set(record.key, { ...record });
    },
  };
}
