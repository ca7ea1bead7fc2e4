import type { DbcChain, DbcSigner } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { checkIdempotencyKey, findRecord, keyReusedError, storeKeyOf } from '../idempotency/keys.js';
import { resumeRecordedTx, sendRecordedTx, type RecordedTx } from '../idempotency/recordedTx.js';
import { checkRentalOnNode } from './checkRentalOnNode.js';
import { confirmRental, ensureConfirmable } from './confirmRental.js';
import { getRental } from './getRental.js';
import type { RentIdempotencyRecord } from './idempotency.js';
import { findRentOrder, rentOutcomeOf, type RentOutcome } from './reconcileRent.js';
import { formatRentalId } from './rentalId.js';
import { withKeyLock, type RentalsState } from './state.js';
import type { Rental, RentProgress } from './types.js';
import { checkRentShape, validateRent, type RentRequest } from './validateRent.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** Parameters of `rentMachine`. */
export interface RentMachineParameters extends RentRequest {
  /** Same key, same result: a retry never rents twice (stored in the configured IdempotencyStore). */
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Per transaction (default 120 s). */
  timeoutMs?: number;
  onProgress?: (progress: RentProgress) => void;
  /** Confirm (and pay) once the machine answers (default true); false leaves it for `rentals.confirm`. */
  confirm?: boolean;
  /** Check the machine on its client node before confirming (default true; needs a client node). */
  checkNode?: boolean;
}
/** What `rentMachine` resolves to. */
export type RentMachineReturnType = Rental;

/**
 * Rents GPUs of a machine, safely: validates everything before signing, records the attempt
 * (transaction hash and start block) before sending, reads the rent id from the Rent event,
 * checks the machine on its client node, then confirms inside the 150-block window.
 *
 * A retry with the same `idempotencyKey` never rents twice: it returns the first result
 * (confirming it if that had not happened yet), and when only the transaction hash is known (a
 * crash between submit and confirm) it reconciles from the chain before doing anything else.
 *
 * @example
 * ```ts
 * const rental = await dbc.rentals.rent({
 *   machineId, gpus: 1, duration: { hours: 2 }, idempotencyKey: order.id,
 *   onProgress: (p) => console.log(p.stage),
 * });
 * ```
 */
export function rentMachine(ctx: ClientContext, state: RentalsState, params: RentMachineParameters): Promise<RentMachineReturnType> {
  const key = params.idempotencyKey;
  try {
    checkIdempotencyKey(key);
  } catch (e) {
    return Promise.reject(e);
  }
  return withKeyLock(state, key === undefined ? undefined : storeKeyOf('rent', key), () => rentOnce(ctx, state, params));
}

async function rentOnce(ctx: ClientContext, state: RentalsState, params: RentMachineParameters): Promise<Rental> {
  const progress = (p: RentProgress) => params.onProgress?.(p);
  progress({ stage: 'validating' });
  const signer = ctx.signer('rent a machine');
  const shape = checkRentShape(params);
  const [chain, lib] = await Promise.all([ctx.chain(params.signal), ctx.chainLib()]);
  const key = params.idempotencyKey;

  const existing = key === undefined ? undefined : await findRecord(state.store, 'rent', key);
  if (existing) {
    if (existing.machineId !== shape.machineId || existing.gpus !== shape.gpus || existing.durationBlocks !== shape.durationBlocks || existing.renter !== signer.address)
      throw keyReusedError(key!, `The idempotency key "${key}" was already used for a different rental; use a new key for a new rental.`, {
        machineId: existing.machineId,
        gpus: existing.gpus,
        durationBlocks: existing.durationBlocks,
      });
    const resumed = await resumeRent(ctx, state, lib, chain, signer, existing, params);
    if (resumed) return resumed;
  }

  const plan = await validateRent(lib, chain, signer, params);
  // Checked now, while nothing is sent yet: a missing client node must not leave an unconfirmed rent.
  if (plan.market === 'rentMachine' && params.checkNode !== false && params.confirm !== false) ctx.node();
  const rec: RentIdempotencyRecord = {
    key: key ?? '',
    kind: 'rent',
    machineId: plan.machineId,
    gpus: plan.gpus,
    durationBlocks: plan.durationBlocks,
    renter: signer.address,
    market: plan.market,
    createdAt: Date.now(),
  };
  // Recorded with its start block, then its hash and nonce before it leaves; an unknown outcome
  // (dropped connection, timeout) is settled from the chain, never by sending again.
  const { value } = await sendRecordedTx(rentAttempt(ctx, state, lib, chain, rec, params), plan.tx, signer, {
    signal: params.signal,
    timeoutMs: params.timeoutMs,
    onStatus: (s) => {
      if (s.type === 'signing') progress({ stage: 'signing' });
      else if (s.type === 'broadcast') progress({ stage: 'submitted', txHash: s.txHash });
    },
  });
  return afterRentRetrying(ctx, state, lib, signer, { ...rec, rentId: String(value.rentId), rentBlock: value.blockNumber }, params);
}

