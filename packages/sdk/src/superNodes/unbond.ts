import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf, toAmountPlanck, type AmountInput } from '../wallet/internal/amounts.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from '../wallet/types.js';
import { BONDING_DURATION_ERAS, requireLedger, startStakingCall } from './internal/stakingCall.js';

/** Unbonding requests one ledger can have pending (MaxUnlockingChunks). */
const MAX_UNLOCKING_CHUNKS = 32;

/** Parameters of `unbond`. */
export type UnbondParameters = AmountInput;

/** What `unbond` resolves to. */
export interface UnbondReturnType extends TxReceipt {
  unbonded: Amount;
  /** The staking era from which `withdraw` releases it (14 eras, about 14 days, from now). */
  withdrawableFromEra: number;
}

/**
 * Schedules part of the bond for release: it stops earning at once and can be withdrawn after
 * 14 eras (about 14 days). A super node or nominator must keep the minimum bond, or chill first.
 *
 * @example
 * ```ts
 * const { withdrawableFromEra } = await client.superNodes.unbond({ amountDbc: '400' });
 * ```
 */
export async function unbond(
  ctx: ClientContext,
  params: UnbondParameters,
  options: TxCallOptions = {},
): Promise<UnbondReturnType> {
  const signer = ctx.signer('unbond DBC');
  let amountPlanck = 0n;
  const call = await startStakingCall(ctx, 'unbond', options, (lib) => {
    amountPlanck = toAmountPlanck(lib, params, 'the amount to unbond');
  });
  const { lib, chain, deadline } = call;
  const fmt = (v: bigint) => lib.formatDbc(v, { symbol: true });
  const [ledger, minimums, validators, nominations, active] = await Promise.all([
    requireLedger(call, signer, 'unbond'),
    lib.getStakingMinimums(chain, deadline.read()),
    lib.getValidators(chain, deadline.read()),
    lib.getNominations(chain, { stash: signer.address }, deadline.read()),
    lib.getActiveEra(chain, deadline.read()),
  ]);
  if (amountPlanck > ledger.activePlanck) {
    throw new DbcInputError(
      'UNBOND_TOO_MUCH',
      `Only ${fmt(ledger.activePlanck)} is bonded and active; you asked to unbond ${fmt(amountPlanck)}.`,
      {
        details: { activePlanck: ledger.activePlanck.toString(), amountPlanck: amountPlanck.toString() },
      },
    );
  }
  if (ledger.unlocking.length >= MAX_UNLOCKING_CHUNKS) {
    throw new DbcInputError(
      'TOO_MANY_UNLOCKING',
      `${MAX_UNLOCKING_CHUNKS} unbonding requests are already pending; withdraw the unlocked ones first.`,
    );
  }
  const left = ledger.activePlanck - amountPlanck;
  const role = validators.some((v) => v.stash === signer.address)
    ? 'validator'
    : nominations
      ? 'nominator'
      : null;
  const min =
    role === 'validator'
      ? minimums.minValidatorBondPlanck
      : role === 'nominator'
        ? minimums.minNominatorBondPlanck
        : 0n;
  if (role && left > 0n && left < min) {
    throw new DbcInputError(
      'INSUFFICIENT_BOND',
      `A ${role} must keep at least ${fmt(min)} bonded; unbonding ${fmt(amountPlanck)} would leave ${fmt(left)}. Unbond less, or chill first.`,
      { details: { leftPlanck: left.toString(), minPlanck: min.toString() } },
    );
  }
  const unbonded = amountOf(lib, amountPlanck);
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.unbondTx(chain, { amountPlanck }),
    deadline,
    options,
    what: `unbond ${unbonded.dbc} DBC`,
  });
  const after = await lib.getStakingLedger(chain, { controller: signer.address }, deadline.read());
  const lastChunk = after?.unlocking[after.unlocking.length - 1];
  return {
    ...receipt,
    unbonded,
    withdrawableFromEra: lastChunk?.era ?? (active?.index ?? 0) + BONDING_DURATION_ERAS,
  };
}
