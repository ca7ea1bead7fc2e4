import { DbcWalletButton } from './dbc-wallet-button.js';

/** Registers `<dbc-wallet-button>`; safe to call twice (and alongside another copy of the library). */
export function defineWalletButton(tag = 'dbc-wallet-button'): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcWalletButton {});
}

defineWalletButton();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-wallet-button': DbcWalletButton;
  }
}
