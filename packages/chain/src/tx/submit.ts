import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { ISubmittableResult } from '@polkadot/types/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import type { DbcChain } from '../client/connect.js';
import { DbcAbortError, DbcChainError, DbcNetworkError, DbcTimeoutError, DbcTxRejectedError, throwIfAborted } from '../errors/families.js';
import type { DbcSigner } from '../signers/types.js';
import { decodeDispatchError, DISPATCH_ERROR_HINTS, type DecodedDispatchError } from './decodeError.js';
import { nextNonce, releaseNonce } from './nonces.js';

/** An unsigned transaction, as the builders return it. */
export type Tx = SubmittableExtrinsic<'promise'>;

/** Progress of a transaction, reported through `onStatus`. */
export type TxStatus =
  | { type: 'signing' }
  | { type: 'reconnecting' }
  | { type: 'broadcast'; txHash: `0x${string}` }
  | { type: 'inBlock'; blockHash: `0x${string}` }
  | { type: 'finalized'; blockHash: `0x${string}` };

/** Options of `submit` and `submitAndCheck`. */
export interface SubmitOptions {
  signal?: AbortSignal;
  /** Time from submission until the wanted status (default 120 s). */
  timeoutMs?: number;
  onStatus?: (status: TxStatus) => void;
  /** Resolve at inclusion (default) or finality. */
  waitFor?: 'inBlock' | 'finalized';
  /** Tip in planck. */
  tip?: bigint;
}

/** What a transaction did, as a value: `ok` tells success, `error` the decoded dispatch error. */
export interface TxResult {
  ok: boolean;
  txHash: `0x${string}`;
  blockHash: `0x${string}`;
  blockNumber: number;
  events: EventRecord[];
  error: DecodedDispatchError | null;
  /** Transaction fee paid (planck), from TransactionFeePaid. */
  fee: bigint;
}

/** Finds events of one section.method in a result. */
export function findEvents(result: Pick<TxResult, 'events'>, name: string): EventRecord[] {
  const [section, method] = name.split('.');
  return result.events.filter((e) => e.event.section === section && e.event.method === method);
}

function rejected(e: unknown): DbcTxRejectedError {
  const msg = e instanceof Error ? e.message : String(e);
  const reasons: Array<[RegExp, string, string]> = [
    [/bad signature/i, 'TX_BAD_SIGNATURE', 'The node rejected the transaction: its signature does not match.'],
    [/outdated|stale/i, 'TX_STALE_NONCE', 'The node rejected the transaction: its nonce was already used.'],
    [/pay some fees|balance too low/i, 'TX_CANNOT_PAY_FEES', 'The account cannot pay the transaction fee.'],
    [/ancient birth|mortal/i, 'TX_EXPIRED', 'The transaction expired (its mortal era passed) before it was included.'],
    [/priority is too low/i, 'TX_NONCE_IN_USE', 'Another transaction with the same nonce is already pending.'],
    [/already imported/i, 'TX_ALREADY_IMPORTED', 'The same transaction is already in the pool.'],
  ];
  const hit = reasons.find(([re]) => re.test(msg));
  return new DbcTxRejectedError(hit?.[1] ?? 'TX_REJECTED', hit?.[2] ?? 'The node rejected the transaction.', { cause: e });
}

/**
 * Signs, submits and follows a transaction. Resolves with a TxResult value whether the dispatch
 * succeeded or failed in the block; throws only when there is no block to report: rejected by the
 * node (DbcTxRejectedError), dropped/usurped/invalid in the pool, timed out (DbcTimeoutError,
 * after looking for the transaction in the blocks since submission), aborted, or disconnected.
 */
