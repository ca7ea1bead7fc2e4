import type { DbcChain, DbcSigner, SubmitOptions, Tx, TxResult } from '@dbc-cloud/chain';
import { DbcError, DbcTimeoutError, DbcTxRejectedError } from '@dbc-cloud/chain/errors';
import type { DbcLogger } from '../client/logger.js';
import type { IdempotencyRecord, IdempotencyStore } from './records.js';
import { reconcileTx, type TxReconcileOutcome } from './reconcileTx.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/**
 * One attempt of a money-moving call, recorded before it is sent so a retry under the same key
 * can find out from the chain what it did instead of sending again. Rent, extend and transfer all
 * go through here; what differs is what a successful transaction gives them (`valueOf`).
 */
export interface RecordedTx<R extends IdempotencyRecord, T> {
  lib: ChainLib;
  chain: DbcChain;
  /** The attempt's record; this module fills in `startBlock`, `txHash`, `nonce` and `failed`. */
  rec: R;
  /** Where `rec` is saved after each change; undefined without an idempotency key (nothing is saved). */
  store?: IdempotencyStore;
  /** The signing account (whose nonce tells whether the transaction can still be included). */
  address: string;
  /** What the call gets from its successful transaction (rent: the rent id of the Rent event); null if the events lack it. */
  valueOf(result: TxResult): T | null;
  /**
   * The call's effect read from chain state, for when the transaction cannot be found in the blocks
   * but its nonce was used (rent: a matching live order). Without it, "nonce used by another
   * transaction" counts as never sent, and unreadable blocks leave the outcome unknown.
   */
  findEffect?(): Promise<T | null>;
  /** The error for a transaction that failed in its block (default: the chain's DISPATCH_ERROR). */
  chainError?(result: TxResult): Error;
  /** The error for a successful transaction whose events lack what `valueOf` needs. */
  missingValueError?(result: TxResult): Error;
  signal?: AbortSignal;
  /**
   * How long reconciliation waits for a transaction still in the pool (default 120 s). Read at each
   * use, so a getter can hand out what is left of a call's budget; 0 (budget spent) leaves an
   * unknown outcome after sending to a retry instead of reconciling at once.
   */
  timeoutMs?: number;
  logger: DbcLogger;
  /** Called when reconciliation starts (rent reports its `reconciling` stage). */
  onReconciling?(txHash: string): void;
}

/** What a recorded attempt did, in the call's terms. */
export type AttemptOutcome<T> =
  /** It succeeded: `value` is what `valueOf` (or `findEffect`) gave. */
  | { kind: 'done'; value: T }
  /** It failed in its block: nothing happened but the fee. */
  | { kind: 'failed'; error: string; result: TxResult }
  /** It was never included and never can be. */
  | { kind: 'not-sent' }
  /** It may still be (or may have been) included: nothing may be sent under its key yet. */
  | { kind: 'unknown'; error: DbcError };

const RECONCILE_RETRY = { retries: 6, baseDelayMs: 500, maxDelayMs: 3_000 };

async function save<R extends IdempotencyRecord>(a: RecordedTx<R, unknown>): Promise<void> {
  if (a.store && a.rec.key) await a.store.set(a.rec);
}

async function markFailed<R extends IdempotencyRecord>(a: RecordedTx<R, unknown>, failed: string): Promise<void> {
  a.rec.failed = failed;
  await save(a);
}

/**
 * Runs `record(txHash, nonce)` after signing and before the transaction leaves: `submit` signs and
 * sends in one call, and the hash must be stored before sending so that a crash in between can be
 * reconciled.
 */
export function recordBeforeSending(tx: Tx, record: (txHash: string, nonce: number) => Promise<void>): void {
  const send = tx.send.bind(tx) as (cb: unknown) => Promise<unknown>;
  (tx as unknown as { send: (cb: unknown) => Promise<unknown> }).send = async (cb: unknown) => {
    await record(tx.hash.toHex(), tx.nonce.toNumber());
    return send(cb);
  };
}

