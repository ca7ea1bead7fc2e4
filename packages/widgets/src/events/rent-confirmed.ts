import type { Rental } from '@dbc-cloud/sdk';

/**
 * Fired by `<dbc-rent-dialog>` once the rental is confirmed on chain, i.e. paid and running, before
 * its VM exists. `detail.rental` is the SDK `Rental`. Bubbles and crosses shadow roots.
 */
export class DbcRentConfirmedEvent extends CustomEvent<{ rental: Rental }> {
  constructor(rental: Rental) {
    super('dbc-rent-confirmed', { detail: { rental }, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-rent-confirmed': DbcRentConfirmedEvent;
  }
}
