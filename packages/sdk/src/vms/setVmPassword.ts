import { setVmPassword as nodeSetVmPassword } from '../node/tasks.js';
import type { VmRef } from './types.js';
import type { VmsContext } from './vmsContext.js';

/** Options of {@link setVmPassword}. */
export interface SetVmPasswordParameters {
  signal?: AbortSignal;
}

/**
 * Sets the login password of a running VM (needs its guest agent). The password is never logged.
 *
 * @example
 * ```ts
 * await dbc.vms.setPassword(taskId, 'a-long-passphrase');
 * ```
 */
export async function setVmPassword(v: VmsContext, ref: VmRef, password: string, opts: SetVmPasswordParameters = {}): Promise<void> {
  const t = await v.vmTarget(ref, opts.signal);
  await nodeSetVmPassword(v.node(), t, t.taskId, password);
  v.ctx.logger.info('VM password changed', { taskId: t.taskId });
}
