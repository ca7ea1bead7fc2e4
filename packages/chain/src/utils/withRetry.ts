import { abortErrorOf, DbcAbortError, DbcError, DbcTimeoutError, sleep } from '../errors/index.js';
import { isNetworkFault } from './networkErrors.js';

/** Options of `withRetry`. */
export interface WithRetryOptions {
  /** Attempts after the first one (default 3). */
  retries?: number;
  /** Delay before the first retry; doubles each time, with jitter (default 250 ms). */
  baseDelayMs?: number;
  /** Upper bound of one delay (default 5 s). */
  maxDelayMs?: number;
  /** Stops waiting and retrying; the pending attempt's result is discarded. */
  signal?: AbortSignal;
  /** Which errors to retry (default: transport faults only, see `isRetryableError`). */
  shouldRetry?: (error: unknown, attempt: number) => boolean;
  /** Called before each retry, e.g. for logging. */
  onRetry?: (info: { error: unknown; attempt: number; delayMs: number }) => void;
}

/** The default retry rule: DbcNetworkError and polkadot.js disconnect/timeout errors, nothing else. */
export function isRetryableError(error: unknown): boolean {
  return isNetworkFault(error);
}

/**
 * Runs an idempotent read, retrying transport faults with exponential backoff and jitter. Errors
 * the node answered with (bad key, pruned state) and our own input errors are thrown at once.
 * A server hint (`details.retryAfterMs` on a DbcError) lengthens the wait, never shortens it.
 *
 * Only wrap reads: a transaction that may have reached the node must be reconciled, not resent.
 *
 * @example
 * ```ts
 * const info = await withRetry(() => getMachineInfo(chain, { machineId }), { retries: 5, signal });
 * ```
 */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, options: WithRetryOptions = {}): Promise<T> {
  const { retries = 3, baseDelayMs = 250, maxDelayMs = 5_000, signal, shouldRetry = isRetryableError, onRetry } = options;
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) throw abortErrorOf(signal);
    try {
      return await raceSignal(fn(attempt), signal);
    } catch (error) {
      if (error instanceof DbcAbortError || error instanceof DbcTimeoutError || attempt >= retries || !shouldRetry(error, attempt)) throw error;
      const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      // "Equal jitter": at least half the backoff, so clients that failed together spread out.
      let delayMs = Math.round(exp / 2 + Math.random() * (exp / 2));
      const hint = error instanceof DbcError ? Number(error.details.retryAfterMs) : NaN;
      if (Number.isFinite(hint) && hint > delayMs) delayMs = Math.min(hint, maxDelayMs * 4);
      onRetry?.({ error, attempt: attempt + 1, delayMs });
      await sleep(delayMs, signal);
    }
  }
}

/**
 * Settles with `promise`, or rejects (DbcAbortError, or DbcTimeoutError for a timeout signal) when
 * `signal` aborts first. polkadot.js requests cannot be cancelled, so a late answer is dropped.
 */
export function raceSignal<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => undefined);
    return Promise.reject(abortErrorOf(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => undefined);
      reject(abortErrorOf(signal));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}