/** A rent attempt for the shared record-before-send and reconcile-on-retry path. */
function rentAttempt(
  ctx: ClientContext,
  state: RentalsState,
  lib: ChainLib,
  chain: DbcChain,
  rec: RentIdempotencyRecord,
  params: RentMachineParameters,
): RecordedTx<RentIdempotencyRecord, RentOutcome> {
  return {
    lib,
    chain,
    rec,
    store: rec.key ? state.store : undefined,
    address: rec.renter,
    valueOf: (result) => rentOutcomeOf(lib, result),
    // The rent transaction in no readable block but its nonce used: the renter's orders tell.
    findEffect: () => findRentOrder(lib, chain, rec),
    missingValueError: (result) => lib.chainErrorOf({ ...result, error: { name: `${rec.market ?? 'rentMachine'}.NoRentEvent` } }),
    signal: params.signal,
    timeoutMs: params.timeoutMs,
    logger: ctx.logger,
    onReconciling: (txHash) => params.onProgress?.({ stage: 'reconciling', txHash }),
  };
}

/** Continues an attempt found in the store; null when nothing was rented and a fresh attempt may go. */
async function resumeRent(
  ctx: ClientContext,
  state: RentalsState,
  lib: ChainLib,
  chain: DbcChain,
  signer: DbcSigner,
  rec: RentIdempotencyRecord,
  params: RentMachineParameters,
): Promise<Rental | null> {
  if (rec.failed) return null;
  if (rec.rentId !== undefined) return afterRentRetrying(ctx, state, lib, signer, rec, params);
  const rented = await resumeRecordedTx(rentAttempt(ctx, state, lib, chain, rec, params));
  if (!rented) return null;
  return afterRentRetrying(ctx, state, lib, signer, { ...rec, rentId: String(rented.rentId), rentBlock: rented.blockNumber }, params);
}

/**
 * `afterRent`, repeated through dropped connections: once the rent is in a block, every later
 * step re-reads the chain before acting (a confirm already done is not sent again), so repeating
 * it is safe, and giving up would leave a paid-for reserve unconfirmed.
 */
function afterRentRetrying(
  ctx: ClientContext,
  state: RentalsState,
  lib: ChainLib,
  signer: DbcSigner,
  rec: RentIdempotencyRecord,
  params: RentMachineParameters,
): Promise<Rental> {
  return lib.withRetry(() => afterRent(ctx, state, signer, rec, params), {
    retries: 6,
    baseDelayMs: 500,
    maxDelayMs: 3_000,
    signal: params.signal,
    onRetry: ({ error, attempt }) => ctx.logger.warn('retrying after a network fault', { rentalId: rec.rentId, attempt, error: String(error) }),
  });
}

/** From a known rent id: remember it, check the machine on its node, confirm. */
async function afterRent(ctx: ClientContext, state: RentalsState, signer: DbcSigner, rec: RentIdempotencyRecord, params: RentMachineParameters): Promise<Rental> {
  const progress = (p: RentProgress) => params.onProgress?.(p);
  const market = rec.market ?? 'rentMachine';
  const rentId = Number(rec.rentId);
  const id = formatRentalId(market, rentId);
  if (rec.key) await state.store.set(rec);
  state.rents.set(id, { startBlock: rec.rentBlock ?? rec.startBlock ?? 0, key: rec.key || undefined });
  progress({ stage: 'in-block', rentalId: id, rentId, blockNumber: rec.rentBlock ?? 0 });

  const opts = { signal: params.signal, timeoutMs: params.timeoutMs };
  if (params.confirm === false || rec.confirmed) {
    const rental = await getRental(ctx, id, opts);
    if (rental) return rental;
    if (rec.confirmed) return ensureGone(id);
  }
  if (params.confirm !== false) {
    // Refuse early when the window is gone, rather than reporting the node check that would fail.
    const pending = await ensureConfirmable(ctx, state, id, opts);
    if (pending) {
      if (market === 'rentMachine' && params.checkNode !== false) {
        progress({ stage: 'checking-node', rentalId: id });
        await checkRentalOnNode(ctx, { machineId: rec.machineId, rentId, signer, signal: params.signal });
      }
      progress({ stage: 'confirming', rentalId: id });
    }
    const rental = await confirmRental(ctx, state, signer, id, opts);
    if (rec.key) await state.store.set({ ...rec, confirmed: true });
    progress({ stage: 'confirmed', rentalId: id });
    return rental;
  }
  return ensureGone(id);
}

function ensureGone(id: string): never {
  throw new DbcInputError('RENTAL_NOT_FOUND', `Rental ${id} no longer exists on chain: it has ended.`, { details: { rentalId: id } });
}
