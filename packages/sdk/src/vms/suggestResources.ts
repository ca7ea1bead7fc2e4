import { DbcInputError } from '@dbc-cloud/chain/errors';

/** The machine facts {@link suggestVmResources} needs (a `Machine` from `machines.search` has them). */
export interface VmHostFacts {
  gpu: { count: number };
  cpu: { cores: number };
  ramGb: number;
}

/** What {@link suggestVmResources} suggests. */
export interface SuggestedVmResources {
  cpuCores: number;
  memGb: number;
}

/** A client node keeps 32 GB for its host when the machine has more than 64 GB (AIC `SystemInfo::update_mem_info`). */
const HOST_RESERVED_GB = 32;
const RESERVE_ABOVE_GB = 64;

/**
 * The largest CPU and memory a VM on `gpus` of the machine's GPUs can ask for: the rented share of
 * the cores and of the memory the client node offers to VMs (it keeps 32 GB for the host on machines
 * above 64 GB and refuses more with "allocate mem failed"). Pure; use it to prefill `vms.create`.
 *
 * @example
 * ```ts
 * const { cpuCores, memGb } = suggestVmResources(machine, rental.gpus);
 * await dbc.vms.create({ rentalId: rental.id, image, gpus: rental.gpus, cpuCores, memGb, diskGb: 100, sshPort: 20022 });
 * ```
 */
export function suggestVmResources(machine: VmHostFacts, gpus: number): SuggestedVmResources {
  const total = machine.gpu.count;
  if (!Number.isInteger(gpus) || gpus < 1 || gpus > total)
    throw new DbcInputError('INVALID_GPU_COUNT', `A VM on this machine can use 1 to ${total} GPUs, not ${gpus}.`, { details: { gpus, gpuCount: total } });
  const share = gpus / total;
  const offered = machine.ramGb > RESERVE_ABOVE_GB ? machine.ramGb - HOST_RESERVED_GB : machine.ramGb;
  return {
    cpuCores: Math.max(1, Math.floor(machine.cpu.cores * share)),
    memGb: Math.max(1, Math.floor(offered * share)),
  };
}
