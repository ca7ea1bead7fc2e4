import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from '../wallet/types.js';
import { HISTORY_DEPTH_ERAS, startStakingCall } from './internal/stakingCall.js';

/** Parameters of `payout`. */
export interface PayoutParameters {
  /** The super node's stash. */
  validator: string;
  /** An ended staking era within the last 84. */
  era: number;
}

/** What `payout` resolves to. */
export interface PayoutReturnType extends TxReceipt {
  /** Each account paid: the super node and its nominators. */
  rewarded: Array<{ stash: string; amount: Amount }>;
}

/**
 * Pays a super node and its nominators their rewards for one ended era. Anyone may sign it (the
 * signer pays the fee). Refused before sending if the era has not ended, is older than 84 eras,
 * the node was not elected then, or the era was already paid.
 *
 * @example
 * ```ts
 * for (const p of (await client.superNodes.pendingRewards(me)).eras) await client.superNodes.payout(p);
 * ```
 */
export async function payout(
  ctx: ClientContext,
  params: PayoutParameters,
  options: TxCallOptions = {},
): Promise<PayoutReturnType> {
  const signer = ctx.signer('pay out staking rewards');
  let validator = '';
  const era = params?.era;
  const call = await startStakingCall(ctx, 'pay out', options, (lib) => {
    validator = lib.toDbcAddress(String(params?.validator ?? ''));
    if (typeof era !== 'number' || !Number.isSafeInteger(era) || era < 0) {
      throw new DbcInputError('INVALID_ERA', `era must be a whole number ≥ 0; got ${String(era)}.`, {
        details: { era: String(era) },
      });
    }
  });
  const { lib, chain, deadline } = call;
  const [active, exposure, ledger] = await Promise.all([
    lib.getActiveEra(chain, deadline.read()),
    lib.getErasStakers(chain, { era, validator }, deadline.read()),
    lib.getStakingLedger(chain, { controller: validator }, deadline.read()),
  ]);
  const now = active?.index ?? 0;
  if (era >= now) {
    throw new DbcInputError(
      'ERA_NOT_ENDED',
      `Era ${era} has not ended (the active era is ${now}); rewards are paid for ended eras.`,
      { details: { era, activeEra: now } },
    );
  }
  if (era < now - HISTORY_DEPTH_ERAS) {
    throw new DbcInputError(
      'ERA_TOO_OLD',
      `Era ${era} is more than ${HISTORY_DEPTH_ERAS} eras ago; its rewards can no longer be paid.`,
      { details: { era, activeEra: now } },
    );
  }
  if (exposure.totalPlanck === 0n || !ledger) {
    throw new DbcInputError(
      'NOT_ELECTED',
      `${validator} was not an elected super node in era ${era}, so there is nothing to pay.`,
      { details: { validator, era } },
    );
  }
  if (ledger.claimedRewards.includes(era)) {
    throw new DbcInputError('ALREADY_PAID', `Era ${era} of ${validator} has already been paid out.`, {
      details: { validator, era },
    });
  }
  const { receipt, result } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.payoutStakersTx(chain, { validator, era }),
    deadline,
    options,
    what: `pay out era ${era} of ${validator}`,
  });
  const rewarded = lib.findEvents(result, 'staking.Rewarded').map((e) => ({
    stash: lib.toDbcAddress(e.event.data[0]!.toString()),
    // Rewarded(stash, amount) before polkadot-v1.0, Rewarded(stash, dest, amount) after.
    amount: amountOf(lib, BigInt(e.event.data[e.event.data.length - 1]!.toString())),
  }));
  return { ...receipt, rewarded };
}
