import type { DbcSigner } from '@dbc-cloud/chain';
import { DbcChainError, DbcInputError } from '@dbc-cloud/chain/errors';
import { CONFIRM_WINDOW_BLOCKS } from '@dbc-cloud/chain/units';
import type { ClientContext } from '../client/context.js';
import { getRental } from './getRental.js';
import { parseRentalId } from './rentalId.js';
import type { RentalsState } from './state.js';
import type { Rental, RentalId, RentalMarket } from './types.js';

/** Options of `confirmRental`. */
export interface ConfirmRentalParameters {
  signal?: AbortSignal;
  timeoutMs?: number;
}
/** What `confirmRental` resolves to: the rental, now `renting`. */
export type ConfirmRentalReturnType = Rental;

/** The typed error for a rental whose 150-block confirm window has passed. */
export function confirmWindowMissed(id: string, market: RentalMarket, startBlock: number | undefined, currentBlock: number): DbcChainError {
  const deadline = startBlock === undefined ? undefined : startBlock + CONFIRM_WINDOW_BLOCKS;
  return new DbcChainError(
    'RENT_CONFIRM_WINDOW_MISSED',
    `Rental ${id} was not confirmed within ${CONFIRM_WINDOW_BLOCKS} blocks of its start${deadline === undefined ? '' : ` (deadline block ${deadline}, now ${currentBlock})`}, so it can no longer be confirmed.`,
    {
      pallet: market,
      error: 'ExpiredConfirm',
      details: { rentalId: id, startBlock, deadlineBlock: deadline, currentBlock },
      metaMessages:
        market === 'rentMachine'
          ? ['The chain cancels the order and refunds the reserved rent fee; the fixed fee (10 DBC) is not refunded. Rent again to get a machine.']
          : ['TerminatingRental never cancels unconfirmed orders; end it with rentals.end to release the reserved fee.'],
    },
  );
}

/**
 * Checks, without sending anything, that a rental can still be confirmed; returns it, or null if
 * it is already confirmed.
 */
export async function ensureConfirmable(ctx: ClientContext, state: RentalsState, id: RentalId, opts: ConfirmRentalParameters = {}): Promise<Rental | null> {
  const { market, rentId } = parseRentalId(id);
  const [chain, lib] = await Promise.all([ctx.chain(opts.signal), ctx.chainLib()]);
  const [rental, current] = await Promise.all([getRental(ctx, id, opts), lib.getBlockNumber(chain)]);
  const key = String(id);
  if (!rental) {
    const known = state.rents.get(key);
    if (known && current >= known.startBlock + CONFIRM_WINDOW_BLOCKS) throw confirmWindowMissed(key, market, known.startBlock, current);
    throw new DbcInputError('RENTAL_NOT_FOUND', `Rental ${key} does not exist: it ended, or it was never confirmed and the chain cancelled it.`, {
      details: { rentalId: key, rentId },
    });
  }
  if (rental.status !== 'waiting-confirm') return null;
  // The confirm lands in the next block at the earliest; the chain refuses it after start + 150.
  if (current + 1 - rental.startBlock > CONFIRM_WINDOW_BLOCKS) throw confirmWindowMissed(rental.id, market, rental.startBlock, current);
  return rental;
}

/**
 * Confirms a rental (renter only, within 150 blocks of its start): on RentMachine this pays the
 * reserved fee. Confirming an already confirmed rental returns it unchanged. A missed window is
 * reported as DbcChainError `RENT_CONFIRM_WINDOW_MISSED`.
 *
 * @example
 * ```ts
 * const r = await dbc.rentals.rent({ machineId, gpus: 1, duration: { hours: 2 }, confirm: false });
 * // … check the machine yourself …
 * await dbc.rentals.confirm(r.id);
 * ```
 */
export async function confirmRental(
  ctx: ClientContext,
  state: RentalsState,
  signer: DbcSigner,
  id: RentalId,
  opts: ConfirmRentalParameters = {},
): Promise<ConfirmRentalReturnType> {
  const { market, rentId } = parseRentalId(id);
  const pending = await ensureConfirmable(ctx, state, id, opts);
  if (!pending) return (await getRental(ctx, id, opts))!;
  const [chain, lib] = await Promise.all([ctx.chain(opts.signal), ctx.chainLib()]);
  const tx = market === 'rentMachine' ? lib.confirmRentTx(chain, { rentId }) : lib.terminatingConfirmRentTx(chain, { rentId });
  const r = await lib.submit(chain, tx, signer, { signal: opts.signal, timeoutMs: opts.timeoutMs });
  if (!r.ok) {
    if (r.error?.error === 'ExpiredConfirm' || r.error?.name.endsWith('.ExpiredConfirm'))
      throw confirmWindowMissed(pending.id, market, pending.startBlock, r.blockNumber);
    throw lib.chainErrorOf(r);
  }
  ctx.logger.info('rental confirmed', { rentalId: pending.id, blockNumber: r.blockNumber });
  const rental = await getRental(ctx, id, opts);
  if (!rental) throw confirmWindowMissed(pending.id, market, pending.startBlock, r.blockNumber);
  return rental;
}
