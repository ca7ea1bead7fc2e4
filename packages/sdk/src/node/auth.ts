import type { DbcSigner } from '@dbc-cloud/chain';

/** The auth fields a client node accepts, exactly as it reads them from the request body. */
export type NodeAuthFields =
  | { wallet: string; nonce: string; sign: string }
  | { session_id: string; session_id_sign: string };

/** Produces fresh auth fields for each request. */
export type NodeAuth = () => Promise<NodeAuthFields>;

function freshNonce(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return `dbc${Date.now().toString(36)}${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Wallet auth: a fresh nonce per request, signed (raw UTF-8 bytes) by the renter's key. Real nodes
 * do not reject replayed nonces, so a fresh one is our own protection against replay.
 */
export function walletAuth(signer: DbcSigner): NodeAuth {
  return async () => {
    const nonce = freshNonce();
    return { wallet: signer.address, nonce, sign: await signer.signMessage(nonce) };
  };
}

/**
 * Session auth for custodial partners: `session_id` from `mining_nodes/session_id` and the
 * renter's signature over it, reusable across requests.
 */
export function sessionAuth(sessionId: string, sessionIdSign: string): NodeAuth {
  return async () => ({ session_id: sessionId, session_id_sign: sessionIdSign });
}
