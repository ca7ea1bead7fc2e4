import type { ClientContext } from '../client/context.js';
import { amountOf, toAmountPlanck, type AmountInput } from '../wallet/internal/amounts.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireLedger, startStakingCall } from './internal/stakingCall.js';

/** Parameters of `bondExtra`. */
export type BondExtraParameters = AmountInput;

/** What `bondExtra` resolves to. */
export interface BondExtraReturnType extends TxReceipt {
  added: Amount;
  /** The active bond afterwards. */
  active: Amount;
}

/**
 * Adds free DBC of the signer to its existing bond.
 *
 * @example
 * ```ts
 * await client.superNodes.bondExtra({ amountDbc: '5000' });
 * ```
 */
export async function bondExtra(
  ctx: ClientContext,
  params: BondExtraParameters,
  options: TxCallOptions = {},
): Promise<BondExtraReturnType> {
  const signer = ctx.signer('bond more DBC');
  let amountPlanck = 0n;
  const call = await startStakingCall(ctx, 'bond extra', options, (lib) => {
    amountPlanck = toAmountPlanck(lib, params, 'the extra bond');
  });
  const { lib, chain, deadline } = call;
  await requireLedger(call, signer, 'bond extra');
  const added = amountOf(lib, amountPlanck);
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.bondExtraTx(chain, { amountPlanck }),
    deadline,
    options,
    what: `bond ${added.dbc} DBC more`,
    needs: [{ address: signer.address, planck: amountPlanck, label: `${added.dbc} DBC to bond` }],
  });
  const after = await lib.getStakingLedger(chain, { controller: signer.address }, deadline.read());
  return { ...receipt, added, active: amountOf(lib, after?.activePlanck ?? 0n) };
}
