import { createInterface } from 'node:readline';
import { CliCancelledError, CliUsageError } from './errors.js';
import type { CliIo } from './io.js';

/** What a money-moving command needs to ask for consent. */
export interface ConfirmOptions {
  yes: boolean;
  io: CliIo;
  /** The command's help, named when consent cannot be asked. */
  helpHint: string;
  signal: AbortSignal;
}

/**
 * Gets consent before money moves: `--yes` gives it; otherwise a TTY is asked (y/N) and anything
 * but yes cancels; without a TTY nobody can answer, so the command is refused before it sends
 * anything. `question` is built only when it will be asked (it may need a quote from the chain).
 */
export async function confirmOrRefuse(opts: ConfirmOptions, question: () => Promise<string>): Promise<void> {
  if (opts.yes) return;
  if (!opts.io.stdin.isTTY) {
    throw new CliUsageError(
      'This command moves money and needs confirmation, but stdin is not a terminal; pass --yes to confirm.',
      opts.helpHint,
    );
  }
  const text = await question();
  opts.io.stderr.write(`${text} [y/N] `);
  const rl = createInterface({ input: opts.io.stdin, terminal: false });
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('close', () => resolve(''));
      opts.signal.addEventListener('abort', () => reject(new CliCancelledError('Cancelled.')), {
        once: true,
      });
    });
    if (!/^y(es)?$/i.test(answer.trim())) throw new CliCancelledError('Cancelled; nothing was sent.');
  } finally {
    rl.close();
  }
}
