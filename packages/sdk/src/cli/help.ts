import { GLOBAL_OPTIONS } from './globals.js';
import type { CommandSpec, GroupSpec, OptionSpec } from './spec.js';
import { renderPairs } from './table.js';

const flagText = (name: string, o: OptionSpec) =>
  `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` <${o.valueName ?? 'value'}>` : ''}${o.multiple ? ' …' : ''}`;

const optionLines = (options: Record<string, OptionSpec>) =>
  renderPairs(Object.entries(options).map(([name, o]) => [`  ${flagText(name, o)}`, o.description]));

/** Every command under a group, with its full words (`machines search`). */
export function leafCommands(
  group: GroupSpec,
  prefix: string[] = [],
): Array<{ words: string[]; command: CommandSpec }> {
  return group.children.flatMap((c) =>
    c.kind === 'group' ? leafCommands(c, [...prefix, c.name]) : [{ words: [...prefix, c.name], command: c }],
  );
}

/** Help of a group: its commands and the global flags. `path` holds the words that selected it. */
export function groupHelp(group: GroupSpec, path: string[]): string {
  const words = ['dbc', ...path].join(' ');
  const commands = leafCommands(group).map(({ words: w, command }): [string, string] => [
    `  ${[...path, ...w].join(' ')}`,
    command.summary,
  ]);
  return [
    `${words} — ${group.summary}`,
    '',
    `Usage: ${words} <command> [options]`,
    '',
    'Commands:',
    renderPairs(commands).trimEnd(),
    '',
    'Global options:',
    optionLines(GLOBAL_OPTIONS).trimEnd(),
    '',
    `Run '${words} <command> --help' for a command's options.`,
    '',
  ].join('\n');
}

/** Help of one command: usage, arguments, options, examples. */
export function commandHelp(command: CommandSpec, path: string[]): string {
  const words = ['dbc', ...path].join(' ');
  const positionals = command.positionals ?? [];
  const usage = [
    words,
    ...positionals.map((p) => (p.optional ? `[${p.name}]` : `<${p.name}>`)),
    '[options]',
  ].join(' ');
  const sections = [`${words} — ${command.summary}`, '', `Usage: ${usage}`, ''];
  if (command.description?.length) sections.push(...command.description, '');
  if (positionals.length)
    sections.push(
      'Arguments:',
      renderPairs(positionals.map((p) => [`  ${p.name}`, p.description])).trimEnd(),
      '',
    );
  if (command.options && Object.keys(command.options).length)
    sections.push('Options:', optionLines(command.options).trimEnd(), '');
  sections.push('Global options:', optionLines(GLOBAL_OPTIONS).trimEnd(), '');
  if (command.signer === 'required')
    sections.push('Signs with the secret in --key-file or env DBC_SECRET.', '');
  if (command.examples?.length) sections.push('Examples:', ...command.examples.map((e) => `  ${e}`), '');
  return sections.join('\n');
}
