import type { VmLifecycleAction } from '../vms/vmActions.js';
import type { CommandContext } from './context.js';
import type { Args } from './args.js';

const DONE: Record<VmLifecycleAction, string> = {
  start: 'started',
  stop: 'stopped',
  restart: 'restarting',
  reset: 'reset',
  delete: 'deleted',
};

/** The positionals every VM lifecycle command takes. */
export const VM_REF_POSITIONALS = [
  { name: 'rentalId', description: 'Rental id as `dbc rentals` prints it.' },
  { name: 'taskId', description: 'VM task id as `dbc vm ls` prints it.' },
];

/** Runs a lifecycle action on the VM named by `<rentalId> <taskId>` and reports it. */
export async function runVmLifecycle(
  ctx: CommandContext,
  args: Args,
  action: 'start' | 'stop' | 'restart',
): Promise<void> {
  const ref = { rentalId: args.positional('rentalId'), taskId: args.positional('taskId') };
  await ctx.client.vms[action](ref, { signal: ctx.signal });
  ctx.print({ ...ref, action, ok: true }, () => `VM ${ref.taskId} ${DONE[action]}.\n`);
}
