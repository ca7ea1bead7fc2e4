import type { DbcChain, DbcSigner, Tx } from '@dbc-cloud/chain';
import { DbcInputError, DbcTimeoutError, DbcTxRejectedError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { checkRentalOnNode } from './checkRentalOnNode.js';
import { confirmRental, ensureConfirmable } from './confirmRental.js';
import { getRental } from './getRental.js';
import type { IdempotencyRecord } from './idempotency.js';
import { reconcileRent, rentIdOf } from './reconcileRent.js';
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
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 255))
    return Promise.reject(new DbcInputError('INVALID_IDEMPOTENCY_KEY', 'idempotencyKey must be a non-empty string of at most 255 characters.'));
  return withKeyLock(state, key, () => rentOnce(ctx, state, params));
}

async function rentOnce(ctx: ClientContext, state: RentalsState, params: RentMachineParameters): Promise<Rental> {
  const progress = (p: RentProgress) => params.onProgress?.(p);
  progress({ stage: 'validating' });
  const signer = ctx.signer('rent a machine');
  const shape = checkRentShape(params);
  const [chain, lib] = await Promise.all([ctx.chain(params.signal), ctx.chainLib()]);
  const key = params.idempotencyKey;

  const existing = key === undefined ? undefined : await state.store.get(key);
  if (existing) {
    if (existing.machineId !== shape.machineId || existing.gpus !== shape.gpus || existing.durationBlocks !== shape.durationBlocks || existing.renter !== signer.address)
      throw new DbcInputError('IDEMPOTENCY_KEY_REUSED', `The idempotency key "${key}" was already used for a different rental; use a new key for a new rental.`, {
        details: { key, machineId: existing.machineId, gpus: existing.gpus, durationBlocks: existing.durationBlocks },
      });
    const resumed = await resumeRent(ctx, state, lib, chain, signer, existing, params);
    if (resumed) return resumed;
  }

  const plan = await validateRent(lib, chain, signer, params);
  // Checked now, while nothing is sent yet: a missing client node must not leave an unconfirmed rent.
  if (plan.market === 'rentMachine' && params.checkNode !== false && params.confirm !== false) ctx.node();
  const rec: IdempotencyRecord = {
    key: key ?? '',
    machineId: plan.machineId,
    gpus: plan.gpus,
    durationBlocks: plan.durationBlocks,
    renter: signer.address,
    market: plan.market,
    startBlock: await lib.getBlockNumber(chain),
    createdAt: Date.now(),
  };
  if (key !== undefined) await state.store.set(rec);
  recordBeforeSending(plan.tx, async (txHash, nonce) => {
    rec.txHash = txHash;
    rec.nonce = nonce;
    if (key !== undefined) await state.store.set(rec);
  });

  let result;
  try {
    result = await lib.submit(chain, plan.tx, signer, {
      signal: params.signal,
      timeoutMs: params.timeoutMs,
      onStatus: (s) => {
        if (s.type === 'signing') progress({ stage: 'signing' });
        else if (s.type === 'broadcast') progress({ stage: 'submitted', txHash: s.txHash });
      },
    });
  } catch (e) {
    // Refused before any block: nothing happened, so the key may be used again.
    if (e instanceof DbcTxRejectedError) {
      if (key !== undefined) await state.store.set({ ...rec, failed: e.code });
      throw e;
    }
    // The connection dropped or the wait ran out with the outcome unknown: find out from the
    // chain now (never by resending). If that fails too, the record's hash lets a retry do it.
    if (!rec.txHash || !(lib.isNetworkFault(e) || e instanceof DbcTimeoutError)) throw e;
    params.onProgress?.({ stage: 'reconciling', txHash: rec.txHash });
    const outcome = await lib.withRetry(() => reconcileRent(lib, chain, rec, { timeoutMs: params.timeoutMs, signal: params.signal }), {
      retries: 6,
      baseDelayMs: 500,
      maxDelayMs: 3_000,
      signal: params.signal,
    });
    if (outcome.kind !== 'rented') {
      if (key !== undefined) await state.store.set({ ...rec, failed: outcome.kind === 'failed' ? outcome.error : 'not-sent' });
      throw e;
    }
    return afterRentRetrying(ctx, state, lib, signer, { ...rec, rentId: String(outcome.rentId), rentBlock: outcome.blockNumber }, params);
  }
  if (!result.ok) {
    if (key !== undefined) await state.store.set({ ...rec, failed: result.error?.name ?? 'unknown' });
    throw lib.chainErrorOf(result);
  }
  let rentId = rentIdOf(lib, result);
  let rentBlock = result.blockNumber;
  if (rentId === null) {
    // Included and successful, but its events were not read (the connection dropped as the block
    // came): read them again from the chain rather than guess.
    const outcome = await reconcileRent(lib, chain, { ...rec, startBlock: result.blockNumber - 1 }, { timeoutMs: params.timeoutMs, signal: params.signal });
    if (outcome.kind !== 'rented') throw lib.chainErrorOf({ ...result, error: { name: `${plan.market}.NoRentEvent` } });
    rentId = outcome.rentId;
    rentBlock = outcome.blockNumber;
  }
  return afterRentRetrying(ctx, state, lib, signer, { ...rec, rentId: String(rentId), rentBlock }, params);
}

/**
 * Runs `record(txHash, nonce)` after signing and before the transaction leaves: `submit` signs and
 * sends in one call, and the hash must be stored before sending so that a crash in between can be
 * reconciled.
 */
function recordBeforeSending(tx: Tx, record: (txHash: string, nonce: number) => Promise<void>): void {
  const send = tx.send.bind(tx) as (cb: unknown) => Promise<unknown>;
  (tx as unknown as { send: (cb: unknown) => Promise<unknown> }).send = async (cb: unknown) => {
    await record(tx.hash.toHex(), tx.nonce.toNumber());
    return send(cb);
  };
}

/** Continues an attempt found in the store; null when nothing was rented and a fresh attempt may go. */
async function resumeRent(
  ctx: ClientContext,
  state: RentalsState,
  lib: ChainLib,
  chain: DbcChain,
  signer: DbcSigner,
  rec: IdempotencyRecord,
  params: RentMachineParameters,
): Promise<Rental | null> {
  if (rec.failed) return null;
  if (rec.rentId !== undefined) return afterRentRetrying(ctx, state, lib, signer, rec, params);
  if (!rec.txHash) return null;
  params.onProgress?.({ stage: 'reconciling', txHash: rec.txHash });
  const outcome = await reconcileRent(lib, chain, rec, { timeoutMs: params.timeoutMs, signal: params.signal });
  ctx.logger.info('reconciled a recorded rent attempt', { key: rec.key, txHash: rec.txHash, outcome: outcome.kind });
  if (outcome.kind !== 'rented') {
    await state.store.set({ ...rec, failed: outcome.kind === 'failed' ? outcome.error : 'not-sent' });
    return null;
  }
  return afterRentRetrying(ctx, state, lib, signer, { ...rec, rentId: String(outcome.rentId), rentBlock: outcome.blockNumber }, params);
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
  rec: IdempotencyRecord,
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
async function afterRent(ctx: ClientContext, state: RentalsState, signer: DbcSigner, rec: IdempotencyRecord, params: RentMachineParameters): Promise<Rental> {
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
