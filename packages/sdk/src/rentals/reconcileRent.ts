import type { DbcChain, TxResult } from '@dbc-cloud/chain';
import type { IdempotencyRecord } from './idempotency.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** What became of a rent transaction whose outcome was not seen. */
export type ReconcileOutcome =
  | { kind: 'rented'; rentId: number; blockNumber: number }
  /** It failed in its block: nothing was rented. */
  | { kind: 'failed'; error: string }
  /** It was never included and can no longer be (its nonce is unused or used by another transaction). */
  | { kind: 'not-sent' };

/** The rent id a rent transaction's events carry (Rent or RentBlockNum), or null. */
export function rentIdOf(lib: ChainLib, result: Pick<TxResult, 'events'>): number | null {
  const ev = lib.findEvents(result, 'rentMachine.Rent')[0] ?? lib.findEvents(result, 'terminatingRental.RentBlockNum')[0];
  return ev ? Number(ev.event.data[0]!.toString()) : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Finds out, from the chain alone, what a recorded rent attempt did: first the blocks since the
 * attempt (`findIncluded`), then — if the transaction is still in the pool — waits for it, then the
 * account nonce, and finally the renter's live orders. Never sends anything.
 */
export async function reconcileRent(
  lib: ChainLib,
  chain: DbcChain,
  rec: IdempotencyRecord,
  opts: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<ReconcileOutcome> {
  const fromBlock = rec.startBlock ?? 0;
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  // After a dropped connection, reads fail until the provider is back; wait for it instead.
  while (!chain.isConnected && Date.now() < deadline) {
    if (opts.signal?.aborted) break;
    await sleep(100);
  }
  const fromResult = (r: TxResult): ReconcileOutcome => {
    if (!r.ok) return { kind: 'failed', error: r.error?.name ?? 'unknown' };
    const rentId = rentIdOf(lib, r);
    return rentId === null ? { kind: 'failed', error: 'no Rent event' } : { kind: 'rented', rentId, blockNumber: r.blockNumber };
  };

  if (rec.txHash) {
    let scanned = fromBlock;
    for (;;) {
      const best = await lib.getBlockNumber(chain, { signal: opts.signal });
      const found = best > scanned ? await lib.findIncluded(chain, rec.txHash, scanned, best).catch(() => null) : null;
      if (found) return fromResult(found);
      scanned = Math.max(scanned, best);
      const pending = await chain.api.rpc.author.pendingExtrinsics().catch(() => []);
      if (!pending.some((x) => x.hash.toHex() === rec.txHash) || Date.now() > deadline) break;
      // Still in the pool: it may yet be included, so wait rather than decide.
      await sleep(500);
    }
  }

  // Not in any block since the attempt and not pending. If the nonce it was signed with is still
  // unused, a new attempt reuses that nonce, so at most one of the two can ever be included.
  const { nonce } = await lib.getBalance(chain, { address: rec.renter });
  if (rec.nonce !== undefined && nonce <= rec.nonce) return { kind: 'not-sent' };

  // The nonce was used: by our transaction in a block we could not read (pruned), or by another.
  // The renter's live orders tell which.
  const orders =
    rec.market === 'terminatingRental'
      ? await lib.getTerminatingRenterOrders(chain, { renter: rec.renter })
      : await lib.getRenterOrders(chain, { renter: rec.renter });
  const match = orders
    .filter((o) => o.machineId === rec.machineId && o.gpuNum === rec.gpus && o.rentStartBlock > fromBlock)
    .sort((a, b) => a.rentStartBlock - b.rentStartBlock)[0];
  return match ? { kind: 'rented', rentId: match.rentId, blockNumber: match.rentStartBlock } : { kind: 'not-sent' };
}
