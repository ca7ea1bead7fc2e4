import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireLedger, startStakingCall } from './internal/stakingCall.js';
import { MAX_NOMINATIONS } from './limits.js';

/** What `nominate` resolves to. */
export interface NominateReturnType extends TxReceipt {
  targets: string[];
}

/**
 * Backs 1–16 super nodes with the signer's bond (replacing earlier nominations). Each target must
 * be a super node that accepts nominations, and the bond must reach the minimum nominator bond;
 * both are checked before sending.
 *
 * @example
 * ```ts
 * await client.superNodes.nominate([nodeA, nodeB]);
 * ```
 */
export async function nominate(
  ctx: ClientContext,
  targets: string[],
  options: TxCallOptions = {},
): Promise<NominateReturnType> {
  const signer = ctx.signer('nominate super nodes');
  let normalized: string[] = [];
  const call = await startStakingCall(ctx, 'nominate', options, (lib) => {
    if (!Array.isArray(targets) || targets.length === 0 || targets.length > MAX_NOMINATIONS) {
      throw new DbcInputError(
        'INVALID_TARGETS',
        `Nominate between 1 and ${MAX_NOMINATIONS} super nodes; got ${Array.isArray(targets) ? targets.length : 'no list'}.`,
        {
          details: { count: Array.isArray(targets) ? targets.length : null },
        },
      );
    }
    normalized = targets.map((t) => lib.toDbcAddress(String(t)));
    const dup = normalized.find((t, i) => normalized.indexOf(t) !== i);
    if (dup)
      throw new DbcInputError('DUPLICATE_TARGET', `${dup} is listed twice; nominate each super node once.`, {
        details: { target: dup },
      });
  });
  const { lib, chain, deadline } = call;
  const [ledger, minimums, validators] = await Promise.all([
    requireLedger(call, signer, 'nominate'),
    lib.getStakingMinimums(chain, deadline.read()),
    lib.getValidators(chain, deadline.read()),
  ]);
  for (const t of normalized) {
    const v = validators.find((x) => x.stash === t);
    if (!v)
      throw new DbcInputError(
        'NOT_A_SUPER_NODE',
        `${t} is not a super node (validator candidate); pick one from superNodes.list().`,
        { details: { target: t } },
      );
    if (v.blocked && t !== signer.address) {
      throw new DbcInputError('SUPER_NODE_BLOCKED', `Super node ${t} does not accept new nominations.`, {
        details: { target: t },
      });
    }
  }
  if (ledger.activePlanck < minimums.minNominatorBondPlanck) {
    const fmt = (v: bigint) => lib.formatDbc(v, { symbol: true });
    throw new DbcInputError(
      'INSUFFICIENT_BOND',
      `Nominating needs at least ${fmt(minimums.minNominatorBondPlanck)} bonded; ${signer.address} has ${fmt(ledger.activePlanck)}. Bond more with superNodes.bondExtra.`,
      {
        details: {
          activePlanck: ledger.activePlanck.toString(),
          minPlanck: minimums.minNominatorBondPlanck.toString(),
        },
      },
    );
  }
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.nominateTx(chain, { targets: normalized }),
    deadline,
    options,
    what: `nominate ${normalized.length} super node(s)`,
  });
  return { ...receipt, targets: normalized };
}
