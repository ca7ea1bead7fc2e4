import { defineCommand } from '../spec.js';
import { runVmLifecycle, VM_REF_POSITIONALS } from '../vmAction.js';

/** `dbc vm stop <rentalId> <taskId>`: power a VM off. */
export const vmStop = defineCommand({
  name: 'stop',
  summary: 'Power a VM off',
  positionals: VM_REF_POSITIONALS,
  signer: 'required',
  run: (ctx, args) => runVmLifecycle(ctx, args, 'stop'),
});
