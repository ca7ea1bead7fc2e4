import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { RentalId, RentalMarket } from './types.js';

/** A rental id taken apart: its market and the chain's rent id there. */
export interface ParsedRentalId {
  market: RentalMarket;
  rentId: number;
}

/** The SDK's id of an order: RentMachine ids are the chain's, TerminatingRental ids get a `t`. */
export function formatRentalId(market: RentalMarket, rentId: number): string {
  return market === 'terminatingRental' ? `t${rentId}` : String(rentId);
}

/**
 * Reads a rental id. Refused before anything is sent: the two markets number their orders
 * separately, so a malformed id could name someone else's order in the other market.
 */
export function parseRentalId(id: RentalId): ParsedRentalId {
  const text = typeof id === 'string' ? id.trim() : typeof id === 'number' || typeof id === 'bigint' ? String(id) : '';
  const m = /^(t?)(\d{1,15})$/.exec(text);
  if (!m || (typeof id === 'number' && !Number.isSafeInteger(id))) {
    throw new DbcInputError('INVALID_RENTAL_ID', `"${String(id)}" is not a rental id; expected a rent id such as "42" (or "t42" for a terminating rental).`, {
      details: { rentalId: String(id) },
    });
  }
  return { market: m[1] ? 'terminatingRental' : 'rentMachine', rentId: Number(m[2]) };
}
