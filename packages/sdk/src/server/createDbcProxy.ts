import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type DbcChain } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import { redactingLogger, silentLogger } from '../client/logger.js';
import { createCorsPolicy } from './cors.js';
import { defaultSnapshotProvider } from './defaultSnapshotProvider.js';
import { ProxyHttpError, requestUrl, sendEnvelope, type ProxyRequest } from './http.js';
import { serveNodeCall, type NodeCallContext } from './nodeCall.js';
import { matchNodeRoute } from './nodeRoutes.js';
import { createNonceCache } from './nonceCache.js';
import { createRateLimiter } from './rateLimiter.js';
import { createRentOrderCheck } from './rentOrderCheck.js';
import { createSnapshotRefresher, type SnapshotRefresher } from './snapshotRefresher.js';
import { serveSnapshot } from './snapshotRoute.js';
import { createTaskOwnership } from './taskOwnership.js';
import type { DbcProxyOptions } from './types.js';

/** A Connect/Express middleware: `(req, res, next)`. */
export type DbcProxyMiddleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (err?: unknown) => void,
) => void;

/** A running proxy. */
export interface DbcProxy {
  /** A plain `node:http` request listener; answers 404 outside the base path. */
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
  /**
   * Express/Connect middleware (also Fastify through `@fastify/middie`: `fastify.use(proxy.middleware())`);
   * requests outside the base path go to `next()`. Works mounted (`app.use('/dbc', …)`, via
   * `originalUrl`) and after a body parser.
   */
  middleware(): DbcProxyMiddleware;
  /** Rebuilds the machine snapshot now; resolves with the block it reflects. */
  refreshSnapshot(): Promise<{ blockNumber: number; etag: string }>;
  /** Stops background refreshes and closes the chain connection the proxy opened itself. */
  close(): Promise<void>;
}

const isChain = (c: DbcProxyOptions['chain']): c is DbcChain => typeof (c as DbcChain).api === 'object';

function validate(o: DbcProxyOptions): void {
  if (!o.clientNodeUrl && !o.clientNodeFor)
    throw new DbcInputError(
      'PROXY_NO_CLIENT_NODE',
      'createDbcProxy needs clientNodeUrl or clientNodeFor to know where client nodes are.',
    );
  if (
    !Array.isArray(o.allowedOrigins) ||
    o.allowedOrigins.some((x) => typeof x !== 'string' || !/^https?:\/\/[^/]+\/?$/.test(x))
  )
    throw new DbcInputError(
      'PROXY_BAD_ORIGINS',
      'allowedOrigins must be a list of origins such as "https://gpu.example.com" (scheme and host, no path).',
    );
  const per = o.rateLimit?.perWalletPerMinute;
  if (per !== undefined && !(Number.isFinite(per) && per >= 1))
    throw new DbcInputError(
      'PROXY_BAD_RATE_LIMIT',
      `rateLimit.perWalletPerMinute must be 1 or more, got ${per}.`,
    );
}

/**
 * Creates the proxy a partner runs so browsers can use DBC client nodes (which have no CORS
 * preflight, speak plain HTTP and never reject a replayed nonce) and browse machines without chain
 * code. `POST {basePath}/node/<path>` forwards an allow-list of client-node calls after verifying the
 * wallet, its nonce, its rental on chain and its task ownership; `GET {basePath}/machines/snapshot`
 * serves the compact machine snapshot with ETags and block deltas.
 *
 * A nonce is single-use, except a time-limited access nonce (`accessNonceExpiry`, what the SDK has
 * browser extensions sign), which is accepted until the expiry it states. A signature over the
 * `<Bytes>`-wrapped form of a plain nonce cannot be forwarded (nodes check raw bytes) and is refused
 * with errcode -3 and an explanation, unless the order is rented by the partner's own wallet and
 * `nodeAuth` re-signs it.
 *
 * @example
 * ```ts
 * const proxy = createDbcProxy({ chain: { endpoints: 'wss://info1.dbcwallet.io' }, clientNodeUrl: 'http://10.0.0.5:5002/api/v1', allowedOrigins: ['https://gpu.example.com'] });
 * http.createServer(proxy.handler).listen(8080);
 * // or: app.use(proxy.middleware());
 * ```
 */
