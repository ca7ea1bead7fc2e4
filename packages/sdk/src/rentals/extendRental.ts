import { DbcInputError } from '@dbc-cloud/chain/errors';
import { formatDbc, roundUpToHalfHour } from '@dbc-cloud/chain/units';
import type { ClientContext } from '../client/context.js';
import { MAX_RENTAL_BLOCKS, toExtendDurationBlocks, type DurationInput } from './duration.js';
import { getRental } from './getRental.js';
import { quoteTerminatingRentFee } from './quoteTerminatingRent.js';
import { parseRentalId } from './rentalId.js';
import type { Rental, RentalId } from './types.js';

/** Parameters of `extendRental`: how much longer, in blocks (≥ 100) or human units. */
export interface ExtendRentalParameters extends DurationInput {
  signal?: AbortSignal;
  timeoutMs?: number;
}
/** What `extendRental` resolves to: the rental with its new end. */
export type ExtendRentalReturnType = Rental;

/**
 * Extends a confirmed rental (relet), paying the extension at once (RentMachine) or reserving it
 * (TerminatingRental). Checked before sending: at least 100 blocks, the end no more than 60 days
 * from now (the chain would otherwise shorten it without saying so), and the balance.
 *
 * @example
 * ```ts
 * await dbc.rentals.extend(rental.id, { duration: { hours: 1 } });
 * ```
 */
export async function extendRental(ctx: ClientContext, id: RentalId, params: ExtendRentalParameters): Promise<ExtendRentalReturnType> {
  const { market, rentId } = parseRentalId(id);
  const blocks = toExtendDurationBlocks(params);
  const signer = ctx.signer('extend a rental');
  const opts = { signal: params.signal, timeoutMs: params.timeoutMs };
  const [chain, lib] = await Promise.all([ctx.chain(params.signal), ctx.chainLib()]);
  const [rental, current] = await Promise.all([getRental(ctx, id, opts), lib.getBlockNumber(chain, opts)]);
  if (!rental) throw new DbcInputError('RENTAL_NOT_FOUND', `Rental ${String(id)} does not exist (it ended or was cancelled); rent again instead.`, { details: { rentalId: String(id) } });
  if (rental.renter !== signer.address)
    throw new DbcInputError('NOT_RENTER', `Rental ${rental.id} belongs to ${rental.renter}, not to ${signer.address}.`, { details: { rentalId: rental.id } });
  if (rental.status !== 'renting')
    throw new DbcInputError('RENTAL_NOT_CONFIRMED', `Rental ${rental.id} is ${rental.status}; only a confirmed, running rental can be extended.`, {
      details: { rentalId: rental.id, status: rental.status },
    });
  const maxBlocks = current + MAX_RENTAL_BLOCKS - rental.endBlock;
  if (blocks > maxBlocks)
    throw new DbcInputError(
      'RENT_TOO_LONG',
      `Rental ${rental.id} may end at most 60 days from now; it can be extended by ${Math.max(0, maxBlocks)} blocks at most, not ${blocks}.`,
      { details: { rentalId: rental.id, durationBlocks: blocks, maxBlocks: Math.max(0, maxBlocks) } },
    );

  // RentMachine quotes whole half hours; rounding up gives an upper bound of the extension's fee.
  const fee =
    market === 'rentMachine'
      ? (await lib.quoteRentFee(chain, { machineId: rental.machineId, gpus: rental.gpus, durationBlocks: roundUpToHalfHour(blocks) })).feePlanck
      : await quoteTerminatingRentFee(lib, chain, (await lib.getTerminatingMachineInfo(chain, { machineId: rental.machineId }))!, rental.gpus, blocks);
  const tx = market === 'rentMachine' ? lib.reletMachineTx(chain, { rentId, durationBlocks: blocks }) : lib.terminatingReletMachineTx(chain, { rentId, durationBlocks: blocks });
  const [balance, info] = await Promise.all([lib.getBalance(chain, { address: signer.address }), tx.paymentInfo(signer.address)]);
  const need = fee + info.partialFee.toBigInt();
  if (balance.transferablePlanck <= need)
    throw new DbcInputError(
      'INSUFFICIENT_BALANCE',
      `${signer.address} has ${formatDbc(balance.transferablePlanck, { symbol: true })} available; extending rental ${rental.id} by ${blocks} blocks needs more than ${formatDbc(need, { symbol: true })}.`,
      { details: { renter: signer.address, availablePlanck: String(balance.transferablePlanck), needPlanck: String(need) } },
    );
  await lib.submitAndCheck(chain, tx, signer, opts);
  ctx.logger.info('rental extended', { rentalId: rental.id, durationBlocks: blocks });
  return (await getRental(ctx, id, opts))!;
}
