import { defineMachineCard } from '../dbc-machine-card/dbc-machine-card.define.js';
import { defineMachineFilters } from '../dbc-machine-filters/dbc-machine-filters.define.js';
import { defineMachineList } from '../dbc-machine-list/dbc-machine-list.define.js';
import { defineWalletButton } from '../dbc-wallet-button/dbc-wallet-button.define.js';
import { DbcGpuMarket } from './dbc-gpu-market.js';

/**
 * Registers `<dbc-gpu-market>` and the parts it renders; safe to call twice. The parts are
 * registered by calling their define functions rather than by bare imports, which a bundler may
 * drop when it builds from sources outside the package's `sideEffects` list. The quote, the rent
 * dialog and My rentals appear only after a user action, so they load in their own chunks right
 * after first paint (Lit keeps properties set on them before they upgrade).
 */
export function defineGpuMarket(tag = 'dbc-gpu-market'): void {
  defineMachineCard();
  defineMachineList();
  defineMachineFilters();
  defineWalletButton();
  void import('../dbc-quote/dbc-quote.define.js').then((m) => m.defineQuote());
  void import('../dbc-rent-dialog/dbc-rent-dialog.define.js').then((m) => m.defineRentDialog());
  void import('../dbc-my-rentals/dbc-my-rentals.define.js').then((m) => m.defineMyRentals());
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcGpuMarket {});
}

defineGpuMarket();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-gpu-market': DbcGpuMarket;
  }
}
