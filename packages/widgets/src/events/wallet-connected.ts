/** The account a user connected: never a key, only what the wallet extension shares. */
export interface WalletConnectedDetail {
  /** SS58 address (prefix 42). */
  address: string;
  /** The name the user gave the account in the wallet, if any. */
  name?: string;
  /** The extension that holds the key (`polkadot-js`, `talisman`, `subwallet-js`, …). */
  source: string;
}

/** Fired by `<dbc-wallet-button>` when the user picks an account; its signer is then on `element.signer`. */
export class DbcWalletConnectedEvent extends CustomEvent<WalletConnectedDetail> {
  constructor(detail: WalletConnectedDetail) {
    super('dbc-wallet-connected', { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dbc-wallet-connected': DbcWalletConnectedEvent;
  }
}
