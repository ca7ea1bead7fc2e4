/**
 * A virtual machine ("task") on a GPU node: the node's TaskInfo plus the libvirt domain state.
 */

/** Task statuses as `task_status_string` prints them. */
export type TaskStatus =
  | 'creating'
  | 'starting'
  | 'running'
  | 'closed'
  | 'pmsuspend'
  | 'being shutdown'
  | 'being poweroff'
  | 'restarting'
  | 'resetting'
  | 'deleting';

/**
 * The libvirt domain state, which the node's rules check rather than the task status
 * (e.g. `reset` needs a running domain, `shutdown` refuses a shut-off one).
 */
export type DomainState = 'running' | 'shutoff';

export type OperatingSystem = 'linux' | 'windows';

export interface VmDisk {
  name: 'vda' | 'vdb';
  sizeGb: number;
  sourceFile: string;
}

export interface Vm {
  taskId: string;
  machineId: string;
  /** Wallet (or multisig account) that created the task; list and detail only show its own. */
  renter: string;
  rentOrder: string;
  /** Last rent end seen for the order; kept after the chain deletes the order. */
  rentEnd: number;
  desc: string;
  imageName: string;
  /** `operation_system` as sent (lowercased), e.g. "ubuntu" counts as linux. */
  operationSystem: string;
  os: OperatingSystem;
  biosMode: 'legacy' | 'uefi' | 'pxe';
  sshPort: number;
  rdpPort: number;
  vncPort: number;
  vncPassword: string;
  loginUser: string;
  loginPassword: string;
  publicIp: string;
  customPort: string[];
  networkFilters: string[];
  multicast: string[];
  networkName: string;
  interfaceModel: string;
  macAddress: string;
  cpuCores: number;
  memGb: number;
  gpuIndex: number[];
  disks: VmDisk[];
  /** Unix milliseconds. */
  createdAt: number;
  status: TaskStatus;
  domain: DomainState;
  logs: string[];
}

/** libvirt's state name as `vm_status_string` prints it in "task is …" errors. */
export function domainStateName(domain: DomainState): string {
  return domain === 'running' ? 'running' : 'shut_off';
}

/**
 * `queryTaskStatus`: a settled status (running/closed) follows the domain; transitional
 * ones (creating, restarting, …) are shown as set by the last request.
 */
export function effectiveStatus(vm: Vm): TaskStatus {
  if (vm.status === 'closed' && vm.domain !== 'shutoff') return 'running';
  if (vm.status === 'running' && vm.domain !== 'running') return 'closed';
  return vm.status;
}

/** A domain that holds host ports, CPU and memory (`VIR_DOMAIN_RUNNING`). */
export function isRunning(vm: Vm): boolean {
  return vm.domain === 'running';
}

/** Time as the node prints it: local `%Y-%m-%d %H:%M:%S`. */
export function formatLocalTime(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  );
}
