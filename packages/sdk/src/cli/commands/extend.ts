import { CliUsageError } from '../errors.js';
import { blocksText } from '../format.js';
import { defineCommand } from '../spec.js';
import { rentalText } from '../text.js';

/** `dbc extend <rentalId>`: adds time to a running rental. */
export const extend = defineCommand({
  name: 'extend',
  summary: 'Extend a running rental by hours or days (pays for the extra time)',
  description: [
    'Moves money: asks for confirmation, or needs --yes without a terminal.',
    'With --key, running the same command again (after a crash or a lost connection) finds the first',
    'attempt on chain instead of paying twice; keys are remembered in $DBC_STATE_DIR.',
  ],
  positionals: [
    {
      name: 'rentalId',
      description: 'Rental id as `dbc rentals` prints it (42, or t42 for a terminating rental).',
    },
  ],
  options: {
    hours: { type: 'string', valueName: 'h', description: 'Hours to add.' },
    days: { type: 'string', valueName: 'd', description: 'Days to add, instead of --hours.' },
    key: {
      type: 'string',
      valueName: 'idempotencyKey',
      description: 'Same key, same extension: a retry never pays twice.',
    },
  },
  signer: 'required',
  examples: ['dbc extend 42 --hours 2', 'dbc extend 42 --days 1 --key order-1234-extend-1'],
  async run(ctx, args) {
    const hours = args.number('hours', { min: 0 });
    const days = args.number('days', { min: 0 });
    if ((hours === undefined) === (days === undefined))
      throw new CliUsageError(
        'Give how long to extend with --hours or --days (one of them).',
        'dbc extend --help',
      );
    const duration = days !== undefined ? { days } : { hours: hours! };
    const id = args.positional('rentalId');
    await ctx.confirm(
      async () =>
        `Extend rental ${id} by ${blocksText((duration.days ?? 0) * 14_400 + (duration.hours ?? 0) * 600)} and pay for it?`,
    );
    const rental = await ctx.client.rentals.extend(id, {
      duration,
      idempotencyKey: args.string('key'),
      signal: ctx.signal,
    });
    ctx.print(rental, () => rentalText(rental));
  },
});
