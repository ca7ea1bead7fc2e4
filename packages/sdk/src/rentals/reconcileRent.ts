import type { DbcChain, TxResult } from '@dbc-cloud/chain';
import type { RentIdempotencyRecord } from './idempotency.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** What a rent transaction gives: the rent id and the block that included it (the order's start). */
export interface RentOutcome {
  rentId: number;
  blockNumber: number;
}

/** The rent id a rent transaction's events carry (Rent or RentBlockNum), or null. */
export function rentIdOf(lib: ChainLib, result: Pick<TxResult, 'events'>): number | null {
  const ev = lib.findEvents(result, 'rentMachine.Rent')[0] ?? lib.findEvents(result, 'terminatingRental.RentBlockNum')[0];
  return ev ? Number(ev.event.data[0]!.toString()) : null;
}

/** What a successful rent transaction gives, from its events. */
export function rentOutcomeOf(lib: ChainLib, result: TxResult): RentOutcome | null {
  const rentId = rentIdOf(lib, result);
  return rentId === null ? null : { rentId, blockNumber: result.blockNumber };
}

/**
 * The rent a recorded attempt made, read from the renter's live orders: the first order on the
 * same machine with the same GPU count that started after the attempt. Reconciliation asks this
 * when the rent transaction is in no readable block but its nonce was used (blocks whose state is
 * pruned, or another transaction in the slot), the one case the blocks alone cannot settle.
 */
export async function findRentOrder(lib: ChainLib, chain: DbcChain, rec: RentIdempotencyRecord): Promise<RentOutcome | null> {
  const fromBlock = rec.startBlock ?? 0;
  const orders =
    rec.market === 'terminatingRental'
      ? await lib.getTerminatingRenterOrders(chain, { renter: rec.renter })
      : await lib.getRenterOrders(chain, { renter: rec.renter });
  const match = orders
    .filter((o) => o.machineId === rec.machineId && o.gpuNum === rec.gpus && o.rentStartBlock > fromBlock)
    .sort((a, b) => a.rentStartBlock - b.rentStartBlock)[0];
  return match ? { rentId: match.rentId, blockNumber: match.rentStartBlock } : null;
}
