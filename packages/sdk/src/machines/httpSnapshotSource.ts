/**
 * The light read path: machine snapshots from the partner proxy's JSON (`toSnapshotJson`), revalidated
 * with ETag / If-None-Match. This module must stay free of chain code — it imports nothing from
 * `@polkadot/*` or `@dbc-cloud/chain` except `@dbc-cloud/chain/errors` — so a storefront that only
 * browses never downloads polkadot.js. A test walks its import graph to keep it so.
 */
import { DbcAbortError, DbcError, DbcNetworkError } from '@dbc-cloud/chain/errors';
import type { PricingPolicy } from '../pricing/policy.js';
import type { MachineSnapshot } from './snapshot.js';
import { fromSnapshotJson, type SnapshotJson } from './snapshotJson.js';
import { createSnapshotSource, type SnapshotSource } from './snapshotSource.js';

/** The HTTP response shape the source reads (axios' and the fetch adapter's). */
export interface SnapshotHttpResponse {
  status: number;
  headers: unknown;
  data: unknown;
}

/**
 * The part of an HTTP client the source uses; an axios instance fits as is, and without one the
 * source uses `fetch`.
 */
export interface SnapshotHttpClient {
  get(
    url: string,
    config: {
      headers: Record<string, string>;
      signal?: AbortSignal;
      timeout?: number;
      responseType: 'text';
      validateStatus: (status: number) => boolean;
    },
  ): Promise<SnapshotHttpResponse>;
}

/** Options of {@link httpSnapshotSource}. */
export interface HttpSnapshotSourceOptions {
  /** Revalidation period while subscribed, and the age after which `get` revalidates (default 15 s). */
  refreshSeconds?: number;
  /** Per-request timeout (default 20 s). */
  timeoutMs?: number;
  /** Partner pricing applied to the chain prices in the JSON. */
  policy?: PricingPolicy;
}

/** A SnapshotHttpClient over the platform's `fetch`. */
export const fetchSnapshotHttp: SnapshotHttpClient = {
  async get(url, config) {
    const timeout = config.timeout ? AbortSignal.timeout(config.timeout) : undefined;
    const signal = config.signal && timeout ? AbortSignal.any([config.signal, timeout]) : (config.signal ?? timeout);
    const res = await fetch(url, { headers: config.headers, signal });
    return { status: res.status, headers: res.headers, data: res.status === 304 ? '' : await res.text() };
  },
};

/** A response header from axios' (plain or AxiosHeaders) or fetch's (Headers) header objects. */
function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  const h = headers as { get?: (n: string) => unknown } & Record<string, unknown>;
  const v = typeof h.get === 'function' ? h.get(name) : (h[name] ?? h[name.toLowerCase()]);
  return typeof v === 'string' && v ? v : undefined;
}

/**
 * Snapshots from a proxy URL serving `toSnapshotJson` output. Each read sends the last ETag as
 * `If-None-Match`; a 304 keeps the current snapshot (no download, no re-derivation, no
 * notification).
 *
 * @example
 * ```ts
 * const source = httpSnapshotSource('https://gpu.example.com/api/machines.json');
 * const { machines } = await source.get();
 * ```
 */
export function httpSnapshotSource(url: string, http: SnapshotHttpClient = fetchSnapshotHttp, options: HttpSnapshotSourceOptions = {}): SnapshotSource {
  const refreshMs = (options.refreshSeconds ?? 15) * 1000;
  let etag: string | undefined;
  return createSnapshotSource({
    maxAgeMs: refreshMs,
    async load(previous: MachineSnapshot | null, signal?: AbortSignal) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (previous && etag) headers['if-none-match'] = etag;
      let res: SnapshotHttpResponse;
      try {
        res = await http.get(url, {
          headers,
          signal,
          timeout: options.timeoutMs ?? 20_000,
          responseType: 'text',
          validateStatus: (s) => s === 200 || s === 304,
        });
      } catch (cause) {
        if (signal?.aborted) throw new DbcAbortError(undefined, { cause });
        throw new DbcNetworkError('SNAPSHOT_FETCH_FAILED', `Could not load the machine snapshot from ${url}.`, { cause, details: { url } });
      }
      if (res.status === 304 && previous) return previous;
      if (res.status !== 200) {
        throw new DbcError('SNAPSHOT_FETCH_FAILED', `The machine snapshot URL answered HTTP ${res.status}.`, { details: { url, status: res.status } });
      }
      const next = fromSnapshotJson(res.data as string | SnapshotJson, { policy: options.policy });
      etag = headerOf(res.headers, 'etag');
      return next;
    },
    changed: (previous, next) => previous !== next,
    watch(tick) {
      const timer = setInterval(tick, Math.max(1_000, refreshMs));
      (timer as { unref?: () => void }).unref?.();
      return () => clearInterval(timer);
    },
  });
}
