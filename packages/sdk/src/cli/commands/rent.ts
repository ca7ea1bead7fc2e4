import type { RentProgress } from '../../rentals/types.js';
import { dbcText, usdText } from '../format.js';
import { resolveMachineId } from '../machineRef.js';
import { defineCommand } from '../spec.js';
import { durationFromArgs } from '../duration.js';
import { rentalText } from '../text.js';

/** A rent stage as a progress line. */
export function rentProgressText(p: RentProgress): string {
  switch (p.stage) {
    case 'validating':
      return 'Checking the machine, the price and your balance…';
    case 'signing':
      return 'Signing the rent transaction…';
    case 'submitted':
      return `Submitted ${p.txHash}`;
    case 'in-block':
      return `Rental ${p.rentalId} created in block ${p.blockNumber}`;
    case 'checking-node':
      return `Checking the machine on its client node…`;
    case 'confirming':
      return `Confirming rental ${p.rentalId}…`;
    case 'confirmed':
      return `Rental ${p.rentalId} confirmed`;
    case 'reconciling':
      return 'Reconciling an earlier attempt with the same key…';
  }
}

/** `dbc rent <machineId>`: rents GPUs and confirms once the machine answers. */
export const rent = defineCommand({
  name: 'rent',
  summary: 'Rent GPUs of a machine (validated, confirmed, idempotent with --key)',
  description: [
    'Moves money: asks for confirmation with the quoted total, or needs --yes without a terminal.',
    'With --key, running the same command again (after a crash or a lost connection) resumes the',
    'first attempt instead of renting twice; keys are remembered in $DBC_STATE_DIR (default ~/.local/state/dbc).',
  ],
  positionals: [{ name: 'machineId', description: 'Machine id or a unique prefix.' }],
  options: {
    gpus: { type: 'string', valueName: 'n', description: 'GPUs to rent (default 1).' },
    hours: { type: 'string', valueName: 'h', description: 'Rental length in hours (default 1).' },
    days: { type: 'string', valueName: 'd', description: 'Rental length in days, instead of --hours.' },
    key: {
      type: 'string',
      valueName: 'idempotencyKey',
      description: 'Same key, same rental: a retry never rents twice.',
    },
  },
  signer: 'required',
  examples: [
    'dbc rent 7a3b9c01 --gpus 1 --hours 2 --key order-1234',
    'DBC_SECRET=//Alice dbc rent 7a3b9c01 --yes --json',
  ],
  async run(ctx, args) {
    const duration = durationFromArgs(args, 'dbc rent --help');
    const gpus = args.int('gpus', { default: 1, min: 1 });
    const key = args.string('key');
    const machineId = await resolveMachineId(ctx, args.positional('machineId'));
    await ctx.confirm(async () => {
      const q = await ctx.client.pricing.quote({ machineId, gpus, duration }, { signal: ctx.signal });
      return `Rent ${gpus} × ${q.gpuModel} of ${machineId.slice(0, 8)}… for ${q.duration.hours} h, about ${dbcText(q.total.planck)} (${usdText(q.total.usd)})?`;
    });
    const rental = await ctx.client.rentals.rent({
      machineId,
      gpus,
      duration,
      idempotencyKey: key,
      signal: ctx.signal,
      onProgress: (p) => ctx.progress(rentProgressText(p)),
    });
    ctx.print(rental, () => rentalText(rental));
  },
});
