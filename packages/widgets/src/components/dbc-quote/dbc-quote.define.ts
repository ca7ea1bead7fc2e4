import { DbcQuote } from './dbc-quote.js';

/** Registers `<dbc-quote>`; safe to call twice (and alongside another copy of the library). */
export function defineQuote(tag = 'dbc-quote'): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcQuote {});
}

defineQuote();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-quote': DbcQuote;
  }
}
