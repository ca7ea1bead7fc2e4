import { ContextProvider } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { DbcSigner } from '@dbc-cloud/chain';
import type {
  DbcClient,
  DbcClientConfig,
  Machine,
  MachineQuery,
  MachineSearchResult,
  NetworkConfig,
  PricingPolicy,
  Quote,
  RentalTerm,
} from '@dbc-cloud/sdk';
import { dbcClientContext } from '../../context.js';
import { DbcErrorEvent } from '../../events/error.js';
import { formatPercent, resolveLocale } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import { tokens } from '../../styles/tokens.js';
import type { MachineView } from '../../types.js';
import type { RentDialogVmOptions } from '../dbc-rent-dialog/dbc-rent-dialog.js';
import { t } from './dbc-gpu-market.messages.js';
import { gpuMarketStyles } from './dbc-gpu-market.styles.js';

type Tab = 'market' | 'rentals';
type DurationUnit = 'hours' | 'days';
type SearchArgs = readonly [client: DbcClient | undefined, query: MachineQuery];

/** The first page of a search; the SDK's maximum, so the virtualized list has something to scroll. */
const PAGE_SIZE = 500;
const DEFAULT_QUERY: MachineQuery = { status: ['available'], sort: 'price', order: 'asc' };
const TERMS: readonly RentalTerm[] = ['hourly', 'daily', 'monthly', 'quarterly', 'yearly'];
/**
 * Chain endpoints of the named networks, for when a page gives only some endpoints: repeated here
 * (the SDK has them too) so that building the client config loads no SDK code before it is needed.
 */
const CHAIN_ENDPOINTS: Readonly<Record<'devnet' | 'mainnet', string[]>> = {
  devnet: ['ws://127.0.0.1:9944'],
  mainnet: ['wss://info1.dbcwallet.io', 'wss://info.dbcwallet.io'],
};

/**
 * Parses `term-discounts="monthly:8,quarterly:12,yearly:20"` into a policy's `termDiscounts`;
 * unknown terms and non-numbers are dropped (the SDK validates the rest when quoting).
 *
 * @example parseTermDiscounts('daily:3, monthly:8') // { daily: 3, monthly: 8 }
 */
export function parseTermDiscounts(value: string | null | undefined): Partial<Record<RentalTerm, number>> {
  const out: Partial<Record<RentalTerm, number>> = {};
  for (const pair of (value ?? '').split(',')) {
    const [rawTerm, rawPct] = pair.split(':').map((s) => s.trim());
    const pct = Number(rawPct);
    if (TERMS.includes(rawTerm as RentalTerm) && rawPct !== '' && Number.isFinite(pct))
      out[rawTerm as RentalTerm] = pct;
  }
  return out;
}

/**
 * The SDK's `Machine` as the list's `MachineView` (the SDK says `city: null` where the view says
 * "absent").
 */
function toView(m: Machine): MachineView {
  return { ...m, location: { ...m.location, city: m.location.city ?? undefined } };
}

