import { atoi } from './envelope.js';
import { createTaskId, generatePassword } from './ids.js';
import type { ImageCatalog } from './images.js';
import type { KnownRentOrder } from './rentOrders.js';
import {
  allocateGpus,
  canAllocateCpu,
  canAllocateMemory,
  findPortConflict,
  type HostResources,
} from './resources.js';
import type { OperatingSystem, Vm } from './vm.js';

/** `tasks/start` input after the node's validation (`CreateTaskParams`). */
export interface CreateTaskParams {
  taskId: string;
  gpuIndex: number[];
  desc: string;
  operationSystem: string;
  os: OperatingSystem;
  biosMode: 'legacy' | 'uefi' | 'pxe';
  imageName: string;
  publicIp: string;
  sshPort: number;
  rdpPort: number;
  vncPort: number;
  cpuCores: number;
  memGb: number;
  diskGb: number;
  customPort: string[];
  multicast: string[];
  networkFilters: string[];
  networkName: string;
  interfaceModel: string;
  loginPassword: string;
  vncPassword: string;
}

export interface CreateTaskContext {
  /** The request's top-level `rent_order`. */
  rentOrder: string;
  /** That order, if the caller rents it (`GetRentedGpuIndex`). */
  order: KnownRentOrder | undefined;
  host: HostResources;
  vms: readonly Vm[];
  images: ImageCatalog;
}

export type CreateTaskParseResult = { ok: true; params: CreateTaskParams } | { ok: false; message: string };

/**
 * JSON_PARSE_STRING: only a JSON string is read. Anything else (a number, a boolean) is
 * silently ignored, which is why `"cpu_cores": 8` fails as "cpu_cores is invalid".
 */
function stringField(additional: Record<string, unknown>, key: string): string {
  const value = additional[key];
  return typeof value === 'string' ? value : '';
}

