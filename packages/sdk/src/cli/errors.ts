/**
 * A mistake in how the CLI was called (unknown command or flag, missing or malformed argument,
 * a money-moving command without consent in a non-interactive shell). Exits with code 2.
 */
export class CliUsageError extends Error {
  override name = 'CliUsageError';
  /** The help command that explains the right usage, e.g. `dbc rent --help`. */
  readonly helpHint?: string;

  constructor(message: string, helpHint?: string) {
    super(message);
    this.helpHint = helpHint;
  }
}

/** The user answered "no" to a confirmation prompt: nothing was sent. Exits with code 1. */
export class CliCancelledError extends Error {
  override name = 'CliCancelledError';
}
