import { blocksText, dateText, shortId } from '../format.js';
import { defineCommand } from '../spec.js';
import { renderTable } from '../table.js';

/** `dbc rentals`: the signer's live rentals. */
export const rentals = defineCommand({
  name: 'rentals',
  summary: 'List your live rentals (both markets)',
  options: {
    renter: { type: 'string', valueName: 'address', description: "Whose rentals (default: the signer's)." },
  },
  signer: 'optional',
  async run(ctx, args) {
    const list = await ctx.client.rentals.list({ renter: args.string('renter'), signal: ctx.signal });
    ctx.print(list, () =>
      list.length === 0
        ? 'No live rentals.\n'
        : renderTable(
            [
              { header: 'ID' },
              { header: 'MACHINE' },
              { header: 'GPUS', align: 'right' },
              { header: 'STATUS' },
              { header: 'MARKET' },
              { header: 'ENDS' },
              { header: 'LEFT', align: 'right' },
            ],
            list.map((r) => [
              r.id,
              shortId(r.machineId),
              String(r.gpus),
              r.status,
              r.market,
              dateText(r.endsAt),
              blocksText(r.remainingBlocks),
            ]),
          ),
    );
  },
});
