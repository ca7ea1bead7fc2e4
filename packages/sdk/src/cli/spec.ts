import type { CommandContext } from './context.js';
import type { Args } from './args.js';

/** A flag a command (or the CLI as a whole) accepts, as node:util parseArgs declares it, plus its help text. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's placeholder in help, e.g. `model` for `--gpu <model>`. */
  valueName?: string;
  description: string;
}

/** A positional argument of a command. */
export interface PositionalSpec {
  name: string;
  description: string;
  optional?: boolean;
}

/** A runnable command (a leaf of the command tree). */
export interface CommandSpec {
  kind: 'command';
  /** The word that selects it under its group, e.g. `search` under `machines`. */
  name: string;
  /** One line for the command lists. */
  summary: string;
  /** More lines for the command's own help. */
  description?: string[];
  positionals?: PositionalSpec[];
  options?: Record<string, OptionSpec>;
  examples?: string[];
  /**
   * Whether the command signs: `required` refuses to run without a secret; `optional` uses one
   * when given (e.g. `balance` defaults to the signer's address).
   */
  signer?: 'required' | 'optional';
  run(ctx: CommandContext, args: Args): Promise<void>;
}

/** A word that groups commands (`machines`, `vm`, `miner`, and the root `dbc`). */
export interface GroupSpec {
  kind: 'group';
  name: string;
  summary: string;
  children: Array<CommandSpec | GroupSpec>;
}

/** Declares a command; only there so command files read as one typed object. */
export function defineCommand(spec: Omit<CommandSpec, 'kind'>): CommandSpec {
  return { kind: 'command', ...spec };
}

/** Declares a group of commands. */
export function defineGroup(spec: Omit<GroupSpec, 'kind'>): GroupSpec {
  return { kind: 'group', ...spec };
}
