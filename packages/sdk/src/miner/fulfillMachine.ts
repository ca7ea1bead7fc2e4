import type { ClientContext } from '../client/context.js';
import type { TxCallOptions } from '../wallet/types.js';
import { machineTx, type MachineTxReturnType } from './internal/machineTx.js';

/** What `fulfillMachine` resolves to. */
export type FulfillMachineReturnType = MachineTxReturnType;

/**
 * Signed by the controller: for a verified machine in `waiting-fulfill`, reserves the rest of its
 * stake (10 % of onlineStakePerGpu × its GPUs) from the stash and brings it online.
 *
 * @example
 * ```ts
 * await controllerClient.miner.fulfill(machineId);
 * ```
 */
export async function fulfillMachine(
  ctx: ClientContext,
  machineId: string,
  options: TxCallOptions = {},
): Promise<FulfillMachineReturnType> {
  return machineTx(ctx, machineId, options, {
    verb: 'fulfill',
    allowed: ['waiting-fulfill'],
    whyNot: (stage) =>
      `it is ${stage}; only a verified machine waiting for stake (waiting-fulfill) can be fulfilled.`,
    build: (lib, call, id) => lib.fulfillMachineTx(call.chain, { machineId: id }),
    check: async (_call, info) => [
      {
        address: info.stash,
        planck: info.initStakePerGpuPlanck * BigInt(info.hardware.gpuNum) - info.stakeAmountPlanck,
        label: 'the rest of the machine stake',
      },
    ],
  });
}
