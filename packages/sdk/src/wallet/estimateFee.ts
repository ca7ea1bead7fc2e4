import type { ClientContext } from '../client/context.js';
import { amountOf } from './internal/amounts.js';
import { startDeadline } from './internal/deadline.js';
import { estimateTxFee } from './internal/sendTx.js';
import { prepareTransfer, type TransferParameters } from './transfer.js';
import type { Amount, CallOptions } from './types.js';

/** Parameters of `estimateFee`: the same as a transfer (its `idempotencyKey` is ignored). */
export type EstimateFeeParameters = TransferParameters;

/** What `estimateFee` resolves to. */
export interface EstimateFeeReturnType {
  /** The node's estimate of the transaction fee; the fee actually paid is within a few planck of it. */
  fee: Amount;
}

/**
 * Estimates the fee of a transfer without sending it (the same input checks as `transfer`).
 *
 * @example
 * ```ts
 * const { fee } = await client.wallet.estimateFee({ to, amountDbc: '10' });
 * ```
 */
export async function estimateFee(
  ctx: ClientContext,
  params: EstimateFeeParameters,
  options: CallOptions = {},
): Promise<EstimateFeeReturnType> {
  const deadline = startDeadline('estimate the fee', options);
  const { lib, signer, tx } = await prepareTransfer(ctx, params, deadline);
  return { fee: amountOf(lib, await estimateTxFee(lib, tx, signer.address, deadline)) };
}