/**
 * A complete white-label GPU storefront on DeepBrainChain in one tag: wallet connection, machine
 * search with filters, a virtualized result list, a detail and quote panel for the chosen machine,
 * renting through `<dbc-rent-dialog>` and the renter's own rentals (`<dbc-my-rentals>`).
 *
 * The element creates its SDK client from its attributes when first rendered (loading the SDK on
 * demand; browsing through `snapshot-url` loads no chain code) and shares it with its parts through
 * `dbcClientContext`. When the user connects a wallet the client is re-created with the wallet's
 * signer, which renting needs. A `client` property set by the page wins over the attributes; such a
 * client must carry its own signer to rent.
 *
 * Every `dbc-*` event of the parts bubbles out of the element unchanged.
 *
 * @example
 * ```html
 * <dbc-gpu-market network="mainnet" snapshot-url="/dbc/machines/snapshot" client-node-endpoint="/dbc/node"
 *   markup="12" term-discounts="monthly:8,quarterly:12,yearly:20" app-name="Acme GPU" locale="zh">
 *   <img slot="logo" src="/acme.svg" alt="Acme GPU" />
 * </dbc-gpu-market>
 * ```
 *
 * @tag dbc-gpu-market
 * @event dbc-wallet-connected - From the wallet button: the user picked an account.
 * @event dbc-filters-change - From the filters: the search changed; `detail.query`.
 * @event dbc-machine-select - From a card: the user chose a machine; `detail.machineId`.
 * @event dbc-quote - From the quote panel: a quote arrived; `detail.quote`.
 * @event dbc-rent-started - From the rent dialog: the rent began; `detail.idempotencyKey`.
 * @event dbc-rent-confirmed - From the rent dialog: the rental is paid and confirmed; `detail.rental`.
 * @event dbc-vm-ready - From the rent dialog: the VM runs; `detail.connection`.
 * @event dbc-error - From any part, or the storefront could not start (`CLIENT_LOAD_FAILED`) or search (`SEARCH_FAILED`).
 * @slot logo - The partner's logo, at the start of the header.
 * @slot header - Anything else in the header (tagline, links), before the wallet button.
 * @csspart base - The whole storefront.
 * @csspart header - The header row (logo, header slot, wallet button).
 * @csspart tabs - The tab list (market / my rentals).
 * @csspart tab - One tab.
 * @csspart filters - The filters column.
 * @csspart results - The results column (summary and list).
 * @csspart summary - The result count and snapshot block.
 * @csspart detail - The detail and quote panel.
 * @csspart specs - The chosen machine's specification list.
 * @csspart badge - A badge in the detail panel (High stability).
 * @csspart rent - The Rent button.
 * @csspart rentals - The My rentals panel.
 * @csspart error - The storefront-level error state.
 * @csspart retry - Its Retry button.
 * @cssproperty --dbc-color-primary - Brand colour of every part.
 * @cssproperty --dbc-color-bg - Storefront background.
 * @cssproperty --dbc-color-surface - Panels and cards.
 * @cssproperty --dbc-radius - Corner radius of every part.
 * @cssproperty --dbc-space - Spacing unit of every part.
 * @cssproperty --dbc-machine-list-height - Height of the result list.
 */
