import '../dbc-machine-card/dbc-machine-card.define.js';
import { DbcMachineList } from './dbc-machine-list.js';

/** Registers `<dbc-machine-list>` (and the `<dbc-machine-card>` it renders); safe to call twice. */
export function defineMachineList(tag = 'dbc-machine-list'): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcMachineList {});
}

defineMachineList();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-machine-list': DbcMachineList;
  }
}
