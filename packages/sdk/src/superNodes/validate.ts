import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireLedger, startStakingCall } from './internal/stakingCall.js';

/** Parameters of `validate`. */
export interface ValidateParameters {
  /** Share of each era's payout the node keeps, in percent: 0–100, up to 7 decimals (the chain stores parts per billion). */
  commissionPercent: number;
  /** Refuse new nominations (default false). */
  blocked?: boolean;
}

/** What `validate` resolves to. */
export interface ValidateReturnType extends TxReceipt {
  stash: string;
  commissionPercent: number;
}

/**
 * Declares the signer's bonded stash a super node (validator candidate) with its commission.
 * The bond must reach the chain's minimum validator bond (checked before sending). It is
 * elected, and earns, from a later era.
 *
 * @example
 * ```ts
 * await client.superNodes.validate({ commissionPercent: 5 });
 * ```
 */
export async function validate(
  ctx: ClientContext,
  params: ValidateParameters,
  options: TxCallOptions = {},
): Promise<ValidateReturnType> {
  const signer = ctx.signer('run a super node');
  const percent = params?.commissionPercent;
  const call = await startStakingCall(ctx, 'validate', options, () => {
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw new DbcInputError(
        'INVALID_COMMISSION',
        `commissionPercent must be a number from 0 to 100; got ${String(percent)}.`,
        {
          details: { commissionPercent: String(percent) },
        },
      );
    }
    if (params.blocked !== undefined && typeof params.blocked !== 'boolean') {
      throw new DbcInputError(
        'INVALID_BOOLEAN',
        `blocked must be true or false; got ${String(params.blocked)}.`,
      );
    }
  });
  const { lib, chain, deadline } = call;
  const [ledger, minimums] = await Promise.all([
    requireLedger(call, signer, 'validate'),
    lib.getStakingMinimums(chain, deadline.read()),
  ]);
  if (ledger.activePlanck < minimums.minValidatorBondPlanck) {
    const fmt = (v: bigint) => lib.formatDbc(v, { symbol: true });
    throw new DbcInputError(
      'INSUFFICIENT_BOND',
      `A super node needs at least ${fmt(minimums.minValidatorBondPlanck)} bonded; ${signer.address} has ${fmt(ledger.activePlanck)}. Bond more with superNodes.bondExtra.`,
      {
        details: {
          activePlanck: ledger.activePlanck.toString(),
          minPlanck: minimums.minValidatorBondPlanck.toString(),
        },
      },
    );
  }
  const commissionPerbill = Math.round(percent * 10_000_000);
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.validateTx(chain, { commissionPerbill, blocked: params.blocked ?? false }),
    deadline,
    options,
    what: `run a super node at ${percent} % commission`,
  });
  return { ...receipt, stash: signer.address, commissionPercent: commissionPerbill / 10_000_000 };
}
