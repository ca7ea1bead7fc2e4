import type { AxiosInstance } from 'axios';
import type { DbcSigner } from '@dbc-cloud/chain';
import type { DbcLogger } from './logger.js';

/** Where the SDK reads and writes. */
export type NetworkConfig =
  | 'mainnet'
  | 'devnet'
  | {
      /** Chain WebSocket endpoint(s), tried in order. */
      chain: string | string[];
      /** Client-node API base (a node, or the partner's proxy: required in browsers). */
      clientNode?: string;
      /** Light read path: the proxy's machine snapshot URL; browsing then needs no chain code. */
      snapshotUrl?: string;
    };

/** Configuration of `createDbcClient`. */
export interface DbcClientConfig {
  network?: NetworkConfig;
  /** Signs transactions and client-node requests; needed only for money-moving calls and VMs. */
  signer?: DbcSigner;
  /** The partner selling the rentals: its name (shown to wallets) and its pricing. */
  partner?: { name?: string; pricing?: import('../pricing/policy.js').PricingPolicy };
  /** axios instance for client-node and snapshot HTTP (interceptors, agents). */
  http?: AxiosInstance;
  logger?: DbcLogger;
  /**
   * Where the idempotency keys of `rentals.rent`, `rentals.extend` and `wallet.transfer` are
   * remembered (default: in memory, lost on restart). One store serves all three: rent records
   * sit under the key itself, the others under `extend:<key>` / `transfer:<key>`.
   */
  idempotencyStore?: import('../rentals/idempotency.js').IdempotencyStore;
}

/** Resolved endpoints of a network. */
export interface ResolvedNetwork {
  name: 'mainnet' | 'devnet' | 'custom';
  chain: string[];
  clientNode?: string;
  snapshotUrl?: string;
}

export const DEVNET = { chain: ['ws://127.0.0.1:9944'], clientNode: 'http://127.0.0.1:5002/api/v1' };
export const MAINNET = { chain: ['wss://info1.dbcwallet.io', 'wss://info.dbcwallet.io'] };

export function resolveNetwork(n: NetworkConfig = 'mainnet'): ResolvedNetwork {
  if (n === 'devnet') return { name: 'devnet', ...DEVNET };
  if (n === 'mainnet') return { name: 'mainnet', ...MAINNET };
  return { name: 'custom', chain: Array.isArray(n.chain) ? n.chain : [n.chain], clientNode: n.clientNode, snapshotUrl: n.snapshotUrl };
}
