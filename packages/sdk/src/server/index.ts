/**
 * `@dbc-cloud/sdk/server` — the small Node proxy a partner runs so browsers can use DBC client nodes
 * and browse machines without chain code. Node-only.
 *
 * Why a proxy: client nodes have no CORS preflight, speak plain HTTP, never reject a replayed nonce
 * and check a task's owner only on list and detail. The proxy answers preflights for the partner's
 * origins, verifies each wallet signature itself, refuses replayed nonces, checks the rental on
 * chain and the task's owner, rate-limits per wallet and keeps no secret of the user.
 *
 * Browser extensions sign `<Bytes>message</Bytes>` but leave an already wrapped message unchanged, so
 * the SDK gives extension signers a nonce that is itself a `<Bytes>` string stating its expiry; the
 * signature is then over the nonce's raw bytes, which nodes accept, and the proxy lets that nonce be
 * reused until it expires (at most 24 h ahead). A signature over the `<Bytes>`-wrapped form of a plain
 * nonce is refused with errcode -3 and {@link WRAPPED_SIGNATURE_MESSAGE}. Partners that rent through
 * their own wallet configure `nodeAuth`, and the proxy then re-signs verified users' calls with it.
 *
 * Requests without an `Origin` header (server-to-server) are not subject to CORS; the wallet
 * signature is what authorizes them. In Fastify, mount the middleware through `@fastify/middie`.
 *
 * @packageDocumentation
 */
export { createDbcProxy, type DbcProxy, type DbcProxyMiddleware } from './createDbcProxy.js';
export { WRAPPED_SIGNATURE_MESSAGE } from './nodeCall.js';
export { verifyWalletSignature, type SignatureForm } from './verifySignature.js';
export { matchNodeRoute, type NodeRoute, type NodeCallKind } from './nodeRoutes.js';
export type { SnapshotDelta } from './snapshotHistory.js';
export type { ProxyTaskStore } from './taskOwnership.js';
export type {
  DbcProxyOptions,
  ProxySnapshot,
  SnapshotProvider,
  ProxySnapshotOptions,
  CustodialNodeAuth,
  CustodialCallContext,
  ProxyRateLimit,
  ProxyNonceStore,
} from './types.js';
