import { effectiveStatus, formatLocalTime, type Vm } from './vm.js';

/** One row of `tasks` (and the `tasks/start` reply, whose status is always "creating"). */
export interface TaskSummary {
  task_id: string;
  create_time: string;
  desc: string;
  status: string;
}

export function taskSummary(vm: Vm): TaskSummary {
  return {
    task_id: vm.taskId,
    create_time: formatLocalTime(vm.createdAt),
    desc: vm.desc,
    status: effectiveStatus(vm),
  };
}

/**
 * `tasks/<id>` as node_request_service `task_list` prints it: ports and sizes are strings,
 * `cpu_cores` and `gpu_count` are numbers, and Linux and Windows VMs differ in the port key.
 */
export function taskDetail(vm: Vm, hostIp: string): Record<string, unknown> {
  const detail: Record<string, unknown> = {
    task_id: vm.taskId,
    os: vm.operationSystem,
    ssh_ip: vm.publicIp === '' ? hostIp : vm.publicIp,
  };
  if (vm.os === 'windows') detail.rdp_port = String(vm.rdpPort);
  else detail.ssh_port = String(vm.sshPort);
  detail.user_name = vm.loginUser === '' ? (vm.os === 'windows' ? 'Administrator' : 'dbc') : vm.loginUser;
  detail.login_password = vm.loginPassword;
  detail.cpu_cores = vm.cpuCores;
  detail.gpu_count = vm.gpuIndex.length;
  detail.mem_size = `${vm.memGb}G`;
  detail.disk_system = '350G';
  detail.vnc_port = String(vm.vncPort);
  detail.vnc_password = vm.vncPassword;
  if (vm.networkName !== '') detail.network_name = vm.networkName;
  detail.create_time = formatLocalTime(vm.createdAt);
  detail.desc = vm.desc;
  detail.status = effectiveStatus(vm);
  if (vm.rentOrder !== '') detail.rent_order = vm.rentOrder;
  if (vm.disks.length > 0) {
    detail.disks = vm.disks.map((disk) => ({
      name: disk.name,
      size: `${disk.sizeGb}G`,
      source_file: disk.sourceFile,
    }));
  }
  if (vm.networkFilters.length > 0) detail.network_filters = [...vm.networkFilters];
  // Read from the domain XML: the libvirt network the NIC is attached to, its model and MAC.
  detail.interface = [{ name: 'default', type: vm.interfaceModel, mac_address: vm.macAddress }];
  return detail;
}
