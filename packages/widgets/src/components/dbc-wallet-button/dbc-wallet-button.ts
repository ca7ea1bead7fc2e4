import { html, LitElement, nothing } from 'lit';
import type { DbcSigner, ExtensionAccount } from '@dbc-cloud/chain';
import { DbcErrorEvent, type WidgetErrorDetail } from '../../events/error.js';
import { DbcWalletConnectedEvent } from '../../events/wallet-connected.js';
import { resolveLocale } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import { tokens } from '../../styles/tokens.js';
import { t } from './dbc-wallet-button.messages.js';
import { walletButtonStyles } from './dbc-wallet-button.styles.js';

type Phase =
  'disconnected' | 'connecting' | 'choosing' | 'connected' | 'no-extension' | 'no-accounts' | 'error';
type ChainModule = typeof import('@dbc-cloud/chain');

/** Where users get a wallet; all three inject at `window.injectedWeb3` and work with DBC. */
const WALLETS = [
  { name: 'polkadot{.js}', href: 'https://polkadot.js.org/extension/' },
  { name: 'Talisman', href: 'https://talisman.xyz/' },
  { name: 'SubWallet', href: 'https://www.subwallet.app/' },
] as const;

/** `5Grw…utQY`: enough of an address to recognise it, short enough for a button. */
export function shortAddress(address: string): string {
  return address.length > 10 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address;
}

/**
 * Connects the user's browser wallet (polkadot{.js}, Talisman, SubWallet) and lets them pick an
 * account. Chain code loads only when the user presses "Connect wallet". The element never sees a
 * private key: it exposes the extension-backed `signer` for the storefront to rent with.
 *
 * @example
 * ```html
 * <dbc-wallet-button app-name="Acme GPU Cloud"></dbc-wallet-button>
 * <script type="module">
 *   document.querySelector('dbc-wallet-button').addEventListener('dbc-wallet-connected', (e) => {
 *     const signer = e.target.signer; // DbcSigner for e.detail.address
 *   });
 * </script>
 * ```
 *
 * @tag dbc-wallet-button
 * @event dbc-wallet-connected - The user picked an account; `detail` is `{ address, name, source }`.
 * @event dbc-error - Connecting failed; `detail.error` is `{ code, message }` (`WALLET_NOT_AVAILABLE` when no extension).
 * @csspart button - The connect / connected-account button.
 * @csspart accounts - The account picker (a listbox).
 * @csspart account - One account in the picker.
 * @csspart disconnect - The disconnect button shown when connected.
 * @cssproperty --dbc-color-primary - Button and active account colour.
 * @cssproperty --dbc-color-surface - Picker background.
 * @cssproperty --dbc-color-danger - Error text.
 * @cssproperty --dbc-radius - Corner radius.
 */
