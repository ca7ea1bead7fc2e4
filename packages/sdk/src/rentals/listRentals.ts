import type { ClientContext } from '../client/context.js';
import { readClock } from './getRental.js';
import { toRental } from './toRental.js';
import type { Rental } from './types.js';

/** Parameters of `listRentals`. */
export interface ListRentalsParameters {
  /** Whose rentals (default: the configured signer's address). */
  renter?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}
/** What `listRentals` resolves to: live orders of both markets, oldest first. */
export type ListRentalsReturnType = Rental[];

/**
 * The renter's live rentals in both markets (ended orders are deleted on chain, so they are gone).
 *
 * @example
 * ```ts
 * for (const r of await dbc.rentals.list()) console.log(r.id, r.status, r.remainingBlocks);
 * ```
 */
export async function listRentals(ctx: ClientContext, params: ListRentalsParameters = {}): Promise<ListRentalsReturnType> {
  const renter = params.renter ?? ctx.signer('list your rentals').address;
  const [chain, lib] = await Promise.all([ctx.chain(params.signal), ctx.chainLib()]);
  const [rm, tr, clock] = await Promise.all([
    lib.getRenterOrders(chain, { renter }, params),
    lib.getTerminatingRenterOrders(chain, { renter }, params),
    readClock(ctx, params),
  ]);
  return [
    ...rm.map((o) => toRental(o, 'rentMachine', clock)),
    ...tr.map((o) => toRental(o, 'terminatingRental', clock)),
  ].sort((a, b) => a.startBlock - b.startBlock || a.rentId - b.rentId);
}
