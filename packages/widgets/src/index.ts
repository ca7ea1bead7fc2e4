/**
 * @dbc-cloud/widgets — Lit web components for a white-label DBC GPU storefront. Importing this
 * module registers nothing; import `@dbc-cloud/widgets/define` (or a component's `.define.js`) to
 * register the tags.
 *
 * @packageDocumentation
 */
export { DbcMachineCard } from './components/dbc-machine-card/dbc-machine-card.js';
export { DbcMachineSelectEvent } from './events/machine-select.js';
export { tokens } from './styles/tokens.js';
export { msg, resolveLocale, formatMoney, formatPercent, LOCALES, createLocalizer, type MessageTable } from './i18n/localize.js';
export type { Locale, MessageKey } from './i18n/messages.js';
export type { MachineView } from './types.js';