export class DbcWalletButton extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, walletButtonStyles];
  static override properties = {
    appName: { attribute: 'app-name' },
    locale: { reflect: true },
    theme: { reflect: true },
    phase: { state: true },
    accounts: { state: true },
    activeIndex: { state: true },
    account: { state: true },
    failure: { state: true },
  };

  /** The name wallets show when asking the user to allow this site (default: the page title). */
  declare appName: string;
  /** `en` or `zh` (other tags fall back to English). */
  declare locale: string;
  /** `light` (default) or `dark`. */
  declare theme?: 'light' | 'dark';
  declare private phase: Phase;
  declare private accounts: ExtensionAccount[];
  declare private activeIndex: number;
  declare private account?: ExtensionAccount;
  declare private failure?: WidgetErrorDetail;
  private connectedSigner?: DbcSigner;

  constructor() {
    super();
    this.appName = '';
    this.locale = 'en';
    this.phase = 'disconnected';
    this.accounts = [];
    this.activeIndex = 0;
  }

  /** The connected account's signer (backed by the wallet extension), or undefined when not connected. */
  get signer(): DbcSigner | undefined {
    return this.connectedSigner;
  }

  /** The connected account, or undefined. */
  get connectedAccount(): Readonly<ExtensionAccount> | undefined {
    return this.account;
  }

  /** Forgets the connected account and its signer (the extension keeps the site's permission). */
  disconnect(): void {
    this.connectedSigner = undefined;
    this.account = undefined;
    this.phase = 'disconnected';
  }

  private async connect(): Promise<void> {
    if (this.phase === 'connecting') return;
    this.phase = 'connecting';
    try {
      const chain = await import('@dbc-cloud/chain');
      const accounts = await chain.enableExtensions(
        this.appName || document.title || location.hostname || 'DBC GPU cloud',
      );
      if (accounts.length === 0) {
        this.fail({ code: 'WALLET_NO_ACCOUNTS', message: t(this.locale, 'noAccounts') }, 'no-accounts');
        return;
      }
      this.accounts = accounts;
      this.activeIndex = Math.max(
        0,
        accounts.findIndex((a) => a.address === this.account?.address),
      );
      this.phase = 'choosing';
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('[part="accounts"]')?.focus();
    } catch (error) {
      const detail = DbcErrorEvent.detailOf(error, 'WALLET_CONNECT_FAILED');
      this.fail(detail, detail.code === 'WALLET_NOT_AVAILABLE' ? 'no-extension' : 'error');
    }
  }

  private async pick(index: number): Promise<void> {
    const account = this.accounts[index];
    if (!account || this.phase !== 'choosing') return;
    this.phase = 'connecting';
    try {
      const chain = await import('@dbc-cloud/chain');
      this.connectedSigner = guardSigner(await chain.extensionSigner(account.address), account, chain);
      this.account = account;
      this.phase = 'connected';
      this.dispatchEvent(
        new DbcWalletConnectedEvent({ address: account.address, name: account.name, source: account.source }),
      );
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('[part="button"]')?.focus();
    } catch (error) {
      this.fail(DbcErrorEvent.detailOf(error, 'WALLET_CONNECT_FAILED'), 'error');
    }
  }

  private fail(detail: WidgetErrorDetail, phase: Phase): void {
    this.failure = detail;
    this.phase = phase;
    this.dispatchEvent(new DbcErrorEvent(detail));
    // The button the user pressed was disabled, then replaced: focus went to <body>. Put it on
    // "Try again", next to the message, unless the user has moved on elsewhere meanwhile.
    void this.updateComplete.then(() => {
      const active = document.activeElement;
      if (this.shadowRoot?.activeElement || !active || active === document.body)
        this.shadowRoot?.querySelector<HTMLElement>('[part="button"]')?.focus();
    });
  }

  private cancelPicking(): void {
    this.phase = this.account ? 'connected' : 'disconnected';
    void this.updateComplete.then(() =>
      this.shadowRoot?.querySelector<HTMLElement>('[part="button"]')?.focus(),
    );
  }

  private onListKeydown(event: KeyboardEvent): void {
    const last = this.accounts.length - 1;
    const moves: Record<string, () => number> = {
      ArrowDown: () => Math.min(last, this.activeIndex + 1),
      ArrowUp: () => Math.max(0, this.activeIndex - 1),
      Home: () => 0,
      End: () => last,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.activeIndex = moves[event.key]!();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      void this.pick(this.activeIndex);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.cancelPicking();
    }
  }

  override render() {
    const l = resolveLocale(this.locale);
    switch (this.phase) {
      case 'choosing':
        return this.renderPicker(l);
      case 'connected':
        return this.renderConnected(l, this.account!);
      case 'no-extension':
        return html`<div class="message" role="alert">
          <p>${t(l, 'noExtension')}</p>
          <p>
            ${t(l, 'install')}
            ${WALLETS.map((w, i) => html`${i ? ', ' : ''}<a href=${w.href} target="_blank" rel="noopener noreferrer">${w.name}</a>`)}
          </p>
          <button part="button" type="button" @click=${this.connect}>${t(l, 'tryAgain')}</button>
        </div>`;
      case 'no-accounts':
      case 'error':
        return html`<div class="message" role="alert">
          <p>
            ${this.phase === 'no-accounts' ? t(l, 'noAccounts') : t(l, 'error', { message: this.failure?.message ?? '' })}
          </p>
          <button part="button" type="button" @click=${this.connect}>${t(l, 'tryAgain')}</button>
        </div>`;
      default:
        return html`<button
          part="button"
          type="button"
          ?disabled=${this.phase === 'connecting'}
          aria-busy=${this.phase === 'connecting' ? 'true' : 'false'}
          @click=${this.connect}
        >
          ${this.phase === 'connecting' ? t(l, 'connecting') : t(l, 'connect')}
        </button>`;
    }
  }

  private renderPicker(l: Locale) {
    return html`<ul
      part="accounts"
      role="listbox"
      tabindex="0"
      aria-label=${t(l, 'choose')}
      aria-activedescendant=${`account-${this.activeIndex}`}
      @keydown=${this.onListKeydown}
    >
      ${this.accounts.map(
        (a, i) =>
          html`<li
            part="account"
            role="option"
            id=${`account-${i}`}
            class=${i === this.activeIndex ? 'active' : ''}
            aria-selected=${i === this.activeIndex ? 'true' : 'false'}
            @click=${() => this.pick(i)}
          >
            <span class="name">${a.name ?? shortAddress(a.address)}</span>
            <span class="address" title=${a.address}>${shortAddress(a.address)}</span>
            <span class="source">${a.source}</span>
          </li>`,
      )}
    </ul>`;
  }

  private renderConnected(l: Locale, account: ExtensionAccount) {
    const short = shortAddress(account.address);
    return html`<span class="connected">
      <button
        part="button"
        type="button"
        aria-haspopup="listbox"
        title=${account.address}
        aria-label=${t(l, 'connectedAs', { who: account.name ? `${account.name} ${short}` : short })}
        @click=${this.connect}
      >
        ${account.name ? html`<span class="name">${account.name}</span>` : nothing}
        <span class="address">${short}</span>
      </button>
      <button part="disconnect" type="button" @click=${this.disconnect}>${t(l, 'disconnect')}</button>
    </span>`;
  }
}

/**
 * The extension signer, with a refused or cancelled message signature turned into a typed
 * `WALLET_SIGNATURE_REJECTED` DbcError (extensions throw bare `Error('Cancelled')`), so the storefront
 * can tell "the user said no" from a fault. Transaction signing is already typed by the SDK's submit.
 */
function guardSigner(
  inner: DbcSigner,
  account: ExtensionAccount,
  chain: Pick<ChainModule, 'DbcError'>,
): DbcSigner {
  return {
    address: inner.address,
    txSigner: inner.txSigner,
    source: inner.source,
    wrapsMessages: inner.wrapsMessages,
    async signMessage(message) {
      try {
        return await inner.signMessage(message);
      } catch (error) {
        if (error instanceof chain.DbcError) throw error;
        throw new chain.DbcError(
          'WALLET_SIGNATURE_REJECTED',
          'The wallet did not sign the message: the request was cancelled or refused in the extension.',
          {
            cause: error,
            details: { address: account.address, source: account.source },
            metaMessages: ['Approve the request in your wallet extension, then try again.'],
          },
        );
      }
    },
  };
}
