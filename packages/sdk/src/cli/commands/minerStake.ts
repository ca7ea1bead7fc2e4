import { dbcText, usdText } from '../format.js';
import { defineCommand } from '../spec.js';
import { renderPairs } from '../table.js';

/** `dbc miner stake --gpus N`: what a machine must pledge. */
export const minerStake = defineCommand({
  name: 'stake',
  summary: 'Show the DBC a machine with N GPUs must pledge (at bonding, to go online, in full)',
  options: { gpus: { type: 'string', valueName: 'n', description: 'GPUs in the machine (required).' } },
  examples: ['dbc miner stake --gpus 8'],
  async run(ctx, args) {
    args.requiredString('gpus');
    const r = await ctx.client.miner.stakeRequirement(
      { gpus: args.int('gpus', { min: 1 })! },
      { signal: ctx.signal },
    );
    ctx.print(r, () =>
      renderPairs([
        ['GPUs', String(r.gpus)],
        ['At bonding', dbcText(r.atBonding.planck)],
        ['To go online', dbcText(r.toGoOnline.planck)],
        ['Full stake', dbcText(r.full.planck)],
        [
          'Per GPU cap',
          `${dbcText(r.perGpuCap.planck)} (capped by ${r.cappedBy === 'usd' ? `${usdText(r.usdCapPerGpu)} per GPU` : 'the DBC stake per GPU'})`,
        ],
        ['Fixed fee', `${dbcText(r.fixedFee.planck)} per room or bond`],
        ['DBC price', r.dbcPriceUsd === null ? '—' : usdText(r.dbcPriceUsd)],
      ]),
    );
  },
});
