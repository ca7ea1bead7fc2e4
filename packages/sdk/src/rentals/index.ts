import type { ClientContext } from '../client/context.js';
import { memoizeLoad } from '../client/memoizeLoad.js';
import type { ConfirmRentalParameters, ConfirmRentalReturnType } from './confirmRental.js';
import type { EndRentalParameters, EndRentalReturnType } from './endRental.js';
import type { ExtendRentalParameters, ExtendRentalReturnType } from './extendRental.js';
import type { GetRentalParameters, GetRentalReturnType } from './getRental.js';
import type { ListRentalsParameters, ListRentalsReturnType } from './listRentals.js';
import type { RentMachineParameters, RentMachineReturnType } from './rentMachine.js';
import type { RentalDuration, RentalId } from './types.js';
import type { RentalEvent, Unwatch, WatchRentalsParameters } from './watchRentals.js';

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
 *
 * The rentals code (rent, extend, idempotency, validation, confirmation) is loaded by the first
 * call, through a dynamic import that bundlers split into a lazy chunk, so an app that only browses
 * and quotes never downloads it. The resource and its state (idempotency store, key locks) are
 * created once, on that first call.
 */
export function createRentalsResource(ctx: ClientContext): RentalsResource {
  const impl = memoizeLoad(() => import('./rentalsResource.js').then((m) => m.rentalsResource(ctx)));
  return {
    rent: async (params) => (await impl()).rent(params),
    confirm: (id, opts) => {
      // Asked before anything loads, as before: a missing signer throws synchronously.
      ctx.signer('confirm a rental');
      return impl().then((r) => r.confirm(id, opts));
    },
    list: async (params) => (await impl()).list(params),
    get: async (id, opts) => (await impl()).get(id, opts),
    extend: async (id, params) => (await impl()).extend(id, params),
    end: async (id, opts) => (await impl()).end(id, opts),
    watch: (params, listener) => {
      // Synchronous, as before: the renter is resolved now (a missing signer throws) and the unwatch
      // function returned at once; following blocks starts once the module has loaded. A failed load
      // goes to `onError`, like any failure to follow the chain.
      const renter = params.renter ?? ctx.signer('watch your rentals').address;
      let stopped = false;
      let unwatch: Unwatch | null = null;
      impl()
        .then((r) => {
          if (!stopped) unwatch = r.watch({ ...params, renter }, listener);
        })
        .catch((e: unknown) => params.onError?.(e));
      return () => {
        stopped = true;
        unwatch?.();
        unwatch = null;
      };
    },
  };
}
