import type { ClientContext } from '../client/context.js';
import { parseRentalId } from './rentalId.js';
import { toRental, type ChainClock } from './toRental.js';
import type { Rental, RentalId } from './types.js';

/** Options of `getRental`. */
export interface GetRentalParameters {
  signal?: AbortSignal;
  timeoutMs?: number;
}
/** What `getRental` resolves to: null once the order ended or was cancelled (the chain deletes it). */
export type GetRentalReturnType = Rental | null;

/** The chain's best block and timestamp, read together. */
export async function readClock(ctx: ClientContext, opts: GetRentalParameters = {}): Promise<ChainClock> {
  const [chain, lib] = await Promise.all([ctx.chain(opts.signal), ctx.chainLib()]);
  const [block, timestampMs] = await Promise.all([lib.getBlockNumber(chain, opts), lib.getChainTimestamp(chain, opts)]);
  return { block, timestampMs };
}

/**
 * One rental by id, from either market.
 *
 * @example
 * ```ts
 * const r = await dbc.rentals.get('42');
 * if (r?.status === 'renting') console.log(`ends ${r.endsAt.toISOString()}`);
 * ```
 */
export async function getRental(ctx: ClientContext, id: RentalId, opts: GetRentalParameters = {}): Promise<GetRentalReturnType> {
  const { market, rentId } = parseRentalId(id);
  const [chain, lib] = await Promise.all([ctx.chain(opts.signal), ctx.chainLib()]);
  const read = market === 'terminatingRental' ? lib.getTerminatingRentOrder : lib.getRentOrder;
  const [order, clock] = await Promise.all([read(chain, { rentId }, opts), readClock(ctx, opts)]);
  return order ? toRental(order, market, clock) : null;
}
