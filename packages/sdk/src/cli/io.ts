
/** Where text goes. A stream, or an in-memory sink in tests. */
export interface Writer {
  write(chunk: string): unknown;
}

/** The process surfaces the CLI touches, injectable so tests run `main()` in-process. */
export interface CliIo {
  stdout: Writer;
  stderr: Writer;
  /** Read only for confirmation prompts, and only when it is a TTY. */
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/** The real process's streams and environment. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env };
}

/**
 * Wraps a writer so no chunk ever carries a secret: a last line of defence behind code that never
 * prints it, since a stack trace or a library message could quote it. Fragments are added once the
 * secret is read, so the wrapper is built before that.
 */
export function redactingWriter(inner: Writer, fragments: string[]): Writer {
  return {
    write(chunk: string) {
      let text = chunk;
      for (const f of fragments) if (f && text.includes(f)) text = text.split(f).join('[redacted]');
      return inner.write(text);
    },
  };
}
