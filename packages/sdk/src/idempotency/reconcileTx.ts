import type { DbcChain, TxResult } from '@dbc-cloud/chain';

type ChainLib = typeof import('@dbc-cloud/chain');

/** A signed transaction whose outcome was not seen: what `reconcileTx` looks for. */
export interface SentTx {
  txHash: string;
  /** The account nonce it was signed with; without it only the blocks can tell. */
  nonce?: number;
  /** Best block before it was signed: it can only be in later blocks. */
  startBlock?: number;
  /** The signing account. */
  address: string;
}

/**
 * What became of a transaction, from the chain alone:
 * - `included`: in a block since `startBlock`; `result.ok` tells whether it succeeded there.
 * - `pending`: still in the node's pool when the wait ran out; it may yet be included.
 * - `not-sent`: in no block and not in the pool, and its nonce is still unused: it never reached
 *   a block, and a new attempt signed with the same nonce excludes it.
 * - `nonce-used`: every block since `startBlock` was read and it is in none, but its nonce was
 *   used: another transaction took the slot, so this one can never be included.
 * - `unreadable`: its nonce was used, but some blocks since `startBlock` could not be read (pruned
 *   state, node errors), so whether it was ours is unknown; `error` is the first read error.
 */
export type TxReconcileOutcome =
  | { kind: 'included'; result: TxResult }
  | { kind: 'pending' }
  | { kind: 'not-sent' }
  | { kind: 'nonce-used' }
  | { kind: 'unreadable'; error: unknown };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Finds out what a recorded transaction did, never sending anything: the blocks since the attempt
 * started, then — while it is still in the pool — new blocks until `timeoutMs` (default 120 s),
 * then the account nonce, with every block up to the best one after that read scanned too, so a
 * transaction included meanwhile is not taken for a stranger.
 *
 * Transport faults are thrown (the caller retries the whole read); other errors reading a block
 * are remembered and only matter when the nonce was used (`unreadable`).
 */
export async function reconcileTx(
  lib: ChainLib,
  chain: DbcChain,
  tx: SentTx,
  opts: {
    timeoutMs?: number;
    signal?: AbortSignal;
    /** Count blocks that fail with a transport fault as unreadable instead of throwing. */
    faultsAsUnreadable?: boolean;
  } = {},
): Promise<TxReconcileOutcome> {
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  // After a dropped connection, reads fail until the provider is back; wait for it instead.
  while (!chain.isConnected && Date.now() < deadline) {
    if (opts.signal?.aborted) break;
    await sleep(100);
  }
  const read = { signal: opts.signal };
  let scanned = tx.startBlock ?? 0;
  let unreadable: { error: unknown } | null = null;
  // Reads blocks (scanned, to] one by one, so a block that cannot be read is remembered, not skipped silently.
  const scanTo = async (to: number): Promise<TxResult | null> => {
    for (; scanned < to; scanned++) {
      try {
        const found = await lib.findIncluded(chain, tx.txHash, scanned, scanned + 1);
        if (found) return found;
      } catch (e) {
        if (lib.isNetworkFault(e) && !opts.faultsAsUnreadable) throw e;
        unreadable ??= { error: e };
      }
    }
    return null;
  };

  for (;;) {
    const found = await scanTo(await lib.getBlockNumber(chain, read));
    if (found) return { kind: 'included', result: found };
    if (!(await isPending(lib, chain, tx.txHash))) break;
    // Still in the pool: it may yet be included, so wait rather than decide.
    if (Date.now() > deadline || opts.signal?.aborted) return { kind: 'pending' };
    await sleep(500);
  }

  // Not in the pool now. Read the nonce, then every block up to the best one after that read, so
  // the blocks read cover the state the nonce came from: an unused nonce means it was not included
  // by then, and it had already left the pool; a used one, with it in none of the blocks read,
  // means another transaction took the slot.
  const { nonce } = await lib.getBalance(chain, { address: tx.address }, read);
  const found = await scanTo(await lib.getBlockNumber(chain, read));
  if (found) return { kind: 'included', result: found };
  if (tx.nonce !== undefined && nonce <= tx.nonce) return { kind: 'not-sent' };
  return unreadable ? { kind: 'unreadable', error: (unreadable as { error: unknown }).error } : { kind: 'nonce-used' };
}

/** Whether the node's pool holds `txHash`. A transport fault is thrown: "unknown" must not read as "not pending". */
async function isPending(lib: ChainLib, chain: DbcChain, txHash: string): Promise<boolean> {
  try {
    const pending = await chain.api.rpc.author.pendingExtrinsics();
    return pending.some((x) => x.hash.toHex() === txHash);
  } catch (e) {
    if (lib.isNetworkFault(e)) throw e;
    // A node that refuses the call (RPC methods restricted): as before, the nonce decides.
    return false;
  }
}
