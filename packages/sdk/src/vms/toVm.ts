import type { VmDetail } from '../node/tasks.js';
import type { ResolvedTarget } from './vmsContext.js';
import type { Vm } from './types.js';

/** A node VM detail as a Vm (the password left out: it is a secret and Vm objects get logged). */
export function toVm(d: VmDetail, target: ResolvedTarget): Vm {
  return {
    taskId: d.taskId,
    rentalId: target.rentalId,
    machineId: target.machineId,
    status: d.status,
    os: d.os,
    host: d.host,
    sshPort: d.sshPort,
    rdpPort: d.rdpPort,
    user: d.user,
    cpuCores: d.cpuCores,
    gpuCount: d.gpuCount,
    memGb: d.memGb,
    createdAt: d.createdAt,
    description: d.description,
  };
}
