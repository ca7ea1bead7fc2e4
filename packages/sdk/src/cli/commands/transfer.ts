import { dbcText } from '../format.js';
import { defineCommand } from '../spec.js';
import { renderPairs } from '../table.js';

/** `dbc transfer <to> <amountDbc>`: sends DBC from the signer. */
export const transfer = defineCommand({
  name: 'transfer',
  summary: 'Send DBC from the signer to an address',
  description: [
    'Moves money: asks for confirmation, or needs --yes without a terminal.',
    'With --key, running the same command again finds the first attempt on chain instead of sending twice.',
  ],
  positionals: [
    { name: 'to', description: 'Recipient DBC address.' },
    { name: 'amountDbc', description: 'Amount in DBC, e.g. 12.5.' },
  ],
  options: {
    key: {
      type: 'string',
      valueName: 'idempotencyKey',
      description: 'Same key, same transfer: a retry never sends twice.',
    },
  },
  signer: 'required',
  examples: [
    'dbc transfer 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty 12.5',
    'dbc transfer 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty 12.5 --key payout-77',
  ],
  async run(ctx, args) {
    const to = args.positional('to');
    const amountDbc = args.positional('amountDbc');
    await ctx.confirm(async () => {
      const fee = await ctx.client.wallet.estimateFee({ to, amountDbc }, { signal: ctx.signal });
      return `Send ${amountDbc} DBC to ${to} (fee about ${dbcText(fee.fee.planck)})?`;
    });
    const r = await ctx.client.wallet.transfer(
      { to, amountDbc, idempotencyKey: args.string('key') },
      { signal: ctx.signal, onProgress: (p) => ctx.progress(`transfer: ${p.type}`) },
    );
    ctx.print(r, () =>
      renderPairs([
        ['Sent', `${dbcText(r.amount.planck)} to ${r.to}`],
        ['Fee', dbcText(r.fee.planck)],
        ['Block', `${r.blockNumber} (${r.blockHash})`],
        ['Tx', r.txHash],
      ]),
    );
  },
});
