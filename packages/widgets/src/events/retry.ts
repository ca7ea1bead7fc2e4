/**
 * Fired when the user asks to try a failed load again (the Retry button of an error state). The
 * component that owns the data listens and reloads. Bubbles and crosses shadow roots.
 */
export class DbcRetryEvent extends CustomEvent<null> {
  constructor() {
    super('dbc-retry', { detail: null, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-retry': DbcRetryEvent;
  }
}
