import type { TxStatus } from '@dbc-cloud/chain';

/**
 * An amount of DBC in both forms: `planck` for arithmetic (1 DBC = 10^15 planck) and `dbc` for
 * display, written in full precision ("1234.5") so nothing is lost; truncate it in your UI.
 */
export interface Amount {
  planck: bigint;
  dbc: string;
}

/** What every network call accepts. */
export interface CallOptions {
  /** Stops waiting; the call rejects with DbcAbortError. */
  signal?: AbortSignal;
  /** Gives up after this many milliseconds with DbcTimeoutError (the whole call, checks included). */
  timeoutMs?: number;
}

/**
 * Progress of a transaction: `checking` while the SDK validates balances and preconditions, then
 * the chain's stages (`signing`, `broadcast`, `inBlock`, `finalized`, and `reconnecting` when the
 * connection drops while it is in flight).
 */
export type TxProgress = { type: 'checking' } | TxStatus;

/** What every money-moving call accepts. */
export interface TxCallOptions extends CallOptions {
  /** Called at each stage, e.g. to show "waiting for your wallet" and then "in block". */
  onProgress?: (progress: TxProgress) => void;
  /** Resolve when the transaction is in a block (default) or when that block is final. */
  waitFor?: 'inBlock' | 'finalized';
}

/** Proof that a transaction succeeded on chain. */
export interface TxReceipt {
  txHash: `0x${string}`;
  blockHash: `0x${string}`;
  blockNumber: number;
  /** Transaction fee paid (the GenericFunc fixed fee of some miner calls is not part of it). */
  fee: Amount;
}
