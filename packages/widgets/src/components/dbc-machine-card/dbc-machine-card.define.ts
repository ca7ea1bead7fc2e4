import { DbcMachineCard } from './dbc-machine-card.js';

/** Registers `<dbc-machine-card>`; safe to call twice (and alongside another copy of the library). */
export function defineMachineCard(tag = 'dbc-machine-card'): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcMachineCard {});
}

defineMachineCard();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-machine-card': DbcMachineCard;
  }
}