/**
 * Finds out from the chain alone what the recorded transaction (`rec.txHash`) did — included (and
 * how it ended), still pending, never sent, or its nonce slot taken by another transaction — and
 * records a failed or never-sent attempt as `failed`, so the key may try again. Transport faults
 * are retried. Never sends anything.
 */
export async function reconcileRecordedTx<R extends IdempotencyRecord, T>(a: RecordedTx<R, T>): Promise<AttemptOutcome<T>> {
  const { lib, rec } = a;
  const txHash = rec.txHash!;
  a.onReconciling?.(txHash);
  const retry = { ...RECONCILE_RETRY, signal: a.signal };
  const seen = await reconcileOnChain(a, rec.startBlock);
  let outcome: AttemptOutcome<T>;
  if (seen.kind === 'included') outcome = settledBy(a, seen.result);
  else if (seen.kind === 'not-sent') outcome = { kind: 'not-sent' };
  else if (seen.kind === 'pending')
    outcome = {
      kind: 'unknown',
      error: new DbcTimeoutError('TX_TIMEOUT', 'The transaction is still waiting in the transaction pool; its outcome is unknown.', {
        details: { txHash, key: rec.key || undefined },
        metaMessages: ['Nothing new was sent. Retry later with the same idempotency key: it is checked again before anything is sent.'],
      }),
    };
  else if (a.findEffect) {
    const value = await lib.withRetry(() => a.findEffect!(), retry);
    outcome = value === null ? { kind: 'not-sent' } : { kind: 'done', value };
  } else if (seen.kind === 'nonce-used') outcome = { kind: 'not-sent' };
  else
    outcome = {
      kind: 'unknown',
      error: new DbcError('CHAIN_READ_FAILED', 'The blocks since the earlier attempt could not all be read, so whether its transaction was included is unknown.', {
        cause: seen.error,
        details: { what: 'blocks since the earlier attempt', txHash, sinceBlock: rec.startBlock, key: rec.key || undefined },
        metaMessages: ['Nothing new was sent. Retry with the same idempotency key against a node that has those blocks (an archive node).'],
      }),
    };
  a.logger.info('reconciled a recorded attempt', { key: rec.key, txHash, outcome: outcome.kind });
  if (outcome.kind === 'failed') await markFailed(a, outcome.error);
  else if (outcome.kind === 'not-sent') await markFailed(a, 'not-sent');
  return outcome;
}

/**
 * `reconcileTx` for the attempt's transaction from `startBlock`, retrying while the connection is
 * down. polkadot.js's WsProvider caches requests pinned to a block hash for 30 s — failed ones
 * too, refreshed on every use — so the reads of the block that was in flight when the connection
 * dropped keep failing on that connection after it is back. A transport error while connected is
 * that cache: the reads are then done over a fresh connection to the same endpoints.
 */
async function reconcileOnChain<R extends IdempotencyRecord, T>(a: RecordedTx<R, T>, startBlock: number | undefined): Promise<TxReconcileOutcome> {
  const { lib, chain, rec } = a;
  const sent = { txHash: rec.txHash!, nonce: rec.nonce, startBlock, address: a.address };
  const opts = { timeoutMs: a.timeoutMs, signal: a.signal };
  try {
    return await lib.withRetry(() => reconcileTx(lib, chain, sent, opts), {
      ...RECONCILE_RETRY,
      signal: a.signal,
      shouldRetry: (e) => lib.isNetworkFault(e) && !chain.isConnected,
    });
  } catch (e) {
    if (!lib.isNetworkFault(e) || !chain.isConnected) throw e;
    if (chain.endpoints.length === 0)
      // An injected provider cannot be opened again: those blocks count as unreadable (rent then
      // reads its orders; the others report the outcome unknown and send nothing).
      return lib.withRetry(() => reconcileTx(lib, chain, sent, { ...opts, faultsAsUnreadable: true }), { ...RECONCILE_RETRY, signal: a.signal });
    a.logger.info('reading the blocks over a fresh connection (the current one keeps failed block reads cached)', { txHash: sent.txHash });
    const fresh = await lib.connect({ endpoints: chain.endpoints, signal: a.signal });
    try {
      return await lib.withRetry(() => reconcileTx(lib, fresh, sent, opts), { ...RECONCILE_RETRY, signal: a.signal });
    } finally {
      await fresh.disconnect().catch(() => undefined);
    }
  }
}

