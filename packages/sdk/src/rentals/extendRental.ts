import type { DbcChain } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import { formatDbc, roundUpToHalfHour } from '@dbc-cloud/chain/units';
import type { ClientContext } from '../client/context.js';
import { checkIdempotencyKey, findRecord, keyReusedError, storeKeyOf } from '../idempotency/keys.js';
import { resumeRecordedTx, sendRecordedTx, type RecordedTx } from '../idempotency/recordedTx.js';
import { MAX_RENTAL_BLOCKS, toExtendDurationBlocks, type DurationInput } from './duration.js';
import { getRental } from './getRental.js';
import type { ExtendIdempotencyRecord } from './idempotency.js';
import { formatRentalId, parseRentalId } from './rentalId.js';
import { withKeyLock, type RentalsState } from './state.js';
import type { Rental, RentalId, RentalMarket } from './types.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** Parameters of `extendRental`: how much longer, in blocks (≥ 100) or human units. */
export interface ExtendRentalParameters extends DurationInput {
  /**
   * Same key, same result: a retry never extends (and pays) twice; it returns the rental as the
   * first successful attempt left it (re-read from the chain). Stored in the configured
   * IdempotencyStore under `extend:<key>`, so the key may also be the rent's.
   */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Per transaction (default 120 s). */
  timeoutMs?: number;
}
/** What `extendRental` resolves to: the rental with its new end. */
export type ExtendRentalReturnType = Rental;

/**
 * Extends a confirmed rental (relet), paying the extension at once (RentMachine) or reserving it
 * (TerminatingRental). Checked before sending: at least 100 blocks, the end no more than 60 days
 * from now (the chain would otherwise shorten it without saying so), and the balance.
 *
 * With an `idempotencyKey` the attempt is recorded before it is sent (the signed transaction's
 * hash, nonce and the start block), and a retry with the same key never pays twice: after a
 * success it returns the rental re-read from the chain; after a timeout, a dropped connection or a
 * crash it first asks the chain what the recorded transaction did (included, failed in its block,
 * never sent, or its nonce taken by another transaction) and sends again only if nothing was
 * extended. While that transaction is still in the pool it throws `TX_TIMEOUT` and sends nothing.
 * The same key with another rental or duration is refused (`INPUT_IDEMPOTENCY_KEY_REUSED`).
 *
 * @example
 * ```ts
 * await dbc.rentals.extend(rental.id, { duration: { hours: 1 }, idempotencyKey: `${order.id}:extend-1` });
 * ```
 */
export async function extendRental(ctx: ClientContext, state: RentalsState, id: RentalId, params: ExtendRentalParameters): Promise<ExtendRentalReturnType> {
  const key = params.idempotencyKey;
  checkIdempotencyKey(key);
  const { market, rentId } = parseRentalId(id);
  const blocks = toExtendDurationBlocks(params);
  const signer = ctx.signer('extend a rental');
  const target: ExtendTarget = { market, rentId, rentalId: formatRentalId(market, rentId), blocks, renter: signer.address };
  return withKeyLock(state, key === undefined ? undefined : storeKeyOf('extend', key), () => extendOnce(ctx, state, target, params));
}

/** What an extension is of: the rental (parsed and in the SDK's spelling), by how much, by whom. */
interface ExtendTarget {
  market: RentalMarket;
  rentId: number;
  rentalId: string;
  blocks: number;
  renter: string;
}

