import { getVmLogs as nodeGetVmLogs } from '../node/tasks.js';
import type { VmRef } from './types.js';
import type { VmsContext } from './vmsContext.js';

/** Options of {@link getVmLogs}. */
export interface GetVmLogsParameters {
  /** From the start or the end of the log (default tail). */
  from?: 'head' | 'tail';
  /** Lines, at most 100 (the node's limit). */
  lines?: number;
  signal?: AbortSignal;
}
/** What {@link getVmLogs} resolves to: the log text. */
export type GetVmLogsReturnType = string;

/**
 * A VM's boot and agent log lines, from its node.
 *
 * @example
 * ```ts
 * console.log(await dbc.vms.logs(taskId, { lines: 50 }));
 * ```
 */
export async function getVmLogs(v: VmsContext, ref: VmRef, opts: GetVmLogsParameters = {}): Promise<GetVmLogsReturnType> {
  const t = await v.vmTarget(ref, opts.signal);
  const content: unknown = await nodeGetVmLogs(v.node(), t, t.taskId, { from: opts.from, lines: opts.lines });
  // Some node builds send the lines as an array instead of one string.
  return Array.isArray(content) ? content.join('\n') : String(content ?? '');
}
