// The implementation behind `createNodeClient` (./client.ts), which imports this module on the
// first request: axios and the request/retry logic stay out of the bundle of an app that never
// talks to a client node.
import axios, { type AxiosResponse } from 'axios';
import { DbcAbortError, DbcNetworkError, DbcNodeError, DbcTimeoutError, sleep, throwIfAborted } from '@dbc-cloud/chain/errors';
import { retryAfterMs, type NodeClient, type NodeClientOptions, type NodeRequest } from './client.js';
import { nodeErrorOf, type NodeEnvelope } from './errors.js';


/** The client-node transport over axios: envelope, errcode mapping, retries, timeouts, aborts. */
export function nodeTransport(options: NodeClientOptions): NodeClient {
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
