import type { Vm } from './vm.js';

export type LogLevel = 'info' | 'warning' | 'error';

/** `MAX_LOG_CONTENT_SIZE`: the node stops adding lines once the reply would exceed 8 KiB. */
const MAX_LOG_CONTENT_BYTES = 8 * 1024;

function timestamp(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds() * 1000, 6)}`
  );
}

/** Appends a line in the format of the node's per-task boost.log sink. */
export function appendTaskLog(vm: Vm, level: LogLevel, message: string, at = Date.now()): void {
  vm.logs.push(`${timestamp(at)} | ${vm.taskId} | ${level.padEnd(7)} | ${message}`);
}

/** The lines VmClient::CreateDomain and TaskManager log while a VM is defined and booted. */
export function logDomainCreation(vm: Vm, gpuPciAddresses: string[], uuid: string, at = Date.now()): void {
  const threads = vm.cpuCores % 2 === 0 ? 2 : 1;
  if (vm.rentOrder !== '') appendTaskLog(vm, 'info', `rent order: ${vm.rentOrder}`, at);
  appendTaskLog(vm, 'info', `vga_pci: ${gpuPciAddresses.map((pci) => `${pci}|`).join('')}`, at);
  appendTaskLog(
    vm,
    'info',
    `vcpus: ${vm.cpuCores}, sockets: 1, cores: ${vm.cpuCores / threads}, threads: ${threads}`,
    at,
  );
  appendTaskLog(vm, 'info', `mem: ${vm.memGb * 1024 * 1024}KB`, at);
  appendTaskLog(vm, 'info', `uuid: ${uuid}`, at);
  appendTaskLog(vm, 'info', `bios mode: ${vm.biosMode}, operation system: ${vm.operationSystem}`, at);
  const vda = vm.disks.find((disk) => disk.name === 'vda');
  const vdb = vm.disks.find((disk) => disk.name === 'vdb');
  if (vda) {
    const command = `qemu-img create -f qcow2 -F qcow2 -b /data/${vm.imageName} ${vda.sourceFile}`;
    appendTaskLog(
      vm,
      'info',
      `create vm, cmd: ${command}, result: Formatting '${vda.sourceFile}', fmt=qcow2 cluster_size=65536 ` +
        `extended_l2=off compression_type=zlib size=${vda.sizeGb * 1024 ** 3} ` +
        `backing_file=/data/${vm.imageName} backing_fmt=qcow2 lazy_refcounts=off refcount_bits=16`,
      at,
    );
  }
  if (vdb) {
    const command = `qemu-img create -f qcow2 ${vdb.sourceFile} ${vdb.sizeGb}G`;
    appendTaskLog(
      vm,
      'info',
      `create data: ${command}, result: Formatting '${vdb.sourceFile}', fmt=qcow2 cluster_size=65536 ` +
        `extended_l2=off compression_type=zlib size=${vdb.sizeGb * 1024 ** 3} lazy_refcounts=off refcount_bits=16`,
      at,
    );
  }
  for (const address of vm.multicast) appendTaskLog(vm, 'info', `add multicast address: ${address}`, at);
  appendTaskLog(vm, 'info', `vnc port: ${vm.vncPort}, password: ${vm.vncPassword}`, at);
}

/** GetDomainLog: the first or last `lines` lines, capped at 8 KiB. */
export function readTaskLog(vm: Vm, flag: 'head' | 'tail', lines: number): string[] {
  const selected =
    flag === 'head' ? vm.logs.slice(0, lines) : vm.logs.slice(Math.max(0, vm.logs.length - lines));
  const out: string[] = [];
  let size = 0;
  for (const line of selected) {
    if (size + line.length >= MAX_LOG_CONTENT_BYTES) break;
    out.push(line);
    size += line.length + 3;
  }
  return out;
}
