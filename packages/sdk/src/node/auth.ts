import type { DbcSigner } from '@dbc-cloud/chain';

/** The auth fields a client node accepts, exactly as it reads them from the request body. */
export type NodeAuthFields =
  { wallet: string; nonce: string; sign: string } | { session_id: string; session_id_sign: string };

/** Produces auth fields for each request. */
export type NodeAuth = () => Promise<NodeAuthFields>;

/** Options of {@link walletAuth}. */
export interface WalletAuthOptions {
  /**
   * For signers that wrap messages (browser extensions): how long one signed access nonce is reused,
   * so the user approves one signature instead of one per request. Default 30 minutes, at most 24 hours.
   */
  accessTtlMs?: number;
  /** Clock, for tests. */
  now?: () => number;
}

function randomHex(bytes: number): string {
  const b = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

function freshNonce(): string {
  return `dbc${Date.now().toString(36)}${randomHex(12)}`;
}

const FRESH_RE = /^dbc([0-9a-z]{8,9})[0-9a-f]{24}$/;

/**
 * When a per-request nonce of {@link walletAuth} was made (ms since the epoch: they read
 * `dbc<base-36 time><24 hex>`), or null for any other nonce. A proxy refuses such a nonce once it is
 * older than the time it remembers used nonces, so a captured request cannot be replayed later.
 */
export function nonceIssuedAt(nonce: string): number | null {
  const m = FRESH_RE.exec(nonce);
  return m ? Number.parseInt(m[1]!, 36) : null;
}

const ACCESS_PREFIX = '<Bytes>dbc-cloud client-node access until ';
const ACCESS_RE =
  /^<Bytes>dbc-cloud client-node access until (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{3})?Z) nonce [0-9a-f]{24}<\/Bytes>$/;
/** The longest validity an access nonce may claim. */
export const MAX_ACCESS_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The expiry (ms since the epoch) of a time-limited access nonce as {@link walletAuth} makes for
 * browser wallets — `<Bytes>dbc-cloud client-node access until <ISO time> nonce <hex></Bytes>` — or
 * null for any other nonce. A proxy lets such a nonce be reused until it expires, like a session id.
 */
export function accessNonceExpiry(nonce: string): number | null {
  const m = ACCESS_RE.exec(nonce);
  if (!m) return null;
  const t = Date.parse(m[1]!);
  return Number.isFinite(t) ? t : null;
}

interface Cached {
  fields: Promise<NodeAuthFields>;
  expiresAt: number;
}
/** One access credential per signer object, shared by every `walletAuth(signer)`. */
const accessCache = new WeakMap<DbcSigner, Cached>();

/**
 * Wallet auth (the node's `wallet` + `nonce` + `sign`).
 *
 * - A signer that signs raw bytes (keyring, custom) signs a fresh nonce per request. Real nodes do not
 *   reject replayed nonces, so a fresh one is our own protection against replay.
 * - A signer that wraps messages (`wrapsMessages`, i.e. browser extensions) cannot produce a raw
 *   signature over an arbitrary nonce. The nonce is therefore itself a `<Bytes>…</Bytes>` string,
 *   which the extension signs unchanged, so the node's raw check passes. It states its expiry in
 *   plain words (the wallet shows it to the user) and is reused until shortly before then: one
 *   approval covers confirming a rental, creating the VM and polling it. Concurrent requests share
 *   the one pending signature; a refused signature is not remembered.
 */
export function walletAuth(signer: DbcSigner, options: WalletAuthOptions = {}): NodeAuth {
  if (!signer.wrapsMessages) {
    return async () => {
      const nonce = freshNonce();
      return { wallet: signer.address, nonce, sign: await signer.signMessage(nonce) };
    };
  }
  const now = options.now ?? Date.now;
  const ttl = Math.min(Math.max(options.accessTtlMs ?? 30 * 60 * 1000, 60_000), MAX_ACCESS_TTL_MS);
  return () => {
    const t = now();
    const cached = accessCache.get(signer);
    // Renew a minute early so a request never leaves with a nonce that expires in flight.
    if (cached && cached.expiresAt - 60_000 > t) return cached.fields;
    // Whole seconds keep the text short; the expiry is never later than t + ttl.
    const expiresAt = Math.floor((t + ttl) / 1000) * 1000;
    const nonce = `${ACCESS_PREFIX}${new Date(expiresAt).toISOString()} nonce ${randomHex(12)}</Bytes>`;
    const fields = signer.signMessage(nonce).then((sign) => ({ wallet: signer.address, nonce, sign }));
    const entry: Cached = { fields, expiresAt };
    accessCache.set(signer, entry);
    fields.catch(() => {
      if (accessCache.get(signer) === entry) accessCache.delete(signer);
    });
    return fields;
  };
}

/**
 * Session auth for custodial partners: `session_id` from `mining_nodes/session_id` and the
 * renter's signature over it, reusable across requests.
 */
export function sessionAuth(sessionId: string, sessionIdSign: string): NodeAuth {
  return async () => ({ session_id: sessionId, session_id_sign: sessionIdSign });
}