export async function submit(chain: DbcChain, tx: Tx, signer: DbcSigner, options: SubmitOptions = {}): Promise<TxResult> {
  const { api } = chain;
  throwIfAborted(options.signal);
  const waitFor = options.waitFor ?? 'inBlock';
  const timeoutMs = options.timeoutMs ?? 120_000;
  options.onStatus?.({ type: 'signing' });
  const nonce = await nextNonce(chain, signer.address);
  const startBlock = (await api.rpc.chain.getHeader()).number.toNumber();
  try {
    if ('pair' in signer.txSigner) await tx.signAsync(signer.txSigner.pair, { nonce, tip: options.tip });
    else await tx.signAsync(signer.address, { nonce, tip: options.tip, signer: signer.txSigner.signer });
  } catch (e) {
    releaseNonce(chain, signer.address, nonce);
    throw new DbcAbortError('Signing was cancelled or failed.', { cause: e, details: { address: signer.address } });
  }
  const txHash = tx.hash.toHex();

  const deadline = Date.now() + timeoutMs;
  return new Promise<TxResult>((resolve, reject) => {
    let settled = false;
    let unsub: (() => void) | null = null;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      offDisconnect();
      unsub?.();
      fn();
    };
    const reconcileThen = async (err: Error) => {
      // Never resend: look for the transaction in the blocks since we submitted it.
      const found = await findIncluded(chain, txHash, startBlock).catch(() => null);
      if (found) finish(() => resolve(found));
      else finish(() => reject(err));
    };
    const timer = setTimeout(
      () =>
        void reconcileThen(
          new DbcTimeoutError('TX_TIMEOUT', `The transaction was not ${waitFor === 'inBlock' ? 'included' : 'finalized'} within ${timeoutMs} ms; its outcome is unknown.`, {
            details: { txHash, sinceBlock: startBlock },
            metaMessages: ['It was not found in the blocks since submission. Do not resend blindly: check the account nonce first.'],
          }),
        ),
      timeoutMs,
    );
    const onAbort = () =>
      finish(() =>
        reject(new DbcAbortError('Stopped waiting for the transaction; it may still be included.', { details: { txHash } })),
      );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    // A drop loses the status subscription, not the transaction: once reconnected, follow new
    // blocks and look for it there until the deadline, instead of resending.
    const offDisconnect = chain.on('disconnected', () => {
      if (settled) return;
      options.onStatus?.({ type: 'reconnecting' });
      void followAfterReconnect(chain, txHash, startBlock, deadline, options.signal, () => settled).then(
        (found) => {
          if (found) finish(() => resolve(found));
          else
            finish(() =>
              reject(
                new DbcNetworkError(
                  'TX_UNKNOWN_AFTER_DISCONNECT',
                  'The connection dropped while the transaction was in flight and it was not seen in a block before the deadline; its outcome is unknown.',
                  {
                    details: { txHash, sinceBlock: startBlock },
                    metaMessages: ['Do not resend blindly: check the account nonce and recent blocks first.'],
                  },
                ),
              ),
            );
        },
        (e) => finish(() => reject(e)),
      );
    });

    tx.send((result: ISubmittableResult) => {
      const s = result.status;
      if (s.isReady || s.isBroadcast) options.onStatus?.({ type: 'broadcast', txHash });
      if (s.isInBlock) options.onStatus?.({ type: 'inBlock', blockHash: s.asInBlock.toHex() });
      if (s.isFinalized) options.onStatus?.({ type: 'finalized', blockHash: s.asFinalized.toHex() });
      if ((waitFor === 'inBlock' && s.isInBlock) || s.isFinalized) {
        const blockHash = (s.isInBlock ? s.asInBlock : s.asFinalized).toHex();
        // Every included extrinsic has at least ExtrinsicSuccess/Failed; none means polkadot.js
        // could not fetch the block's events (connection lost), so read them back ourselves.
        if (result.events.length === 0) {
          void reconcileThen(
            new DbcNetworkError('TX_UNKNOWN_AFTER_DISCONNECT', "The transaction was included but its events could not be read.", {
              details: { txHash, blockHash },
            }),
          );
          return;
        }
        void toResult(chain, txHash, blockHash, result.events, result.dispatchError ?? null).then(
          (r) => finish(() => resolve(r)),
          // Reading the block after inclusion can fail if the connection drops right then: the
          // transaction is in that block, so find it again rather than surface a raw error.
          () =>
            void reconcileThen(
              new DbcNetworkError('TX_UNKNOWN_AFTER_DISCONNECT', 'The transaction was included but its block could not be read back.', {
                details: { txHash, blockHash },
              }),
            ),
        );
        return;
      }
      if (s.isDropped || s.isInvalid || s.isUsurped || s.isFinalityTimeout) {
        const code = s.isUsurped ? 'TX_USURPED' : s.isDropped ? 'TX_DROPPED' : s.isInvalid ? 'TX_INVALID' : 'TX_FINALITY_TIMEOUT';
        void reconcileThen(
          new DbcTxRejectedError(code, `The transaction pool reported ${s.type}; it was not included.`, { details: { txHash } }),
        );
      }
    })
      .then((u) => {
        unsub = u;
        if (settled) u();
      })
      .catch((e) => {
        releaseNonce(chain, signer.address, nonce);
        finish(() => reject(rejected(e)));
      });
  });
}

