import type { ProxyTaskStore } from './taskOwnership.js';
import type { DbcChain, DbcSigner } from '@dbc-cloud/chain';
import type { DbcLogger } from '../client/logger.js';

/** One build of the machine snapshot: the block it reflects and its compact JSON text. */
export interface ProxySnapshot {
  blockNumber: number;
  /**
   * The snapshot as JSON. Deltas need a top-level rows array: `m` (the compact wire form, id in
   * column 0) or `machines` (objects with `machineId` or `id`).
   */
  json: string;
}

/** Builds a fresh machine snapshot from the chain (batched reads), e.g. `buildSnapshot` + `toSnapshotJson`. */
export type SnapshotProvider = () => Promise<ProxySnapshot>;

/** When the proxy rebuilds its machine snapshot. */
export interface ProxySnapshotOptions {
  /** Rebuild every `refreshMs` (default 30 s; 0 turns the timer off). */
  refreshMs?: number;
  /** Also rebuild as new blocks arrive (a chain subscription; rebuilds never overlap). */
  onNewBlocks?: boolean;
  /** Builds the snapshot; the default reads every machine from `chain`. */
  provider?: SnapshotProvider;
  /** Past snapshots kept as bases for `?sinceBlock=` deltas (default 16). */
  keep?: number;
}

/** What a custodial partner decides about one call before the proxy signs it with its own renter wallet. */
export interface CustodialCallContext {
  /** The user's wallet, whose signature the proxy verified. */
  wallet: string;
  machineId: string;
  rentOrder: string;
  /** The client-node path, e.g. `tasks/start`. */
  path: string;
}

/**
 * Custodial node auth, for partners that rent through their own wallet (as DBC's own storefront
 * does): for orders whose on-chain renter is `signer`, the proxy verifies the user and then signs
 * the call with `signer`. `canUse` says which users may drive which of the partner's orders; without
 * it any wallet with a valid signature could control every VM of the partner, so it is required.
 */
export interface CustodialNodeAuth {
  signer: DbcSigner;
  canUse(call: CustodialCallContext): boolean | Promise<boolean>;
}

/** Requests allowed per wallet. */
export interface ProxyRateLimit {
  perWalletPerMinute: number;
}

/** Options of `createDbcProxy`. */
export interface DbcProxyOptions {
  /** A connected chain, or endpoints to connect to lazily (that connection is closed by `close()`). */
  chain: DbcChain | { endpoints: string | string[] };
  /** Client-node API base (`http://host:5002/api/v1`); or use `clientNodeFor`. */
  clientNodeUrl?: string;
  /** Resolves the client-node API base per GPU machine (overrides `clientNodeUrl`). */
  clientNodeFor?: (machineId: string) => string | Promise<string>;
  /** Browser origins allowed to call the proxy (exact, e.g. `https://gpu.example.com`). */
  allowedOrigins: string[];
  /** Where the routes live (default `/dbc`). */
  basePath?: string;
  /** Default 120 requests per wallet per minute. */
  rateLimit?: ProxyRateLimit;
  /**
   * Where used nonces are remembered. Default: this process's memory, which is enough for one
   * instance; behind a load balancer give every instance the same store (Redis `SET key 1 NX PX ttl`
   * answers exactly this), or a nonce used on one instance could be replayed on another.
   */
  nonceStore?: ProxyNonceStore;
  /**
   * Who owns which VM (client nodes check a task's owner only on list and detail, so the proxy
   * remembers the creator of each VM). Default: this process's memory; instances behind a load
   * balancer share one store, or a custodial user's VM created through one instance is refused by
   * another (without custody the proxy re-checks unknown tasks with the node itself).
   */
  taskStore?: ProxyTaskStore;
  /**
   * How long a used nonce is remembered and refused (default 10 min). SDK nonces state when they
   * were made and are refused once older than this, so the cache can forget them safely.
   */
  nonceTtlMs?: number;
  /** The light read path; `false` turns `GET …/machines/snapshot` off. */
  snapshot?: ProxySnapshotOptions | false;
  /** Custodial re-signing with the partner's renter wallet (see {@link CustodialNodeAuth}). */
  nodeAuth?: CustodialNodeAuth;
  /** Client-node request timeout (default 35 s: the node itself waits 30 s for the GPU machine). */
  nodeTimeoutMs?: number;
  /** How long a verified rent order is trusted before it is read from the chain again (default 6 s, one block). */
  orderCacheMs?: number;
  /** Largest request body accepted (default 1 MiB). */
  maxBodyBytes?: number;
  /** Fields are redacted; signatures are never passed to it. */
  logger?: DbcLogger;
}

/**
 * Remembers used nonces for the proxy. `use` records (wallet, nonce) for `ttlMs` and answers
 * whether it was new: false means it was already used within its TTL (a replay). It may be async.
 */
export interface ProxyNonceStore {
  use(wallet: string, nonce: string, ttlMs: number): boolean | Promise<boolean>;
}
