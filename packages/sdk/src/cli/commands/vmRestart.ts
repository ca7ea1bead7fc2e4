import { defineCommand } from '../spec.js';
import { runVmLifecycle, VM_REF_POSITIONALS } from '../vmAction.js';

/** `dbc vm restart <rentalId> <taskId>`: reboot a VM. */
export const vmRestart = defineCommand({
  name: 'restart',
  summary: 'Reboot a VM',
  positionals: VM_REF_POSITIONALS,
  signer: 'required',
  run: (ctx, args) => runVmLifecycle(ctx, args, 'restart'),
});
