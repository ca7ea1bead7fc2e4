import type { ClientContext } from '../client/context.js';
import type { VmRef } from './types.js';
import { createVm, type CreateVmParameters, type CreateVmReturnType } from './createVm.js';
import { getVmConnectionInfo, type GetVmConnectionInfoParameters, type GetVmConnectionInfoReturnType } from './connectionInfo.js';
import { getVm, type GetVmParameters, type GetVmReturnType } from './getVm.js';
import { getVmLogs, type GetVmLogsParameters, type GetVmLogsReturnType } from './getVmLogs.js';
import { listVmImages, type ListVmImagesParameters, type ListVmImagesReturnType } from './listImages.js';
import { listVms, type ListVmsParameters, type ListVmsReturnType } from './listVms.js';
import { setVmPassword, type SetVmPasswordParameters } from './setVmPassword.js';
import { runVmAction, type RunVmActionParameters } from './vmActions.js';
import { createVmsContext, type VmsOptions } from './vmsContext.js';
import { waitUntilReady, type WaitUntilReadyParameters, type WaitUntilReadyReturnType } from './waitUntilReady.js';
import { suggestVmResources, type SuggestedVmResources, type VmHostFacts } from './suggestResources.js';

export type { Vm, VmRef, VmStatus, VmProgress, VmConnectionInfo, VmImage } from './types.js';
export type { VmsOptions } from './vmsContext.js';
export type { CreateVmParameters, CreateVmReturnType } from './createVm.js';
export type { WaitUntilReadyParameters, WaitUntilReadyReturnType } from './waitUntilReady.js';
export type { GetVmParameters, GetVmReturnType } from './getVm.js';
export type { ListVmsParameters, ListVmsReturnType, VmListItem } from './listVms.js';
export type { GetVmLogsParameters, GetVmLogsReturnType } from './getVmLogs.js';
export type { SetVmPasswordParameters } from './setVmPassword.js';
export type { RunVmActionParameters, VmLifecycleAction } from './vmActions.js';
export type { GetVmConnectionInfoParameters, GetVmConnectionInfoReturnType } from './connectionInfo.js';
export type { ListVmImagesParameters, ListVmImagesReturnType } from './listImages.js';
export { vmTaskId, rentIdOfTaskId } from './taskId.js';
export { suggestVmResources, type SuggestedVmResources, type VmHostFacts } from './suggestResources.js';

/** `dbc.vms`: VMs on rented machines, through their client nodes. A rental id is all a call needs. */
export interface VmsResource {
  /** Creates a VM (idempotent per rental and `key`) and waits until it runs. */
  create(params: CreateVmParameters): Promise<CreateVmReturnType>;
  /** Polls a VM until `running`; DbcTimeoutError `VM_CREATE_TIMEOUT` after `timeoutMs`. */
  waitUntilReady(ref: VmRef, opts?: WaitUntilReadyParameters): Promise<WaitUntilReadyReturnType>;
  /** The VMs of one rental. */
  list(params: ListVmsParameters): Promise<ListVmsReturnType>;
  /** One VM. */
  get(ref: VmRef, opts?: GetVmParameters): Promise<GetVmReturnType>;
  /** Starts a stopped VM. */
  start(ref: VmRef, opts?: RunVmActionParameters): Promise<void>;
  /** Powers a VM off. */
  stop(ref: VmRef, opts?: RunVmActionParameters): Promise<void>;
  /** Reboots a VM. */
  restart(ref: VmRef, opts?: RunVmActionParameters): Promise<void>;
  /** Hard-resets a running VM. */
  reset(ref: VmRef, opts?: RunVmActionParameters): Promise<void>;
  /** Deletes a VM and its disks. */
  delete(ref: VmRef, opts?: RunVmActionParameters): Promise<void>;
  /** The VM's log lines (at most 100). */
  logs(ref: VmRef, opts?: GetVmLogsParameters): Promise<GetVmLogsReturnType>;
  /** Sets the login password of a running VM. */
  setPassword(ref: VmRef, password: string, opts?: SetVmPasswordParameters): Promise<void>;
  /** SSH/RDP, VNC, Jupyter and TensorBoard access (with passwords: never log it). */
  connectionInfo(ref: VmRef, opts?: GetVmConnectionInfoParameters): Promise<GetVmConnectionInfoReturnType>;
  /** The CPU cores and memory a VM on `gpus` of the machine's GPUs can have (see {@link suggestVmResources}). */
  suggestResources(machine: VmHostFacts, gpus: number): SuggestedVmResources;
  images: {
    /** The images a machine can boot VMs from. */
    list(machineId: string, opts?: ListVmImagesParameters): Promise<ListVmImagesReturnType>;
  };
}

/**
 * Creates `dbc.vms` over a client context. Client-node calls are signed by the configured signer
 * (`walletAuth`), or use `options.auth` (e.g. `sessionAuth`) for custodial flows.
 */
export function createVmsResource(ctx: ClientContext, options: VmsOptions = {}): VmsResource {
  const v = createVmsContext(ctx, options);
  return {
    create: (params) => createVm(v, params),
    waitUntilReady: (ref, opts) => waitUntilReady(v, ref, opts),
    list: (params) => listVms(v, params),
    get: (ref, opts) => getVm(v, ref, opts),
    start: (ref, opts) => runVmAction(v, ref, 'start', opts),
    stop: (ref, opts) => runVmAction(v, ref, 'stop', opts),
    restart: (ref, opts) => runVmAction(v, ref, 'restart', opts),
    reset: (ref, opts) => runVmAction(v, ref, 'reset', opts),
    delete: (ref, opts) => runVmAction(v, ref, 'delete', opts),
    logs: (ref, opts) => getVmLogs(v, ref, opts),
    setPassword: (ref, password, opts) => setVmPassword(v, ref, password, opts),
    connectionInfo: (ref, opts) => getVmConnectionInfo(v, ref, opts),
    suggestResources: suggestVmResources,
    images: { list: (machineId, opts) => listVmImages(v, machineId, opts) },
  };
}
