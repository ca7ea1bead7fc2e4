import { dbcText } from '../format.js';
import { defineCommand } from '../spec.js';
import { renderPairs } from '../table.js';

/** `dbc balance [address]`: an account's DBC. */
export const balance = defineCommand({
  name: 'balance',
  summary: "Show an account's free, reserved, locked, transferable and total DBC",
  positionals: [{ name: 'address', description: "DBC address (default: the signer's).", optional: true }],
  signer: 'optional',
  examples: [
    'dbc balance 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY',
    'DBC_SECRET=//Alice dbc balance --json',
  ],
  async run(ctx, args) {
    const b = await ctx.client.wallet.balance(args.optionalPositional('address'), { signal: ctx.signal });
    ctx.print(b, () =>
      renderPairs([
        ['Address', b.address],
        ['Transferable', dbcText(b.transferable.planck)],
        ['Free', dbcText(b.free.planck)],
        ['Reserved', dbcText(b.reserved.planck)],
        ['Locked', dbcText(b.locked.planck)],
        ['Total', dbcText(b.total.planck)],
      ]),
    );
  },
});
