import type { ClientContext } from '../client/context.js';
import { memoizeLoad } from '../client/memoizeLoad.js';
import type { VmRef } from './types.js';
import type { CreateVmParameters, CreateVmReturnType } from './createVm.js';
import type { GetVmConnectionInfoParameters, GetVmConnectionInfoReturnType } from './connectionInfo.js';
import type { GetVmParameters, GetVmReturnType } from './getVm.js';
import type { GetVmLogsParameters, GetVmLogsReturnType } from './getVmLogs.js';
import type { ListVmImagesParameters, ListVmImagesReturnType } from './listImages.js';
import type { ListVmsParameters, ListVmsReturnType } from './listVms.js';
import type { SetVmPasswordParameters } from './setVmPassword.js';
import type { RunVmActionParameters } from './vmActions.js';
import type { VmsOptions } from './vmsContext.js';
import type { WaitUntilReadyParameters, WaitUntilReadyReturnType } from './waitUntilReady.js';
// Synchronous and small: `suggestResources` answers without loading the VM code.
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
 *
 * The VM code and the client-node transport (with axios) are loaded by the first call that needs
 * them, through a dynamic import that bundlers split into a lazy chunk; `suggestResources` is
 * synchronous and needs neither. The resource and its caches are created once, on that first call.
 */
export function createVmsResource(ctx: ClientContext, options: VmsOptions = {}): VmsResource {
  const impl = memoizeLoad(() => import('./vmsResource.js').then((m) => m.vmsResource(ctx, options)));
  return {
    create: async (params) => (await impl()).create(params),
    waitUntilReady: async (ref, opts) => (await impl()).waitUntilReady(ref, opts),
    list: async (params) => (await impl()).list(params),
    get: async (ref, opts) => (await impl()).get(ref, opts),
    start: async (ref, opts) => (await impl()).start(ref, opts),
    stop: async (ref, opts) => (await impl()).stop(ref, opts),
    restart: async (ref, opts) => (await impl()).restart(ref, opts),
    reset: async (ref, opts) => (await impl()).reset(ref, opts),
    delete: async (ref, opts) => (await impl()).delete(ref, opts),
    logs: async (ref, opts) => (await impl()).logs(ref, opts),
    setPassword: async (ref, password, opts) => (await impl()).setPassword(ref, password, opts),
    connectionInfo: async (ref, opts) => (await impl()).connectionInfo(ref, opts),
    suggestResources: suggestVmResources,
    images: { list: async (machineId, opts) => (await impl()).images.list(machineId, opts) },
  };
}
