import type { AxiosInstance } from 'axios';
import { memoizeLoad } from '../client/memoizeLoad.js';
import type { NodeAuth } from './auth.js';

export interface NodeClientOptions {
  /** Client-node API base, e.g. `http://10.0.0.5:5002/api/v1`, or the partner proxy's URL. */
  baseUrl: string;
  /** An axios instance to use (interceptors, agents, proxies); a fresh one by default. */
  http?: AxiosInstance;
  /** Per-request timeout (default 35 s: the node itself waits 30 s for the GPU machine). */
  timeoutMs?: number;
  /** Retries for idempotent requests and for requests the node never processed (default 3). */
  retries?: number;
  /** Base of the exponential backoff (default 300 ms; jittered, capped at 10 s). */
  backoffMs?: number;
}

export interface NodeRequest {
  /** The GPU machine (its node id), sent as `peer_nodes_list[0]`. */
  machineId: string;
  /** The chain rent id (decimal string), sent top-level as `rent_order`. */
  rentOrder?: bigint | number | string;
  auth?: NodeAuth;
  additional?: Record<string, unknown>;
  /** Query string (e.g. logs' flag/line_num). */
  query?: Record<string, string | number | boolean>;
  /** Safe to repeat (reads): retried on 5xx, timeouts of the node and network faults. */
  idempotent?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A typed transport to DBC client nodes: envelope, auth, errcode mapping, retries, timeouts, aborts. */
export interface NodeClient {
  readonly baseUrl: string;
  request<T>(path: string, req: NodeRequest): Promise<T>;
}

/** Seconds or an HTTP date, as servers send Retry-After; capped at 60 s. */
export function retryAfterMs(header: unknown): number | null {
  if (typeof header !== 'string' && typeof header !== 'number') return null;
  const secs = Number(header);
  if (Number.isFinite(secs)) return Math.min(60_000, Math.max(0, secs * 1000));
  const date = Date.parse(String(header));
  return Number.isNaN(date) ? null : Math.min(60_000, Math.max(0, date - Date.now()));
}

/**
 * Creates a client for DBC client nodes (or the partner's proxy to them). Every reply is checked:
 * `errcode != 0` is a DbcNodeError even on HTTP 200.
 *
 * The transport (and axios) is loaded by the first request, through a dynamic import that bundlers
 * split into a lazy chunk, and then reused: an app that never talks to a client node never loads it.
 *
 * @example
 * ```ts
 * const node = createNodeClient({ baseUrl: 'http://127.0.0.1:5002/api/v1' });
 * const tasks = await node.request('tasks', { machineId, rentOrder, auth: walletAuth(signer), idempotent: true });
 * ```
 */
export function createNodeClient(options: NodeClientOptions): NodeClient {
  const transport = memoizeLoad(() => import('./transport.js').then((m) => m.nodeTransport(options)));
  return {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    async request<T>(path: string, req: NodeRequest): Promise<T> {
      return (await transport()).request<T>(path, req);
    },
  };
}