async function toResult(
  chain: DbcChain,
  txHash: `0x${string}`,
  blockHash: `0x${string}`,
  events: EventRecord[],
  dispatchError: Parameters<typeof decodeDispatchError>[1] | null,
): Promise<TxResult> {
  const header = await chain.api.rpc.chain.getHeader(blockHash);
  const paid = events.find((e) => e.event.section === 'transactionPayment' && e.event.method === 'TransactionFeePaid');
  return {
    ok: dispatchError === null,
    txHash,
    blockHash,
    blockNumber: header.number.toNumber(),
    events,
    error: dispatchError ? decodeDispatchError(chain.api, dispatchError) : null,
    fee: paid ? BigInt(paid.event.data[1]!.toString()) : 0n,
  };
}

/** Waits for the connection to come back, then watches new blocks for `txHash` until `deadline`. */
async function followAfterReconnect(
  chain: DbcChain,
  txHash: string,
  fromBlock: number,
  deadline: number,
  signal: AbortSignal | undefined,
  isDone: () => boolean,
): Promise<TxResult | null> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  while (!chain.isConnected) {
    // The call may have settled another way (timeout, abort, a later status): stop polling then.
    if (Date.now() > deadline || isDone()) return null;
    throwIfAborted(signal);
    await sleep(100);
  }
  let scannedTo = fromBlock;
  while (Date.now() <= deadline && !isDone()) {
    throwIfAborted(signal);
    try {
      const best = (await chain.api.rpc.chain.getHeader()).number.toNumber();
      if (best > scannedTo) {
        const found = await findIncluded(chain, txHash, scannedTo, best);
        if (found) return found;
        scannedTo = best;
      }
    } catch {
      // Still reconnecting or the node is busy: try again on the next tick.
    }
    await sleep(500);
  }
  return null;
}

/** Looks for `txHash` in blocks after `fromBlock`; returns its result if it was included. */
export async function findIncluded(chain: DbcChain, txHash: string, fromBlock: number, toBlock?: number): Promise<TxResult | null> {
  const { api } = chain;
  const best = toBlock ?? (await api.rpc.chain.getHeader()).number.toNumber();
  for (let n = fromBlock + 1; n <= best; n++) {
    const hash = await api.rpc.chain.getBlockHash(n);
    const block = await api.rpc.chain.getBlock(hash);
    const index = block.block.extrinsics.findIndex((x) => x.hash.toHex() === txHash);
    if (index < 0) continue;
    const all = (await (await api.at(hash)).query.system.events()) as unknown as EventRecord[];
    const events = all.filter((e) => e.phase.isApplyExtrinsic && e.phase.asApplyExtrinsic.toNumber() === index);
    const failed = events.find((e) => api.events.system.ExtrinsicFailed.is(e.event));
    const dispatchError = failed ? (failed.event.data[0] as Parameters<typeof decodeDispatchError>[1]) : null;
    return toResult(chain, txHash as `0x${string}`, hash.toHex(), events, dispatchError);
  }
  return null;
}

/**
 * Submits and requires success: resolves with the TxResult, or throws a DbcChainError naming the
 * runtime error (`rentMachine.GPUNotEnough`) with a plain-language hint.
 */
export async function submitAndCheck(chain: DbcChain, tx: Tx, signer: DbcSigner, options?: SubmitOptions): Promise<TxResult> {
  const r = await submit(chain, tx, signer, options);
  if (!r.ok) throw chainErrorOf(r);
  return r;
}

/** The DbcChainError for a failed TxResult (what `submitAndCheck` throws). */
export function chainErrorOf(r: TxResult): DbcChainError {
  const e = r.error!;
  const hint = DISPATCH_ERROR_HINTS[e.name] ?? e.docs;
  return new DbcChainError('DISPATCH_ERROR', `The transaction failed on chain with ${e.name}${hint ? `: ${hint}` : '.'}`, {
    pallet: e.pallet,
    error: e.error ?? e.name,
    blockHash: r.blockHash,
    details: { txHash: r.txHash, blockHash: r.blockHash, blockNumber: r.blockNumber, error: e.name },
  });
}
