import { defineCommand } from '../spec.js';

/** `dbc vm logs <rentalId> <taskId>`: a VM's log lines from its node. */
export const vmLogs = defineCommand({
  name: 'logs',
  summary: "Print a VM's log lines (at most 100)",
  positionals: [
    { name: 'rentalId', description: 'Rental id as `dbc rentals` prints it.' },
    { name: 'taskId', description: 'VM task id as `dbc vm ls` prints it.' },
  ],
  options: {
    lines: { type: 'string', valueName: 'n', description: 'How many lines, 1–100.' },
    head: { type: 'boolean', description: 'The first lines instead of the last.' },
  },
  signer: 'required',
  async run(ctx, args) {
    const ref = { rentalId: args.positional('rentalId'), taskId: args.positional('taskId') };
    const logs = await ctx.client.vms.logs(ref, {
      lines: args.int('lines', { min: 1, max: 100 }),
      from: args.flag('head') ? 'head' : 'tail',
      signal: ctx.signal,
    });
    ctx.print({ ...ref, logs }, () => (logs.endsWith('\n') || logs === '' ? logs : `${logs}\n`));
  },
});
