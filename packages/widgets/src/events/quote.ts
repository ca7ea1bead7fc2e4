import type { Quote } from '@dbc-cloud/sdk';

/** Fired by `<dbc-quote>` each time a quote arrives (first load, term change, retry, re-quote on expiry). */
export class DbcQuoteEvent extends CustomEvent<{ quote: Quote }> {
  constructor(quote: Quote) {
    super('dbc-quote', { detail: { quote }, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-quote': DbcQuoteEvent;
  }
}
