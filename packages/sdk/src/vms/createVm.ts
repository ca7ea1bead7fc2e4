import { DbcInputError, DbcNodeError } from '@dbc-cloud/chain/errors';
import { createVm as nodeCreateVm, getVm as nodeGetVm } from '../node/tasks.js';
import type { RentalId } from '../rentals/types.js';
import { vmTaskId } from './taskId.js';
import { toVm } from './toVm.js';
import type { Vm, VmProgress } from './types.js';
import type { VmsContext } from './vmsContext.js';
import { waitUntilReady } from './waitUntilReady.js';

/** Parameters of {@link createVm}. */
export interface CreateVmParameters {
  rentalId: RentalId;
  /** Skips the chain lookup of the rental's machine. */
  machineId?: string;
  /**
   * Names this VM within the rental (default "vm"): the task id is derived from the rental and this
   * key, so retrying a create never makes a second VM. Use another key for another VM.
   */
  key?: string;
  /** A `.qcow2` image of the machine (see `vms.images.list`). */
  image: string;
  /** GPUs for the VM; on a partial-machine rental it must equal the rented GPUs. */
  gpus: number;
  cpuCores: number;
  memGb: number;
  /** Data disk (the 350 GB system disk is fixed). */
  diskGb: number;
  /** Host port forwarded to SSH (Linux) or RDP (Windows). */
  sshPort: number;
  /** VNC console port, 5900–65535 (default 5901). */
  vncPort?: number;
  /** Opens this port for Jupyter and reports its URL in `connectionInfo`. */
  jupyterPort?: number;
  /** Opens this port for TensorBoard and reports its URL in `connectionInfo`. */
  tensorboardPort?: number;
  os?: 'linux' | 'windows';
  /** Free text shown in the node's VM list (no `"` or `\`). */
  description?: string;
  signal?: AbortSignal;
  onProgress?: (progress: VmProgress) => void;
  /** Wait until the VM is running (default true). */
  wait?: boolean;
  /** For the wait (default 30 minutes). */
  timeoutMs?: number;
  /** First poll delay of the wait (default 2 s). */
  pollIntervalMs?: number;
}
/** What {@link createVm} resolves to: the VM (running, unless `wait: false`). */
export type CreateVmReturnType = Vm;

const port = (name: string, p: number | undefined) => {
  if (p !== undefined && (!Number.isInteger(p) || p < 1 || p > 65535))
    throw new DbcInputError('INVALID_VM_PARAMS', `${name} must be a port from 1 to 65535; got ${p}.`, { details: { [name]: p } });
  return p;
};

/** The description carries the extra ports so `connectionInfo` can find them later from the node alone. */
export function vmDescription(p: Pick<CreateVmParameters, 'jupyterPort' | 'tensorboardPort' | 'description'>): string {
  return ['dbc-sdk', p.jupyterPort ? `jupyter=${p.jupyterPort}` : '', p.tensorboardPort ? `tensorboard=${p.tensorboardPort}` : '', p.description ?? '']
    .filter(Boolean)
    .join(' ');
}

/**
 * Creates a VM on a rented machine and (by default) waits until it runs, reporting `creating` →
 * `starting` → `running`. Idempotent by design: the task id is derived from the rental and `key`,
 * and when the node says that task already exists, the existing VM is used.
 *
 * @example
 * ```ts
 * const vm = await dbc.vms.create({ rentalId: rental.id, image: 'ubuntu-2204-cuda12.2.qcow2',
 *   gpus: 1, cpuCores: 8, memGb: 32, diskGb: 100, sshPort: 20022, jupyterPort: 28888 });
 * const { ssh } = await dbc.vms.connectionInfo(vm.taskId);
 * ```
 */
export async function createVm(v: VmsContext, params: CreateVmParameters): Promise<CreateVmReturnType> {
  const jupyterPort = port('jupyterPort', params.jupyterPort);
  const tensorboardPort = port('tensorboardPort', params.tensorboardPort);
  const t = await v.rentalTarget(params.rentalId, params.machineId, params.signal);
  const taskId = vmTaskId(t.rentId, params.key ?? 'vm');
  const customPorts = [jupyterPort, tensorboardPort].filter((p): p is number => p !== undefined).map((p) => `tcp,${p}`);
  const node = v.node();
  params.onProgress?.({ stage: 'creating', taskId });
  try {
    await nodeCreateVm(node, { ...t, signal: params.signal }, {
      image: params.image,
      gpus: params.gpus,
      cpuCores: params.cpuCores,
      memGb: params.memGb,
      diskGb: params.diskGb,
      sshPort: params.sshPort,
      vncPort: params.vncPort ?? 5901,
      os: params.os,
      customPorts,
      description: vmDescription({ jupyterPort, tensorboardPort, description: params.description }),
      taskId,
    });
    v.ctx.logger.info('VM creation started', { taskId, rentalId: t.rentalId, machineId: t.machineId });
  } catch (e) {
    // A retry of a create that reached the node: the VM exists, so carry on with it.
    if (!(e instanceof DbcNodeError && e.code === 'NODE_TASK_EXISTS')) throw e;
    v.ctx.logger.info('VM already exists; using it', { taskId, rentalId: t.rentalId });
  }
  v.remember(taskId, t);
  if (params.wait === false) return toVm(await nodeGetVm(node, t, taskId), t);
  return waitUntilReady(v, taskId, {
    signal: params.signal,
    timeoutMs: params.timeoutMs,
    pollIntervalMs: params.pollIntervalMs,
    onProgress: (p) => {
      if (p.stage !== 'creating') params.onProgress?.(p);
    },
  });
}