async function extendOnce(ctx: ClientContext, state: RentalsState, target: ExtendTarget, params: ExtendRentalParameters): Promise<Rental> {
  const { market, rentId, rentalId: id, blocks } = target;
  const signer = ctx.signer('extend a rental');
  const opts = { signal: params.signal, timeoutMs: params.timeoutMs };
  const [chain, lib] = await Promise.all([ctx.chain(params.signal), ctx.chainLib()]);
  const key = params.idempotencyKey;

  const existing = key === undefined ? undefined : await findRecord(state.store, 'extend', key);
  if (existing) {
    if (existing.rentalId !== id || existing.durationBlocks !== blocks || existing.renter !== signer.address)
      throw keyReusedError(
        key!,
        `The idempotency key "${key}" was already used to extend rental ${existing.rentalId} by ${existing.durationBlocks} blocks; use a new key for another extension.`,
        { rentalId: existing.rentalId, durationBlocks: existing.durationBlocks },
      );
    if (existing.blockNumber !== undefined) return extendedRental(ctx, id, opts);
    const done = await resumeRecordedTx(extendAttempt(ctx, state, lib, chain, existing, params));
    if (done) {
      await state.store.set({ ...existing, blockNumber: done.blockNumber });
      return extendedRental(ctx, id, opts);
    }
  }

  const [rental, current] = await Promise.all([getRental(ctx, id, opts), lib.getBlockNumber(chain, opts)]);
  if (!rental) throw new DbcInputError('RENTAL_NOT_FOUND', `Rental ${id} does not exist (it ended or was cancelled); rent again instead.`, { details: { rentalId: id } });
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
      : (await lib.quoteTerminatingRentFee(chain, { machineId: rental.machineId, gpus: rental.gpus, durationBlocks: blocks })).feePlanck;
  const tx = market === 'rentMachine' ? lib.reletMachineTx(chain, { rentId, durationBlocks: blocks }) : lib.terminatingReletMachineTx(chain, { rentId, durationBlocks: blocks });
  const [balance, info] = await Promise.all([lib.getBalance(chain, { address: signer.address }), tx.paymentInfo(signer.address)]);
  const need = fee + info.partialFee.toBigInt();
  if (balance.transferablePlanck <= need)
    throw new DbcInputError(
      'INSUFFICIENT_BALANCE',
      `${signer.address} has ${formatDbc(balance.transferablePlanck, { symbol: true })} available; extending rental ${rental.id} by ${blocks} blocks needs more than ${formatDbc(need, { symbol: true })}.`,
      { details: { renter: signer.address, availablePlanck: String(balance.transferablePlanck), needPlanck: String(need) } },
    );
  if (key === undefined) await lib.submitAndCheck(chain, tx, signer, opts);
  else {
    const rec: ExtendIdempotencyRecord = {
      key: storeKeyOf('extend', key),
      kind: 'extend',
      rentalId: id,
      durationBlocks: blocks,
      renter: signer.address,
      createdAt: Date.now(),
    };
    const { value } = await sendRecordedTx(extendAttempt(ctx, state, lib, chain, rec, params), tx, signer, opts);
    await state.store.set({ ...rec, blockNumber: value.blockNumber });
  }
  ctx.logger.info('rental extended', { rentalId: rental.id, durationBlocks: blocks });
  return extendedRental(ctx, id, opts);
}

/** An extension for the shared record-before-send and reconcile-on-retry path: success is inclusion without a dispatch error. */
function extendAttempt(
  ctx: ClientContext,
  state: RentalsState,
  lib: ChainLib,
  chain: DbcChain,
  rec: ExtendIdempotencyRecord,
  params: ExtendRentalParameters,
): RecordedTx<ExtendIdempotencyRecord, { blockNumber: number }> {
  return {
    lib,
    chain,
    rec,
    store: state.store,
    address: rec.renter,
    valueOf: (result) => ({ blockNumber: result.blockNumber }),
    signal: params.signal,
    timeoutMs: params.timeoutMs,
    logger: ctx.logger,
  };
}

/** The rental after its extension, read again from the chain. */
async function extendedRental(ctx: ClientContext, id: string, opts: { signal?: AbortSignal; timeoutMs?: number }): Promise<Rental> {
  const rental = await getRental(ctx, id, opts);
  if (!rental) throw new DbcInputError('RENTAL_NOT_FOUND', `Rental ${id} was extended, but it no longer exists on chain: it has ended.`, { details: { rentalId: id } });
  return rental;
}
