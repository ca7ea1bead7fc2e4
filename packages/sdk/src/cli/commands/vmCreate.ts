import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { VmProgress } from '../../vms/types.js';
import { defineCommand } from '../spec.js';

const STAGE_TEXT: Record<string, string> = {
  creating: 'Creating the VM…',
  starting: 'Starting the VM…',
  running: 'VM running',
};

/** A VM stage as a progress line. */
export function vmProgressText(p: VmProgress): string {
  return `${STAGE_TEXT[p.stage] ?? `VM ${p.stage}`} (${p.taskId})`;
}

/** `dbc vm create <rentalId>`: boots a VM on a rented machine and prints how to log in. */
export const vmCreate = defineCommand({
  name: 'create',
  summary: 'Create a VM on a rental, wait until it runs, print the ssh command',
  description: ['Running it again with the same --name reuses the VM instead of making a second one.'],
  positionals: [{ name: 'rentalId', description: 'Rental id as `dbc rentals` prints it.' }],
  options: {
    image: { type: 'string', valueName: 'file', description: 'A .qcow2 image of the machine (required).' },
    'ssh-port': { type: 'string', valueName: 'port', description: 'Host port forwarded to SSH (required).' },
    cpu: { type: 'string', valueName: 'cores', description: 'CPU cores (default 4).' },
    mem: { type: 'string', valueName: 'gb', description: 'Memory, GB (default 16).' },
    disk: { type: 'string', valueName: 'gb', description: 'Data disk, GB (default 50).' },
    gpus: { type: 'string', valueName: 'n', description: "GPUs for the VM (default: all of the rental's)." },
    'jupyter-port': { type: 'string', valueName: 'port', description: 'Open this port for Jupyter.' },
    name: {
      type: 'string',
      valueName: 'key',
      description: 'Names the VM within the rental (default "vm"); a new name makes another VM.',
    },
  },
  signer: 'required',
  examples: [
    'dbc vm create 42 --image ubuntu-2204-cuda12.2.qcow2 --ssh-port 20022 --cpu 8 --mem 32 --disk 100',
  ],
  async run(ctx, args) {
    const port = (name: string) => args.int(name, { min: 1, max: 65535 });
    const image = args.requiredString('image');
    args.requiredString('ssh-port');
    const sshPort = port('ssh-port')!;
    const rentalId = args.positional('rentalId');
    let gpus = args.int('gpus', { min: 0 });
    let machineId: string | undefined;
    if (gpus === undefined) {
      const rental = await ctx.client.rentals.get(rentalId, { signal: ctx.signal });
      if (!rental)
        throw new DbcInputError(
          'RENTAL_NOT_FOUND',
          `Rental ${rentalId} is not live on the chain (ended, or never existed).`,
          { details: { rentalId } },
        );
      gpus = rental.gpus;
      machineId = rental.machineId;
    }
    const vm = await ctx.client.vms.create({
      rentalId,
      machineId,
      key: args.string('name'),
      image,
      gpus,
      cpuCores: args.int('cpu', { default: 4, min: 1 }),
      memGb: args.int('mem', { default: 16, min: 1 }),
      diskGb: args.int('disk', { default: 50, min: 1 }),
      sshPort,
      jupyterPort: port('jupyter-port'),
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(vmProgressText(p)),
    });
    const info = await ctx.client.vms.connectionInfo(
      { taskId: vm.taskId, rentalId, machineId: vm.machineId },
      { signal: ctx.signal },
    );
    ctx.print({ vm, connection: info }, () =>
      [
        `VM ${vm.taskId} is ${vm.status} on ${vm.host}`,
        ...(info.ssh ? [info.ssh.command, `password: ${info.ssh.password}`] : []),
        ...(info.rdp
          ? [`RDP ${info.rdp.host}:${info.rdp.port} user ${info.rdp.user} password ${info.rdp.password}`]
          : []),
        ...(info.jupyterUrl ? [`Jupyter: ${info.jupyterUrl}`] : []),
        '',
      ].join('\n'),
    );
  },
});
