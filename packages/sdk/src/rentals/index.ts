import type { ClientContext } from '../client/context.js';
import { confirmRental, type ConfirmRentalParameters, type ConfirmRentalReturnType } from './confirmRental.js';
import { endRental, type EndRentalParameters, type EndRentalReturnType } from './endRental.js';
import { extendRental, type ExtendRentalParameters, type ExtendRentalReturnType } from './extendRental.js';
import { getRental, type GetRentalParameters, type GetRentalReturnType } from './getRental.js';
import { memoryIdempotencyStore } from './idempotency.js';
import { listRentals, type ListRentalsParameters, type ListRentalsReturnType } from './listRentals.js';
import { rentMachine, type RentMachineParameters, type RentMachineReturnType } from './rentMachine.js';
import type { RentalsState } from './state.js';
import type { RentalDuration, RentalId } from './types.js';
import { watchRentals, type RentalEvent, type Unwatch, type WatchRentalsParameters } from './watchRentals.js';

export type { Rental, RentalId, RentalMarket, RentalStatus, RentalDuration, RentProgress } from './types.js';
export type {
  IdempotencyKind,
  IdempotencyRecord,
  IdempotencyRecordBase,
  IdempotencyStore,
  RentIdempotencyRecord,
  ExtendIdempotencyRecord,
  TransferIdempotencyRecord,
} from './idempotency.js';
export { memoryIdempotencyStore } from './idempotency.js';
export { formatRentalId, parseRentalId, type ParsedRentalId } from './rentalId.js';
export type { RentMachineParameters, RentMachineReturnType } from './rentMachine.js';
export type { ConfirmRentalParameters, ConfirmRentalReturnType } from './confirmRental.js';
export type { GetRentalParameters, GetRentalReturnType } from './getRental.js';
export type { ListRentalsParameters, ListRentalsReturnType } from './listRentals.js';
export type { ExtendRentalParameters, ExtendRentalReturnType } from './extendRental.js';
export type { EndRentalParameters, EndRentalReturnType } from './endRental.js';
export type { RentalEvent, Unwatch, WatchRentalsParameters } from './watchRentals.js';

/** `dbc.rentals`: rent safely (idempotent, validated, confirmed), list, extend, end and watch rentals. */
export interface RentalsResource {
  /** Rents GPUs of a machine and confirms once the machine answers; see `rentMachine`. */
  rent(params: RentMachineParameters): Promise<RentMachineReturnType>;
  /** Confirms a rental left unconfirmed (`rent({ confirm: false })`) inside its 150-block window. */
  confirm(id: RentalId, opts?: ConfirmRentalParameters): Promise<ConfirmRentalReturnType>;
  /** The renter's live rentals in both markets. */
  list(params?: ListRentalsParameters): Promise<ListRentalsReturnType>;
  /** One rental, or null once it ended. */
  get(id: RentalId, opts?: GetRentalParameters): Promise<GetRentalReturnType>;
  /** Extends a running rental by `durationBlocks` (≥ 100) or `duration`; with `idempotencyKey` a retry never pays twice. */
  extend(id: RentalId, params: ExtendRentalParameters | number | { duration: RentalDuration }): Promise<ExtendRentalReturnType>;
  /** Ends a TerminatingRental rental now; RentMachine rentals cannot end early (DbcUnsupportedError). */
  end(id: RentalId, opts?: EndRentalParameters): Promise<EndRentalReturnType>;
  /** Reports `rental.confirmed`, `rental.expiring`, `rental.ended` by following new blocks; returns the unsubscribe function. */
  watch(params: WatchRentalsParameters, listener: (event: RentalEvent) => void): Unwatch;
}

/**
 * Creates `dbc.rentals` over a client context. Idempotency records go to the context's
 * `idempotencyStore` (in memory by default: use a durable one on servers).
 */
export function createRentalsResource(ctx: ClientContext): RentalsResource {
  const state: RentalsState = { store: ctx.config.idempotencyStore ?? memoryIdempotencyStore(), rents: new Map(), locks: new Map() };
  return {
    rent: (params) => rentMachine(ctx, state, params),
    confirm: (id, opts) => confirmRental(ctx, state, ctx.signer('confirm a rental'), id, opts),
    list: (params) => listRentals(ctx, params),
    get: (id, opts) => getRental(ctx, id, opts),
    extend: (id, params) => extendRental(ctx, state, id, typeof params === 'number' ? { durationBlocks: params } : params),
    end: (id, opts) => endRental(ctx, id, opts),
    watch: (params, listener) => watchRentals(ctx, params, listener),
  };
}
