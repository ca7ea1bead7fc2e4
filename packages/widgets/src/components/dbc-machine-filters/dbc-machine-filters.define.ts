import { DbcMachineFilters } from './dbc-machine-filters.js';

/** Registers `<dbc-machine-filters>`; safe to call twice (and alongside another copy of the library). */
export function defineMachineFilters(tag = 'dbc-machine-filters'): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcMachineFilters {});
}

defineMachineFilters();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-machine-filters': DbcMachineFilters;
  }
}
