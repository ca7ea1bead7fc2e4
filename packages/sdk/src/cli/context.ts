import type { DbcClient } from '../client/createDbcClient.js';
import { confirmOrRefuse } from './confirm.js';
import type { CliIo } from './io.js';
import { toJson } from './format.js';

/** What a command gets to do its work: the SDK client and the CLI's ways to talk to the user. */
export interface CommandContext {
  readonly client: DbcClient;
  /** `--json` was given: `print` emits data, not text. */
  readonly json: boolean;
  /** Aborted on Ctrl-C; pass it to every SDK call. */
  readonly signal: AbortSignal;
  /** The signer's address, when a secret was given. */
  readonly signerAddress: string | undefined;
  /** Prints the command's result to stdout: `data` as JSON with `--json`, else `text()`. */
  print(data: unknown, text: () => string): void;
  /** One progress line on stderr (stdout stays the result only, in both modes). */
  progress(line: string): void;
  /** Consent for a money-moving step; throws when refused or impossible. See {@link confirmOrRefuse}. */
  confirm(question: () => Promise<string>): Promise<void>;
}

/** Parts of {@link createCommandContext}. */
export interface CommandContextParts {
  client: DbcClient;
  io: CliIo;
  json: boolean;
  yes: boolean;
  signal: AbortSignal;
  signerAddress: string | undefined;
  helpHint: string;
}

/** Builds a command's context over the client and (redacting) IO. */
export function createCommandContext(p: CommandContextParts): CommandContext {
  return {
    client: p.client,
    json: p.json,
    signal: p.signal,
    signerAddress: p.signerAddress,
    print(data, text) {
      p.io.stdout.write(p.json ? toJson(data) : text());
    },
    progress(line) {
      p.io.stderr.write(`${line}\n`);
    },
    confirm: (question) =>
      confirmOrRefuse({ yes: p.yes, io: p.io, helpHint: p.helpHint, signal: p.signal }, question),
  };
}
