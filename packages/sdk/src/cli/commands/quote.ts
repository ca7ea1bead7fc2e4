import type { RentalTerm } from '../../pricing/policy.js';
import { RENTAL_TERMS } from '../../pricing/terms.js';
import type { Quote, QuoteAmount } from '../../pricing/quote.js';
import { blocksText, dbcText, usdText } from '../format.js';
import { durationFromArgs } from '../duration.js';
import { resolveMachineId } from '../machineRef.js';
import { defineCommand } from '../spec.js';
import { renderPairs } from '../table.js';

const amount = (a: QuoteAmount) => `${dbcText(a.planck)}  (${usdText(a.usd)})`;

/** A quote as label/value lines, the breakdown first and the total last. */
export function quoteText(q: Quote): string {
  const b = q.breakdown;
  const pairs: Array<[string, string]> = [
    ['Machine', `${q.machineId.slice(0, 8)}…  ${q.gpus} × ${q.gpuModel}`],
    [
      'Duration',
      `${blocksText(q.duration.durationBlocks)} (${q.duration.durationBlocks} blocks), ${q.term} term${q.duration.note ? ` — ${q.duration.note}` : ''}`,
    ],
    ['Chain rent', amount(b.chainRent)],
    [`Markup ${b.markup.percent}%`, amount(b.markup)],
  ];
  if (b.termDiscount.planck > 0n)
    pairs.push([`Term discount ${b.termDiscount.percent}%`, `-${amount(b.termDiscount)}`]);
  if (b.minimumAdjustment.planck > 0n) pairs.push(['Minimum price', amount(b.minimumAdjustment)]);
  pairs.push(
    ['Network fee', amount(b.networkFee)],
    [`Tx fees (${b.txFeeEstimate.transactions}, ${b.txFeeEstimate.source})`, amount(b.txFeeEstimate)],
    ['Total', amount(q.total)],
    ['Per GPU·hour', `${usdText(q.pricePerGpuHour.usd)} (${q.pricePerGpuHour.dbc.toFixed(4)} DBC)`],
    ['Valid until', new Date(q.expiresAt).toLocaleTimeString()],
  );
  return renderPairs(pairs) + q.notes.map((n) => `Note: ${n}\n`).join('');
}

/** `dbc quote <machineId>`: what a rental costs, with the partner markup and term discount. */
export const quote = defineCommand({
  name: 'quote',
  summary: 'Price a rental: chain rent, fees, markup, term discount and total',
  positionals: [{ name: 'machineId', description: 'Machine id or a unique prefix.' }],
  options: {
    gpus: { type: 'string', valueName: 'n', description: 'GPUs to rent (default 1).' },
    hours: {
      type: 'string',
      valueName: 'h',
      description: 'Rental length in hours (default 1; rounded up to half hours).',
    },
    days: { type: 'string', valueName: 'd', description: 'Rental length in days, instead of --hours.' },
    term: {
      type: 'string',
      valueName: 'term',
      description: `Pricing term: ${RENTAL_TERMS.join(', ')} (default hourly).`,
    },
    markup: {
      type: 'string',
      valueName: 'percent',
      description: 'Partner markup over the chain price, in percent (default 0).',
    },
  },
  examples: [
    'dbc quote 7a3b9c01 --gpus 2 --hours 8',
    'dbc quote 7a3b9c01 --days 30 --term monthly --markup 10',
  ],
  async run(ctx, args) {
    const helpHint = 'dbc quote --help';
    const duration = durationFromArgs(args, helpHint);
    const term = args.choice<RentalTerm>('term', RENTAL_TERMS);
    const markupPercent = args.number('markup', { min: 0, max: 1000 });
    const gpus = args.int('gpus', { default: 1, min: 1 });
    const machineId = await resolveMachineId(ctx, args.positional('machineId'));
    const q = await ctx.client.pricing.quote(
      {
        machineId,
        gpus,
        duration,
        term,
        policy: markupPercent === undefined ? undefined : { ...ctx.client.pricing.policy, markupPercent },
      },
      { signal: ctx.signal },
    );
    ctx.print(q, () => quoteText(q));
  },
});
