import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireLedger, startStakingCall } from './internal/stakingCall.js';

/** What `chill` resolves to. */
export interface ChillReturnType extends TxReceipt {
  /** What the signer stopped doing. */
  stopped: 'validating' | 'nominating';
}

/**
 * Stops validating or nominating from the next era; the DBC stays bonded (unbond it separately).
 *
 * @example
 * ```ts
 * await client.superNodes.chill();
 * ```
 */
export async function chill(ctx: ClientContext, options: TxCallOptions = {}): Promise<ChillReturnType> {
  const signer = ctx.signer('stop validating or nominating');
  const call = await startStakingCall(ctx, 'chill', options);
  const { lib, chain, deadline } = call;
  await requireLedger(call, signer, 'chill');
  const [validators, nominations] = await Promise.all([
    lib.getValidators(chain, deadline.read()),
    lib.getNominations(chain, { stash: signer.address }, deadline.read()),
  ]);
  const validating = validators.some((v) => v.stash === signer.address);
  if (!validating && !nominations) {
    throw new DbcInputError(
      'NOT_STAKING',
      `${signer.address} neither validates nor nominates; there is nothing to stop.`,
      { details: { address: signer.address } },
    );
  }
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.chillTx(chain),
    deadline,
    options,
    what: 'stop staking',
  });
  return { ...receipt, stopped: validating ? 'validating' : 'nominating' };
}
