import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { DbcAbortError, DbcNetworkError, DbcNodeError, DbcTimeoutError, throwIfAborted } from '@dbc-cloud/chain/errors';
import type { NodeAuth } from './auth.js';
import { nodeErrorOf, type NodeEnvelope } from './errors.js';

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

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(new DbcAbortError(undefined, { cause: signal.reason }));
      },
      { once: true },
    );
  });

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
 * @example
 * ```ts
 * const node = createNodeClient({ baseUrl: 'http://127.0.0.1:5002/api/v1' });
 * const tasks = await node.request('tasks', { machineId, rentOrder, auth: walletAuth(signer), idempotent: true });
 * ```
 */
export function createNodeClient(options: NodeClientOptions): NodeClient {
  const http = options.http ?? axios.create();
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 300;

  async function once<T>(path: string, req: NodeRequest): Promise<T> {
    const timeoutMs = req.timeoutMs ?? options.timeoutMs ?? 35_000;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
    const body = {
      peer_nodes_list: [req.machineId],
      additional: req.additional ?? {},
      ...(req.rentOrder !== undefined ? { rent_order: String(req.rentOrder) } : {}),
      ...(req.auth ? await req.auth() : {}),
    };
    let res: AxiosResponse<NodeEnvelope<T>>;
    try {
      res = await http.post<NodeEnvelope<T>>(`${baseUrl}/${path}`, body, {
        params: req.query,
        signal,
        headers: { 'content-type': 'application/json' },
        // Node errors come with 4xx/5xx too; read the envelope ourselves.
        validateStatus: () => true,
        transitional: { clarifyTimeoutError: true },
      });
    } catch (e) {
      if (req.signal?.aborted) throw new DbcAbortError('The client-node request was aborted.', { cause: req.signal.reason });
      if (timeout.aborted)
        throw new DbcTimeoutError('NODE_REQUEST_TIMEOUT', `The client node did not answer ${path} within ${timeoutMs} ms.`, {
          details: { path, machineId: req.machineId },
        });
      throw new DbcNetworkError('NODE_NETWORK', `Could not reach the client node at ${baseUrl}.`, {
        cause: e,
        details: { path, code: (e as { code?: string }).code },
      });
    }
    const env = res.data;
    if (res.status === 429) {
      throw Object.assign(
        new DbcNetworkError('NODE_RATE_LIMITED', 'The client node is rate limiting requests.', { details: { path, httpStatus: 429 } }),
        { retryAfterMs: retryAfterMs(res.headers['retry-after']) },
      );
    }
    if (!env || typeof env !== 'object' || typeof env.errcode !== 'number') {
      if (res.status >= 500)
        throw new DbcNetworkError('NODE_HTTP_ERROR', `The client node answered HTTP ${res.status}.`, { details: { path, httpStatus: res.status } });
      throw new DbcNodeError('NODE_BAD_RESPONSE', `The client node answered ${path} with something that is not its JSON envelope.`, {
        httpStatus: res.status,
        details: { path, httpStatus: res.status },
      });
    }
    if (env.errcode !== 0) throw nodeErrorOf(env, { path, machineId: req.machineId, httpStatus: res.status });
    return env.message;
  }

  function retryable(e: unknown, req: NodeRequest): number | null {
    if (e instanceof DbcAbortError) return null;
    const hinted = (e as { retryAfterMs?: number | null }).retryAfterMs;
    // Rate limiting and refused connections mean the node never processed the request.
    if (e instanceof DbcNetworkError && (e.code === 'NODE_RATE_LIMITED' || /ECONNREFUSED/.test(String(e.details.code))))
      return hinted ?? -1;
    if (!req.idempotent) return null;
    if (e instanceof DbcNetworkError || e instanceof DbcTimeoutError) return hinted ?? -1;
    if (e instanceof DbcNodeError && (e.code === 'NODE_UNREACHABLE' || e.code === 'NODE_TIMEOUT')) return -1;
    return null;
  }

  return {
    baseUrl,
    async request<T>(path: string, req: NodeRequest): Promise<T> {
      for (let attempt = 0; ; attempt++) {
        throwIfAborted(req.signal);
        try {
          return await once<T>(path, req);
        } catch (e) {
          const wait = attempt < retries ? retryable(e, req) : null;
          if (wait === null) throw e;
          const backoff = Math.min(10_000, backoffMs * 2 ** attempt) * (0.5 + Math.random());
          await sleep(wait >= 0 ? wait : backoff, req.signal);
        }
      }
    },
  };
}
