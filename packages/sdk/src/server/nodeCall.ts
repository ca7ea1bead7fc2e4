import type { ServerResponse } from 'node:http';
import { isMachineId, toDbcAddress } from '@dbc-cloud/chain';
import type { DbcLogger } from '../client/logger.js';
import { accessNonceExpiry, MAX_ACCESS_TTL_MS, nonceIssuedAt, walletAuth } from '../node/auth.js';
import { forwardToNode, type NodeAnswer } from './forwardToNode.js';
import { ProxyHttpError, readBody, sendBody, type ProxyRequest } from './http.js';
import type { NodeRoute } from './nodeRoutes.js';

import type { RateLimiter } from './rateLimiter.js';
import type { RentOrderCheck } from './rentOrderCheck.js';
import type { ProxyTaskStore } from './taskOwnership.js';
import type { CustodialNodeAuth, ProxyNonceStore } from './types.js';
import { verifyWalletSignature } from './verifySignature.js';

/** What the proxied-call pipeline needs; built once by `createDbcProxy`. */
export interface NodeCallContext {
  nodeUrlFor(machineId: string): Promise<string>;
  nonces: ProxyNonceStore;
  limiter: RateLimiter;
  orders: RentOrderCheck;
  tasks: ProxyTaskStore;
  nodeAuth?: CustodialNodeAuth;
  nodeTimeoutMs: number;
  maxBodyBytes: number;
  logger: DbcLogger;
  /** Clock for nonce expiry (ms since the epoch). */
  now(): number;
  /** How long used nonces are remembered, and so the oldest nonce accepted when it states its age. */
  nonceTtlMs: number;
}

/**
 * Why a `<Bytes>`-wrapped signature cannot be forwarded. Exported so partners can show the same
 * text; it contains "sign", so the SDK's node client maps it to NODE_AUTH_FAILED.
 */
export const WRAPPED_SIGNATURE_MESSAGE =
  'check authority failed: the wallet signed <Bytes>-wrapped bytes (as browser extensions do), and DBC client nodes only accept ' +
  'a signature over the raw nonce bytes, so this request cannot be forwarded. Make the nonce itself a <Bytes>…</Bytes> string ' +
  '(the SDK does this for signers with wrapsMessages), which extensions sign unchanged, or sign the raw nonce.';

const AUTH_FIELDS = [
  'wallet',
  'nonce',
  'sign',
  'session_id',
  'session_id_sign',
  'multisig_accounts',
] as const;

/** The credentials a body carries, after the proxy checked their shape. */
interface Credentials {
  kind: 'nonce' | 'session';
  wallet: string;
  /** What was signed: the nonce or the session id. */
  message: string;
  signature: string;
}

function refuse(status: number, errcode: number, message: string, headers?: Record<string, string>): never {
  throw new ProxyHttpError(status, { errcode, message }, headers);
}

