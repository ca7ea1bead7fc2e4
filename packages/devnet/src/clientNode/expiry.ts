import type { MachineNode } from './machineNode.js';
import { appendTaskLog } from './taskLogs.js';

/** A VM survives its rental shut down for 3 days of 6 s blocks, then it is deleted. */
export const DELETE_AFTER_BLOCKS = 3 * 14_400;

/**
 * The node's prune loop (TaskManager::prune_task_thread_func), run on every block instead
 * of every 15 minutes: VMs of ended orders are shut down, and deleted with their disks
 * 43,200 blocks after the rental ended. While the machine is back online nobody rents it,
 * so every VM is shut down.
 */
export async function pruneExpiredTasks(node: MachineNode, blockNumber: number): Promise<void> {
  if (node.tasks.all().length === 0) return;
  const machineStatus = await node.status();
  if (machineStatus === 'unknown') return;
  await node.orders.refreshAll();

  for (const vm of node.tasks.all()) {
    const order = node.orders.find(vm.rentOrder, vm.renter);
    if (order && order.rentStatus !== 'rentExpired') vm.rentEnd = order.rentEnd;
    const orderGone = !order || order.rentStatus === 'rentExpired';

    if (blockNumber >= vm.rentEnd + DELETE_AFTER_BLOCKS) {
      node.tasks.remove(vm.taskId);
      continue;
    }
    const ended = orderGone || vm.rentEnd <= blockNumber;
    if ((ended || machineStatus === 'online' || machineStatus === 'verifying') && vm.domain === 'running') {
      appendTaskLog(
        vm,
        'info',
        `stop task and machine status:${machineStatus}, order id:${vm.rentOrder}, ` +
          `cur block:${blockNumber}, task rent end:${vm.rentEnd}`,
      );
      node.tasks.close(vm.taskId);
    }
  }
}
