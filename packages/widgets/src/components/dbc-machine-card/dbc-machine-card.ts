import { html, LitElement, nothing } from 'lit';
import { DbcMachineSelectEvent } from '../../events/machine-select.js';
import { formatMoney, formatPercent, msg, resolveLocale } from '../../i18n/localize.js';
import { tokens } from '../../styles/tokens.js';
import type { MachineView } from '../../types.js';
import { machineCardStyles } from './dbc-machine-card.styles.js';

/**
 * One GPU machine as a card: model and count, free GPUs, memory, CPU, RAM, place, price per
 * GPU-hour (after the partner's pricing) and stability. Every string from the chain is rendered as
 * text, never as HTML.
 *
 * @tag dbc-machine-card
 * @event dbc-machine-select - The user chose the machine; `detail.machineId`.
 * @slot badges - Extra badges after the built-in ones.
 * @csspart card - The card container.
 * @csspart header - Title row.
 * @csspart title - The GPU model and count.
 * @csspart price - The price per GPU-hour.
 * @csspart specs - The specification list.
 * @csspart badges - Status, zone and stability badges.
 * @csspart action - The "view details" button.
 * @cssproperty --dbc-color-primary - Price and button colour.
 * @cssproperty --dbc-color-surface - Card background.
 * @cssproperty --dbc-radius - Corner radius.
 */
export class DbcMachineCard extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, machineCardStyles];
  static override properties = {
    machine: { attribute: false },
    locale: { reflect: true },
    currency: {},
    theme: { reflect: true },
  };

  /** The machine to show. */
  declare machine?: MachineView;
  /** `en` or `zh` (other tags fall back to English). */
  declare locale: string;
  /** Show prices in USD (default) or DBC. */
  declare currency: 'USD' | 'DBC';
  /** `light` (default) or `dark`. */
  declare theme?: 'light' | 'dark';

  constructor() {
    super();
    this.locale = 'en';
    this.currency = 'USD';
  }

  private select() {
    if (this.machine) this.dispatchEvent(new DbcMachineSelectEvent(this.machine.id));
  }

  override render() {
    const m = this.machine;
    if (!m) return nothing;
    const l = resolveLocale(this.locale);
    const price =
      this.currency === 'DBC' && m.price.dbcPerGpuHour !== undefined
        ? formatMoney(l, m.price.dbcPerGpuHour, 'DBC')
        : formatMoney(l, m.price.usdPerGpuHour, 'USD');
    const place = [m.location.city, m.location.country].filter(Boolean).join(', ');
    return html`
      <article part="card" aria-label=${`${m.gpu.count} × ${m.gpu.model}`}>
        <div part="header">
          <h3 part="title">${m.gpu.count} × ${m.gpu.model}</h3>
          <span part="price">${price} <span class="unit">${msg(l, 'card.perGpuHour')}</span></span>
        </div>
        <ul part="specs">
          <li>${m.gpu.memoryGb} GB VRAM</li>
          <li>${msg(l, 'card.cores', { n: m.cpu.cores })}</li>
          <li>${msg(l, 'card.ram', { gb: m.ramGb })}</li>
          ${place ? html`<li>${place}</li>` : nothing}
        </ul>
        <div part="badges">
          <span class="badge status-${m.status}">${msg(l, `status.${m.status}`)}</span>
          <span class="badge">${msg(l, 'card.freeGpus', { free: m.gpu.freeCount, total: m.gpu.count })}</span>
          ${m.stability?.highStability ? html`<span class="badge stable">${msg(l, 'card.highStability')}</span>` : nothing}
          ${m.stability ? html`<span class="badge">${msg(l, 'card.reliability', { pct: formatPercent(l, m.stability.reliability) })}</span>` : nothing}
          ${(m.zones ?? []).map((z) => html`<span class="badge">${zoneLabel(l, z)}</span>`)}
          <slot name="badges"></slot>
        </div>
        <button part="action" type="button" @click=${this.select}>${msg(l, 'card.select')}</button>
      </article>
    `;
  }
}

function zoneLabel(l: ReturnType<typeof resolveLocale>, zone: string): string {
  const key = `zone.${zone}` as Parameters<typeof msg>[1];
  return msg(l, key).startsWith('{') ? zone : msg(l, key);
}
