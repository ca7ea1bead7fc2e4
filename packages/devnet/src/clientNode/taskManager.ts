import { randomInt, randomUUID } from 'node:crypto';
import { type CreateTaskParams, isIpv4 } from './createTaskParams.js';
import { atoi } from './envelope.js';
import { createMacAddress } from './ids.js';
import type { RentOrderBook } from './rentOrders.js';
import {
  allocateGpus,
  canAllocateCpu,
  canAllocateMemory,
  findPortConflict,
  freeMemoryGb,
  gpuPciAddresses,
  gpusInUse,
  type HostResources,
  SYSTEM_DISK_GB,
} from './resources.js';
import type { Scheduler } from './scheduler.js';
import { appendTaskLog, logDomainCreation, readTaskLog } from './taskLogs.js';
import { domainStateName, isRunning, type TaskStatus, type Vm } from './vm.js';

/** Outcome of a task operation; failures are errcode 1 with `message`. */
export type TaskResult = { ok: true; message: string } | { ok: false; message: string };

export interface TaskTimings {
  /** Creating → running. */
  vmBootMs: number;
  /** Start, shutdown, power-off, restart, reset and delete. */
  vmOpMs: number;
}

interface QueuedStep {
  delayMs: number;
  run: () => void;
}

interface TaskQueue {
  steps: QueuedStep[];
  cancel: (() => void) | null;
}

const OK: TaskResult = { ok: true, message: 'ok' };
const NOT_EXIST: TaskResult = { ok: false, message: 'task not exist' };

function failure(message: string): TaskResult {
  return { ok: false, message };
}

function stringField(additional: Record<string, unknown>, key: string): string {
  const value = additional[key];
  return typeof value === 'string' ? value : '';
}

