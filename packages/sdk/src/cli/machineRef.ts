import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { CommandContext } from './context.js';

/**
 * A machine id from what the user typed: a full id, or a unique prefix (at least 4 hex
 * characters) of one in the current snapshot, since tables show ids shortened.
 */
export async function resolveMachineId(ctx: CommandContext, typed: string): Promise<string> {
  const text = typed.trim().replace(/^0x/i, '').replace(/…$/, '').toLowerCase();
  if (/^[0-9a-f]{64}$/.test(text)) return text;
  if (!/^[0-9a-f]{4,63}$/.test(text)) {
    throw new DbcInputError(
      'INVALID_MACHINE_ID',
      `"${typed.slice(0, 20)}" is not a machine id; give the 64 hex characters or a unique prefix of at least 4.`,
      {
        details: { machineId: typed.slice(0, 70) },
      },
    );
  }
  const snapshot = await ctx.client.machines.snapshot({ signal: ctx.signal });
  const matches = snapshot.machines.filter((m) => m.id.startsWith(text));
  if (matches.length === 1) return matches[0]!.id;
  throw new DbcInputError(
    matches.length ? 'AMBIGUOUS_MACHINE_ID' : 'UNKNOWN_MACHINE',
    matches.length
      ? `"${text}" matches ${matches.length} machines; type more of the id.`
      : `No machine id starts with "${text}".`,
    { details: { prefix: text, matches: matches.length } },
  );
}
