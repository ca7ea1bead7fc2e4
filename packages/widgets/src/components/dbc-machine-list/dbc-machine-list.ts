import { virtualize } from '@lit-labs/virtualizer/virtualize.js';
import { html, LitElement, nothing } from 'lit';
import { DbcRetryEvent } from '../../events/retry.js';
import { tokens } from '../../styles/tokens.js';
import type { MachineView } from '../../types.js';
import { tList } from './dbc-machine-list.messages.js';
import { machineListStyles } from './dbc-machine-list.styles.js';

/** How many placeholder cards the loading state shows. */
const SKELETON_COUNT = 4;

/**
 * A scrolling list of machine cards that stays smooth with tens of thousands of machines: only the
 * cards near the viewport are in the DOM (`@lit-labs/virtualizer`), so screen readers get the full
 * size and position of each card through `aria-setsize`/`aria-posinset`.
 *
 * States, in order of precedence: error (with Retry), loading (skeleton cards while there is
 * nothing to show yet; a busy list while refreshing), empty, the list.
 *
 * @tag dbc-machine-list
 * @event dbc-machine-select - From a card: the user chose a machine; `detail.machineId`.
 * @event dbc-retry - The user pressed Retry in the error state.
 * @slot empty - Replaces the default "no machines" message.
 * @csspart list - The scrolling list (give it a height through `--dbc-machine-list-height`).
 * @csspart skeleton - The loading placeholders.
 * @csspart empty - The empty state.
 * @csspart error - The error state.
 * @csspart retry - The Retry button.
 * @cssproperty --dbc-machine-list-height - Height of the scrolling list (default `70vh`).
 * @cssproperty --dbc-color-primary - Retry button colour (and the cards').
 * @cssproperty --dbc-color-danger - Error state border.
 */
export class DbcMachineList extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, machineListStyles];
  static override properties = {
    machines: { attribute: false },
    loading: { type: Boolean, reflect: true },
    error: {},
    locale: { reflect: true },
    currency: {},
    theme: { reflect: true },
  };

  /** The machines to show, in display order. */
  declare machines: MachineView[];
  /** Data is being (re)loaded. */
  declare loading: boolean;
  /** A message to show in the error state; `null` when there is no error. */
  declare error: string | null;
  /** `en` or `zh` (other tags fall back to English). */
  declare locale: string;
  /** Show prices in USD (default) or DBC. */
  declare currency: 'USD' | 'DBC';
  /** `light` (default) or `dark`. */
  declare theme?: 'light' | 'dark';

  constructor() {
    super();
    this.machines = [];
    this.loading = false;
    this.error = null;
    this.locale = 'en';
    this.currency = 'USD';
  }

  private retry() {
    this.dispatchEvent(new DbcRetryEvent());
  }

  override render() {
    const t = (key: Parameters<typeof tList>[1], params?: Record<string, string | number>) =>
      tList(this.locale, key, params);
    const count = this.machines.length;
    // Announced politely outside any busy region, so screen readers hear loading and result counts.
    const status = this.error ? '' : this.loading ? t('loading') : count > 0 ? t('count', { n: count }) : '';
    return html`${this.renderBody(t, count)}
      <p class="visually-hidden" role="status">${status}</p>`;
  }

  private renderBody(t: (key: Parameters<typeof tList>[1]) => string, count: number) {
    if (this.error !== null && this.error !== undefined) {
      return html`<div part="error" role="alert">
        <p>${t('error')}</p>
        ${this.error ? html`<p class="detail">${this.error}</p>` : nothing}
        <button part="retry" type="button" @click=${this.retry}>${t('retry')}</button>
      </div>`;
    }
    if (this.loading && count === 0) {
      return html`<div part="skeleton" class="skeletons" aria-busy="true">
        ${Array.from({ length: SKELETON_COUNT }, () => html`<div class="skeleton" aria-hidden="true"></div>`)}
      </div>`;
    }
    if (count === 0) {
      return html`<div part="empty"><slot name="empty">${t('empty')}</slot></div>`;
    }
    return html`<div
      part="list"
      role="list"
      aria-label=${t('label')}
      aria-busy=${this.loading ? 'true' : 'false'}
    >
      ${virtualize({
        items: this.machines,
        keyFunction: (m: MachineView) => m.id,
        scroller: true,
        renderItem: (m: MachineView, i: number) =>
          html`<div role="listitem" aria-setsize=${count} aria-posinset=${i + 1}>
            <dbc-machine-card
              .machine=${m}
              .locale=${this.locale}
              .currency=${this.currency}
              .theme=${this.theme}
            ></dbc-machine-card>
          </div>`,
      })}
    </div>`;
  }
}
