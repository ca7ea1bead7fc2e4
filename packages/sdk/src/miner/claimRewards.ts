import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireController, startMinerCall } from './internal/minerCall.js';

/** What `claimRewards` resolves to. */
export interface ClaimRewardsReturnType extends TxReceipt {
  stash: string;
  /** Paid to the stash (part of it may be re-reserved at once as stake, up to the cap). */
  claimed: Amount;
}

/**
 * Signed by the controller: pays the stash the machine rewards released so far. Rewards release
 * 25 % at once and 1/200 a day afterwards, so there is usually something new to claim each day.
 *
 * @example
 * ```ts
 * const { claimed } = await controllerClient.miner.claimRewards();
 * ```
 */
export async function claimRewards(
  ctx: ClientContext,
  options: TxCallOptions = {},
): Promise<ClaimRewardsReturnType> {
  const signer = ctx.signer('claim rewards (sign with the controller)');
  const call = await startMinerCall(ctx, 'claim the rewards', options);
  const { lib, chain, deadline } = call;
  const stash = await requireController(call, signer);
  const { canClaimRewardPlanck } = await lib.getStashMachines(chain, { stash }, deadline.read());
  if (canClaimRewardPlanck === 0n) {
    throw new DbcInputError(
      'NOTHING_TO_CLAIM',
      `Stash ${stash} has no released rewards to claim yet; rewards release daily while machines are online.`,
      {
        details: { stash },
      },
    );
  }
  const { receipt, result } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.claimRewardsTx(chain),
    deadline,
    options,
    what: 'claim the rewards',
  });
  const event = lib.findEvents(result, 'onlineProfile.ClaimReward')[0];
  const claimed = event ? BigInt(event.event.data[1]!.toString()) : canClaimRewardPlanck;
  return { ...receipt, stash, claimed: amountOf(lib, claimed) };
}
