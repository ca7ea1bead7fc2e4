/**
 * What a proxied client-node call does, which decides the checks it needs: `list` (the node filters
 * by wallet itself), `create` (a new task the proxy then records), `task` (acts on one VM, whose
 * owner the proxy must check, because the node only checks owners on list and detail), `machine`
 * (about the machine, no VM).
 */
export type NodeCallKind = 'list' | 'create' | 'task' | 'machine';

/** One allow-listed client-node call. */
export interface NodeRoute {
  /** The client-node path under `/api/v1`, e.g. `tasks/stop/abc`. */
  path: string;
  kind: NodeCallKind;
  /** The VM task id, for `task` calls. */
  taskId?: string;
  /** `detail` for `tasks/<id>`, the operation otherwise (`stop`, `logs`, `modify`…). */
  operation?: string;
}

const TASK_OPERATIONS = new Set([
  'start',
  'stop',
  'restart',
  'reset',
  'shutdown',
  'poweroff',
  'delete',
  'logs',
  'passwd',
  'modify',
]);
const TASK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Matches a client-node path against the proxy's allow-list (VM tasks, images, node info and the
 * session id), or returns null. Everything else (disks, snapshots, LANs, monitors, bare metal) is
 * not reachable through the proxy.
 */
export function matchNodeRoute(path: string): NodeRoute | null {
  const segments = path.split('/');
  if (segments.some((s) => s === '')) return null;
  const [head, a, b, ...rest] = segments;
  if (rest.length > 0) return null;
  if (head === 'images' && a === undefined) return { path, kind: 'machine' };
  if (head === 'mining_nodes' && (a === undefined || (a === 'session_id' && b === undefined)))
    return { path, kind: 'machine' };
  if (head !== 'tasks') return null;
  if (a === undefined) return { path, kind: 'list' };
  if (b === undefined) {
    if (a === 'start') return { path, kind: 'create' };
    if (TASK_OPERATIONS.has(a) || !TASK_ID.test(a)) return null;
    return { path, kind: 'task', taskId: a, operation: 'detail' };
  }
  if (!TASK_OPERATIONS.has(a) || !TASK_ID.test(b)) return null;
  return { path, kind: 'task', taskId: b, operation: a };
}
