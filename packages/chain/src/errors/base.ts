/** What every dbc-cloud error carries besides its message. */
export interface DbcErrorOptions {
  /** The underlying error (a polkadot.js RpcError, an axios error, another DbcError). */
  cause?: unknown;
  /** Extra facts for logs and support, already free of secrets. */
  details?: Record<string, unknown>;
  /** Path of the docs page that explains this error, relative to the docs site. */
  docsPath?: string;
  /** Extra lines that say why and what to do. */
  metaMessages?: string[];
}

const SECRET_KEYS = /seed|mnemonic|secret|private|password|passwd|session_id_sign|sign(ature)?$|suri|phrase/i;
const MNEMONIC = /\b([a-z]{3,8} ){11,23}[a-z]{3,8}\b/g;

/**
 * Removes secrets (seeds, mnemonics, signatures, passwords) from a value before it goes into an
 * error or a log line. Keys that look secret are replaced whole; strings are scrubbed of mnemonic
 * phrases.
 */
export function redact<T>(value: T, depth = 0): T {
  if (depth > 6) return '[…]' as T;
  if (typeof value === 'string') return value.replace(MNEMONIC, '[redacted mnemonic]') as T;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1)) as T;
  if (value && typeof value === 'object' && !(value instanceof Error)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out as T;
  }
  return value;
}

/**
 * The base of every error dbc-cloud throws. `code` is stable (switch on it), `shortMessage` is
 * one human sentence, `details` holds facts (never secrets), `cause` the original error.
 *
 * @example
 * ```ts
 * try { await rent(...) } catch (e) {
 *   if (e instanceof DbcChainError && e.error === 'GPUNotEnough') … // e.code === 'DISPATCH_ERROR'
 * }
 * ```
 */
export class DbcError extends Error {
  override name = 'DbcError';
  /** Stable machine-readable code, e.g. `INPUT_INVALID_MACHINE_ID`, `DISPATCH_ERROR`, `NODE_NOT_RENTER`. */
  readonly code: string;
  /** One human sentence: what happened. */
  readonly shortMessage: string;
  readonly details: Record<string, unknown>;
  readonly docsPath?: string;
  readonly metaMessages: string[];
  override readonly cause?: unknown;

  constructor(code: string, shortMessage: string, options: DbcErrorOptions = {}) {
    const details = redact(options.details ?? {});
    const meta = options.metaMessages ?? [];
    const causeMsg =
      options.cause instanceof DbcError
        ? options.cause.shortMessage
        : options.cause instanceof Error
          ? options.cause.message
          : undefined;
    super(
      [
        shortMessage,
        ...(meta.length ? ['', ...meta] : []),
        ...(causeMsg && causeMsg !== shortMessage ? ['', `Caused by: ${redact(causeMsg)}`] : []),
        ...(options.docsPath ? ['', `Docs: https://dbc-cloud.dev/docs/${options.docsPath}`] : []),
      ].join('\n'),
    );
    this.code = code;
    this.shortMessage = shortMessage;
    this.details = details;
    this.docsPath = options.docsPath;
    this.metaMessages = meta;
    this.cause = options.cause;
  }

  /** Walks the cause chain; returns the first error `fn` accepts, or the deepest one. */
  walk(fn?: (err: unknown) => boolean): unknown {
    let err: unknown = this;
    for (let i = 0; i < 20; i++) {
      if (fn?.(err)) return err;
      const next = (err as { cause?: unknown })?.cause;
      if (next === undefined || next === null) return fn ? null : err;
      err = next;
    }
    return fn ? null : err;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, shortMessage: this.shortMessage, details: this.details, docsPath: this.docsPath };
  }
}
