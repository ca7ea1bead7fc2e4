import { CliUsageError } from './errors.js';
import { GLOBAL_VALUE_FLAGS } from './globals.js';
import type { CommandSpec, GroupSpec } from './spec.js';

/** Where the command words of argv led, and the words left for the flag parser. */
export interface Resolved {
  node: CommandSpec | GroupSpec;
  /** The command words, e.g. `['machines', 'search']`. */
  path: string[];
  /** argv without the command words. */
  rest: string[];
  /** `--help`/`-h` appeared (before any `--`). */
  help: boolean;
}

/** Levenshtein distance, for "did you mean" on mistyped commands. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * Walks argv down the command tree: words naming a child descend; flags (and the value after a
 * global flag that takes one) are kept for the parser, so global flags may come first
 * (`dbc --json machines search`). A word that names no command of a group is a usage error.
 */
export function resolveCommand(root: GroupSpec, argv: string[]): Resolved {
  let node: CommandSpec | GroupSpec = root;
  const path: string[] = [];
  const rest: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (token.startsWith('-') && token !== '-') {
      if (token === '--help' || token === '-h') help = true;
      rest.push(token);
      if (GLOBAL_VALUE_FLAGS.has(token) && i + 1 < argv.length) rest.push(argv[++i]!);
      continue;
    }
    if (node.kind === 'command') {
      rest.push(token);
      continue;
    }
    const child: CommandSpec | GroupSpec | undefined = node.children.find((c) => c.name === token);
    if (!child) {
      if (help) break;
      const where = ['dbc', ...path].join(' ');
      const near = node.children.map((c) => c.name).filter((n) => distance(n, token) <= 2);
      throw new CliUsageError(
        `Unknown command "${token}" for "${where}".${near.length ? ` Did you mean ${near.map((n) => `"${n}"`).join(' or ')}?` : ''}`,
        `${where} --help`,
      );
    }
    node = child;
    path.push(token);
  }
  return { node, path, rest, help };
}
