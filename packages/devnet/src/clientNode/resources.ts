import type { ChainMachine } from './chainView.js';
import { isRunning, type Vm } from './vm.js';

/** System disk (vda) size the node gives every VM (`g_disk_system_size`). */
export const SYSTEM_DISK_GB = 350;

/** Hosts above 64 GB keep 32 GB for themselves (`SystemInfo::update_mem_info`). */
const RESERVED_MEMORY_GB = 32;
const RESERVE_ABOVE_GB = 64;

/** What the host offers to VMs, derived from the committee-verified hardware on chain. */
export interface HostResources {
  gpuCount: number;
  cpuCores: number;
  memGb: number;
  /** Space in `/data` for data disks: the data disk minus one system disk. */
  dataDiskFreeGb: number;
}

export function hostResources(
  machine: Pick<ChainMachine, 'gpuNum' | 'cpuCores' | 'memGb' | 'diskGb'>,
): HostResources {
  const memGb = machine.memGb > RESERVE_ABOVE_GB ? machine.memGb - RESERVED_MEMORY_GB : machine.memGb;
  return {
    gpuCount: machine.gpuNum,
    cpuCores: machine.cpuCores,
    memGb: Math.max(0, memGb),
    dataDiskFreeGb: Math.max(0, machine.diskGb - SYSTEM_DISK_GB),
  };
}

function others(vms: readonly Vm[], excludeTaskId: string): Vm[] {
  return vms.filter((vm) => vm.taskId !== excludeTaskId);
}

/** `allocate_cpu`: within the rented share of the host and next to the running VMs. */
export function canAllocateCpu(
  host: HostResources,
  vms: readonly Vm[],
  cores: number,
  share: number,
  excludeTaskId = '',
): boolean {
  if (cores > Math.floor(host.cpuCores * share)) return false;
  const used = others(vms, excludeTaskId)
    .filter(isRunning)
    .reduce((sum, vm) => sum + vm.cpuCores, 0);
  return cores + used <= host.cpuCores;
}

/** Memory not held by running VMs. */
export function freeMemoryGb(host: HostResources, vms: readonly Vm[], excludeTaskId = ''): number {
  const used = others(vms, excludeTaskId)
    .filter(isRunning)
    .reduce((sum, vm) => sum + vm.memGb, 0);
  return Math.max(0, host.memGb - used);
}

/** `allocate_mem`: free now, within the rented share, and within the host next to running VMs. */
export function canAllocateMemory(
  host: HostResources,
  vms: readonly Vm[],
  memGb: number,
  share: number,
  excludeTaskId = '',
): boolean {
  if (memGb <= 0) return false;
  if (memGb > freeMemoryGb(host, vms, excludeTaskId)) return false;
  return memGb <= Math.floor(host.memGb * share);
}

/** GPU indexes held by VMs whose domain is not shut off. */
export function gpusInUse(vms: readonly Vm[], excludeTaskId = ''): Set<number> {
  return new Set(
    others(vms, excludeTaskId)
      .filter(isRunning)
      .flatMap((vm) => vm.gpuIndex),
  );
}

/**
 * `allocate_gpu`: the lowest free GPUs among the order's. A CPU-only VM (0 GPUs) is only
 * allowed on a whole-machine order.
 */
export function allocateGpus(
  host: HostResources,
  vms: readonly Vm[],
  count: number,
  orderGpuIndex: readonly number[],
  excludeTaskId = '',
): number[] | null {
  if (orderGpuIndex.length === 0 || count > orderGpuIndex.length) return null;
  if (count === 0) return orderGpuIndex.length === host.gpuCount ? [] : null;
  const busy = gpusInUse(vms, excludeTaskId);
  const picked: number[] = [];
  for (let index = 0; index < host.gpuCount && picked.length < count; index++) {
    if (orderGpuIndex.includes(index) && !busy.has(index)) picked.push(index);
  }
  return picked.length === count ? picked : null;
}

/** `check_port_conflict`: a running VM already uses the port on the host. */
export function findPortConflict(vms: readonly Vm[], port: number, excludeTaskId = ''): string | null {
  for (const vm of others(vms, excludeTaskId).filter(isRunning)) {
    // VNC listens on the host itself, so a public IP does not free it.
    if (vm.vncPort === port) return `port conflict, exist vnc_port = ${port}`;
    if (vm.publicIp !== '') continue;
    if (vm.sshPort === port) return `port conflict, exist ssh_port = ${port}`;
    if (vm.rdpPort === port) return `port conflict, exist rdp_port = ${port}`;
  }
  return null;
}

/** Fake PCI functions (GPU + its audio device) for GPU `index`, for the domain log. */
export function gpuPciAddresses(index: number): string[] {
  const bus = (0x18 + index * 0x20).toString(16).padStart(2, '0');
  return [`0000:${bus}:00.0`, `0000:${bus}:00.1`];
}
