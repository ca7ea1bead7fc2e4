import type { ClientContext } from '../client/context.js';
import type { TxCallOptions } from '../wallet/types.js';
import { machineTx, type MachineTxReturnType } from './internal/machineTx.js';

/** What `unshelveMachine` resolves to. */
export type UnshelveMachineReturnType = MachineTxReturnType;

/**
 * Signed by the controller: brings a machine taken offline back to the stage it left
 * (controllerReportOnline). The chain reserves the downtime slash from the stash at this point.
 *
 * @example
 * ```ts
 * await controllerClient.miner.unshelve(machineId);
 * ```
 */
export async function unshelveMachine(
  ctx: ClientContext,
  machineId: string,
  options: TxCallOptions = {},
): Promise<UnshelveMachineReturnType> {
  return machineTx(ctx, machineId, options, {
    verb: 'unshelve',
    allowed: ['shelved', 'reported-offline'],
    whyNot: (stage) => `it is ${stage}; only a machine that was taken or reported offline can come back.`,
    build: (lib, call, id) => lib.controllerReportOnlineTx(call.chain, { machineId: id }),
  });
}
