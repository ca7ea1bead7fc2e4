import { redact } from '@dbc-cloud/chain/errors';

/** A pluggable logger (console, pino, winston…). Fields are redacted of secrets before logging. */
export interface DbcLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The default: says nothing. */
export const silentLogger: DbcLogger = { debug() {}, info() {}, warn() {}, error() {} };

/** Wraps a logger so no seed, mnemonic, signature or password reaches it. */
export function redactingLogger(inner: DbcLogger): DbcLogger {
  const wrap =
    (level: keyof DbcLogger) =>
    (message: string, fields?: Record<string, unknown>) =>
      inner[level](redact(message), fields ? redact(fields) : undefined);
  return { debug: wrap('debug'), info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}
