import type { RewardDestination } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf, toAmountPlanck, type AmountInput } from '../wallet/internal/amounts.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from '../wallet/types.js';
import { startStakingCall } from './internal/stakingCall.js';

/** Where staking rewards go: added to the bond (`staked`), paid to the stash, to another account, or nowhere. */
export type RewardPayee = 'staked' | 'stash' | 'none' | { account: string };

/** Parameters of `bond`. */
export interface BondParameters extends AmountInput {
  /** Default `staked` (rewards compound). */
  payee?: RewardPayee;
}

/** What `bond` resolves to. */
export interface BondReturnType extends TxReceipt {
  stash: string;
  bonded: Amount;
}

const PAYEES = ['staked', 'stash', 'none'];

/**
 * Bonds (locks) DBC of the signer for staking: the first step to run a super node (`validate`)
 * or back one (`nominate`). Bonded DBC stays in the account but cannot be sent; getting it back
 * takes `unbond` and 14 eras (days).
 *
 * @example
 * ```ts
 * await client.superNodes.bond({ amountDbc: '20000', payee: 'staked' });
 * ```
 */
export async function bond(
  ctx: ClientContext,
  params: BondParameters,
  options: TxCallOptions = {},
): Promise<BondReturnType> {
  const signer = ctx.signer('bond DBC');
  let amountPlanck = 0n;
  let payee: RewardDestination = 'staked';
  const call = await startStakingCall(ctx, 'bond', options, (lib) => {
    amountPlanck = toAmountPlanck(lib, params, 'the bond');
    const p = params.payee ?? 'staked';
    if (typeof p === 'string' ? !PAYEES.includes(p) : !(p && typeof p === 'object' && 'account' in p)) {
      throw new DbcInputError(
        'INVALID_PAYEE',
        `payee must be "staked", "stash", "none" or { account }; got ${JSON.stringify(p)}.`,
      );
    }
    payee =
      typeof p === 'string' ? (p as RewardDestination) : { account: lib.toDbcAddress(String(p.account)) };
  });
  const { lib, chain, deadline } = call;
  const existing = await lib.getStakingLedger(chain, { controller: signer.address }, deadline.read());
  if (existing) {
    throw new DbcInputError(
      'ALREADY_BONDED',
      `${signer.address} has already bonded ${lib.formatDbc(existing.totalPlanck, { symbol: true })}; add to it with superNodes.bondExtra.`,
      {
        details: { address: signer.address },
      },
    );
  }
  const bonded = amountOf(lib, amountPlanck);
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.bondTx(chain, { valuePlanck: amountPlanck, payee }),
    deadline,
    options,
    what: `bond ${bonded.dbc} DBC`,
    needs: [{ address: signer.address, planck: amountPlanck, label: `${bonded.dbc} DBC to bond` }],
  });
  return { ...receipt, stash: signer.address, bonded };
}
