import { DbcAbortError, DbcNetworkError, DbcNodeError, DbcTimeoutError, sleep, throwIfAborted } from '@dbc-cloud/chain/errors';
import { getVm as nodeGetVm } from '../node/tasks.js';
import { toVm } from './toVm.js';
import type { Vm, VmProgress, VmRef } from './types.js';
import type { VmsContext } from './vmsContext.js';

/** Options of `waitUntilReady`. */
export interface WaitUntilReadyParameters {
  signal?: AbortSignal;
  /** Give up after this long (default 30 minutes: creating a VM takes minutes on mainnet). */
  timeoutMs?: number;
  /** First delay between polls (default 2 s), growing 1.5× up to `maxPollIntervalMs`. */
  pollIntervalMs?: number;
  /** Longest delay between polls (default 15 s). */
  maxPollIntervalMs?: number;
  /** Called on each status change. */
  onProgress?: (progress: VmProgress) => void;
}
/** What `waitUntilReady` resolves to: the VM, `running`. */
export type WaitUntilReadyReturnType = Vm;


const isFailed = (status: string) => status === 'error' || status.endsWith(' error');

/**
 * Polls a VM until it is `running`, with growing delays. Throws DbcTimeoutError
 * `VM_CREATE_TIMEOUT` (last status in `details.lastStatus`) when it takes longer than `timeoutMs`,
 * and DbcNodeError `VM_CREATE_FAILED` when the node reports an error state.
 *
 * @example
 * ```ts
 * const vm = await dbc.vms.waitUntilReady(taskId, { onProgress: (p) => console.log(p.stage) });
 * ```
 */
export async function waitUntilReady(v: VmsContext, ref: VmRef, opts: WaitUntilReadyParameters = {}): Promise<WaitUntilReadyReturnType> {
  const t = await v.vmTarget(ref, opts.signal);
  const timeoutMs = opts.timeoutMs ?? 30 * 60_000;
  const deadline = Date.now() + timeoutMs;
  let delay = opts.pollIntervalMs ?? 2_000;
  const maxDelay = opts.maxPollIntervalMs ?? 15_000;
  let lastStatus: string | undefined;
  for (;;) {
    throwIfAborted(opts.signal);
    try {
      const vm = toVm(await nodeGetVm(v.node(), { ...t, signal: opts.signal }, t.taskId), t);
      if (vm.status !== lastStatus) {
        lastStatus = vm.status;
        opts.onProgress?.({ stage: vm.status, taskId: t.taskId });
      }
      if (vm.status === 'running') return vm;
      if (isFailed(vm.status))
        throw new DbcNodeError('VM_CREATE_FAILED', `VM ${t.taskId} failed on its machine (status "${vm.status}"); see vms.logs for why.`, {
          details: { taskId: t.taskId, machineId: t.machineId, lastStatus: vm.status },
        });
    } catch (e) {
      // A node that is briefly unreachable does not end the wait; the deadline does.
      if (!(e instanceof DbcNetworkError) && !(e instanceof DbcTimeoutError && e.code === 'NODE_REQUEST_TIMEOUT')) throw e;
    }
    const left = deadline - Date.now();
    if (left <= 0)
      throw new DbcTimeoutError('VM_CREATE_TIMEOUT', `VM ${t.taskId} was not running after ${Math.round(timeoutMs / 1000)} s (last status: ${lastStatus ?? 'unknown'}).`, {
        details: { taskId: t.taskId, machineId: t.machineId, lastStatus, timeoutMs },
        metaMessages: ['Creating a VM can take 5–15 minutes on real machines; wait again with a longer timeoutMs, or check vms.logs.'],
      });
    await sleep(Math.min(delay, left), opts.signal, 'Stopped waiting for the VM.');
    delay = Math.min(maxDelay, delay * 1.5);
  }
}
