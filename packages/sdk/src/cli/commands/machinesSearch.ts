import { MACHINE_SORT_KEYS } from '../../machines/sort.js';
import type { MachineQuery } from '../../machines/query.js';
import type { Region, Zone } from '../../machines/types.js';
import { ZONES } from '../../machines/zones.js';
import { percentText, shortId, usdText } from '../format.js';
import { defineCommand } from '../spec.js';
import { renderTable } from '../table.js';
import { placeText } from '../text.js';

const REGIONS: readonly Region[] = [
  'Asia',
  'Europe',
  'North America',
  'South America',
  'Oceania',
  'Africa',
  'Middle East',
  'Unknown',
];

/** `dbc machines search`: filter and sort the network's GPU machines. */
export const machinesSearch = defineCommand({
  name: 'search',
  summary: 'Find GPU machines by model, free GPUs, memory, region, zone; sorted by price or reliability',
  options: {
    gpu: {
      type: 'string',
      multiple: true,
      valueName: 'model',
      description: 'GPU model, e.g. 4090 or "RTX A6000" (repeat or comma-separate for any of several).',
    },
    'min-gpus': { type: 'string', valueName: 'n', description: 'At least this many free GPUs.' },
    'min-mem': { type: 'string', valueName: 'gb', description: 'At least this much memory per GPU, GB.' },
    region: { type: 'string', valueName: 'region', description: `One of ${REGIONS.join(', ')}.` },
    zone: { type: 'string', valueName: 'zone', description: `One of ${ZONES.join(', ')}.` },
    'high-stability': {
      type: 'boolean',
      description: 'Only machines online without interruption for 144 h or more.',
    },
    sort: {
      type: 'string',
      valueName: 'key',
      description: `Sort by ${MACHINE_SORT_KEYS.filter((k) => k !== 'distance').join(', ')} (default price).`,
    },
    order: {
      type: 'string',
      valueName: 'asc|desc',
      description: 'Sort order (default: cheapest or best first, i.e. asc for price, desc otherwise).',
    },
    limit: { type: 'string', valueName: 'n', description: 'Machines per page, 1–500 (default 20).' },
    cursor: {
      type: 'string',
      valueName: 'cursor',
      description: 'The next page, as printed under the previous page.',
    },
  },
  examples: [
    'dbc machines search --gpu 4090 --min-gpus 2 --sort price',
    'dbc machines search --zone ai-training --high-stability --json',
  ],
  async run(ctx, args) {
    const sort = args.choice(
      'sort',
      MACHINE_SORT_KEYS.filter((k) => k !== 'distance'),
    );
    const region = args.choice('region', REGIONS);
    const zone = args.choice<Zone>('zone', ZONES);
    // A model typed as a bare number is how people say it ("4090"); the SDK matches display names.
    const gpuModels = args.strings('gpu').map((g) => (/^\d{3,4}$/.test(g) ? `RTX ${g}` : g));
    const query: MachineQuery = {
      gpuModels: gpuModels.length ? gpuModels : undefined,
      minFreeGpus: args.int('min-gpus', { min: 1 }),
      minGpuMemoryGb: args.number('min-mem', { min: 0 }),
      region,
      zones: zone ? [zone] : undefined,
      highStability: args.flag('high-stability') || undefined,
      sort,
      order:
        args.choice('order', ['asc', 'desc'] as const) ??
        (sort === undefined || sort.startsWith('price') ? 'asc' : 'desc'),
      limit: args.int('limit', { min: 1, max: 500 }),
      cursor: args.string('cursor'),
    };
    const result = await ctx.client.machines.search(query, { signal: ctx.signal });
    ctx.print(result, () => {
      if (!result.items.length) return 'No machines match.\n';
      const table = renderTable(
        [
          { header: 'ID' },
          { header: 'GPU' },
          { header: 'FREE', align: 'right' },
          { header: 'VRAM', align: 'right' },
          { header: 'CPU', align: 'right' },
          { header: 'RAM', align: 'right' },
          { header: 'PLACE' },
          { header: '$/GPU·H', align: 'right' },
          { header: 'RELIABILITY', align: 'right' },
        ],
        result.items.map((m) => [
          shortId(m.id),
          m.gpu.model,
          `${m.gpu.freeCount}/${m.gpu.count}`,
          `${m.gpu.memoryGb}G`,
          `${m.cpu.cores}c`,
          `${m.ramGb}G`,
          placeText(m),
          usdText(m.price.usdPerGpuHour),
          percentText(m.stability.reliability),
        ]),
      );
      const more = result.nextCursor ? `; next page: --cursor ${result.nextCursor}` : '';
      return `${table}${result.items.length} of ${result.total} machines at block ${result.snapshotBlock}${more}\n`;
    });
  },
});
