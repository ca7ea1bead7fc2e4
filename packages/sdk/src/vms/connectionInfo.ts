import { getVm as nodeGetVm } from '../node/tasks.js';
import type { VmConnectionInfo, VmRef } from './types.js';
import type { VmsContext } from './vmsContext.js';

/** Options of `getVmConnectionInfo`. */
export interface GetVmConnectionInfoParameters {
  signal?: AbortSignal;
}
/** What `getVmConnectionInfo` resolves to. */
export type GetVmConnectionInfoReturnType = VmConnectionInfo;

const portIn = (description: string, name: string): number | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}=(\\d{1,5})(?:\\s|$)`).exec(description);
  return m ? Number(m[1]) : undefined;
};

/**
 * How to reach a VM: SSH (with a ready `ssh -p …` command) or RDP, VNC, and Jupyter/TensorBoard
 * URLs when the VM was created with those ports. Holds passwords: show it, never log it.
 *
 * @example
 * ```ts
 * const { ssh, jupyterUrl } = await dbc.vms.connectionInfo(taskId);
 * console.log(ssh?.command); // ssh -p 20022 dbc@1.2.3.4
 * ```
 */
export async function getVmConnectionInfo(v: VmsContext, ref: VmRef, opts: GetVmConnectionInfoParameters = {}): Promise<GetVmConnectionInfoReturnType> {
  const t = await v.vmTarget(ref, opts.signal);
  const d = await nodeGetVm(v.node(), t, t.taskId);
  const host = d.host;
  const info: VmConnectionInfo = { vnc: { host, port: d.vncPort, password: String(d.raw.vnc_password ?? '') } };
  if (d.sshPort !== undefined)
    info.ssh = { host, port: d.sshPort, user: d.user, password: d.password, command: `ssh -p ${d.sshPort} ${d.user}@${host}` };
  if (d.rdpPort !== undefined) info.rdp = { host, port: d.rdpPort, user: d.user, password: d.password };
  const jupyter = portIn(d.description, 'jupyter');
  const tensorboard = portIn(d.description, 'tensorboard');
  if (jupyter) info.jupyterUrl = `http://${host}:${jupyter}`;
  if (tensorboard) info.tensorboardUrl = `http://${host}:${tensorboard}`;
  return info;
}
