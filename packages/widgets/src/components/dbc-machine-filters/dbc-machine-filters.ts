import type { MachineFacets, MachineQuery, MachineSortKey, Region, Zone } from '@dbc-cloud/sdk';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { live } from 'lit/directives/live.js';
import { DbcFiltersChangeEvent } from '../../events/filters-change.js';
import { tokens } from '../../styles/tokens.js';
import { machineFiltersMessages, tFilters, type FiltersMessageKey } from './dbc-machine-filters.messages.js';
import { machineFiltersStyles } from './dbc-machine-filters.styles.js';

/** Typing settles for this long before a text or number field fires `dbc-filters-change`. */
export const FILTERS_TEXT_DEBOUNCE_MS = 150;

/**
 * The sorts the form offers, each with the direction a renter means by it (cheapest first, most
 * memory / reliability / compute first).
 */
const SORTS: readonly { key: MachineSortKey; order: 'asc' | 'desc' }[] = [
  { key: 'price', order: 'asc' },
  { key: 'pricePerCalcPoint', order: 'asc' },
  { key: 'gpuMemory', order: 'desc' },
  { key: 'reliability', order: 'desc' },
  { key: 'calcPoints', order: 'desc' },
];

/**
 * Zones always offered. DBC's storefront also has a `localized` zone; the SDK rejects zones it does
 * not know, so that one (and any later one) appears only once the SDK reports it in `facets.zone`.
 */
const BASE_ZONES: readonly Zone[] = ['ai-inference', 'ai-training', 'rendering', 'cloud-gaming', 'hpc'];

/** Common per-GPU memory sizes, in GB. */
const MEMORY_STEPS: readonly number[] = [8, 12, 16, 24, 32, 40, 48, 80];

/** The query fields this form edits; Reset clears these and keeps the rest (limit, near, …). */
const OWN_FIELDS = [
  'text',
  'gpuModels',
  'minFreeGpus',
  'minGpuMemoryGb',
  'price',
  'region',
  'zones',
  'highStability',
  'status',
  'sort',
  'order',
] as const;

/** Fields whose text the user types; they keep the typed text while it parses to the query's value. */
type DraftField = 'text' | 'minFreeGpus' | 'maxPrice';

/**
 * The machine search form: text, GPU models (with how many machines each would give), free GPUs,
 * memory per GPU, maximum price per GPU-hour, region, zones, High-Stability, available-only and
 * sort. Every change fires `dbc-filters-change` with the whole new query (typing is debounced by
 * {@link FILTERS_TEXT_DEBOUNCE_MS}); the form also updates its own `value`, so it can be used
 * uncontrolled. Facet keys come from the chain and are rendered as text only.
 *
 * @tag dbc-machine-filters
 * @event dbc-filters-change - A filter or the sort changed; `detail.query` is the new `MachineQuery` (without `cursor`).
 * @csspart form - The form.
 * @csspart field - Each control with its label (or group of checkboxes).
 * @csspart reset - The Reset button.
 * @cssproperty --dbc-color-primary - Focus ring and checked controls.
 * @cssproperty --dbc-color-border - Field borders.
 * @cssproperty --dbc-space - Spacing unit.
 */
