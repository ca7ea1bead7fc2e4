import { vmAction as nodeVmAction, type VmAction } from '../node/tasks.js';
import type { VmRef } from './types.js';
import type { VmsContext } from './vmsContext.js';

/** What `start`/`stop`/`restart`/`reset`/`delete` do: start a stopped VM, power it off, reboot, hard-reset (running VMs only), or delete it with its disks. */
export type VmLifecycleAction = 'start' | 'stop' | 'restart' | 'reset' | 'delete';

/** Options of `runVmAction`. */
export interface RunVmActionParameters {
  signal?: AbortSignal;
}

const NODE_ACTION: Record<VmLifecycleAction, VmAction> = { start: 'start', stop: 'stop', restart: 'restart', reset: 'reset', delete: 'delete' };

/**
 * Runs one lifecycle action on a VM. These are not retried on server errors (the node may have
 * acted); a VM in the wrong state gives DbcNodeError `NODE_TASK_STATE`.
 *
 * @example
 * ```ts
 * await dbc.vms.stop(taskId);
 * ```
 */
export async function runVmAction(v: VmsContext, ref: VmRef, action: VmLifecycleAction, opts: RunVmActionParameters = {}): Promise<void> {
  const t = await v.vmTarget(ref, opts.signal);
  await nodeVmAction(v.node(), t, t.taskId, NODE_ACTION[action]);
  v.ctx.logger.info(`VM ${action}`, { taskId: t.taskId, rentalId: t.rentalId });
}
