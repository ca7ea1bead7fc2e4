// The implementation behind `createRentalsResource` (./index.ts), which imports this module on
// first use: everything here (rent, extend, idempotency, validation, confirmation on the client
// node) stays out of the bundle of an app that only browses and quotes.
import type { ClientContext } from '../client/context.js';
import { confirmRental } from './confirmRental.js';
import { endRental } from './endRental.js';
import { extendRental } from './extendRental.js';
import { getRental } from './getRental.js';
import { memoryIdempotencyStore } from './idempotency.js';
import type { RentalsResource } from './index.js';
import { listRentals } from './listRentals.js';
import { rentMachine } from './rentMachine.js';
import type { RentalsState } from './state.js';
import { watchRentals } from './watchRentals.js';

/** `dbc.rentals` with its state (idempotency store, rents in flight, key locks), built once per resource. */
export function rentalsResource(ctx: ClientContext): RentalsResource {
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
