import { defineCommand } from '../spec.js';
import { renderTable } from '../table.js';

/** `dbc vm ls <rentalId>`: the VMs of one rental. */
export const vmList = defineCommand({
  name: 'ls',
  summary: 'List the VMs of a rental',
  positionals: [{ name: 'rentalId', description: 'Rental id as `dbc rentals` prints it.' }],
  signer: 'required',
  async run(ctx, args) {
    const vms = await ctx.client.vms.list({ rentalId: args.positional('rentalId'), signal: ctx.signal });
    ctx.print(vms, () =>
      vms.length === 0
        ? 'No VMs on this rental.\n'
        : renderTable(
            [{ header: 'TASK' }, { header: 'STATUS' }, { header: 'CREATED' }, { header: 'DESCRIPTION' }],
            vms.map((v) => [v.taskId, v.status, v.createdAt, v.description]),
          ),
    );
  },
});
