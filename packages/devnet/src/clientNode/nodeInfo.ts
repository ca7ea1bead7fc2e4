import type { MachineNode } from './machineNode.js';
import { effectiveStatus } from './vm.js';

/** Version the devnet reports; the real node's CORE_VERSION 0x00040108 at AIC 603ac9d. */
export const CLIENT_VERSION = '0.4.1.8';

/** `hide_ip_addr`: the first and third octets are masked, e.g. "*.0.*.1". */
export function hideIpAddress(ip: string): string {
  const octets = ip.split('.');
  let value = '*';
  for (let i = 1; i < octets.length; i++) value += i === 2 ? '.*' : `.${octets[i]}`;
  return value;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(2))}%`;
}

/** `mining_nodes` with `[machineId]`: what `query_node_info` prints, every value a string. */
export function nodeInfo(node: MachineNode): Record<string, unknown> {
  const machine = node.hardware;
  const host = node.host();
  const vms = node.tasks.all();
  const live = vms.filter((vm) => effectiveStatus(vm) !== 'closed');
  const gpuUsed = live.reduce((sum, vm) => sum + vm.gpuIndex.length, 0);
  const runningVms = vms.filter((vm) => vm.domain === 'running');
  const memUsed = runningVms.reduce((sum, vm) => sum + vm.memGb, 0);
  const coresUsed = runningVms.reduce((sum, vm) => sum + vm.cpuCores, 0);
  const dataUsed = vms.reduce((sum, vm) => sum + vm.disks.reduce((disks, disk) => disks + disk.sizeGb, 0), 0);
  const dataFree = Math.max(0, host.dataDiskFreeGb - dataUsed);
  return {
    version: CLIENT_VERSION,
    node_type: '0',
    ip: hideIpAddress(node.options.hostIp),
    os: 'Ubuntu 20.04.6 LTS (Focal Fossa) 5.4.0-150-generic GNU/Linux',
    cpu: {
      type: 'Intel(R) Xeon(R) Gold 6348 CPU @ 2.60GHz',
      hz: '2600MHz',
      cores: String(host.cpuCores),
      used_usage: percent(host.cpuCores > 0 ? coresUsed / host.cpuCores : 0),
      physical_cpus: machine.cpuCores > 32 ? '2' : '1',
    },
    gpu: { gpu_count: String(host.gpuCount), gpu_used: String(gpuUsed) },
    mem: {
      size: `${host.memGb}G`,
      free: `${Math.max(0, host.memGb - memUsed)}G`,
      used_usage: percent(host.memGb > 0 ? memUsed / host.memGb : 0),
    },
    disk_system: { type: 'SSD', size: '350G' },
    disk_data: [
      {
        path: '/data',
        type: 'SSD',
        size: `${machine.diskGb}G`,
        free: `${dataFree}G`,
        used_usage: percent(machine.diskGb > 0 ? (machine.diskGb - dataFree) / machine.diskGb : 0),
      },
    ],
    images: node.options.images.list(),
  };
}
