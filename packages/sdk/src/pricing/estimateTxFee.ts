import type { ClientContext } from '../client/context.js';

/**
 * Per-transaction fee assumed when the chain cannot be asked (light path, node unreachable): an
 * upper bound for rentMachine/confirmRent/reletMachine, whose fee on DBC is far below 0.1 DBC.
 */
export const FALLBACK_TX_FEE_PLANCK = 100_000_000_000_000n;

/**
 * The account fees are estimated for when no signer is configured. The fee depends only on the
 * call's length and weight, not on who pays; this is the well-known all-zero account.
 */
const FEE_PROBE_ADDRESS = '5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM';

/** A transaction fee estimate. */
export interface TxFeeEstimate {
  perTxPlanck: bigint;
  source: 'chain' | 'fallback';
}

/**
 * Asks the chain what a `rentMachine` transaction would cost (`paymentInfo`: the node computes
 * the fee of the fake-signed call). Confirm and relet calls are no larger, so one estimate serves
 * every transaction of a rental. Falls back to {@link FALLBACK_TX_FEE_PLANCK} rather than failing
 * the quote: the fee is a small, informative part of it.
 */
export async function estimateTxFee(
  ctx: ClientContext,
  params: { machineId: string; gpus: number; durationBlocks: number },
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<TxFeeEstimate> {
  try {
    const [chain, lib] = await Promise.all([ctx.chain(options.signal), ctx.chainLib()]);
    const tx = lib.rentMachineTx(chain, params);
    const address = ctx.config.signer?.address ?? FEE_PROBE_ADDRESS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const info = await Promise.race([
        tx.paymentInfo(address),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('fee estimate timed out')), options.timeoutMs ?? 5_000);
        }),
      ]);
      return { perTxPlanck: info.partialFee.toBigInt(), source: 'chain' };
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    ctx.logger.debug('could not estimate the transaction fee; using the fallback', { error: String(error) });
    return { perTxPlanck: FALLBACK_TX_FEE_PLANCK, source: 'fallback' };
  }
}