export class DbcMachineFilters extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, machineFiltersStyles];
  static override properties = {
    facets: { attribute: false },
    value: { attribute: false },
    locale: { reflect: true },
    theme: { reflect: true },
  };

  /** Counts per value from the last search (`result.facets`); `null` before the first one. */
  declare facets: MachineFacets | null;
  /** The current query; set it to restore a search, read it or listen for `dbc-filters-change`. */
  declare value: MachineQuery;
  /** `en` or `zh` (other tags fall back to English). */
  declare locale: string;
  /** `light` (default) or `dark`. */
  declare theme?: 'light' | 'dark';

  private timer: ReturnType<typeof setTimeout> | undefined;
  /** What the user typed, so re-rendering from the parsed query never rewrites text mid-typing. */
  private drafts: Partial<Record<DraftField, string>> = {};
  private ownUpdate = false;

  constructor() {
    super();
    this.facets = null;
    this.value = {};
    this.locale = 'en';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A query set from outside replaces whatever the user was typing.
    if (changed.has('value') && !this.ownUpdate) this.drafts = {};
    this.ownUpdate = false;
  }

  private t(key: FiltersMessageKey, params?: Record<string, string | number>): string {
    return tFilters(this.locale, key, params);
  }

  /** Applies a patch to the query (dropping emptied fields and the now stale cursor) and announces it. */
  private change(patch: Partial<MachineQuery>, debounce = false): void {
    const next: Record<string, unknown> = { ...this.value, ...patch };
    delete next.cursor;
    for (const [k, v] of Object.entries(patch))
      if (v === undefined || (Array.isArray(v) && v.length === 0)) delete next[k];
    this.ownUpdate = true;
    this.value = next as MachineQuery;
    clearTimeout(this.timer);
    if (debounce) this.timer = setTimeout(() => this.emit(), FILTERS_TEXT_DEBOUNCE_MS);
    else this.emit();
  }

  private emit(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dispatchEvent(new DbcFiltersChangeEvent(this.value));
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
  }

  /** Enter in a typed field should not wait for the debounce (the form has no submit button to do it). */
  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && this.timer !== undefined) this.emit();
  }

  private onText(e: Event): void {
    const raw = (e.target as HTMLInputElement).value;
    this.drafts = { ...this.drafts, text: raw };
    this.change({ text: raw === '' ? undefined : raw }, true);
  }

  /** The number in a number field: `undefined` when cleared, `null` while it does not parse yet. */
  private readNumber(input: HTMLInputElement): number | undefined | null {
    if (input.value === '') return input.validity.badInput ? null : undefined;
    const n = input.valueAsNumber;
    return Number.isFinite(n) && n >= 0 ? n : null;
  }

  private onMinFreeGpus(e: Event): void {
    const input = e.target as HTMLInputElement;
    this.drafts = { ...this.drafts, minFreeGpus: input.value };
    const n = this.readNumber(input);
    if (n !== null) this.change({ minFreeGpus: n === undefined ? undefined : Math.floor(n) }, true);
  }

  private onMaxPrice(e: Event): void {
    const input = e.target as HTMLInputElement;
    this.drafts = { ...this.drafts, maxPrice: input.value };
    const n = this.readNumber(input);
    if (n === null) return;
    const { max: _old, ...rest } = this.value.price ?? {};
    const price = n === undefined ? rest : { ...rest, max: n };
    this.change({ price: Object.keys(price).length > 0 ? price : undefined }, true);
  }

  private onMemory(e: Event): void {
    const v = (e.target as HTMLSelectElement).value;
    this.change({ minGpuMemoryGb: v === '' ? undefined : Number(v) });
  }

  private onRegion(e: Event): void {
    const v = (e.target as HTMLSelectElement).value;
    this.change({ region: v === '' ? undefined : (v as Region) });
  }

  private onSort(e: Event): void {
    const sort = SORTS.find((s) => s.key === (e.target as HTMLSelectElement).value);
    if (sort) this.change({ sort: sort.key, order: sort.order });
  }

  private toggleModel(model: string, on: boolean): void {
    const rest = (this.value.gpuModels ?? []).filter((m) => m !== model);
    this.change({ gpuModels: on ? [...rest, model] : rest });
  }

  private toggleZone(zone: Zone, on: boolean): void {
    const rest = (this.value.zones ?? []).filter((z) => z !== zone);
    this.change({ zones: on ? [...rest, zone] : rest });
  }

  private reset(): void {
    const next: Record<string, unknown> = { ...this.value };
    for (const k of OWN_FIELDS) delete next[k];
    delete next.cursor;
    this.drafts = {};
    this.ownUpdate = true;
    this.value = next as MachineQuery;
    this.emit();
  }

  /** Renders only once the locale's messages are there (Chinese loads on first use), so text never flashes English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = tFilters.load(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override render() {
    const q = this.value;
    const currency = (q.price?.currency ?? 'usd').toUpperCase();
    const sort = q.sort ?? 'price';
    return html`
      <form
        part="form"
        role="search"
        aria-label=${this.t('form')}
        @submit=${this.onSubmit}
        @keydown=${this.onKeydown}
      >
        <div part="field" class="field wide">
          <label for="text">${this.t('search')}</label>
          <input
            id="text"
            type="search"
            autocomplete="off"
            placeholder=${this.t('searchPlaceholder')}
            .value=${live(this.drafts.text ?? q.text ?? '')}
            @input=${this.onText}
          />
        </div>

        <fieldset part="field" class="field wide">
          <legend>${this.t('gpuModels')}</legend>
          ${this.renderModels()}
        </fieldset>

        <div part="field" class="field">
          <label for="min-free-gpus">${this.t('minFreeGpus')}</label>
          <input
            id="min-free-gpus"
            type="number"
            inputmode="numeric"
            min="1"
            step="1"
            .value=${live(this.drafts.minFreeGpus ?? (q.minFreeGpus === undefined ? '' : String(q.minFreeGpus)))}
            @input=${this.onMinFreeGpus}
          />
        </div>

        <div part="field" class="field">
          <label for="min-memory">${this.t('minGpuMemory')}</label>
          <select id="min-memory" @change=${this.onMemory}>
            <option value="" .selected=${live(q.minGpuMemoryGb === undefined)}>${this.t('any')}</option>
            ${withCurrent(MEMORY_STEPS, q.minGpuMemoryGb).map(
              (gb) =>
                html`<option value=${gb} .selected=${live(q.minGpuMemoryGb === gb)}>
                  ${this.t('gb', { n: gb })}
                </option>`,
            )}
          </select>
        </div>

        <div part="field" class="field">
          <label for="max-price">${this.t('maxPrice', { currency })}</label>
          <input
            id="max-price"
            type="number"
            inputmode="decimal"
            min="0"
            step="0.01"
            .value=${live(this.drafts.maxPrice ?? (q.price?.max === undefined ? '' : String(q.price.max)))}
            @input=${this.onMaxPrice}
          />
        </div>

        <div part="field" class="field">
          <label for="region">${this.t('region')}</label>
          ${this.renderRegions()}
        </div>

        <fieldset part="field" class="field wide">
          <legend>${this.t('zones')}</legend>
          ${this.renderZones()}
        </fieldset>

        <div part="field" class="field toggles">
          <label class="check">
            <input
              type="checkbox"
              role="switch"
              .checked=${live(q.highStability === true)}
              @change=${(e: Event) => this.change({ highStability: (e.target as HTMLInputElement).checked ? true : undefined })}
            />
            <span>${this.t('highStability')}</span>
          </label>
          <label class="check">
            <input
              type="checkbox"
              role="switch"
              .checked=${live(q.status?.length === 1 && q.status[0] === 'available')}
              @change=${(e: Event) => this.change({ status: (e.target as HTMLInputElement).checked ? ['available'] : undefined })}
            />
            <span>${this.t('availableOnly')}</span>
          </label>
        </div>

        <div part="field" class="field">
          <label for="sort">${this.t('sort')}</label>
          <select id="sort" @change=${this.onSort}>
            ${SORTS.map((s) => html`<option value=${s.key} .selected=${live(sort === s.key)}>${this.t(`sort.${s.key}` as FiltersMessageKey)}</option>`)}
            ${SORTS.some((s) => s.key === sort) ? nothing : html`<option value=${sort} .selected=${live(true)}>${sort}</option>`}
          </select>
        </div>

        <div class="actions">
          <button part="reset" type="button" @click=${this.reset}>${this.t('reset')}</button>
        </div>
      </form>
    `;
  }

  private renderModels() {
    const counts = this.facets?.gpuModel ?? {};
    const selected = this.value.gpuModels ?? [];
    // Most machines first, so the common choices are at the top; selected models stay listed even at zero.
    const models = byCount(counts, selected);
    if (models.length === 0) return html`<p class="hint">${this.t('noModels')}</p>`;
    return html`<div class="options">
      ${models.map(
        (model) =>
          html`<label class="check">
            <input
              type="checkbox"
              .value=${model}
              .checked=${live(selected.includes(model))}
              @change=${(e: Event) => this.toggleModel(model, (e.target as HTMLInputElement).checked)}
            />
            <span>${model}</span>
            <span class="count">(${counts[model] ?? 0})</span>
          </label>`,
      )}
    </div>`;
  }

  private renderRegions() {
    const counts = this.facets?.region ?? {};
    const r = this.value.region;
    const current = Array.isArray(r) ? (r.length === 1 ? r[0] : undefined) : r;
    const regions = byCount(counts, current ? [current] : []);
    return html`<select id="region" @change=${this.onRegion}>
      <option value="" .selected=${live(current === undefined)}>${this.t('anyRegion')}</option>
      ${regions.map(
        (region) =>
          html`<option value=${region} .selected=${live(current === region)}>
            ${this.label('region', region)} (${counts[region] ?? 0})
          </option>`,
      )}
    </select>`;
  }

  private renderZones() {
    const counts = this.facets?.zone ?? {};
    const selected = this.value.zones ?? [];
    const zones = [...new Set<string>([...BASE_ZONES, ...Object.keys(counts), ...selected])] as Zone[];
    return html`<div class="options">
      ${zones.map(
        (zone) =>
          html`<label class="check">
            <input
              type="checkbox"
              .value=${zone}
              .checked=${live(selected.includes(zone))}
              @change=${(e: Event) => this.toggleZone(zone, (e.target as HTMLInputElement).checked)}
            />
            <span>${this.label('zone', zone)}</span>
            ${this.facets ? html`<span class="count">(${counts[zone] ?? 0})</span>` : nothing}
          </label>`,
      )}
    </div>`;
  }

  /** A known zone or region in the user's language; anything else (new or hostile) verbatim, as text. */
  private label(kind: 'zone' | 'region', key: string): string {
    const msgKey = `${kind}.${key}` as FiltersMessageKey;
    return Object.hasOwn(machineFiltersMessages.en, msgKey) ? this.t(msgKey) : key;
  }
}

/** Facet keys by descending count (then name), plus `keep` values the facets lack. */
function byCount(counts: Record<string, number>, keep: readonly string[]): string[] {
  const keys = Object.keys(counts).sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
  return [...keys, ...keep.filter((k) => !Object.hasOwn(counts, k))];
}

/** The steps, plus the current value when it is not one of them, in order. */
function withCurrent(steps: readonly number[], current: number | undefined): number[] {
  return current === undefined || steps.includes(current)
    ? [...steps]
    : [...steps, current].sort((a, b) => a - b);
}