/** done or failed, from an included transaction. */
function settledBy<R extends IdempotencyRecord, T>(a: RecordedTx<R, T>, result: TxResult): AttemptOutcome<T> {
  if (!result.ok) return { kind: 'failed', error: result.error?.name ?? 'unknown', result };
  const value = a.valueOf(result);
  return value === null ? { kind: 'failed', error: 'missing event', result } : { kind: 'done', value };
}

/**
 * Settles an attempt found in the store before anything new is sent: its value when it succeeded
 * (the call then returns what the first attempt would have); null when it did nothing (failed in
 * its block, never sent, or never even signed), so a new attempt may go. Throws when the outcome is
 * still unknown (pending in the pool, unreadable blocks): nothing may be sent under the key yet.
 */
export async function resumeRecordedTx<R extends IdempotencyRecord, T>(a: RecordedTx<R, T>): Promise<T | null> {
  if (a.rec.failed || !a.rec.txHash) return null;
  const outcome = await reconcileRecordedTx(a);
  if (outcome.kind === 'done') return outcome.value;
  if (outcome.kind === 'unknown') throw outcome.error;
  return null;
}

/**
 * Sends a new attempt: records it with the best block, then — signed, before it leaves — its hash
 * and nonce; then submits it. A transaction refused by the node or failed in its block is recorded
 * as failed and thrown (`chainError`). When the connection drops or the wait runs out with the
 * outcome unknown, it asks the chain (never resending): the value if it was included, else the
 * original error — with the record left as it is when the transaction may still be included, so a
 * retry under the key reconciles again instead of sending.
 */
export async function sendRecordedTx<R extends IdempotencyRecord, T>(
  a: RecordedTx<R, T>,
  tx: Tx,
  signer: DbcSigner,
  options: SubmitOptions,
): Promise<{ value: T; result: TxResult | null }> {
  const { lib, chain, rec } = a;
  const chainError = (r: TxResult) => a.chainError?.(r) ?? lib.chainErrorOf(r);
  rec.startBlock = await lib.getBlockNumber(chain, { signal: a.signal });
  await save(a);
  recordBeforeSending(tx, async (txHash, nonce) => {
    rec.txHash = txHash;
    rec.nonce = nonce;
    await save(a);
  });

  let result: TxResult;
  try {
    result = await lib.submit(chain, tx, signer, options);
  } catch (e) {
    // Refused before any block: nothing happened, so the key may be used again.
    if (e instanceof DbcTxRejectedError) {
      await markFailed(a, e.code);
      throw e;
    }
    // The connection dropped or the wait ran out with the outcome unknown: find out from the
    // chain now (never by resending). If that fails too, the record's hash lets a retry do it.
    if (!rec.txHash || !(lib.isNetworkFault(e) || e instanceof DbcTimeoutError)) throw e;
    if (a.timeoutMs !== undefined && a.timeoutMs <= 0) throw e;
    const outcome = await reconcileRecordedTx(a);
    if (outcome.kind === 'done') return { value: outcome.value, result: null };
    if (outcome.kind === 'failed') throw chainError(outcome.result);
    throw e;
  }
  if (!result.ok) {
    await markFailed(a, result.error?.name ?? 'unknown');
    throw chainError(result);
  }
  let value = a.valueOf(result);
  if (value === null) {
    // Included and successful, but its events were not read (the connection dropped as the block
    // came): read that block again rather than guess.
    const again = await reconcileOnChain(a, result.blockNumber - 1);
    value = again.kind === 'included' && again.result.ok ? a.valueOf(again.result) : null;
    if (value === null && a.findEffect) value = await a.findEffect();
    if (value === null) throw a.missingValueError?.(result) ?? chainError({ ...result, ok: false, error: { name: 'MissingEvent' } });
  }
  return { value, result };
}