export class DbcGpuMarket extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, gpuMarketStyles];
  static override properties = {
    network: { reflect: true },
    chainEndpoint: { attribute: 'chain-endpoint' },
    clientNodeEndpoint: { attribute: 'client-node-endpoint' },
    snapshotUrl: { attribute: 'snapshot-url' },
    locale: { reflect: true },
    markup: { type: Number },
    termDiscounts: { attribute: 'term-discounts' },
    theme: { reflect: true },
    appName: { attribute: 'app-name' },
    client: { attribute: false },
    pricing: { attribute: false },
    vmImage: { attribute: 'vm-image' },
    vmOptions: { attribute: false },
    ownClient: { state: true },
    clientError: { state: true },
    query: { state: true },
    tab: { state: true },
    selected: { state: true },
    gpus: { state: true },
    duration: { state: true },
    unit: { state: true },
    term: { state: true },
    quote: { state: true },
    signer: { state: true },
    offline: { state: true },
  };

  /** `devnet` or `mainnet` (default): the endpoints used where no endpoint attribute says otherwise. */
  declare network: 'devnet' | 'mainnet';
  /** Chain WebSocket endpoint (overrides the network's). */
  declare chainEndpoint?: string;
  /** Client-node API base: in browsers, the partner proxy's `/dbc/node`. */
  declare clientNodeEndpoint?: string;
  /** The partner proxy's machine snapshot URL: browsing then loads no chain code. */
  declare snapshotUrl?: string;
  /** `en` or `zh` (other tags fall back to English); passed to every part. */
  declare locale: string;
  /** The partner's markup over the chain price, in percent. */
  declare markup?: number;
  /** Discounts per term in percent, `monthly:8,quarterly:12,yearly:20`. */
  declare termDiscounts?: string;
  /** `light` (default) or `dark`; passed to every part. */
  declare theme?: 'light' | 'dark';
  /** The name wallets show when asking the user to allow this site. */
  declare appName: string;
  /** An SDK client to use instead of one built from the attributes. */
  declare client?: DbcClient;
  /** The partner pricing; wins over `markup` and `term-discounts`. */
  declare pricing?: PricingPolicy;
  /** The VM image every rental gets (`vm-image`); default: the first image the machine offers. */
  declare vmImage?: string;
  /** The VMs' size and ports (disk, CPU, memory, SSH/Jupyter ports); defaults: see `<dbc-rent-dialog>`. */
  declare vmOptions?: RentDialogVmOptions;

  declare private ownClient?: DbcClient;
  declare private clientError?: unknown;
  declare private query: MachineQuery;
  declare private tab: Tab;
  declare private selected?: Machine;
  declare private gpus: number;
  declare private duration: number;
  declare private unit: DurationUnit;
  declare private term: RentalTerm;
  declare private quote?: Quote;
  declare private signer?: DbcSigner;
  /** The browser has no network: the last results stay, and the search reruns when it is back. */
  declare private offline: boolean;

  private readonly provider = new ContextProvider(this, { context: dbcClientContext });
  /** Bumps on every client build, so a slow build that lost the race is dropped. */
  private clientBuild = 0;
  private clientConfigKey = '';

  private readonly searchTask = new Task<SearchArgs, MachineSearchResult<Machine>>(this, {
    args: () => [this.activeClient, this.query] as const,
    task: async ([client, query], { signal }) => {
      if (!client) return initialState;
      // Results are read through the SDK's cache, so repeated searches do not refetch the snapshot.
      const result = await client.machines.search({ ...query, limit: PAGE_SIZE });
      signal.throwIfAborted();
      return result;
    },
    onComplete: (result) => {
      // Keep the detail panel on the newest view of the chosen machine (free GPUs change as others rent).
      const fresh = this.selected && result.items.find((m) => m.id === this.selected!.id);
      if (fresh) this.selected = fresh;
    },
    onError: (error) => {
      if ((error as { name?: unknown } | null)?.name === 'AbortError') return;
      this.dispatchEvent(new DbcErrorEvent(DbcErrorEvent.detailOf(error, 'SEARCH_FAILED')));
    },
  });

  constructor() {
    super();
    this.network = 'mainnet';
    this.locale = 'en';
    this.appName = '';
    this.query = { ...DEFAULT_QUERY };
    this.tab = 'market';
    this.gpus = 1;
    this.duration = 1;
    this.unit = 'hours';
    this.term = 'hourly';
  }

  /** The client the storefront uses now: the page's, else the one built from the attributes. */
  get activeClient(): DbcClient | undefined {
    return this.client ?? this.ownClient;
  }

  /** Runs the current search again (what the list's Retry does). */
  refresh(): void {
    void this.searchTask.run();
  }

  private readonly onNetwork = (): void => {
    this.offline = !navigator.onLine;
    if (!this.offline) this.refresh();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.offline = !navigator.onLine;
    addEventListener('online', this.onNetwork);
    addEventListener('offline', this.onNetwork);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onNetwork);
    removeEventListener('offline', this.onNetwork);
    this.searchTask.abort();
  }

  protected override willUpdate(): void {
    if (!this.client) this.ensureClient();
    // setValue notifies consumers only when the client actually changed.
    this.provider.setValue(this.activeClient);
  }

  /** Total rental hours the user asked for. */
  private get hours(): number {
    return this.unit === 'days' ? this.duration * 24 : this.duration;
  }

  private policy(): PricingPolicy {
    if (this.pricing) return this.pricing;
    const policy: PricingPolicy = { termDiscounts: parseTermDiscounts(this.termDiscounts) };
    if (this.markup !== undefined && Number.isFinite(this.markup)) policy.markupPercent = this.markup;
    return policy;
  }

  private networkConfig(): NetworkConfig {
    const named = this.network === 'devnet' ? 'devnet' : 'mainnet';
    if (!this.chainEndpoint && !this.clientNodeEndpoint && !this.snapshotUrl) return named;
    return {
      chain: this.chainEndpoint ?? CHAIN_ENDPOINTS[named],
      clientNode: this.clientNodeEndpoint,
      snapshotUrl: this.snapshotUrl,
    };
  }

  /** (Re)builds the SDK client when its configuration or the wallet's signer changed. */
  private ensureClient(): void {
    const config: DbcClientConfig = {
      network: this.networkConfig(),
      signer: this.signer,
      partner: { name: this.appName || undefined, pricing: this.policy() },
    };
    const key = JSON.stringify({ ...config, signer: this.signer?.address });
    // A failed build is retried only by Retry (which clears the key), never by every re-render.
    if (key === this.clientConfigKey) return;
    this.clientConfigKey = key;
    this.clientError = undefined;
    const build = ++this.clientBuild;
    import('@dbc-cloud/sdk').then(
      (sdk) => {
        if (build !== this.clientBuild) return;
        const previous = this.ownClient;
        this.ownClient = sdk.createDbcClient(config);
        void previous?.close();
      },
      (error: unknown) => {
        if (build !== this.clientBuild) return;
        this.clientError = error;
        this.dispatchEvent(new DbcErrorEvent(DbcErrorEvent.detailOf(error, 'CLIENT_LOAD_FAILED')));
      },
    );
  }

  private retryClient(): void {
    this.clientConfigKey = '';
    this.clientError = undefined;
    this.requestUpdate();
  }

  private onFilters(e: CustomEvent<{ query: MachineQuery }>): void {
    this.query = e.detail.query;
  }

  private onSelect(e: CustomEvent<{ machineId: string }>): void {
    const machine = this.searchTask.value?.items.find((m) => m.id === e.detail.machineId);
    if (!machine) return;
    if (machine.id !== this.selected?.id) {
      this.selected = machine;
      this.gpus = 1;
      this.quote = undefined;
    }
    // Keyboard and screen-reader users land on what they chose, not back at the top of the list.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#detail-title')?.focus());
  }

  private onWalletConnected(e: Event): void {
    const button = e.target as HTMLElement & { signer?: DbcSigner };
    this.signer = button.signer;
  }

  private onQuote(e: CustomEvent<{ quote: Quote }>): void {
    this.quote = e.detail.quote;
  }

  private onTermChange(e: Event): void {
    const term = (e.target as HTMLElement & { term?: RentalTerm }).term;
    if (term) this.term = term;
  }

  private onGpus(e: Event): void {
    const input = e.target as HTMLInputElement;
    const max = this.selected?.gpu.freeCount ?? 1;
    if (!Number.isFinite(input.valueAsNumber)) return;
    this.gpus = Math.min(max, Math.max(1, Math.round(input.valueAsNumber)));
  }

  private onDuration(e: Event): void {
    const input = e.target as HTMLInputElement;
    if (Number.isFinite(input.valueAsNumber) && input.valueAsNumber > 0) this.duration = input.valueAsNumber;
  }

  private onUnit(e: Event): void {
    this.unit = (e.target as HTMLSelectElement).value as DurationUnit;
  }

  private openRent(): void {
    // The wallet button forgets its signer on Disconnect without an event; read it afresh here.
    const signer = this.renderRoot.querySelector<HTMLElement & { signer?: DbcSigner }>(
      'dbc-wallet-button',
    )?.signer;
    if (signer !== this.signer) this.signer = signer;
    if (!signer && !this.client) return;
    // Opened imperatively: the dialog closes itself (Close, Escape), so a bound `open` would go stale.
    const dialog = this.renderRoot.querySelector<HTMLElement & { open: boolean }>('dbc-rent-dialog');
    if (dialog) dialog.open = true;
  }

  private onRentConfirmed(): void {
    // The rented GPUs are no longer free: refresh the list and the panel.
    this.refresh();
  }

  private selectTab(tab: Tab): void {
    this.tab = tab;
  }

  private onTabKeydown(e: KeyboardEvent): void {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const next: Tab =
      e.key === 'Home'
        ? 'market'
        : e.key === 'End'
          ? 'rentals'
          : this.tab === 'market'
            ? 'rentals'
            : 'market';
    this.tab = next;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus());
  }

  /** Renders only once the locale's messages are there (Chinese loads on first use), so text never flashes English. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = t.load(this.locale);
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  override render() {
    const l = resolveLocale(this.locale);
    // The header is a <div>, not <header>: a widget must not add a second banner landmark to the partner's page.
    return html`<div part="base" class="market">
      <div part="header">
        <slot name="logo"></slot>
        <div class="header-slot"><slot name="header"></slot></div>
        <dbc-wallet-button
          app-name=${this.appName}
          locale=${this.locale}
          theme=${this.theme ?? nothing}
          @dbc-wallet-connected=${this.onWalletConnected}
        ></dbc-wallet-button>
      </div>
      <div part="tabs" role="tablist" aria-label=${t(l, 'tabs')} @keydown=${this.onTabKeydown}>
        ${(['market', 'rentals'] as const).map(
          (tab) =>
            html`<button
              part="tab"
              role="tab"
              type="button"
              id=${`tab-${tab}`}
              aria-controls=${`panel-${tab}`}
              aria-selected=${this.tab === tab ? 'true' : 'false'}
              tabindex=${this.tab === tab ? 0 : -1}
              @click=${() => this.selectTab(tab)}
            >
              ${t(l, `tab.${tab}`)}
            </button>`,
        )}
      </div>
      ${this.clientError !== undefined ? this.renderClientError(l) : this.tab === 'market' ? this.renderMarket(l) : this.renderRentals(l)}
      ${this.renderDialog()}
    </div>`;
  }

  private renderClientError(l: Locale) {
    const { message } = DbcErrorEvent.detailOf(this.clientError, 'CLIENT_LOAD_FAILED');
    return html`<div part="error" role="alert">
      <p>${t(l, 'clientError', { message })}</p>
      <button part="retry" type="button" @click=${this.retryClient}>${t(l, 'retry')}</button>
    </div>`;
  }

  private renderMarket(l: Locale) {
    const task = this.searchTask;
    const result = task.value;
    const searching =
      !this.activeClient || task.status === TaskStatus.PENDING || task.status === TaskStatus.INITIAL;
    const error =
      task.status === TaskStatus.ERROR ? DbcErrorEvent.detailOf(task.error, 'SEARCH_FAILED').message : null;
    let summary: string;
    if (this.offline) summary = t(l, 'offline', { block: result?.snapshotBlock ?? 0 });
    else if (!this.activeClient) summary = t(l, 'clientLoading');
    else if (error !== null) summary = t(l, 'searchError');
    else if (searching && !result) summary = t(l, 'searching');
    else if (result && result.total > result.items.length)
      summary = t(l, 'summaryPage', {
        shown: result.items.length,
        total: result.total,
        block: result.snapshotBlock,
      });
    else summary = t(l, 'summary', { total: result?.total ?? 0, block: result?.snapshotBlock ?? 0 });
    return html`<div class="panels" id="panel-market" role="tabpanel" aria-labelledby="tab-market">
      <aside part="filters" aria-label=${t(l, 'filters')}>
        <dbc-machine-filters
          .value=${this.query}
          .facets=${result?.facets ?? null}
          locale=${this.locale}
          theme=${this.theme ?? nothing}
          @dbc-filters-change=${this.onFilters}
        ></dbc-machine-filters>
      </aside>
      <section part="results" aria-label=${t(l, 'results')}>
        <p part="summary" role="status" aria-live="polite">${summary}</p>
        <dbc-machine-list
          .machines=${result?.items.map(toView) ?? []}
          .loading=${searching}
          .error=${error}
          locale=${this.locale}
          theme=${this.theme ?? nothing}
          @dbc-retry=${this.refresh}
          @dbc-machine-select=${this.onSelect}
        >
          <p slot="empty">${t(l, 'noMachines')}</p>
        </dbc-machine-list>
      </section>
      <aside part="detail" aria-labelledby="detail-title">${this.renderDetail(l)}</aside>
    </div>`;
  }

  private renderDetail(l: Locale) {
    const m = this.selected;
    if (!m) {
      return html`<h2 id="detail-title" class="visually-hidden" tabindex="-1">${t(l, 'detail')}</h2>
        <p class="placeholder">${t(l, 'pickMachine')}</p>`;
    }
    const place = [m.location.city, m.location.country, m.location.region].filter(Boolean).join(', ');
    const canRent = Boolean(this.signer || this.client);
    const noGpu = m.gpu.freeCount < 1;
    const rentBlocked = !canRent || noGpu || !this.quote;
    const hint = noGpu
      ? t(l, 'noFreeGpus')
      : !canRent
        ? t(l, 'connectToRent')
        : !this.quote
          ? t(l, 'waitForQuote')
          : '';
    return html`<h2 id="detail-title" tabindex="-1">${m.gpu.count} × ${m.gpu.model}</h2>
      <div class="badges">
        ${m.stability.highStability ? html`<span part="badge" class="badge stable">${t(l, 'highStability')}</span>` : nothing}
        <span class="badge">${t(l, 'freeGpus', { free: m.gpu.freeCount, total: m.gpu.count })}</span>
      </div>
      <dl part="specs">
        <div>
          <dt>${t(l, 'gpuMemory')}</dt>
          <dd>${m.gpu.memoryGb} GB</dd>
        </div>
        <div>
          <dt>${t(l, 'cpu')}</dt>
          <dd>${m.cpu.model} · ${m.cpu.cores}</dd>
        </div>
        <div>
          <dt>${t(l, 'ram')}</dt>
          <dd>${m.ramGb} GB</dd>
        </div>
        <div>
          <dt>${t(l, 'disk')}</dt>
          <dd>${m.diskGb.system} + ${m.diskGb.data} GB</dd>
        </div>
        <div>
          <dt>${t(l, 'network')}</dt>
          <dd>↑ ${m.network.uploadMbps} / ↓ ${m.network.downloadMbps} Mbps</dd>
        </div>
        <div>
          <dt>${t(l, 'location')}</dt>
          <dd>${place}</dd>
        </div>
        <div>
          <dt>${t(l, 'reliability')}</dt>
          <dd>${formatPercent(l, m.stability.reliability)}</dd>
        </div>
        <div>
          <dt>${t(l, 'uptime')}</dt>
          <dd>${Math.floor(m.stability.onlineHours)} h</dd>
        </div>
      </dl>
      <div class="order">
        <label>
          <span>${t(l, 'gpus')}</span>
          <input
            name="gpus"
            type="number"
            min="1"
            max=${Math.max(1, m.gpu.freeCount)}
            step="1"
            .value=${String(this.gpus)}
            @change=${this.onGpus}
          />
        </label>
        <label>
          <span>${t(l, 'duration')}</span>
          <input
            name="duration"
            type="number"
            min="0.5"
            step="0.5"
            .value=${String(this.duration)}
            @change=${this.onDuration}
          />
        </label>
        <select name="unit" aria-label=${t(l, 'duration')} .value=${this.unit} @change=${this.onUnit}>
          <option value="hours" ?selected=${this.unit === 'hours'}>${t(l, 'unit.hours')}</option>
          <option value="days" ?selected=${this.unit === 'days'}>${t(l, 'unit.days')}</option>
        </select>
      </div>
      <dbc-quote
        .machineId=${m.id}
        .gpus=${this.gpus}
        .hours=${this.hours}
        .term=${this.term}
        .policy=${this.pricing ?? this.policy()}
        locale=${this.locale}
        theme=${this.theme ?? nothing}
        @dbc-quote=${this.onQuote}
        @change=${this.onTermChange}
      ></dbc-quote>
      <button
        part="rent"
        type="button"
        ?disabled=${rentBlocked}
        aria-describedby=${hint ? 'rent-hint' : nothing}
        @click=${this.openRent}
      >
        ${t(l, 'rent')}
      </button>
      ${hint ? html`<p id="rent-hint" class="hint">${hint}</p>` : nothing}`;
  }

  private renderRentals(l: Locale) {
    return html`<section part="rentals" id="panel-rentals" role="tabpanel" aria-labelledby="tab-rentals">
      ${this.signer || this.client ? nothing : html`<p class="placeholder">${t(l, 'connectForRentals')}</p>`}
      <dbc-my-rentals
        .client=${this.activeClient}
        .renter=${this.signer?.address}
        locale=${this.locale}
        theme=${this.theme ?? nothing}
      ></dbc-my-rentals>
    </section>`;
  }

  private renderDialog() {
    if (!this.selected) return nothing;
    return html`<dbc-rent-dialog
      .machine=${toView(this.selected)}
      .quote=${this.quote}
      .gpus=${this.gpus}
      .hours=${this.hours}
      .client=${this.activeClient}
      .image=${this.vmImage}
      .vmOptions=${this.vmOptions}
      locale=${this.locale}
      theme=${this.theme ?? nothing}
      @dbc-rent-confirmed=${this.onRentConfirmed}
    ></dbc-rent-dialog>`;
  }
}
