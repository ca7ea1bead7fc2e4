import { resolveMachineId } from '../machineRef.js';
import { defineCommand } from '../spec.js';
import { renderTable } from '../table.js';

/** `dbc vm images <machineId>`: the images `vm create --image` accepts on a machine. */
export const vmImages = defineCommand({
  name: 'images',
  summary: 'List the images a machine can boot VMs from',
  positionals: [{ name: 'machineId', description: 'Machine id or a unique prefix.' }],
  async run(ctx, args) {
    const machineId = await resolveMachineId(ctx, args.positional('machineId'));
    const images = await ctx.client.vms.images.list(machineId, { signal: ctx.signal });
    ctx.print(images, () =>
      images.length === 0
        ? 'No images on this machine.\n'
        : renderTable(
            [{ header: 'IMAGE' }, { header: 'SIZE', align: 'right' }],
            images.map((i) => [i.name, i.size]),
          ),
    );
  },
});
