/**
 * The `dbc` command line: browse GPU machines, quote, rent, manage VMs, wallet, mining and super
 * nodes from a terminal, over the SDK. Exit codes: 0 ok, 1 runtime error, 2 usage error.
 *
 * @example
 * ```sh
 * DBC_SECRET=//Alice dbc machines search --gpu 4090 --min-gpus 2
 * ```
 * @module
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDbcClient, type DbcClient } from '../client/createDbcClient.js';
import { Args } from './args.js';
import { fileIdempotencyStore } from './idempotencyFile.js';
import { ROOT } from './commands/index.js';
import { createCommandContext } from './context.js';
import { CliUsageError } from './errors.js';
import { GLOBAL_OPTIONS, networkFromFlags } from './globals.js';
import { commandHelp, groupHelp } from './help.js';
import { processIo, redactingWriter, type CliIo } from './io.js';
import { reportError } from './report.js';
import { resolveCommand } from './resolve.js';
import { readSecret, secretFragments } from './secret.js';
import type { CommandSpec } from './spec.js';

/** Options of {@link main}; tests inject IO, the bin passes a signal aborted by Ctrl-C. */
export interface MainOptions {
  io?: Partial<CliIo>;
  signal?: AbortSignal;
}

/** Exit codes of {@link main}. */
export const EXIT = { ok: 0, error: 1, usage: 2 } as const;

function stateDirOf(env: Record<string, string | undefined>): string {
  return env.DBC_STATE_DIR ?? join(env.XDG_STATE_HOME ?? join(homedir(), '.local', 'state'), 'dbc');
}

/**
 * Runs one `dbc` invocation and resolves to its exit code; never throws and never exits the
 * process, so it can run in-process (tests) as well as from the bin.
 */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const base = { ...processIo(), ...options.io };
  const fragments: string[] = [];
  // Output goes through redaction from the first byte; the secret's fragments join once read.
  const io: CliIo = {
    ...base,
    stdout: redactingWriter(base.stdout, fragments),
    stderr: redactingWriter(base.stderr, fragments),
  };
  const json = argv.includes('--json');
  let client: DbcClient | undefined;
  try {
    const resolved = resolveCommand(ROOT, argv);
    const { node, path } = resolved;
    if (node.kind === 'group') {
      if (resolved.help) {
        io.stdout.write(groupHelp(node, path));
        return EXIT.ok;
      }
      io.stderr.write(groupHelp(node, path));
      throw new CliUsageError(path.length ? `"dbc ${path.join(' ')}" needs a command.` : 'No command given.');
    }
    const helpHint = ['dbc', ...path, '--help'].join(' ');
    if (resolved.help) {
      io.stdout.write(commandHelp(node, path));
      return EXIT.ok;
    }
    const { values, positionals } = parseCommandArgs(node, resolved.rest, helpHint);
    const args = new Args(node, values, positionals, helpHint);
    const network = networkFromFlags(
      args.string('network'),
      args.string('chain'),
      args.string('client-node'),
    );

    const secret = node.signer ? await readSecret(args.string('key-file'), io.env) : undefined;
    if (secret) fragments.push(...secretFragments(secret));
    if (node.signer === 'required' && !secret) {
      throw new CliUsageError(
        `"dbc ${path.join(' ')}" signs a transaction or request; give the secret with --key-file <path> or env DBC_SECRET.`,
        helpHint,
      );
    }
    // Loaded only when signing: the keyring pulls in the crypto libraries.
    const signer = secret ? await (await import('@dbc-cloud/chain')).keyringSigner(secret) : undefined;

    const signal = options.signal ?? new AbortController().signal;
    const stateDir = stateDirOf(io.env);
    client = createDbcClient({
      network,
      signer,
      partner: { name: 'dbc-cli' },
      idempotencyStore: fileIdempotencyStore(stateDir),
    });
    const ctx = createCommandContext({
      client,
      io,
      json: args.flag('json'),
      yes: args.flag('yes'),
      signal,
      signerAddress: signer?.address,
      helpHint,
    });
    await node.run(ctx, args);
    return EXIT.ok;
  } catch (e) {
    return reportError(e, io, { json, debug: /(^|,)dbc(,|$)/.test(io.env.DEBUG ?? '') });
  } finally {
    await client?.close().catch(() => undefined);
  }
}

/** Strict parsing of a command's flags plus the global ones; parse failures become usage errors. */
function parseCommandArgs(command: CommandSpec, rest: string[], helpHint: string) {
  try {
    return parseArgs({
      args: rest,
      options: { ...GLOBAL_OPTIONS, ...command.options },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    // parseArgs's messages name the flag and say what is wrong; the hint adds where to look.
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new CliUsageError(message.replace(/\. To specify a positional argument.*$/, '.'), helpHint);
  }
}
