import type { ClientContext } from '../client/context.js';
import type { TxCallOptions } from '../wallet/types.js';
import { machineTx, type MachineTxReturnType } from './internal/machineTx.js';

/** What `shelveMachine` resolves to. */
export type ShelveMachineReturnType = MachineTxReturnType;

/**
 * Signed by the controller: takes an online or rented machine offline for maintenance
 * (controllerReportOffline). Renters lose it meanwhile; bringing it back with `unshelve` reserves
 * a slash that grows with the downtime (up to 50 % of the stake when rented, 80 % when online).
 *
 * @example
 * ```ts
 * await controllerClient.miner.shelve(machineId);
 * ```
 */
export async function shelveMachine(
  ctx: ClientContext,
  machineId: string,
  options: TxCallOptions = {},
): Promise<ShelveMachineReturnType> {
  return machineTx(ctx, machineId, options, {
    verb: 'shelve',
    allowed: ['online', 'rented'],
    whyNot: (stage) => `it is ${stage}; only an online or rented machine can be taken offline.`,
    build: (lib, call, id) => lib.controllerReportOfflineTx(call.chain, { machineId: id }),
  });
}
