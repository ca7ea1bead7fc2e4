import { DbcError, type DbcErrorOptions } from './base.js';

/** Bad input, rejected before anything is sent (malformed id/address, zero GPUs, …). */
export class DbcInputError extends DbcError {
  override name = 'DbcInputError';
  constructor(code: string, shortMessage: string, options?: DbcErrorOptions) {
    super(code.startsWith('INPUT_') ? code : `INPUT_${code}`, shortMessage, options);
  }
}

/**
 * A transaction that reached a block and failed there; `pallet`/`error` are the runtime's
 * names (`rentMachine.GPUNotEnough`), or a non-module DispatchError kind (`Token.FundsUnavailable`).
 */
export class DbcChainError extends DbcError {
  override name = 'DbcChainError';
  readonly pallet?: string;
  readonly error?: string;
  readonly blockHash?: string;
  constructor(
    code: string,
    shortMessage: string,
    options: DbcErrorOptions & { pallet?: string; error?: string; blockHash?: string } = {},
  ) {
    super(code, shortMessage, options);
    this.pallet = options.pallet;
    this.error = options.error;
    this.blockHash = options.blockHash;
  }
}

/** A transaction the node refused before any block (bad signature, stale nonce, cannot pay fees). */
export class DbcTxRejectedError extends DbcError {
  override name = 'DbcTxRejectedError';
}

/** A client-node reply with `errcode != 0` (HTTP 200 included). */
export class DbcNodeError extends DbcError {
  override name = 'DbcNodeError';
  readonly errcode?: number;
  readonly httpStatus?: number;
  constructor(code: string, shortMessage: string, options: DbcErrorOptions & { errcode?: number; httpStatus?: number } = {}) {
    super(code, shortMessage, options);
    this.errcode = options.errcode;
    this.httpStatus = options.httpStatus;
  }
}

/** A network fault (connection refused or dropped, 5xx): safe to retry for idempotent reads. */
export class DbcNetworkError extends DbcError {
  override name = 'DbcNetworkError';
  readonly retryable = true;
}

/** A call that ran out of time (`timeoutMs`). What it did on chain may be unknown: see `details`. */
export class DbcTimeoutError extends DbcError {
  override name = 'DbcTimeoutError';
}

/** A call cancelled through its AbortSignal. */
export class DbcAbortError extends DbcError {
  override name = 'DbcAbortError';
  constructor(shortMessage = 'The operation was aborted.', options?: DbcErrorOptions) {
    super('ABORTED', shortMessage, options);
  }
}

/** Something the SDK cannot do against this chain or node (missing pallet, unsupported call). */
export class DbcUnsupportedError extends DbcError {
  override name = 'DbcUnsupportedError';
}

/** Helper for `signal.throwIfAborted()` that throws our typed error. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new DbcAbortError(undefined, { cause: signal.reason });
}

/**
 * The error for an aborted signal: DbcTimeoutError when it was a timeout (`AbortSignal.timeout`,
 * as `timeoutMs` creates), DbcAbortError otherwise.
 */
export function abortErrorOf(signal: AbortSignal): DbcError {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new DbcTimeoutError('READ_TIMEOUT', 'The read did not finish in time (timeoutMs).', { cause: reason });
  }
  return new DbcAbortError(undefined, { cause: reason });
}

/**
 * Resolves after `ms`, or rejects as soon as `signal` aborts (DbcAbortError, with `abortMessage` if
 * given, or DbcTimeoutError for a timeout signal). Pure: no chain code.
 */
export function sleep(ms: number, signal?: AbortSignal, abortMessage?: string): Promise<void> {
  const abortError = (s: AbortSignal) =>
    abortMessage && !(s.reason instanceof Error && s.reason.name === 'TimeoutError')
      ? new DbcAbortError(abortMessage, { cause: s.reason })
      : abortErrorOf(s);
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
