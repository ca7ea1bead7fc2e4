import { DbcAbortError, DbcInputError, DbcTimeoutError } from '@dbc-cloud/chain/errors';
import type { CallOptions } from '../types.js';

/**
 * One call's time budget: `timeoutMs` covers the whole call (connecting, checks and the
 * transaction), so each step gets what is left instead of its own full timeout.
 */
export interface Deadline {
  readonly signal?: AbortSignal;
  /** Milliseconds left, or undefined without a timeout; throws DbcTimeoutError once spent. */
  remaining(): number | undefined;
  /** Options for a chain read with what is left of the budget. */
  read(): { signal?: AbortSignal; timeoutMs?: number };
  /** Races `work` against the signal and the budget (for steps that take no options, e.g. connecting). */
  race<T>(work: Promise<T>): Promise<T>;
}

/** Starts the budget of a call; validates `timeoutMs` so a typo is not an infinite wait. */
export function startDeadline(what: string, options: CallOptions = {}): Deadline {
  const { signal, timeoutMs } = options;
  if (
    timeoutMs !== undefined &&
    (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0)
  ) {
    throw new DbcInputError(
      'INVALID_TIMEOUT',
      `timeoutMs must be a positive number of milliseconds; got ${String(timeoutMs)}.`,
    );
  }
  if (signal?.aborted) throw new DbcAbortError(undefined, { cause: signal.reason });
  const end = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
  const timedOut = () =>
    new DbcTimeoutError('TIMEOUT', `Could not ${what} within ${timeoutMs} ms.`, { details: { timeoutMs } });
  const remaining = () => {
    if (end === undefined) return undefined;
    const left = end - Date.now();
    if (left <= 0) throw timedOut();
    return left;
  };
  return {
    signal,
    remaining,
    read: () => ({ signal, timeoutMs: remaining() }),
    race<T>(work: Promise<T>): Promise<T> {
      const left = remaining();
      if (left === undefined && !signal) return work;
      return new Promise<T>((resolve, reject) => {
        const timer = left === undefined ? undefined : setTimeout(() => done(() => reject(timedOut())), left);
        const onAbort = () => done(() => reject(new DbcAbortError(undefined, { cause: signal?.reason })));
        signal?.addEventListener('abort', onAbort, { once: true });
        let settled = false;
        function done(fn: () => void) {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          fn();
        }
        work.then(
          (v) => done(() => resolve(v)),
          (e) => done(() => reject(e)),
        );
      });
    },
  };
}
