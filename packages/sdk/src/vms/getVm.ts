import { getVm as nodeGetVm } from '../node/tasks.js';
import { toVm } from './toVm.js';
import type { Vm, VmRef } from './types.js';
import type { VmsContext } from './vmsContext.js';

/** Options of {@link getVm}. */
export interface GetVmParameters {
  signal?: AbortSignal;
}
/** What {@link getVm} resolves to. */
export type GetVmReturnType = Vm;

/**
 * One VM's state and address, from its machine's client node.
 *
 * @example
 * ```ts
 * const vm = await dbc.vms.get(taskId);
 * console.log(vm.status, vm.host, vm.sshPort);
 * ```
 */
export async function getVm(v: VmsContext, ref: VmRef, opts: GetVmParameters = {}): Promise<GetVmReturnType> {
  const t = await v.vmTarget(ref, opts.signal);
  const vm = toVm(await nodeGetVm(v.node(), t, t.taskId), t);
  v.remember(t.taskId, t);
  return vm;
}
