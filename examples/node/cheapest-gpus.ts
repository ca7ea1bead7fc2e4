// The cheapest free GPUs as a table, each with a 1-day quote at a 10 % markup on the daily term —
// against the local devnet by default (`npm start`), or any DBC network through DBC_CHAIN_URL.
import { createDbcClient } from '@dbc-cloud/sdk';

const dbc = createDbcClient({
  network: {
    chain: process.env.DBC_CHAIN_URL ?? 'ws://127.0.0.1:9944',
    clientNode: process.env.DBC_CLIENT_NODE_URL ?? 'http://127.0.0.1:5002/api/v1',
  },
  partner: { pricing: { markupPercent: 10, termDiscounts: { daily: 5 } } },
});

const { items, total, snapshotBlock } = await dbc.machines.search({ status: ['available'], minFreeGpus: 1, sort: 'price', limit: 8 });
console.log(`${total} machines with a free GPU at block #${snapshotBlock}; the cheapest ${items.length}:\n`);

const rows = await Promise.all(
  items.map(async (m) => {
    const q = await dbc.pricing.quote({ machineId: m.id, gpus: 1, duration: { days: 1 }, term: 'daily' });
    return {
      GPU: `${m.gpu.model} (${m.gpu.freeCount}/${m.gpu.count} free)`,
      place: [m.location.city, m.location.country].filter(Boolean).join(', '),
      '$/GPU·h': `$${q.pricePerGpuHour.usd.toFixed(3)}`,
      '1 day, 1 GPU': `${q.total.dbc} DBC ($${q.total.usd.toFixed(2)})`,
      'markup/discount': `+${q.breakdown.markup.percent} % / −${q.breakdown.termDiscount.percent} %`,
    };
  }),
);

const cols = Object.keys(rows[0] ?? {}) as (keyof (typeof rows)[number])[];
const width = (c: (typeof cols)[number]) => Math.max(c.length, ...rows.map((r) => r[c].length));
const line = (cells: string[]) => cells.map((s, i) => s.padEnd(width(cols[i]!))).join('  ');
console.log(line(cols));
console.log(line(cols.map((c) => '-'.repeat(width(c)))));
for (const r of rows) console.log(line(cols.map((c) => r[c])));
console.log(`\nQuotes include the chain rent, the network fee and estimated transaction fees; they hold for 60 s.`);
await dbc.close();
