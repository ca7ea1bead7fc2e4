import { DbcInputError } from '@dbc-cloud/chain/errors';
import { dbcText } from '../format.js';
import { resolveMachineId } from '../machineRef.js';
import { defineCommand } from '../spec.js';
import { renderPairs } from '../table.js';

/** `dbc miner status <machineId>`: where a pledged machine is between bonding and earning. */
export const minerStatus = defineCommand({
  name: 'status',
  summary: "Show a bonded machine's stage, stake and next step",
  positionals: [
    {
      name: 'machineId',
      description: 'Machine id (64 hex characters, or a unique prefix of a listed machine).',
    },
  ],
  async run(ctx, args) {
    const machineId = await resolveMachineId(ctx, args.positional('machineId'));
    const s = await ctx.client.miner.status(machineId, { signal: ctx.signal });
    if (!s)
      throw new DbcInputError(
        'MACHINE_NOT_BONDED',
        `Machine ${machineId.slice(0, 8)}… is not bonded (never bonded, or exited).`,
        { details: { machineId } },
      );
    ctx.print(s, () =>
      renderPairs([
        ['Machine', s.machineId],
        ['Stage', s.stage],
        ['Next step', s.nextStep],
        ['GPUs', String(s.gpus)],
        ['Stake', dbcText(s.stake.planck)],
        ['Bonded at', `block ${s.bondedAtBlock}`],
        ['Online since', s.onlineSinceBlock === null ? '—' : `block ${s.onlineSinceBlock}`],
        ...(s.offline
          ? ([
              ['Offline', `since block ${s.offline.sinceBlock ?? '?'}, returns to ${s.offline.returnsTo}`],
            ] as Array<[string, string]>)
          : []),
        ['Stash', s.stash],
        ['Controller', s.controller],
      ]),
    );
  },
});
