import { DbcMyRentals } from './dbc-my-rentals.js';

/** Registers `<dbc-my-rentals>`; safe to call twice (and alongside another copy of the library). */
export function defineMyRentals(tag = 'dbc-my-rentals'): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcMyRentals {});
}

defineMyRentals();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-my-rentals': DbcMyRentals;
  }
}
