import { DbcError } from '@dbc-cloud/chain/errors';
import { CliCancelledError, CliUsageError } from './errors.js';
import { toJson } from './format.js';
import type { CliIo } from './io.js';

/** How {@link reportError} prints. */
export interface ReportOptions {
  json: boolean;
  /** `DEBUG=dbc`: add the stack and cause chain (still through the redacting writer). */
  debug: boolean;
}

/**
 * Prints an error for people (stderr) or scripts (`--json`: one `{ error }` document on stdout)
 * and returns the exit code: 2 for usage errors, 1 for everything else. A DbcError shows its code
 * and short message, never its stack unless DEBUG=dbc.
 */
export function reportError(e: unknown, io: CliIo, opts: ReportOptions): number {
  if (e instanceof CliUsageError) {
    if (opts.json) io.stdout.write(toJson({ error: { code: 'USAGE', message: e.message } }));
    else io.stderr.write(`dbc: ${e.message}\n${e.helpHint ? `Run '${e.helpHint}' for usage.\n` : ''}`);
    return 2;
  }
  if (e instanceof CliCancelledError) {
    if (opts.json) io.stdout.write(toJson({ error: { code: 'CANCELLED', message: e.message } }));
    else io.stderr.write(`${e.message}\n`);
    return 1;
  }
  const dbc = e instanceof DbcError ? e : null;
  const code = dbc?.code ?? 'UNEXPECTED';
  const message = dbc?.shortMessage ?? (e instanceof Error ? e.message : String(e));
  if (opts.json) {
    io.stdout.write(
      toJson({
        error: { code, message, ...(dbc ? { details: dbc.details, metaMessages: dbc.metaMessages } : {}) },
      }),
    );
  } else {
    io.stderr.write(`error [${code}]: ${message}\n`);
    for (const line of dbc?.metaMessages ?? []) io.stderr.write(`  ${line}\n`);
    if (dbc?.docsPath) io.stderr.write(`  Docs: https://dbc-cloud.dev/docs/${dbc.docsPath}\n`);
  }
  if (opts.debug) io.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  return 1;
}
