/**
 * @dbc-cloud/widgets — Lit web components for a white-label DBC GPU storefront. Importing this
 * module registers nothing; import `@dbc-cloud/widgets/define` (or a component's `.define.js`) to
 * register the tags.
 *
 * @packageDocumentation
 */
export { DbcMachineCard } from './components/dbc-machine-card/dbc-machine-card.js';
export { DbcMachineList } from './components/dbc-machine-list/dbc-machine-list.js';
export { DbcMachineFilters, FILTERS_TEXT_DEBOUNCE_MS } from './components/dbc-machine-filters/dbc-machine-filters.js';
export { DbcQuote } from './components/dbc-quote/dbc-quote.js';
export { DbcWalletButton, shortAddress } from './components/dbc-wallet-button/dbc-wallet-button.js';
export { DbcRentDialog, type RentDialogVmOptions } from './components/dbc-rent-dialog/dbc-rent-dialog.js';
export { DbcMyRentals } from './components/dbc-my-rentals/dbc-my-rentals.js';
export { DbcGpuMarket, parseTermDiscounts } from './components/dbc-gpu-market/dbc-gpu-market.js';
export { DbcMachineSelectEvent } from './events/machine-select.js';
export { DbcRentStartedEvent, type RentStartedDetail } from './events/rent-started.js';
export { DbcRentConfirmedEvent } from './events/rent-confirmed.js';
export { DbcVmReadyEvent, type VmReadyDetail, type VmReadyConnection } from './events/vm-ready.js';
export { DbcFiltersChangeEvent } from './events/filters-change.js';
export { DbcRetryEvent } from './events/retry.js';
export { DbcQuoteEvent } from './events/quote.js';
export { DbcWalletConnectedEvent, type WalletConnectedDetail } from './events/wallet-connected.js';
export { DbcErrorEvent, type WidgetErrorDetail } from './events/error.js';
export { dbcClientContext } from './context.js';
export { tokens } from './styles/tokens.js';
export { msg, resolveLocale, formatMoney, formatPercent, LOCALES, createLocalizer, type MessageTable, type Messages, type Localizer } from './i18n/localize.js';
export type { Locale, MessageKey } from './i18n/messages.js';
export type { MachineView } from './types.js';
// Type-only: `Locale` is `keyof typeof messages`; the table itself stays out of the runtime exports.
export type { messages } from './i18n/messages.js';
