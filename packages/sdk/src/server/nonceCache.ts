/** Remembers used nonces for a while so a captured request cannot be replayed through the proxy. */
export interface NonceCache {
  /** Records `nonce` for `wallet`; false when it was already used within the TTL. */
  use(wallet: string, nonce: string): boolean;
  readonly size: number;
  clear(): void;
}

/**
 * A TTL cache of (wallet, nonce) pairs. Client nodes never reject a replayed nonce, so this is the
 * only replay protection between a browser and the node. Expired entries are swept as new ones
 * arrive; a Map keeps insertion order, so the sweep stops at the first live entry.
 */
export function createNonceCache(ttlMs: number, now: () => number = Date.now): NonceCache {
  const seen = new Map<string, number>();
  const sweep = (t: number) => {
    for (const [key, expires] of seen) {
      if (expires > t) break;
      seen.delete(key);
    }
  };
  return {
    use(wallet, nonce) {
      const t = now();
      sweep(t);
      const key = `${wallet}\u0000${nonce}`;
      const expires = seen.get(key);
      if (expires !== undefined && expires > t) return false;
      seen.set(key, t + ttlMs);
      return true;
    },
    get size() {
      return seen.size;
    },
    clear: () => seen.clear(),
  };
}
