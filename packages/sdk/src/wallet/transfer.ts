import type { DbcChain, DbcSigner, SubmitOptions, Tx, TxResult } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { checkIdempotencyKey, findRecord, keyReusedError, storeKeyOf, withKeyLock, type KeyLocks } from '../idempotency/keys.js';
import type { IdempotencyStore, TransferIdempotencyRecord } from '../idempotency/records.js';
import { resumeRecordedTx, sendRecordedTx, type RecordedTx } from '../idempotency/recordedTx.js';
import { amountOf, toAmountPlanck, type AmountInput } from './internal/amounts.js';
import { startDeadline, type Deadline } from './internal/deadline.js';
import { sendTx } from './internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from './types.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** Parameters of `transfer`: the recipient and the amount, in DBC or in planck. */
export interface TransferParameters extends AmountInput {
  /** Recipient's DBC address (SS58 prefix 42); addresses of other networks are refused. */
  to: string;
  /**
   * Refuse to empty the sender's account (default true). DBC's existential deposit is 0, so this
   * changes little; set false only to sweep an account.
   */
  keepAlive?: boolean;
  /**
   * Same key, same result: a retry never sends twice; it returns the first successful attempt's
   * receipt. Stored in the configured IdempotencyStore under `transfer:<key>` (`estimateFee`
   * ignores it).
   */
  idempotencyKey?: string;
}

/** What `transfer` resolves to. */
export interface TransferReturnType extends TxReceipt {
  from: string;
  to: string;
  amount: Amount;
}

/** A validated transfer, ready to sign. */
export interface PreparedTransfer {
  lib: ChainLib;
  chain: DbcChain;
  signer: DbcSigner;
  to: string;
  amountPlanck: bigint;
  tx: Tx;
}

/**
 * Validates a transfer completely before connecting (address, network, amount, signer), then
 * builds it. Shared by `transfer` and `estimateFee` so both refuse the same inputs.
 */
export async function prepareTransfer(
  ctx: ClientContext,
  params: TransferParameters,
  deadline: ReturnType<typeof startDeadline>,
): Promise<PreparedTransfer> {
  const lib = await ctx.chainLib();
  if (typeof params?.to !== 'string' || params.to.trim() === '') {
    throw new DbcInputError('INVALID_ADDRESS', 'No recipient was given; pass `to`, a DBC address.');
  }
  const to = lib.toDbcAddress(params.to.trim());
  const amountPlanck = toAmountPlanck(lib, params, 'the transfer amount');
  if (params.keepAlive !== undefined && typeof params.keepAlive !== 'boolean') {
    throw new DbcInputError(
      'INVALID_BOOLEAN',
      `keepAlive must be true or false; got ${String(params.keepAlive)}.`,
    );
  }
  const signer = ctx.signer('send DBC');
  if (lib.toDbcAddress(signer.address) === to) {
    throw new DbcInputError(
      'TRANSFER_TO_SELF',
      `${to} is your own address; sending to yourself would only cost a fee.`,
      {
        details: { to },
      },
    );
  }
  const chain = await deadline.race(ctx.chain(deadline.signal));
  const build = params.keepAlive === false ? lib.transferAllowDeathTx : lib.transferKeepAliveTx;
  return { lib, chain, signer, to, amountPlanck, tx: build(chain, { to, amountPlanck }) };
}

/** What one wallet resource remembers between calls: idempotency records and the calls in flight per key. */
export interface WalletState extends KeyLocks {
  store: IdempotencyStore;
}

/**
 * Sends DBC from the configured signer. Everything is checked before anything is signed: the
 * address (and that it is a DBC address), the amount (positive, at most 15 decimals) and that the
 * transferable balance covers the amount plus the estimated fee.
 *
 * With an `idempotencyKey` the attempt is recorded before it is sent (the signed transaction's
 * hash, nonce and the start block), and a retry with the same key never sends twice: after a
 * success it returns the same receipt; after a timeout, a dropped connection or a crash it first
 * asks the chain what the recorded transaction did (included, failed in its block, never sent, or
 * its nonce taken by another transaction) and sends again only if nothing was transferred. While
 * that transaction is still in the pool it throws `TX_TIMEOUT` and sends nothing. The same key
 * with another recipient, amount or `keepAlive` is refused (`INPUT_IDEMPOTENCY_KEY_REUSED`). A
 * receipt found by reconciling is the transaction's inclusion, even with `waitFor: 'finalized'`.
 *
 * @example
 * ```ts
 * const receipt = await client.wallet.transfer(
 *   { to, amountDbc: '25.5', idempotencyKey: payout.id },
 *   { onProgress: console.log },
 * );
 * console.log(receipt.txHash, receipt.fee.dbc);
 * ```
 */
export async function transfer(
  ctx: ClientContext,
  state: WalletState,
  params: TransferParameters,
  options: TxCallOptions = {},
): Promise<TransferReturnType> {
  const deadline = startDeadline('send the transfer', options);
  const key = params?.idempotencyKey;
  checkIdempotencyKey(key);
  const prepared = await prepareTransfer(ctx, params, deadline);
  if (key === undefined) return sendTransfer(ctx, prepared, deadline, options);
  return withKeyLock(state, storeKeyOf('transfer', key), () =>
    transferOnce(ctx, state, key, prepared, params.keepAlive !== false, deadline, options),
  );
}

