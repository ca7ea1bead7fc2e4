import { DbcInputError, DbcUnsupportedError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { parseRentalId } from './rentalId.js';
import type { RentalId } from './types.js';

/** Options of `endRental`. */
export interface EndRentalParameters {
  signal?: AbortSignal;
  timeoutMs?: number;
}
/** What `endRental` resolves to: the block that ended it. */
export interface EndRentalReturnType {
  rentalId: string;
  blockNumber: number;
  blockHash: string;
}

/**
 * Ends a TerminatingRental rental now; the chain charges the elapsed share of its fee and releases
 * the rest. RentMachine rentals cannot be ended early on chain (they are paid in full at
 * confirmation), so for them this throws DbcUnsupportedError without sending anything.
 *
 * @example
 * ```ts
 * await dbc.rentals.end('t7');
 * ```
 */
export async function endRental(ctx: ClientContext, id: RentalId, opts: EndRentalParameters = {}): Promise<EndRentalReturnType> {
  const { market, rentId } = parseRentalId(id);
  if (market === 'rentMachine')
    throw new DbcUnsupportedError(
      'RENTAL_CANNOT_END_EARLY',
      `Rental ${rentId} is a RentMachine rental; the chain has no way to end those early (they are paid in full at confirmation and end at their end block).`,
      { details: { rentalId: String(id) }, metaMessages: ['Stop or delete its VMs if you no longer need them; only TerminatingRental rentals ("t…") can be ended early.'] },
    );
  const signer = ctx.signer('end a rental');
  const [chain, lib] = await Promise.all([ctx.chain(opts.signal), ctx.chainLib()]);
  const order = await lib.getTerminatingRentOrder(chain, { rentId }, opts);
  if (!order) throw new DbcInputError('RENTAL_NOT_FOUND', `Rental t${rentId} does not exist (already ended).`, { details: { rentalId: `t${rentId}` } });
  if (order.renter !== signer.address)
    throw new DbcInputError('NOT_RENTER', `Rental t${rentId} belongs to ${order.renter}, not to ${signer.address}.`, { details: { rentalId: `t${rentId}` } });
  const r = await lib.submitAndCheck(chain, lib.terminateRentTx(chain, { rentId }), signer, opts);
  ctx.logger.info('rental ended', { rentalId: `t${rentId}`, blockNumber: r.blockNumber });
  return { rentalId: `t${rentId}`, blockNumber: r.blockNumber, blockHash: r.blockHash };
}
