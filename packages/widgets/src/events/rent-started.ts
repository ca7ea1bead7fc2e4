/** What `<dbc-rent-dialog>` is about to rent; the key is the one every retry of this order reuses. */
export interface RentStartedDetail {
  machineId: string;
  gpus: number;
  /** The order's idempotency key: store it with your order to reconcile a rent whose outcome you lost. */
  idempotencyKey: string;
}

/**
 * Fired by `<dbc-rent-dialog>` when the user confirms and the rent begins (and again on each
 * Retry, with the same `idempotencyKey`). Nothing has been paid yet. Bubbles and crosses shadow roots.
 */
export class DbcRentStartedEvent extends CustomEvent<RentStartedDetail> {
  constructor(detail: RentStartedDetail) {
    super('dbc-rent-started', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-rent-started': DbcRentStartedEvent;
  }
}
