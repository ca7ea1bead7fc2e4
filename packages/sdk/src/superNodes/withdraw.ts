import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from '../wallet/types.js';
import { DAYS_PER_ERA, requireLedger, startStakingCall } from './internal/stakingCall.js';

/** What `withdraw` resolves to. */
export interface WithdrawReturnType extends TxReceipt {
  /** Unlocked and transferable again. */
  withdrawn: Amount;
  /** Still unbonding, with the era each part unlocks in. */
  stillUnlocking: Array<{ amount: Amount; era: number }>;
}

/**
 * Releases unbonded DBC whose 14 eras have passed. Refused before sending when nothing has
 * unlocked yet, with when the next part does.
 *
 * @example
 * ```ts
 * const { withdrawn } = await client.superNodes.withdraw();
 * ```
 */
export async function withdraw(ctx: ClientContext, options: TxCallOptions = {}): Promise<WithdrawReturnType> {
  const signer = ctx.signer('withdraw unbonded DBC');
  const call = await startStakingCall(ctx, 'withdraw', options);
  const { lib, chain, deadline } = call;
  const [ledger, current] = await Promise.all([
    requireLedger(call, signer, 'withdraw'),
    lib.getCurrentEra(chain, deadline.read()),
  ]);
  const era = current ?? 0;
  const ready = ledger.unlocking.filter((c) => c.era <= era);
  if (ready.length === 0) {
    const next = [...ledger.unlocking].sort((a, b) => a.era - b.era)[0];
    throw new DbcInputError(
      'NOTHING_TO_WITHDRAW',
      next
        ? `Nothing has unlocked yet: ${lib.formatDbc(next.valuePlanck, { symbol: true })} unlocks at era ${next.era}, in about ${(next.era - era) * DAYS_PER_ERA} day(s). Unbonded DBC waits 14 eras.`
        : `${signer.address} has nothing unbonding; unbond first with superNodes.unbond.`,
      {
        details: {
          currentEra: era,
          unlocking: ledger.unlocking.map((c) => ({ era: c.era, valuePlanck: c.valuePlanck.toString() })),
        },
      },
    );
  }
  // Slashing spans matter only for a slashed stash; DBC's devnet and most stashes have none.
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.withdrawUnbondedTx(chain),
    deadline,
    options,
    what: 'withdraw unbonded DBC',
  });
  const after = await lib.getStakingLedger(chain, { controller: signer.address }, deadline.read());
  const withdrawn = ledger.totalPlanck - (after?.totalPlanck ?? 0n);
  return {
    ...receipt,
    withdrawn: amountOf(lib, withdrawn),
    stillUnlocking: (after?.unlocking ?? []).map((c) => ({
      amount: amountOf(lib, c.valuePlanck),
      era: c.era,
    })),
  };
}