function stringArrayField(additional: Record<string, unknown>, key: string): string[] {
  const value = additional[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Ports are parsed with atoi and stored as uint16_t, so "70000" silently becomes 4464. */
function toPort(text: string): number {
  return atoi(text) & 0xffff;
}

const DIGITS = /^\d+$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function isIpv4(text: string): boolean {
  return IPV4.test(text);
}

function isLinux(os: string): boolean {
  return os.includes('linux') || os.includes('ubuntu');
}

function isWindows(os: string): boolean {
  return os.includes('windows') || os.includes('win');
}

function checkPortText(name: string, text: string): string | null {
  if (text === '') return `${name} is empty`;
  if (!DIGITS.test(text)) return `${name} is not digit`;
  return null;
}

function checkMulticast(addresses: string[]): string | null {
  for (const address of addresses) {
    const parts = address.split(':');
    if (parts.length !== 2) return 'multicast format: ip:port';
    const firstOctet = IPV4.test(parts[0]) ? Number(parts[0].split('.')[0]) : -1;
    if (firstOctet < 224 || firstOctet > 239) return 'address is not a multicast address';
    const port = Number(parts[1]);
    if (!DIGITS.test(parts[1]) || port < 1 || port > 65535) return 'invalid multicast port';
  }
  return null;
}

/**
 * TaskManager::parse_create_params, check for check, in the node's order, with its messages.
 */
export function parseCreateParams(
  additional: Record<string, unknown>,
  context: CreateTaskContext,
): CreateTaskParseResult {
  const fail = (message: string): CreateTaskParseResult => ({ ok: false, message });
  const { host, vms } = context;

  let taskId = stringField(additional, 'task_id');
  if (taskId !== '') {
    if (taskId.length < 20 || taskId.length > 22) return fail('wrong task id length');
    if (!/^[A-Za-z0-9]+$/.test(taskId)) return fail('task id requires a combination of letters or numbers');
    if (vms.some((vm) => vm.taskId === taskId)) return fail('task id already existed');
  } else {
    taskId = createTaskId();
  }

  const orderGpuIndex = context.order?.gpuIndex ?? [];
  if (orderGpuIndex.length === 0) return fail('order gpu index is empty');

  const gpuCount = atoi(stringField(additional, 'gpu_count'));
  if (gpuCount < 0) return fail('gpu_count is invalid (usage: gpu_count >= 0)');
  if (gpuCount > orderGpuIndex.length) return fail('gpu_count exceeds number of leases');

  let share = 1;
  if (context.rentOrder !== '') {
    if (host.gpuCount < 1) return fail('get gpu info failed');
    if (orderGpuIndex.length !== host.gpuCount) {
      if (gpuCount !== orderGpuIndex.length) return fail('only use the number what you exactly rented');
      share = gpuCount / host.gpuCount;
    }
  }

  const gpuIndex = allocateGpus(host, vms, gpuCount, orderGpuIndex);
  if (!gpuIndex) return fail('allocate gpu failed');

  const desc = stringField(additional, 'desc');

  const operationSystem = (stringField(additional, 'operation_system') || 'linux').toLowerCase();
  if (!isLinux(operationSystem) && !isWindows(operationSystem)) {
    return fail(`unsupported operation system: ${operationSystem} (usage: 'linux' 'windows')`);
  }
  const os: OperatingSystem = isLinux(operationSystem) ? 'linux' : 'windows';

  const biosMode = (stringField(additional, 'bios_mode') || 'legacy').toLowerCase();
  if (biosMode !== 'legacy' && biosMode !== 'uefi' && biosMode !== 'pxe') {
    return fail(`unsupported bios mode: ${biosMode} (usage: 'legacy(default)'、'uefi'、'pxe')`);
  }

  const imageName = stringField(additional, 'image_name');
  if (imageName === '') return fail('image_name is empty');
  if (!imageName.endsWith('.qcow2') || imageName === '.qcow2') {
    return fail("'image_name' extension name is invalid");
  }
  if (!context.images.has(imageName)) return fail(`'image_name' is not exist (path:/data/${imageName})`);

  const publicIp = stringField(additional, 'public_ip');
  if (publicIp !== '') {
    if (!IPV4.test(publicIp)) return fail('invalid public ip');
    if (vms.some((vm) => vm.publicIp === publicIp)) return fail('public ip being used');
  }

  const sshText = stringField(additional, 'ssh_port');
  let sshPort = toPort(sshText);
  if (isLinux(operationSystem)) {
    const problem = checkPortText('ssh_port', sshText);
    if (publicIp !== '') {
      if (problem) sshPort = 22;
    } else {
      if (problem) return fail(problem);
      const conflict = findPortConflict(vms, sshPort);
      if (conflict) return fail(conflict);
    }
  }

  const rdpText = stringField(additional, 'rdp_port');
  let rdpPort = toPort(rdpText);
  if (isWindows(operationSystem)) {
    const problem = checkPortText('rdp_port', rdpText);
    if (publicIp !== '') {
      if (problem) rdpPort = 3389;
    } else {
      if (problem) return fail(problem);
      const conflict = findPortConflict(vms, rdpPort);
      if (conflict) return fail(conflict);
    }
  }

  const vncText = stringField(additional, 'vnc_port');
  const vncProblem = checkPortText('vnc_port', vncText);
  if (vncProblem) return fail(vncProblem);
  const vncPort = toPort(vncText);
  if (vncPort < 5900) return fail('vnc_port is invalid (usage: [5900, 65535])');
  const vncConflict = findPortConflict(vms, vncPort);
  if (vncConflict) return fail(vncConflict);

  const cpuCores = atoi(stringField(additional, 'cpu_cores'));
  if (cpuCores <= 0) return fail('cpu_cores is invalid');
  if (!canAllocateCpu(host, vms, cpuCores, share)) return fail('allocate cpu failed');

  const memGb = atoi(stringField(additional, 'mem_size'));
  if (memGb <= 0) return fail('mem_size is invalid');
  if (!canAllocateMemory(host, vms, memGb, share)) return fail('allocate mem failed');

  let diskGb = 0;
  if (biosMode !== 'pxe') {
    diskGb = atoi(stringField(additional, 'disk_size'));
    if (diskGb <= 0) return fail('disk_size is invalid (usage: disk_size > 0)');
    if (diskGb > host.dataDiskFreeGb) return fail('allocate disk failed');
    const dataFileName = stringField(additional, 'data_file_name');
    // Uploaded data files are not modelled, so a named one is never found in /data.
    if (dataFileName !== '') return fail(`data_file_name is not exist, path: /data/${dataFileName}`);
  }

  const networkName = stringField(additional, 'network_name');
  const customPort = stringArrayField(additional, 'custom_port');
  const multicast = stringArrayField(additional, 'multicast');
  const multicastProblem = checkMulticast(multicast);
  if (multicastProblem) return fail(multicastProblem);
  const networkFilters = stringArrayField(additional, 'network_filters');

  // Only the two non-default models are accepted by name; spelling out "virtio" is an error.
  let interfaceModel = stringField(additional, 'interface_model_type');
  if (interfaceModel === '') interfaceModel = 'virtio';
  else if (interfaceModel !== 'e1000' && interfaceModel !== 'rtl8139')
    return fail('invalid interface model type');

  const loginPassword = generatePassword();
  return {
    ok: true,
    params: {
      taskId,
      gpuIndex,
      desc,
      operationSystem,
      os,
      biosMode,
      imageName,
      publicIp,
      sshPort,
      rdpPort,
      vncPort,
      cpuCores,
      memGb,
      diskGb,
      customPort,
      multicast,
      networkFilters,
      networkName,
      interfaceModel,
      loginPassword,
      // libvirt 8+ caps VNC passwords at 8 characters.
      vncPassword: loginPassword.slice(0, 8),
    },
  };
}
