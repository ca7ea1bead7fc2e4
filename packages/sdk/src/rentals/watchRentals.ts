import type { ClientContext } from '../client/context.js';
import { listRentals } from './listRentals.js';
import type { Rental } from './types.js';

/** What `rentals.watch` reports. `ended` carries the rental as last seen. */
export type RentalEvent =
  | { type: 'rental.confirmed'; rental: Rental }
  | { type: 'rental.expiring'; rental: Rental; remainingBlocks: number }
  | { type: 'rental.ended'; rental: Rental; reason: 'expired' | 'cancelled' };

/** Options of `watchRentals`. */
export interface WatchRentalsParameters {
  /** Whose rentals (default: the signer's). */
  renter?: string;
  /** Report `rental.expiring` this many blocks before the end (default 600, one hour). */
  expiringLeadBlocks?: number;
  /** Read failures (the watch keeps going on the next block). */
  onError?: (error: unknown) => void;
}

/** Stops a watch. */
export type Unwatch = () => void;

/**
 * Follows new blocks and reports the renter's rentals getting confirmed, nearing their end and
 * ending. The chain emits no event when a rental ends or an unconfirmed one is cancelled, so the
 * watch compares the renter's orders block by block.
 *
 * @example
 * ```ts
 * const stop = dbc.rentals.watch({ expiringLeadBlocks: 600 }, (e) => notify(e.type, e.rental.id));
 * ```
 */
export function watchRentals(ctx: ClientContext, params: WatchRentalsParameters, listener: (event: RentalEvent) => void): Unwatch {
  const lead = params.expiringLeadBlocks ?? 600;
  const renter = params.renter ?? ctx.signer('watch your rentals').address;
  let stopped = false;
  let unsub: (() => void) | null = null;
  let known: Map<string, Rental> | null = null;
  const warned = new Set<string>();
  let running = false;
  let again = false;

  const emit = (e: RentalEvent) => {
    try {
      listener(e);
    } catch (err) {
      params.onError?.(err);
    }
  };

  const tick = async () => {
    // Blocks may come faster than reads; coalesce them into one more read.
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        const now = await listRentals(ctx, { renter });
        if (stopped) return;
        const next = new Map(now.map((r) => [r.id, r]));
        for (const r of now) {
          const before = known?.get(r.id);
          if (before?.status === 'waiting-confirm' && r.status === 'renting') emit({ type: 'rental.confirmed', rental: r });
          const warnKey = `${r.id}@${r.endBlock}`;
          if (r.status === 'renting' && r.remainingBlocks <= lead && !warned.has(warnKey)) {
            warned.add(warnKey);
            emit({ type: 'rental.expiring', rental: r, remainingBlocks: r.remainingBlocks });
          }
          if (r.status === 'expired' && before && before.status !== 'expired') emit({ type: 'rental.ended', rental: r, reason: 'expired' });
        }
        for (const [id, r] of known ?? []) {
          if (!next.has(id) && r.status !== 'expired')
            emit({ type: 'rental.ended', rental: r, reason: r.status === 'waiting-confirm' ? 'cancelled' : 'expired' });
        }
        known = next;
      } while (again && !stopped);
    } catch (e) {
      params.onError?.(e);
    } finally {
      running = false;
    }
  };

  void (async () => {
    try {
      const chain = await ctx.chain();
      if (stopped) return;
      const u = await chain.api.rpc.chain.subscribeNewHeads(() => void tick());
      if (stopped) u();
      else unsub = u;
    } catch (e) {
      params.onError?.(e);
    }
  })();

  return () => {
    stopped = true;
    unsub?.();
    unsub = null;
  };
}
