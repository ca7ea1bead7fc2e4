import { DbcInputError } from '@dbc-cloud/chain/errors';
import { blocksText, percentText, usdText } from '../format.js';
import { resolveMachineId } from '../machineRef.js';
import { defineCommand } from '../spec.js';
import { renderPairs } from '../table.js';
import { placeText } from '../text.js';

/** `dbc machines show <id>`: everything the SDK knows about one machine. */
export const machinesShow = defineCommand({
  name: 'show',
  summary: 'Show one machine: GPUs, CPU, memory, disks, network, place, price, stability',
  positionals: [
    {
      name: 'id',
      description: 'Machine id (64 hex characters, or a unique prefix such as the table shows).',
    },
  ],
  examples: ['dbc machines show 7a3b9c01'],
  async run(ctx, args) {
    const id = await resolveMachineId(ctx, args.positional('id'));
    const m = await ctx.client.machines.get(id, { signal: ctx.signal });
    if (!m)
      throw new DbcInputError(
        'UNKNOWN_MACHINE',
        `Machine ${id.slice(0, 8)}… is not on the chain (never bonded, refused or exited).`,
        { details: { machineId: id } },
      );
    ctx.print(m, () =>
      renderPairs([
        ['ID', m.id],
        [
          'Status',
          `${m.status}${m.rentalMode === 'time-slot' ? ' (time-slot rentals)' : ''}${m.bareMetal ? ', bare metal' : ''}`,
        ],
        ['GPU', `${m.gpu.count} × ${m.gpu.model}, ${m.gpu.memoryGb} GB each, ${m.gpu.freeCount} free`],
        ['Calc points', String(m.calcPoints)],
        ['CPU', `${m.cpu.model} (${m.cpu.cores} cores, ${m.cpu.mhz} MHz)`],
        ['RAM', `${m.ramGb} GB`],
        ['Disk', `${m.diskGb.system} GB system, ${m.diskGb.data} GB data`],
        [
          'Network',
          `${m.network.uploadMbps}/${m.network.downloadMbps} Mbps up/down${m.network.telecom.length ? `, ${m.network.telecom.join(', ')}` : ''}`,
        ],
        ['Place', `${placeText(m)}, ${m.location.region}`],
        ['Zones', m.zones.join(', ') || '—'],
        [
          'Price',
          `${usdText(m.price.usdPerGpuHour)} per GPU·h (${m.price.dbcPerGpuHour.toFixed(4)} DBC); chain ${usdText(m.price.chainUsdPerGpuHour)}`,
        ],
        [
          'Reliability',
          `${percentText(m.stability.reliability)}, online ${m.stability.onlineHours} h${m.stability.highStability ? ', high stability' : ''}`,
        ],
        [
          'History',
          `rented ${m.history.rentedTimes} times, ${m.history.rentedHours} h; bonded ${blocksText(Math.max(0, m.snapshotBlock - m.history.bondedAtBlock))} ago`,
        ],
        ['Stash', m.stashAddress],
      ]),
    );
  },
});
