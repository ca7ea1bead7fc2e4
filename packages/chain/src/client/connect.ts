import { ApiPromise, WsProvider } from '@polkadot/api';
import type { ProviderInterface } from '@polkadot/rpc-provider/types';
import { DbcAbortError, DbcInputError, DbcNetworkError, DbcTimeoutError, throwIfAborted } from '../errors/families.js';
import { endpointsFor, type NetworkName } from './endpoints.js';

/** Connection events a DbcChain reports. */
export type ChainEvent = 'connected' | 'disconnected' | 'error';

/** A connected DBC chain: the `ApiPromise` plus connection events and request counting. */
export interface DbcChain {
  readonly api: ApiPromise;
  /** Endpoints in fallback order (empty for an injected provider). */
  readonly endpoints: readonly string[];
  /** JSON-RPC requests sent through this connection (for tests, benchmarks and budgets). */
  readonly stats: { requests: number };
  /** Subscribes to connection events; returns the unsubscribe function. */
  on(event: ChainEvent, listener: (info?: unknown) => void): () => void;
  /** True while the transport is connected. */
  readonly isConnected: boolean;
  disconnect(): Promise<void>;
}

/** Options of `connect`. */
export interface ConnectOptions {
  /** `'mainnet'`, `'devnet'`, or WebSocket URLs tried in order (reconnection rotates through them). */
  endpoints?: NetworkName | string | readonly string[];
  /** An injected provider (polkadot.js ProviderInterface); overrides `endpoints`. */
  provider?: ProviderInterface;
  signal?: AbortSignal;
  /** Time to get connected and load metadata (default 30 s). */
  timeoutMs?: number;
  /** Delay between reconnection attempts (default 2.5 s). */
  reconnectDelayMs?: number;
  /**
   * Compile polkadot.js's WebAssembly crypto before use (faster hashing). Default: true in Node and
   * false in browsers, where every primitive the API and signers need has a pure-JS path, and where
   * a page's strict Content-Security-Policy (without 'wasm-unsafe-eval') refuses WebAssembly: the
   * API would otherwise never become ready there.
   */
  initWasm?: boolean;
}

/** True in a browser page or worker (Node has no `document` and no `WorkerGlobalScope`). */
function inBrowser(): boolean {
  const g = globalThis as { document?: unknown; WorkerGlobalScope?: unknown };
  return typeof g.document !== 'undefined' || typeof g.WorkerGlobalScope !== 'undefined';
}

function resolveEndpoints(e: ConnectOptions['endpoints']): string[] {
  if (e === undefined) return endpointsFor('mainnet');
  if (e === 'mainnet' || e === 'devnet') return endpointsFor(e);
  const list = typeof e === 'string' ? [e] : [...e];
  for (const url of list) {
    if (!/^wss?:\/\//.test(url))
      throw new DbcInputError('INVALID_ENDPOINT', `"${url}" is not a WebSocket endpoint; use ws:// or wss://.`, { details: { url } });
  }
  if (list.length === 0) throw new DbcInputError('INVALID_ENDPOINT', 'No chain endpoint was given.');
  return list;
}

/** Counts every JSON-RPC request the provider sends (subscriptions included). */
function countRequests(provider: ProviderInterface, stats: { requests: number }): void {
  const send = provider.send.bind(provider);
  const subscribe = provider.subscribe.bind(provider);
  provider.send = ((...args: Parameters<typeof send>) => {
    stats.requests++;
    return send(...args);
  }) as typeof provider.send;
  provider.subscribe = ((...args: Parameters<typeof subscribe>) => {
    stats.requests++;
    return subscribe(...args);
  }) as typeof provider.subscribe;
}

/**
 * Connects to a DBC chain. Endpoints are tried in order; after a drop the provider reconnects,
 * rotating through them, and subscriptions resume (reads in flight fail with a retryable
 * DbcNetworkError; see `withRetry`).
 *
 * @example
 * ```ts
 * const chain = await connect({ endpoints: 'devnet' });
 * const machines = await getAllMachines(chain);
 * ```
 */
export async function connect(options: ConnectOptions = {}): Promise<DbcChain> {
  throwIfAborted(options.signal);
  const endpoints = options.provider ? [] : resolveEndpoints(options.endpoints);
  const provider = options.provider ?? new WsProvider(endpoints, options.reconnectDelayMs ?? 2_500, undefined, options.timeoutMs ?? 30_000);
  const stats = { requests: 0 };
  countRequests(provider, stats);
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const initWasm = options.initWasm ?? !inBrowser();
  const apiPromise = ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: true, initWasm });
  try {
    const api = await Promise.race([
      apiPromise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new DbcTimeoutError('CONNECT_TIMEOUT', `Could not connect to the DBC chain within ${timeoutMs} ms.`, {
                details: { endpoints },
              }),
            ),
          timeoutMs,
        );
        if (options.signal) {
          onAbort = () => reject(new DbcAbortError('Connecting to the chain was aborted.', { cause: options.signal?.reason }));
          options.signal.addEventListener('abort', onAbort, { once: true });
        }
      }),
    ]);
    return wrap(api, endpoints, stats);
  } catch (e) {
    // Stop reconnect attempts of a provider we are giving up on.
    apiPromise.then((a) => a.disconnect()).catch(() => undefined);
    await provider.disconnect().catch(() => undefined);
    if (e instanceof DbcTimeoutError || e instanceof DbcAbortError) throw e;
    throw new DbcNetworkError('CONNECT_FAILED', `Could not connect to the DBC chain at ${endpoints.join(', ') || 'the given provider'}.`, {
      cause: e,
      details: { endpoints },
    });
  } finally {
    clearTimeout(timer);
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
  }
}

/** Wraps an existing ApiPromise (e.g. one a partner app already has) as a DbcChain. */
export function fromApi(api: ApiPromise): DbcChain {
  return wrap(api, [], { requests: 0 });
}

function wrap(api: ApiPromise, endpoints: string[], stats: { requests: number }): DbcChain {
  return {
    api,
    endpoints,
    stats,
    get isConnected() {
      return api.isConnected;
    },
    on(event, listener) {
      api.on(event, listener);
      return () => api.off(event, listener);
    },
    disconnect: () => api.disconnect(),
  };
}