function parseBody(raw: Buffer): Record<string, unknown> {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return refuse(400, -25, 'the request body is not JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return refuse(400, -25, 'the request body must be a JSON object');
  return body as Record<string, unknown>;
}

function credentialsOf(body: Record<string, unknown>): Credentials {
  const str = (k: string) => (typeof body[k] === 'string' && body[k] !== '' ? (body[k] as string) : null);
  const [wallet, nonce, sign, sessionId, sessionSign] = [
    'wallet',
    'nonce',
    'sign',
    'session_id',
    'session_id_sign',
  ].map(str);
  let creds: Credentials | null = null;
  if (wallet && nonce && sign) creds = { kind: 'nonce', wallet, message: nonce, signature: sign };
  else if (wallet && sessionId && sessionSign)
    creds = { kind: 'session', wallet, message: sessionId, signature: sessionSign };
  if (!creds) {
    if (body.multisig_accounts !== undefined)
      return refuse(
        400,
        -25,
        'multisig requests are not supported by this proxy; send wallet, nonce and sign',
      );
    return refuse(
      401,
      -3,
      'check authority failed: wallet, nonce and sign (or wallet, session_id and session_id_sign) are required',
    );
  }
  if (creds.message.length > 256)
    return refuse(400, -25, 'the nonce or session id is longer than 256 characters');
  try {
    creds.wallet = toDbcAddress(creds.wallet);
  } catch {
    return refuse(401, -3, 'check authority failed: wallet is not a DBC account address');
  }
  return creds;
}

/** The body the node gets: the verified credentials only, or the partner's own for custodial calls. */
async function outgoingBody(
  raw: Buffer,
  body: Record<string, unknown>,
  creds: Credentials,
  custodial: CustodialNodeAuth | null,
): Promise<Buffer | string> {
  const keep = creds.kind === 'nonce' ? ['wallet', 'nonce', 'sign'] : ['session_id', 'session_id_sign'];
  const stray = AUTH_FIELDS.filter((k) => !keep.includes(k) && body[k] !== undefined);
  // Forward the bytes unchanged when nothing needs stripping; extra credentials are removed so the
  // node authorizes exactly what the proxy verified.
  if (!custodial && stray.length === 0) return raw;
  const out: Record<string, unknown> = { ...body };
  for (const k of custodial ? AUTH_FIELDS : stray) delete out[k];
  if (custodial) Object.assign(out, await walletAuth(custodial.signer)());
  return JSON.stringify(out);
}

/** True when the node's own `tasks` list (which it filters by wallet) has `taskId`. */
async function nodeListsTask(
  ctx: NodeCallContext,
  baseUrl: string,
  out: Buffer | string,
  taskId: string,
): Promise<boolean> {
  // Nodes never reject a replayed nonce, so the user's verified credentials can ask for the list too.
  const list = await forwardToNode({
    baseUrl,
    path: 'tasks',
    search: '',
    body: out,
    timeoutMs: ctx.nodeTimeoutMs,
  });
  const rows =
    list.envelope?.errcode === 0 && Array.isArray(list.envelope.message)
      ? (list.envelope.message as Array<{ task_id?: unknown }>)
      : [];
  return rows.some((r) => r.task_id === taskId);
}

/** Records or forgets task owners from a successful answer, and hides a custodial wallet's other tasks. */
async function afterAnswer(
  ctx: NodeCallContext,
  route: NodeRoute,
  machineId: string,
  wallet: string,
  custodial: boolean,
  answer: NodeAnswer,
): Promise<Buffer> {
  const env = answer.envelope;
  if (!env || env.errcode !== 0) return answer.body;
  if (route.kind === 'create') {
    const taskId = (env.message as { task_id?: unknown } | null)?.task_id;
    if (typeof taskId === 'string') await ctx.tasks.record(machineId, taskId, wallet);
  } else if (route.kind === 'task' && route.operation === 'delete' && route.taskId) {
    await ctx.tasks.forget(machineId, route.taskId);
  } else if (route.kind === 'list' && Array.isArray(env.message)) {
    const rows = env.message as Array<{ task_id?: unknown }>;
    if (custodial) {
      // The node lists every task of the partner's wallet; a user sees only the ones it created.
      const mine = await ctx.tasks.tasksOf(machineId, wallet);
      return Buffer.from(
        JSON.stringify({
          ...env,
          message: rows.filter((r) => typeof r.task_id === 'string' && mine.has(r.task_id)),
        }),
      );
    }
    for (const r of rows)
      if (typeof r.task_id === 'string') await ctx.tasks.record(machineId, r.task_id, wallet);
  }
  return answer.body;
}

/**
 * Sessions are reusable by design. A time-limited access nonce (what the SDK signs through browser
 * wallets) is reusable until the expiry it states, which must be in the future and at most 24 h away.
 * Any other nonce is single-use, and an SDK nonce (which states when it was made) must also be
 * younger than the nonce cache's memory.
 */
async function checkNonceUse(ctx: NodeCallContext, wallet: string, nonce: string): Promise<void> {
  const now = ctx.now();
  const expiresAt = accessNonceExpiry(nonce);
  if (expiresAt === null) {
    // The cache forgets a nonce after nonceTtlMs; a nonce that says when it was made is refused after
    // that too, so a request captured earlier cannot be replayed once the cache has let it go.
    const issuedAt = nonceIssuedAt(nonce);
    if (issuedAt !== null && (now - issuedAt > ctx.nonceTtlMs || issuedAt - now > 60_000))
      refuse(401, -3, 'check authority failed: the nonce is too old (or from the future); sign a fresh one');
    if (!(await ctx.nonces.use(wallet, nonce, ctx.nonceTtlMs))) refuse(401, -3, 'nonce already used');
    return;
  }
  if (expiresAt <= now)
    refuse(401, -3, 'check authority failed: the access nonce has expired; sign a new one');
  if (expiresAt - now > MAX_ACCESS_TTL_MS + 60_000)
    refuse(401, -3, 'check authority failed: the access nonce claims to be valid for more than 24 hours');
}

/**
 * Serves one allow-listed client-node call: verifies the wallet's signature (raw or `<Bytes>`-wrapped),
 * rate-limits the wallet, refuses a replayed nonce, checks on chain that the wallet rents `rent_order`
 * on the machine, checks the task's owner, then forwards and relays the node's answer.
 */
export async function serveNodeCall(
  ctx: NodeCallContext,
  req: ProxyRequest,
  res: ServerResponse,
  route: NodeRoute,
  search: string,
): Promise<void> {
  const started = Date.now();
  const raw = await readBody(req, ctx.maxBodyBytes);
  const body = parseBody(raw);
  const peers = body.peer_nodes_list;
  const machineId = Array.isArray(peers) && typeof peers[0] === 'string' ? peers[0] : '';
  if (!isMachineId(machineId))
    refuse(400, -25, 'peer_nodes_list[0] must be the GPU machine id (64 lowercase hex characters)');
  const rentOrder = typeof body.rent_order === 'number' ? String(body.rent_order) : body.rent_order;
  if (typeof rentOrder !== 'string' || !/^\d{1,20}$/.test(rentOrder))
    refuse(400, -25, 'rent_order (the chain rent id, as a decimal string) is required');
  const rentId = rentOrder as string;

  const creds = credentialsOf(body);
  const form = verifyWalletSignature(creds.message, creds.signature, creds.wallet);
  if (!form)
    refuse(
      401,
      -3,
      'check authority failed: nonce check failed (the signature does not verify for this wallet)',
    );
  const wallet = creds.wallet;

  const rate = ctx.limiter.take(wallet);
  if (!rate.ok)
    refuse(429, -32701, `too many requests from this wallet; retry in ${rate.retryAfterSeconds} s`, {
      'Retry-After': String(rate.retryAfterSeconds),
    });
  if (creds.kind === 'nonce') await checkNonceUse(ctx, wallet, creds.message);

  const checked = await ctx.orders.check(rentId, machineId);
  if (!checked.ok) return refuse(checked.status, -3, checked.message);
  let custodial: CustodialNodeAuth | null = null;
  if (checked.order.renter === wallet) {
    if (form === 'wrapped') refuse(401, -3, WRAPPED_SIGNATURE_MESSAGE);
  } else if (
    ctx.nodeAuth &&
    checked.order.renter === ctx.nodeAuth.signer.address &&
    (await ctx.nodeAuth.canUse({ wallet, machineId, rentOrder: rentId, path: route.path }))
  ) {
    custodial = ctx.nodeAuth;
    // A session id of the partner's wallet would let the user act as the partner on this node.
    if (route.path === 'mining_nodes/session_id')
      refuse(403, -3, 'check authority failed: session ids of a custodial rental are not handed out');
  } else {
    refuse(
      403,
      -3,
      `check authority failed: wallet not rented (${wallet} is not the renter of rent order ${rentId})`,
    );
  }

  const baseUrl = await ctx.nodeUrlFor(machineId);
  const out = await outgoingBody(raw, body, creds, custodial);
  if (route.kind === 'task' && route.taskId) {
    const owner = await ctx.tasks.ownerOf(machineId, route.taskId);
    const mine =
      owner === wallet ||
      (owner === undefined && !custodial && (await nodeListsTask(ctx, baseUrl, out, route.taskId)));
    if (!mine)
      refuse(403, -3, 'task_id not exist (no task with this id belongs to this wallet on this machine)');
    if (owner === undefined) await ctx.tasks.record(machineId, route.taskId, wallet);
  }

  let answer: NodeAnswer;
  try {
    answer = await forwardToNode({
      baseUrl,
      path: route.path,
      search,
      body: out,
      timeoutMs: ctx.nodeTimeoutMs,
    });
  } catch (e) {
    const timedOut = (e as { name?: string }).name === 'TimeoutError';
    ctx.logger.warn('client node unreachable', { path: route.path, machineId, timedOut });
    return refuse(
      timedOut ? 504 : 502,
      -1,
      timedOut
        ? `${route.path} timeout (the client node did not answer)`
        : 'the client node could not be reached',
    );
  }
  const relayed = await afterAnswer(ctx, route, machineId, wallet, custodial !== null, answer);
  ctx.logger.info('proxied client-node call', {
    path: route.path,
    wallet,
    machineId,
    custodial: custodial !== null,
    status: answer.status,
    errcode: answer.envelope?.errcode,
    ms: Date.now() - started,
  });
  sendBody(res, answer.status, relayed, { 'content-type': answer.contentType });
}
