/**
 * What a GPU node answers once the client node has relayed a request to it
 * (node_request_service.cpp). Every answer is `{errcode, message}` relayed with HTTP 200.
 */
import type { Authority } from './auth.js';
import { parseCreateParams } from './createTaskParams.js';
import { type ClientRequest, ErrCode, type NodeReply, nodeError, nodeOk } from './envelope.js';
import type { MachineNode } from './machineNode.js';
import { nodeInfo } from './nodeInfo.js';
import type { TaskResult } from './taskManager.js';
import { taskDetail, taskSummary } from './taskViews.js';

export type TaskOperation = 'start' | 'shutdown' | 'poweroff' | 'stop' | 'restart' | 'reset' | 'delete';

function authorityError(authority: Extract<Authority, { ok: false }>): NodeReply {
  return nodeError(ErrCode.authority, `check authority failed: ${authority.reason}`);
}

function taskReply(result: TaskResult): NodeReply {
  return result.ok ? nodeOk(result.message) : nodeError(ErrCode.taskError, result.message);
}

/** `tasks` (the caller's VMs) or `tasks/<id>` (one of them, in detail). */
export async function listTasks(
  node: MachineNode,
  request: ClientRequest,
  taskId: string,
): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);
  if (taskId === '') return nodeOk(node.tasks.ownedBy(authority.wallet).map(taskSummary));
  const vm = node.tasks.get(taskId);
  if (!vm || vm.renter !== authority.wallet) return nodeError(ErrCode.authority, 'task_id not exist');
  return nodeOk(taskDetail(vm, node.options.hostIp));
}

/** `tasks/start`: validates the `additional` fields and defines the VM. */
export async function createTask(node: MachineNode, request: ClientRequest): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);

  // checkRunningTasksRentStatus: creating a VM first stops VMs whose rental is over.
  for (const vm of node.tasks.all()) {
    if (vm.domain === 'running' && node.orders.check(vm.rentOrder, vm.renter) !== 'renting') {
      node.tasks.close(vm.taskId);
    }
  }

  const order = node.orders.find(request.rentOrder, authority.wallet);
  const parsed = parseCreateParams(request.additional, {
    rentOrder: request.rentOrder,
    order,
    host: node.host(),
    vms: node.tasks.all(),
    images: node.options.images,
  });
  if (!parsed.ok) return nodeError(ErrCode.taskError, parsed.message);
  const vm = node.tasks.create(parsed.params, authority.wallet, request.rentOrder, order?.rentEnd ?? 0);
  return nodeOk({ ...taskSummary(vm), status: 'creating' });
}

/**
 * `tasks/<op>/<id>`. Like the node, these only need an active renter: the task does not
 * have to belong to the caller.
 */
export async function operateTask(
  node: MachineNode,
  request: ClientRequest,
  operation: TaskOperation,
  taskId: string,
): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);
  const tasks = node.tasks;
  switch (operation) {
    case 'start':
      return taskReply(tasks.start(taskId, request.rentOrder));
    case 'shutdown':
      return taskReply(tasks.shutdown(taskId));
    case 'poweroff':
    case 'stop':
      return taskReply(tasks.poweroff(taskId));
    case 'restart':
      return taskReply(tasks.restart(taskId, request.rentOrder));
    case 'reset':
      return taskReply(tasks.reset(taskId));
    case 'delete':
      return taskReply(tasks.delete(taskId));
  }
}

export async function taskLogs(
  node: MachineNode,
  request: ClientRequest,
  taskId: string,
  flag: 'head' | 'tail',
  lines: number,
): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);
  const result = node.tasks.logs(taskId, flag, lines);
  if ('lines' in result) return nodeOk({ task_id: taskId, log_content: result.lines });
  return taskReply(result);
}

/** `tasks/modify/<id>`: errcode 0 says "ok" or that a change waits for the next boot. */
export async function modifyTask(
  node: MachineNode,
  request: ClientRequest,
  taskId: string,
): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);
  return taskReply(node.tasks.modify(taskId, authority.wallet, request.additional));
}

/** `tasks/passwd/<id>` with `{username, password}`. */
export async function changeTaskPassword(
  node: MachineNode,
  request: ClientRequest,
  taskId: string,
): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);
  return taskReply(node.tasks.passwd(taskId, request.additional));
}

/** `mining_nodes/session_id`: only a wallet-signed renter gets its session id. */
export async function sessionId(node: MachineNode, request: ClientRequest): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);
  if (authority.role !== 'wallet') return nodeError(ErrCode.authority, 'check authority failed');
  const id = node.sessions.sessionIdOf(authority.wallet);
  return id ? nodeOk({ session_id: id }) : nodeError(ErrCode.authority, 'no session id');
}

/** `mining_nodes/free_memory`: drops the host's page cache; nothing to do here. */
export async function freeMemory(node: MachineNode, request: ClientRequest): Promise<NodeReply> {
  const authority = await node.authorize(request);
  if (!authority.ok) return authorityError(authority);
  return nodeOk();
}

/** `images` with `[machineId]`: the authority check only selects whose private images show. */
export async function listNodeImages(node: MachineNode, request: ClientRequest): Promise<NodeReply> {
  await node.authorize(request);
  return nodeOk(node.options.images.listFromNode());
}

export async function queryNodeInfo(node: MachineNode): Promise<NodeReply> {
  await node.status();
  return nodeOk(nodeInfo(node));
}

/** `rent_orders[/<id>]`: every order the node has cached; the id in the path is ignored. */
export async function listRentOrders(node: MachineNode): Promise<NodeReply> {
  await node.orders.refreshAll();
  return nodeOk({
    rent_orders: node.orders.list().map((order) => ({
      id: order.id,
      renter: order.renter,
      rent_end: String(order.rentEnd),
      rent_status: order.rentStatus,
      gpu_nums: String(order.gpuNum),
      gpu_index: [...order.gpuIndex],
    })),
  });
}