export function createDbcProxy(options: DbcProxyOptions): DbcProxy {
  validate(options);
  const logger = redactingLogger(options.logger ?? silentLogger);
  const basePath = `/${(options.basePath ?? '/dbc').replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const cors = createCorsPolicy(options.allowedOrigins);

  const given = options.chain;
  let owned: Promise<DbcChain> | null = null;
  const chain = (): Promise<DbcChain> => {
    if (isChain(given)) return Promise.resolve(given);
    owned ??= connect({ endpoints: given.endpoints }).catch((e: unknown) => {
      owned = null;
      throw e;
    });
    return owned;
  };

  const nonceTtlMs = options.nonceTtlMs ?? 10 * 60_000;
  const memoryNonces = createNonceCache(nonceTtlMs);
  const memoryTasks = createTaskOwnership();
  const nodeUrlFor = async (machineId: string) =>
    options.clientNodeFor ? options.clientNodeFor(machineId) : options.clientNodeUrl!;
  const ctx: NodeCallContext = {
    nodeUrlFor,
    nonces: options.nonceStore ?? memoryNonces,
    limiter: createRateLimiter(options.rateLimit?.perWalletPerMinute ?? 120),
    orders: createRentOrderCheck(chain, options.orderCacheMs ?? 6_000),
    tasks: options.taskStore ?? memoryTasks,
    nodeAuth: options.nodeAuth,
    nodeTimeoutMs: options.nodeTimeoutMs ?? 35_000,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
    logger,
    now: Date.now,
    nonceTtlMs,
  };

  let refresher: SnapshotRefresher | null = null;
  if (options.snapshot !== false) {
    const s = options.snapshot ?? {};
    refresher = createSnapshotRefresher({
      provider: s.provider ?? defaultSnapshotProvider(chain),
      chain,
      refreshMs: s.refreshMs ?? 30_000,
      onNewBlocks: s.onNewBlocks ?? false,
      keep: s.keep ?? 16,
      logger,
    });
    refresher.start();
  }

  /** Serves a request under the base path; false when it is not ours. */
  async function serve(req: ProxyRequest, res: ServerResponse): Promise<boolean> {
    const url = requestUrl(req);
    if (basePath && url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return false;
    const rel = url.pathname.slice(basePath.length + 1);
    try {
      if (req.method === 'OPTIONS') {
        cors.preflight(req, res);
        return true;
      }
      if (cors.check(req) === false)
        throw new ProxyHttpError(403, {
          errcode: -3,
          message: 'this origin is not allowed to use the proxy',
        });
      cors.apply(req, res);
      if (rel.startsWith('node/')) {
        if (req.method !== 'POST')
          throw new ProxyHttpError(400, { errcode: -32600, message: 'only support POST request' });
        const route = matchNodeRoute(rel.slice('node/'.length));
        if (!route)
          throw new ProxyHttpError(404, {
            errcode: -32601,
            message: `not support uri: ${rel.slice('node/'.length)} (not allowed through this proxy)`,
          });
        await serveNodeCall(ctx, req, res, route, url.search);
      } else if (rel === 'machines/snapshot' && refresher) {
        if (req.method !== 'GET' && req.method !== 'HEAD')
          throw new ProxyHttpError(
            405,
            { errcode: -32600, message: 'only GET is supported' },
            { Allow: 'GET, HEAD' },
          );
        await serveSnapshot(refresher, req, res, url);
      } else {
        throw new ProxyHttpError(404, { errcode: -32601, message: `not found: ${url.pathname}` });
      }
    } catch (e) {
      if (e instanceof ProxyHttpError) sendEnvelope(res, e.status, e.envelope, e.headers);
      else {
        logger.error('proxy request failed', {
          path: url.pathname,
          error: String((e as Error)?.message ?? e),
          code: (e as { code?: string }).code,
        });
        sendEnvelope(res, 502, {
          errcode: -1,
          message: 'the proxy could not complete the request (chain or client node unavailable); retry later',
        });
      }
    }
    return true;
  }

  return {
    async handler(req, res) {
      if (!(await serve(req, res))) sendEnvelope(res, 404, { errcode: -32601, message: 'not found' });
    },
    middleware() {
      return (req, res, next) => {
        serve(req, res).then(
          (handled) => {
            if (!handled) next();
          },
          (e: unknown) => next(e),
        );
      };
    },
    async refreshSnapshot() {
      if (!refresher)
        throw new DbcInputError('PROXY_NO_SNAPSHOT', 'The snapshot route is turned off (snapshot: false).');
      const s = await refresher.refresh();
      return { blockNumber: s.toBlock, etag: s.etag };
    },
    async close() {
      refresher?.stop();
      memoryNonces.clear();
      ctx.limiter.clear();
      ctx.orders.clear();
      memoryTasks.clear();
      if (owned) await (await owned.catch(() => null))?.disconnect().catch(() => undefined);
      owned = null;
    },
  };
}
