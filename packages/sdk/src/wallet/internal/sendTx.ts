import type { DbcChain, DbcChainError, DbcSigner, SubmitOptions, Tx, TxResult } from '@dbc-cloud/chain';
import { DbcError, DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../../client/context.js';
import type { TxCallOptions, TxReceipt } from '../types.js';
import { amountOf } from './amounts.js';
import type { Deadline } from './deadline.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** Planck an account must be able to spend for a call, besides the signer's transaction fee. */
export interface BalanceNeed {
  address: string;
  planck: bigint;
  /** What the money is for, in the user's words: "the bonding stake". */
  label: string;
}

/** Parameters of {@link sendTx}. */
export interface SendTxParameters {
  ctx: ClientContext;
  lib: ChainLib;
  chain: DbcChain;
  signer: DbcSigner;
  tx: Tx;
  deadline: Deadline;
  options: TxCallOptions;
  /** What the call does, for messages and logs: "send 12 DBC to 5F…". */
  what: string;
  /** Money the call moves or reserves besides the fee; the fee is added to the signer's need. */
  needs?: BalanceNeed[];
  /** Turns a chain error into a plainer one (null keeps the chain's). */
  explain?: (error: DbcChainError) => DbcError | null;
  /**
   * Submits the checked transaction instead of `submit` (an idempotent call records the attempt
   * and reconciles an unknown outcome there; see `sendRecordedTx`).
   */
  send?: (options: SubmitOptions) => Promise<TxResult>;
}

/** What {@link sendTx} resolves to: the receipt and the raw result (for events). */
export interface SendTxResult {
  receipt: TxReceipt;
  result: TxResult;
}

/**
 * The one path every money-moving call takes: estimate the fee, check that each account involved
 * can pay (DbcInputError INSUFFICIENT_BALANCE, before anything is signed), then sign, submit and
 * follow the transaction, reporting progress. A failed dispatch throws the DbcChainError (or its
 * plainer form from `explain`); the chain layer never resends, so a timeout means "unknown", not
 * "failed".
 */
export async function sendTx(p: SendTxParameters): Promise<SendTxResult> {
  const { lib, chain, signer, tx, deadline, options } = p;
  options.onProgress?.({ type: 'checking' });
  const feePlanck = await estimateTxFee(lib, tx, signer.address, deadline);
  const needs = new Map<string, { planck: bigint; labels: string[] }>();
  needs.set(signer.address, { planck: feePlanck, labels: ['the transaction fee'] });
  for (const n of p.needs ?? []) {
    const entry = needs.get(n.address) ?? { planck: 0n, labels: [] };
    entry.planck += n.planck;
    entry.labels.unshift(n.label);
    needs.set(n.address, entry);
  }
  const balances = await Promise.all(
    [...needs.keys()].map((address) =>
      lib.getBalance(chain, { address }, deadline.read()).then((b) => [address, b] as const),
    ),
  );
  for (const [address, balance] of balances) {
    const need = needs.get(address)!;
    if (balance.transferablePlanck < need.planck) {
      const fmt = (v: bigint) => lib.formatDbc(v, { decimals: 6, symbol: true });
      throw new DbcInputError(
        'INSUFFICIENT_BALANCE',
        `${address} can spend ${fmt(balance.transferablePlanck)}, but to ${p.what} it needs ${fmt(need.planck)} (${need.labels.join(' + ')}).`,
        {
          details: {
            address,
            transferablePlanck: balance.transferablePlanck.toString(),
            neededPlanck: need.planck.toString(),
            estimatedFeePlanck: feePlanck.toString(),
          },
          metaMessages: [
            'Top the account up, or ask for less. Locked (staked) and reserved DBC cannot be spent.',
          ],
        },
      );
    }
  }

  const submitOptions: SubmitOptions = {
    signal: deadline.signal,
    timeoutMs: deadline.remaining(),
    onStatus: options.onProgress,
    waitFor: options.waitFor,
  };
  const result = p.send ? await p.send(submitOptions) : await lib.submit(chain, tx, signer, submitOptions);
  if (!result.ok) {
    const error = lib.chainErrorOf(result);
    p.ctx.logger.warn('transaction failed on chain', {
      what: p.what,
      txHash: result.txHash,
      error: result.error?.name,
    });
    throw p.explain?.(error) ?? error;
  }
  p.ctx.logger.info('transaction included', {
    what: p.what,
    txHash: result.txHash,
    blockHash: result.blockHash,
  });
  return {
    result,
    receipt: {
      txHash: result.txHash,
      blockHash: result.blockHash,
      blockNumber: result.blockNumber,
      fee: amountOf(lib, result.fee),
    },
  };
}

/** The node's fee estimate for `tx` signed by `address` (payment_queryInfo), in planck. */
export async function estimateTxFee(
  lib: ChainLib,
  tx: Tx,
  address: string,
  deadline: Deadline,
): Promise<bigint> {
  try {
    const info = await deadline.race(tx.paymentInfo(address));
    return info.partialFee.toBigInt();
  } catch (e) {
    if (e instanceof DbcError) throw e;
    throw new lib.DbcNetworkError('FEE_ESTIMATE_FAILED', 'The node could not estimate the transaction fee.', {
      cause: e,
    });
  }
}
