/**
 * React wrappers (`@lit/react`): the same elements with React props and `onDbc…` event props.
 * Importing this module registers the custom elements it wraps.
 *
 * @example
 * ```tsx
 * import { MachineList, MachineFilters } from '@dbc-cloud/widgets/react';
 * <MachineFilters facets={facets} value={query} onDbcFiltersChange={(e) => setQuery(e.detail.query)} />
 * <MachineList machines={items} onDbcMachineSelect={(e) => setSelected(e.detail.machineId)} />
 * ```
 * @packageDocumentation
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { DbcMachineCard } from '../components/dbc-machine-card/dbc-machine-card.js';
import { DbcMachineList } from '../components/dbc-machine-list/dbc-machine-list.js';
import { DbcMachineFilters } from '../components/dbc-machine-filters/dbc-machine-filters.js';
import { DbcQuote } from '../components/dbc-quote/dbc-quote.js';
import { DbcWalletButton } from '../components/dbc-wallet-button/dbc-wallet-button.js';
import type { DbcMachineSelectEvent } from '../events/machine-select.js';
import type { DbcFiltersChangeEvent } from '../events/filters-change.js';
import type { DbcRetryEvent } from '../events/retry.js';
import type { DbcQuoteEvent } from '../events/quote.js';
import type { DbcWalletConnectedEvent } from '../events/wallet-connected.js';
import type { DbcErrorEvent } from '../events/error.js';
import '../define.js';

/** `<dbc-machine-card>` for React. */
export const MachineCard = createComponent({
  tagName: 'dbc-machine-card',
  elementClass: DbcMachineCard,
  react: React,
  events: { onDbcMachineSelect: 'dbc-machine-select' as EventName<DbcMachineSelectEvent> },
});

/** `<dbc-machine-list>` for React. */
export const MachineList = createComponent({
  tagName: 'dbc-machine-list',
  elementClass: DbcMachineList,
  react: React,
  events: {
    onDbcMachineSelect: 'dbc-machine-select' as EventName<DbcMachineSelectEvent>,
    onDbcRetry: 'dbc-retry' as EventName<DbcRetryEvent>,
  },
});

/** `<dbc-machine-filters>` for React. */
export const MachineFilters = createComponent({
  tagName: 'dbc-machine-filters',
  elementClass: DbcMachineFilters,
  react: React,
  events: { onDbcFiltersChange: 'dbc-filters-change' as EventName<DbcFiltersChangeEvent> },
});

/** `<dbc-quote>` for React. */
export const Quote = createComponent({
  tagName: 'dbc-quote',
  elementClass: DbcQuote,
  react: React,
  events: {
    onDbcQuote: 'dbc-quote' as EventName<DbcQuoteEvent>,
    onDbcError: 'dbc-error' as EventName<DbcErrorEvent>,
  },
});

/** `<dbc-wallet-button>` for React. */
export const WalletButton = createComponent({
  tagName: 'dbc-wallet-button',
  elementClass: DbcWalletButton,
  react: React,
  events: {
    onDbcWalletConnected: 'dbc-wallet-connected' as EventName<DbcWalletConnectedEvent>,
    onDbcError: 'dbc-error' as EventName<DbcErrorEvent>,
  },
});
