import { defineCommand } from '../spec.js';
import { runVmLifecycle, VM_REF_POSITIONALS } from '../vmAction.js';

/** `dbc vm start <rentalId> <taskId>`: start a stopped VM. */
export const vmStart = defineCommand({
  name: 'start',
  summary: 'Start a stopped VM',
  positionals: VM_REF_POSITIONALS,
  signer: 'required',
  run: (ctx, args) => runVmLifecycle(ctx, args, 'start'),
});
