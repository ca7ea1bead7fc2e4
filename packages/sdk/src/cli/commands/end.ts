import { defineCommand } from '../spec.js';

/** `dbc end <rentalId>`: ends a terminating rental now, paying only for the time used. */
export const end = defineCommand({
  name: 'end',
  summary: 'End a terminating rental now (charged pro rata; RentMachine rentals run to their end)',
  description: ['Settles money: asks for confirmation, or needs --yes without a terminal.'],
  positionals: [{ name: 'rentalId', description: 'Rental id as `dbc rentals` prints it (t42).' }],
  signer: 'required',
  examples: ['dbc end t42 --yes'],
  async run(ctx, args) {
    const id = args.positional('rentalId');
    await ctx.confirm(async () => `End rental ${id} now? Its VMs stop and the machine is released.`);
    const result = await ctx.client.rentals.end(id, { signal: ctx.signal });
    ctx.print(result, () => `Rental ${result.rentalId} ended in block ${result.blockNumber}.\n`);
  },
});
