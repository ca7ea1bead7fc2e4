/** Outcome of taking one request from a wallet's allowance. */
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Per-key request limiting. */
export interface RateLimiter {
  take(key: string): RateDecision;
  clear(): void;
}

/**
 * A token bucket per wallet: `perMinute` requests in a burst, refilled evenly over a minute. A full
 * bucket is forgotten, so idle wallets cost no memory.
 */
export function createRateLimiter(perMinute: number, now: () => number = Date.now): RateLimiter {
  const ratePerMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  let sweptAt = now();
  return {
    take(key) {
      const t = now();
      // Sweeping once a minute keeps each request O(1) however many wallets there are.
      if (t - sweptAt >= 60_000) {
        sweptAt = t;
        for (const [k, b] of buckets) if (b.tokens + (t - b.at) * ratePerMs >= perMinute) buckets.delete(k);
      }
      const b = buckets.get(key) ?? { tokens: perMinute, at: t };
      b.tokens = Math.min(perMinute, b.tokens + (t - b.at) * ratePerMs);
      b.at = t;
      if (b.tokens < 1) {
        buckets.set(key, b);
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000)) };
      }
      b.tokens -= 1;
      buckets.set(key, b);
      return { ok: true };
    },
    clear: () => buckets.clear(),
  };
}