function timestampForFile(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/**
 * The VMs of one GPU node and their state machine (TaskManager + VmClient). Requests set a
 * transitional status at once and queue the libvirt work, which runs one step at a time
 * per VM like the node's event thread.
 */
export class TaskManager {
  private readonly vms = new Map<string, Vm>();
  private readonly queues = new Map<string, TaskQueue>();

  constructor(
    private readonly machineId: string,
    private readonly host: () => HostResources,
    private readonly orders: RentOrderBook,
    private readonly scheduler: Scheduler,
    private readonly timings: TaskTimings,
  ) {}

  all(): Vm[] {
    return [...this.vms.values()];
  }

  get(taskId: string): Vm | undefined {
    return this.vms.get(taskId);
  }

  /** Tasks created by `wallet` (WalletRentTaskMgr); only these are listed to it. */
  ownedBy(wallet: string): Vm[] {
    return this.all().filter((vm) => vm.renter === wallet);
  }

  create(params: CreateTaskParams, renter: string, rentOrder: string, rentEnd: number): Vm {
    const now = Date.now();
    const suffix = `${randomInt(100_000)}_${timestampForFile(now)}`;
    const vm: Vm = {
      taskId: params.taskId,
      machineId: this.machineId,
      renter,
      rentOrder,
      rentEnd,
      desc: params.desc,
      imageName: params.imageName,
      operationSystem: params.operationSystem,
      os: params.os,
      biosMode: params.biosMode,
      sshPort: params.sshPort,
      rdpPort: params.rdpPort,
      vncPort: params.vncPort,
      vncPassword: params.vncPassword,
      loginUser: '',
      loginPassword: params.loginPassword,
      publicIp: params.publicIp,
      customPort: params.customPort,
      networkFilters: params.networkFilters,
      multicast: params.multicast,
      networkName: params.networkName,
      interfaceModel: params.interfaceModel,
      macAddress: createMacAddress(),
      cpuCores: params.cpuCores,
      memGb: params.memGb,
      gpuIndex: params.gpuIndex,
      disks:
        params.biosMode === 'pxe'
          ? []
          : [
              { name: 'vda', sizeGb: SYSTEM_DISK_GB, sourceFile: `/data/vm_${suffix}.qcow2` },
              { name: 'vdb', sizeGb: params.diskGb, sourceFile: `/data/data_${suffix}.qcow2` },
            ],
      createdAt: now,
      status: 'creating',
      // The domain is defined and booted right away; "creating" lasts until the guest
      // has network and its password set.
      domain: 'running',
      logs: [],
    };
    this.vms.set(vm.taskId, vm);
    logDomainCreation(vm, vm.gpuIndex.flatMap(gpuPciAddresses), randomUUID(), now);

    const half = Math.floor(this.timings.vmBootMs / 2);
    this.enqueue(vm, half, () => {
      if (vm.status === 'creating') vm.status = 'starting';
    });
    this.enqueue(vm, this.timings.vmBootMs - half, () => {
      if (vm.status !== 'starting') return;
      vm.status = 'running';
      vm.loginUser = vm.os === 'windows' ? 'Administrator' : 'dbc';
      appendTaskLog(vm, 'info', 'create task successful');
    });
    return vm;
  }

  /** `startTask`: boots a shut-off domain after re-checking the host's resources. */
  start(taskId: string, rentOrder: string): TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    const problem = this.checkResources(vm, rentOrder);
    if (problem) return failure(problem);
    if (vm.domain !== 'shutoff') return failure(`task is ${domainStateName(vm.domain)}`);
    return this.transition(vm, 'starting', () => {
      vm.domain = 'running';
      if (vm.status === 'starting') vm.status = 'running';
      appendTaskLog(vm, 'info', 'start task successful');
    });
  }

  /** `shutdownTask` (the node destroys the domain, so it is as abrupt as power-off). */
  shutdown(taskId: string): TaskResult {
    return this.powerDown(taskId, 'being shutdown', 'shutdown task successful');
  }

  /** `poweroffTask`; the `stop` endpoint is the same operation. */
  poweroff(taskId: string): TaskResult {
    return this.powerDown(taskId, 'being poweroff', 'poweroff task successful');
  }

  restart(taskId: string, rentOrder: string): TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    const problem = this.checkResources(vm, rentOrder);
    if (problem) return failure(problem);
    return this.transition(vm, 'restarting', () => {
      vm.domain = 'running';
      if (vm.status === 'restarting') vm.status = 'running';
      appendTaskLog(vm, 'info', 'restart task successful');
    });
  }

  reset(taskId: string): TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    if (vm.domain !== 'running') return failure(`task is ${domainStateName(vm.domain)}`);
    return this.transition(vm, 'resetting', () => {
      if (vm.status === 'resetting') vm.status = 'running';
      appendTaskLog(vm, 'info', 'reset task successful');
    });
  }

  delete(taskId: string): TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    return this.transition(vm, 'deleting', () => this.remove(taskId));
  }

  /** `close_task`: destroys the domain at once (rent expiry, machine back online). */
  close(taskId: string): void {
    const vm = this.vms.get(taskId);
    if (!vm || vm.domain === 'shutoff') return;
    vm.domain = 'shutoff';
    vm.status = 'closed';
    appendTaskLog(vm, 'info', 'close task successful');
  }

  /** `delete_task`: removes the VM with its disks and anything queued for it. */
  remove(taskId: string): void {
    const queue = this.queues.get(taskId);
    queue?.cancel?.();
    this.queues.delete(taskId);
    this.vms.delete(taskId);
  }

  passwd(taskId: string, additional: Record<string, unknown>): TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    if (vm.domain !== 'running') return failure('Only the running task can change the password');
    const username = stringField(additional, 'username');
    const password = stringField(additional, 'password');
    if (password === '') return failure('password can not be empty');
    if (username === '') return failure('user name can not be empty');
    vm.loginPassword = password;
    if (vm.loginUser === '' || vm.loginUser === 'N/A') vm.loginUser = username;
    return OK;
  }

  logs(taskId: string, flag: 'head' | 'tail', lines: number): { ok: true; lines: string[] } | TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    return { ok: true, lines: readTaskLog(vm, flag, lines) };
  }

  /**
   * `modifyTask`. Like the node, fields are applied one by one and an error stops the rest
   * without undoing what was already changed.
   */
  modify(taskId: string, wallet: string, additional: Record<string, unknown>): TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    const host = this.host();
    const vms = this.all();
    const orderGpuIndex = this.orders.find(vm.rentOrder, wallet)?.gpuIndex ?? [];
    const wholeMachine = vm.rentOrder === '' || orderGpuIndex.length === host.gpuCount;
    let share = 1;
    if (!wholeMachine) {
      if (orderGpuIndex.length === 0) return failure('gpu rent order is empty');
      share = orderGpuIndex.length / host.gpuCount;
    }
    let needsReboot = false;

    // An absent new_public_ip is "" and still differs from a set one, so it clears it.
    const newPublicIp = stringField(additional, 'new_public_ip');
    if (newPublicIp !== '' && !isIpv4(newPublicIp)) return failure('invalid public ip');
    if (
      newPublicIp !== '' &&
      vms.some((other) => other.taskId !== taskId && other.publicIp === newPublicIp)
    ) {
      return failure('public ip being used');
    }
    if (newPublicIp !== vm.publicIp) {
      appendTaskLog(vm, 'info', `modify task old public ip: ${vm.publicIp}, new public ip: ${newPublicIp}`);
      vm.publicIp = newPublicIp;
    }

    const newSsh = stringField(additional, 'new_ssh_port');
    const newSshPort = atoi(newSsh) & 0xffff;
    if (newSsh !== '') {
      if (newSshPort <= 0) return failure(`new_ssh_port ${newSsh} is invalid! (usage: > 0)`);
      if (vm.publicIp === '' && findPortConflict(vms, newSshPort, taskId)) {
        return failure(`new_ssh_port ${newSsh} has been used!`);
      }
      if (newSshPort !== vm.sshPort) {
        appendTaskLog(vm, 'info', `modify task old ssh port: ${vm.sshPort}, new ssh port: ${newSshPort}`);
        vm.sshPort = newSshPort;
      }
    }

    const newRdp = stringField(additional, 'new_rdp_port');
    const newRdpPort = atoi(newRdp) & 0xffff;
    if (newRdp !== '') {
      if (newRdpPort <= 0) return failure(`new_rdp_port ${newRdp} is invalid! (usage: > 0)`);
      if (vm.publicIp === '' && findPortConflict(vms, newRdpPort, taskId)) {
        return failure(`new_rdp_port ${newRdp} has been used!`);
      }
      if (newRdpPort !== vm.rdpPort) {
        appendTaskLog(vm, 'info', `modify task old rdp port: ${vm.rdpPort}, new rdp port: ${newRdpPort}`);
        vm.rdpPort = newRdpPort;
      }
    }
    if (newSsh !== '' && newRdp !== '' && newSshPort === newRdpPort) {
      return failure('new_ssh_port and new_rdp_port are the same!');
    }

    const newCustomPort = additional.new_custom_port;
    if (Array.isArray(newCustomPort)) {
      vm.customPort = newCustomPort.filter((item): item is string => typeof item === 'string');
      appendTaskLog(vm, 'info', 'modify task custom port');
    }
    const newFilters = additional.new_network_filters;
    if (Array.isArray(newFilters)) {
      vm.networkFilters = newFilters.filter((item): item is string => typeof item === 'string');
      appendTaskLog(vm, 'info', 'modify task network filter');
    }

    const newVnc = stringField(additional, 'new_vnc_port');
    if (newVnc !== '') {
      const newVncPort = atoi(newVnc) & 0xffff;
      if (newVncPort < 5900)
        return failure(`new_vnc_port ${newVnc} is invalid! (usage: 5900 =< port <= 65535)`);
      if (findPortConflict(vms, newVncPort, taskId)) return failure(`new_vnc_port ${newVnc} has been used!`);
      if (newVncPort !== vm.vncPort) {
        appendTaskLog(vm, 'info', `modify task old vnc port: ${vm.vncPort}, new vnc port: ${newVncPort}`);
        vm.vncPort = newVncPort;
        needsReboot = true;
      }
    }

    const newGpuCount = stringField(additional, 'new_gpu_count');
    if (newGpuCount !== '') {
      if (!wholeMachine) return failure('can not modify gpu count');
      const count = atoi(newGpuCount) & 0xffff;
      if (count !== vm.gpuIndex.length) {
        const gpus = allocateGpus(host, vms, count, orderGpuIndex, taskId);
        if (!gpus) return failure('allocate gpu failed');
        appendTaskLog(
          vm,
          'info',
          `modify task new gpu count: ${newGpuCount}, old gpu count ${vm.gpuIndex.length}`,
        );
        vm.gpuIndex = gpus;
        needsReboot = true;
      }
    }

    const newCpuCores = stringField(additional, 'new_cpu_cores');
    if (newCpuCores !== '') {
      if (!wholeMachine) return failure('can not modify cpu cores');
      const cores = atoi(newCpuCores);
      if (cores <= 0 || !canAllocateCpu(host, vms, cores, share, taskId))
        return failure('allocate cpu failed');
      if (cores !== vm.cpuCores) {
        appendTaskLog(vm, 'info', `modify task new cpu cores: ${newCpuCores}`);
        vm.cpuCores = cores;
        needsReboot = true;
      }
    }

    const newMemSize = stringField(additional, 'new_mem_size');
    if (newMemSize !== '') {
      if (!wholeMachine) return failure('can not modify mem size');
      const memGb = atoi(newMemSize);
      if (!canAllocateMemory(host, vms, memGb, share, taskId)) return failure('allocate memory failed');
      if (memGb !== vm.memGb) {
        appendTaskLog(
          vm,
          'info',
          `modify task old mem size: ${vm.memGb * 1024 * 1024}, new mem size: ${newMemSize}`,
        );
        vm.memGb = memGb;
        needsReboot = true;
      }
    }

    appendTaskLog(vm, 'info', 'modify task successful');
    return needsReboot ? { ok: true, message: 'some changes will take effect on the next boot' } : OK;
  }

  /** Drops every VM and pending step (server shutdown). */
  clear(): void {
    for (const taskId of [...this.vms.keys()]) this.remove(taskId);
  }

  private powerDown(taskId: string, status: TaskStatus, logLine: string): TaskResult {
    const vm = this.vms.get(taskId);
    if (!vm) return NOT_EXIST;
    if (vm.domain === 'shutoff') return failure(`task is ${domainStateName(vm.domain)}`);
    return this.transition(vm, status, () => {
      vm.domain = 'shutoff';
      if (vm.status === status) vm.status = 'closed';
      appendTaskLog(vm, 'info', logLine);
    });
  }

  private transition(vm: Vm, status: TaskStatus, complete: () => void): TaskResult {
    vm.status = status;
    this.enqueue(vm, this.timings.vmOpMs, complete);
    return OK;
  }

  /**
   * `check_resource` before a (re)start: follow the renter onto a new order for the same
   * machine when the old one ended, then make sure CPU, GPUs, memory and ports are free.
   */
  private checkResources(vm: Vm, rentOrder: string): string | null {
    this.adoptNewOrder(vm, rentOrder);
    const host = this.host();
    const vms = this.all();
    const others = vms.filter((other) => other.taskId !== vm.taskId);
    const usedCores = others.filter(isRunning).reduce((sum, other) => sum + other.cpuCores, 0);
    if (vm.cpuCores <= 0 || vm.cpuCores > host.cpuCores) return 'check cpu failed';
    if (usedCores + vm.cpuCores > host.cpuCores) return 'cpu count exceeds the maximum';
    const busyGpus = gpusInUse(vms, vm.taskId);
    if (vm.gpuIndex.some((index) => busyGpus.has(index) || index >= host.gpuCount)) return 'check gpu failed';
    if (!isRunning(vm) && vm.memGb > freeMemoryGb(host, vms, vm.taskId)) return 'check memory failed';
    if (vm.os === 'linux' && findPortConflict(vms, vm.sshPort, vm.taskId)) return 'check ssh_port failed';
    if (vm.os === 'windows' && findPortConflict(vms, vm.rdpPort, vm.taskId)) return 'check rdp_port failed';
    if (findPortConflict(vms, vm.vncPort, vm.taskId)) return 'check vnc_port failed';
    if (vm.publicIp !== '' && others.some((other) => other.publicIp === vm.publicIp))
      return 'public ip being used';
    return null;
  }

  // TaskGpuManager::checkXmlGpu: a renter who re-rents the machine keeps its VMs by
  // starting them with the new rent_order; the VM moves onto that order's GPUs.
  private adoptNewOrder(vm: Vm, rentOrder: string): void {
    if (vm.rentOrder === '' || rentOrder === '' || rentOrder === vm.rentOrder) return;
    if (this.orders.check(rentOrder, vm.renter) !== 'renting') return;
    if (this.orders.check(vm.rentOrder, vm.renter) === 'renting') return;
    const next = this.orders.find(rentOrder, vm.renter);
    if (!next) return;
    const previous = this.orders.find(vm.rentOrder, vm.renter);
    const sameGpus = previous !== undefined && previous.gpuIndex.join(',') === next.gpuIndex.join(',');
    if (next.gpuIndex.length > 0 && !sameGpus && vm.gpuIndex.length > 0) vm.gpuIndex = [...next.gpuIndex];
    vm.rentOrder = rentOrder;
    vm.rentEnd = next.rentEnd;
    appendTaskLog(vm, 'info', `rent order update to ${rentOrder}`);
  }

  private enqueue(vm: Vm, delayMs: number, run: () => void): void {
    let queue = this.queues.get(vm.taskId);
    if (!queue) {
      queue = { steps: [], cancel: null };
      this.queues.set(vm.taskId, queue);
    }
    queue.steps.push({ delayMs, run });
    if (queue.steps.length === 1) this.runNext(vm.taskId, queue);
  }

  private runNext(taskId: string, queue: TaskQueue): void {
    const step = queue.steps[0];
    if (!step) {
      queue.cancel = null;
      return;
    }
    queue.cancel = this.scheduler.after(step.delayMs, () => {
      queue.steps.shift();
      if (this.vms.has(taskId)) step.run();
      if (this.queues.get(taskId) === queue) this.runNext(taskId, queue);
    });
  }
}
