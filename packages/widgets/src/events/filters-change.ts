import type { MachineQuery } from '@dbc-cloud/sdk';

/**
 * Fired when the user changes a filter, the sort or resets the form; `detail.query` is the whole
 * new query (ready for `dbc.machines.search`), not a diff, so a listener never has to merge.
 * Bubbles and crosses shadow roots.
 */
export class DbcFiltersChangeEvent extends CustomEvent<{ query: MachineQuery }> {
  constructor(query: MachineQuery) {
    super('dbc-filters-change', { detail: { query }, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-filters-change': DbcFiltersChangeEvent;
  }
}
