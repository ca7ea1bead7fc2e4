import { DbcRentDialog } from './dbc-rent-dialog.js';

/** Registers `<dbc-rent-dialog>`; safe to call twice (and alongside another copy of the library). */
export function defineRentDialog(tag = 'dbc-rent-dialog'): void {
  if (!customElements.get(tag)) customElements.define(tag, class extends DbcRentDialog {});
}

defineRentDialog();

declare global {
  interface HTMLElementTagNameMap {
    'dbc-rent-dialog': DbcRentDialog;
  }
}