/** Checks the balance, then signs and sends (through `send` when the attempt is recorded). */
async function sendTransfer(
  ctx: ClientContext,
  { lib, chain, signer, to, amountPlanck, tx }: PreparedTransfer,
  deadline: Deadline,
  options: TxCallOptions,
  send?: (submit: SubmitOptions) => Promise<TxResult>,
): Promise<TransferReturnType> {
  const amount = amountOf(lib, amountPlanck);
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx,
    deadline,
    options,
    what: `send ${amount.dbc} DBC to ${to}`,
    needs: [{ address: signer.address, planck: amountPlanck, label: `${amount.dbc} DBC to send` }],
    send,
  });
  return { ...receipt, from: signer.address, to, amount };
}

/** A transfer under an idempotency key: the earlier attempt's receipt, its reconciled outcome, or a new recorded attempt. */
async function transferOnce(
  ctx: ClientContext,
  state: WalletState,
  key: string,
  prepared: PreparedTransfer,
  keepAlive: boolean,
  deadline: Deadline,
  options: TxCallOptions,
): Promise<TransferReturnType> {
  const { lib, signer, to, amountPlanck, tx } = prepared;
  const existing = await findRecord(state.store, 'transfer', key);
  if (existing) {
    if (
      existing.from !== signer.address ||
      existing.to !== to ||
      existing.amountPlanck !== String(amountPlanck) ||
      existing.keepAlive !== keepAlive
    ) {
      const was = amountOf(lib, BigInt(existing.amountPlanck)).dbc;
      throw keyReusedError(
        key,
        `The idempotency key "${key}" was already used to send ${was} DBC to ${existing.to}; use a new key for another transfer.`,
        { from: existing.from, to: existing.to, amountPlanck: existing.amountPlanck, keepAlive: existing.keepAlive },
      );
    }
    if (existing.receipt) return receiptOf(lib, existing, existing.receipt);
    const done = await resumeRecordedTx(transferAttempt(ctx, state, prepared, existing, deadline));
    if (done) return saveReceipt(ctx, state, lib, existing, done);
  }

  const rec: TransferIdempotencyRecord = {
    key: storeKeyOf('transfer', key),
    kind: 'transfer',
    from: signer.address,
    to,
    amountPlanck: String(amountPlanck),
    keepAlive,
    createdAt: Date.now(),
  };
  const attempt = transferAttempt(ctx, state, prepared, rec, deadline);
  const sent = await sendTransfer(
    ctx,
    prepared,
    deadline,
    options,
    async (submit) => (await sendRecordedTx(attempt, tx, signer, submit)).value,
  );
  const receipt = { txHash: sent.txHash, blockHash: sent.blockHash, blockNumber: sent.blockNumber };
  await state.store.set({ ...rec, receipt: { ...receipt, feePlanck: sent.fee.planck.toString() } });
  return sent;
}

/** A transfer for the shared record-before-send and reconcile-on-retry path; its value is the included transaction. */
function transferAttempt(
  ctx: ClientContext,
  state: WalletState,
  { lib, chain }: PreparedTransfer,
  rec: TransferIdempotencyRecord,
  deadline: Deadline,
): RecordedTx<TransferIdempotencyRecord, TxResult> {
  return {
    lib,
    chain,
    rec,
    store: state.store,
    address: rec.from,
    valueOf: (result) => result,
    chainError: (result) => {
      ctx.logger.warn('transaction failed on chain', {
        what: `send DBC to ${rec.to}`,
        txHash: result.txHash,
        error: result.error?.name,
      });
      return lib.chainErrorOf(result);
    },
    signal: deadline.signal,
    // What is left of the call's budget when reconciling (undefined: no timeoutMs, 120 s).
    get timeoutMs() {
      try {
        return deadline.remaining();
      } catch {
        return 0;
      }
    },
    logger: ctx.logger,
  };
}

function storedReceipt(result: TxResult): NonNullable<TransferIdempotencyRecord['receipt']> {
  return {
    txHash: result.txHash,
    blockHash: result.blockHash,
    blockNumber: result.blockNumber,
    feePlanck: result.fee.toString(),
  };
}

/** Records the receipt of a reconciled attempt and returns it. */
async function saveReceipt(
  ctx: ClientContext,
  state: WalletState,
  lib: ChainLib,
  rec: TransferIdempotencyRecord,
  result: TxResult,
): Promise<TransferReturnType> {
  const receipt = storedReceipt(result);
  await state.store.set({ ...rec, receipt });
  ctx.logger.info('transaction included', { what: `send DBC to ${rec.to}`, txHash: result.txHash, blockHash: result.blockHash });
  return receiptOf(lib, rec, receipt);
}

/** What `transfer` returns, from a recorded receipt. */
function receiptOf(
  lib: ChainLib,
  rec: TransferIdempotencyRecord,
  receipt: NonNullable<TransferIdempotencyRecord['receipt']>,
): TransferReturnType {
  return {
    txHash: receipt.txHash,
    blockHash: receipt.blockHash,
    blockNumber: receipt.blockNumber,
    fee: amountOf(lib, BigInt(receipt.feePlanck)),
    from: rec.from,
    to: rec.to,
    amount: amountOf(lib, BigInt(rec.amountPlanck)),
  };
}
