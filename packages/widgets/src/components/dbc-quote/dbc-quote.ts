import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { DbcClient, PricingPolicy, Quote, QuoteAmount, QuoteParams, RentalTerm } from '@dbc-cloud/sdk';
import { dbcClientContext } from '../../context.js';
import { DbcErrorEvent } from '../../events/error.js';
import { DbcQuoteEvent } from '../../events/quote.js';
import { formatMoney, formatPercent, resolveLocale } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import { tokens } from '../../styles/tokens.js';
import { t } from './dbc-quote.messages.js';
import { quoteStyles } from './dbc-quote.styles.js';

/**
 * The SDK's terms and their minimum lengths in days, copied here so that rendering the term picker
 * loads no SDK code (the SDK still enforces them when quoting).
 */
const TERMS: readonly RentalTerm[] = ['hourly', 'daily', 'monthly', 'quarterly', 'yearly'];
const TERM_MIN_DAYS: Readonly<Record<RentalTerm, number>> = {
  hourly: 0,
  daily: 1,
  monthly: 30,
  quarterly: 90,
  yearly: 365,
};
const BLOCKS_PER_HOUR = 600;
const BLOCKS_PER_DAY = 14_400;
const HALF_HOUR_BLOCKS = 300;
/** A quote that arrives already expired must not start a re-quote loop. */
const MIN_REQUOTE_DELAY_MS = 1_000;

type QuoteArgs = readonly [
  client: DbcClient | undefined,
  machineId: string | undefined,
  gpus: number,
  hours: number,
  durationBlocks: number | undefined,
  term: RentalTerm,
];

/**
 * A live rental price for one machine: the chain's rent in DBC and USD, the network and
 * transaction fees, the partner's markup and term discount, the total and the price per GPU-hour,
 * with the term picker and a countdown to the next re-quote (prices follow the DBC price, so a
 * quote expires and is fetched again). Every loading, error and expired state is rendered.
 *
 * Give it a `client` (or put it inside `<dbc-gpu-market>`, which provides one) and a `machineId`;
 * or, without a client, pass a precomputed `quote` (from your backend's `client.pricing.quote`).
 *
 * @example
 * ```html
 * <dbc-quote machine-id="7a3b…" gpus="2" hours="24" term="daily" locale="zh"></dbc-quote>
 * ```
 *
 * @tag dbc-quote
 * @event dbc-quote - A quote arrived; `detail.quote` is the SDK `Quote`.
 * @event dbc-error - Quoting failed; `detail.error` is `{ code, message }`.
 * @event change - The user picked another term (`element.term`); hosts passing `quote` re-quote on it.
 * @csspart terms - The term radio group (a fieldset).
 * @csspart term - One term choice (label with radio and discount).
 * @csspart breakdown - The list of price parts.
 * @csspart total - The total row.
 * @csspart retry - The retry button of the error state.
 * @cssproperty --dbc-color-primary - Selected term and total.
 * @cssproperty --dbc-color-surface - Panel background.
 * @cssproperty --dbc-color-success - Discounts.
 * @cssproperty --dbc-color-danger - Error text.
 * @cssproperty --dbc-radius - Corner radius.
 */
export class DbcQuote extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, quoteStyles];
  static override properties = {
    machineId: { attribute: 'machine-id' },
    gpus: { type: Number },
    hours: { type: Number },
    durationBlocks: { type: Number, attribute: 'duration-blocks' },
    term: { reflect: true },
    locale: { reflect: true },
    currency: {},
    theme: { reflect: true },
    client: { attribute: false },
    quote: { attribute: false },
    policy: { attribute: false },
    now: { state: true },
  };

  /** The machine to price (64 hex characters). */
  declare machineId?: string;
  /** GPUs to rent (default 1). */
  declare gpus: number;
  /** Rental length in hours (default 1); ignored when `durationBlocks` is set. */
  declare hours: number;
  /** Rental length in 6-second blocks, instead of `hours`. */
  declare durationBlocks?: number;
  /** The rental term (default `hourly`); longer terms carry the partner's discount. */
  declare term: RentalTerm;
  /** `en` or `zh` (other tags fall back to English). */
  declare locale: string;
  /** Which currency leads each amount: `USD` (default) or `DBC`; the other is shown beside it. */
  declare currency: 'USD' | 'DBC';
  /** `light` (default) or `dark`. */
  declare theme?: 'light' | 'dark';
  /** The SDK client; defaults to the one `<dbc-gpu-market>` provides through context. */
  declare client?: DbcClient;
  /**
   * The quote on screen. Set it to show a precomputed quote without a client; with a client the
   * element sets it to each quote it fetches.
   */
  declare quote?: Quote;
  /** The partner pricing whose term discounts label the term picker (default: the client's). */
  declare policy?: PricingPolicy;
  declare private now: number;

  private readonly clientConsumer = new ContextConsumer(this, { context: dbcClientContext, subscribe: true });
  private requoteTimer?: ReturnType<typeof setTimeout>;
  private tickTimer?: ReturnType<typeof setInterval>;

  private readonly quoteTask = new Task<QuoteArgs, Quote>(this, {
    args: () =>
      [this.activeClient, this.machineId, this.gpus, this.hours, this.durationBlocks, this.term] as const,
    task: async ([client, machineId, gpus, hours, durationBlocks, term], { signal }) => {
      if (!client || !machineId) return initialState;
      const params: QuoteParams =
        durationBlocks !== undefined && durationBlocks !== null
          ? { machineId, gpus, durationBlocks, term }
          : { machineId, gpus, duration: { hours }, term };
      return client.pricing.quote(params, { signal });
    },
    onComplete: (quote) => {
      this.quote = quote;
      this.dispatchEvent(new DbcQuoteEvent(quote));
    },
    onError: (error) => {
      // A superseded or disconnected run is not a failure the user needs to hear about.
      if (isAbort(error)) return;
      this.dispatchEvent(new DbcErrorEvent(DbcErrorEvent.detailOf(error, 'QUOTE_FAILED')));
    },
  });

  constructor() {
    super();
    this.gpus = 1;
    this.hours = 1;
    this.term = 'hourly';
    this.locale = 'en';
    this.currency = 'USD';
    this.now = Date.now();
  }

  private get activeClient(): DbcClient | undefined {
    return this.client ?? this.clientConsumer.value;
  }

  /** Fetches the quote again now (what the Retry button does). */
  requote(): void {
    void this.quoteTask.run();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.tickTimer = setInterval(() => (this.now = Date.now()), 1_000);
    if (this.quote) this.scheduleRequote(this.quote);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.tickTimer);
    clearTimeout(this.requoteTimer);
    this.quoteTask.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Frameworks that set properties pass what the template says, often a string ("8"): numbers
    // are read as numbers whichever way they arrive, as the attributes already are.
    for (const k of ['gpus', 'hours', 'durationBlocks'] as const)
      if (typeof this[k] === 'string' && (this[k] as unknown as string).trim() !== '')
        this[k] = Number(this[k]);
    // A host-given quote decides the term shown; with a client the term drives the quote instead.
    if (changed.has('quote') && this.quote && !this.activeClient && this.quote.term !== this.term)
      this.term = this.quote.term;
    // Restart the countdown from the new quote in this same update, not in a second one.
    if (changed.has('quote')) this.now = Date.now();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('quote') && this.quote) this.scheduleRequote(this.quote);
  }

  private scheduleRequote(quote: Quote): void {
    clearTimeout(this.requoteTimer);
    if (!this.activeClient) return;
    this.requoteTimer = setTimeout(
      () => {
        if (this.isConnected && this.activeClient) this.requote();
      },
      Math.max(MIN_REQUOTE_DELAY_MS, quote.expiresAt - Date.now()),
    );
  }

  private pickTerm(event: Event): void {
    const term = (event.target as HTMLInputElement).value as RentalTerm;
    if (term === this.term) return;
    this.term = term;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  /** The requested rental in blocks, rounded up to half hours as the chain does. */
  private requestedBlocks(): number {
    if (!this.activeClient && this.quote) return this.quote.duration.durationBlocks;
    const blocks = this.durationBlocks ?? Math.ceil(this.hours * BLOCKS_PER_HOUR);
    return Math.ceil(blocks / HALF_HOUR_BLOCKS) * HALF_HOUR_BLOCKS;
  }

  private discountOf(term: RentalTerm): number {
    const q = this.quote;
    if (q && q.term === term) return q.breakdown.termDiscount.percent;
    const policy = this.policy ?? this.activeClient?.pricing.policy;
    const model = q ? policy?.byGpuModel?.[q.gpuModel] : undefined;
    return model?.termDiscounts?.[term] ?? policy?.termDiscounts?.[term] ?? 0;
  }

  override render() {
    const l = resolveLocale(this.locale);
    const status = this.quoteTask.status;
    const pending = status === TaskStatus.PENDING;
    let body;
    if (status === TaskStatus.ERROR) {
      const error = DbcErrorEvent.detailOf(this.quoteTask.error, 'QUOTE_FAILED');
      body = html`<div class="error" role="alert">
        <p>${t(l, 'error', { message: error.message })}</p>
        <button part="retry" type="button" @click=${this.requote}>${t(l, 'retry')}</button>
      </div>`;
    } else if (this.quote) {
      body = this.renderBreakdown(l, this.quote, pending);
    } else if (pending) {
      body = html`<p class="status" role="status">${t(l, 'loading')}</p>`;
    } else {
      body = html`<p class="status">${t(l, 'empty')}</p>`;
    }
    return html`<section class="quote" aria-busy=${pending ? 'true' : 'false'}>
      ${this.renderTerms(l)} ${body}
    </section>`;
  }

  private renderTerms(l: Locale) {
    const blocks = this.requestedBlocks();
    return html`<fieldset part="terms">
      <legend>${t(l, 'terms')}</legend>
      ${TERMS.map((term) => {
        const tooShort = blocks < TERM_MIN_DAYS[term] * BLOCKS_PER_DAY;
        const discount = this.discountOf(term);
        return html`<label
          part="term"
          class=${term === this.term ? 'selected' : ''}
          title=${tooShort ? t(l, 'termMin', { days: TERM_MIN_DAYS[term] }) : ''}
        >
          <input
            type="radio"
            name="term"
            .value=${term}
            .checked=${term === this.term}
            ?disabled=${tooShort}
            @change=${this.pickTerm}
          />
          <span>${t(l, `term.${term}`)}</span>
          ${discount > 0 ? html`<span class="discount">${t(l, 'discount', { pct: formatPercent(l, discount / 100) })}</span>` : nothing}
        </label>`;
      })}
    </fieldset>`;
  }

  private renderBreakdown(l: Locale, q: Quote, updating: boolean) {
    const b = q.breakdown;
    const secondsLeft = Math.max(0, Math.ceil((q.expiresAt - this.now) / 1_000));
    const amount = (a: QuoteAmount, sign = '') => {
      const usd = formatMoney(l, a.usd, 'USD');
      const dbc = formatDbc(l, a.dbc);
      const [lead, other] = this.currency === 'DBC' ? [dbc, usd] : [usd, dbc];
      return html`<span class="lead">${sign}${lead}</span> <span class="other">${sign}${other}</span>`;
    };
    const pct = (p: number) => formatPercent(l, p / 100);
    const perGpuHour =
      this.currency === 'DBC'
        ? formatMoney(l, q.pricePerGpuHour.dbc, 'DBC')
        : formatMoney(l, q.pricePerGpuHour.usd, 'USD');
    return html`
      <p class="summary">${t(l, 'summary', { gpus: q.gpus, model: q.gpuModel, hours: q.duration.hours })}</p>
      <dl part="breakdown" class=${updating ? 'updating' : ''}>
        <div>
          <dt>${t(l, 'chainRent')}</dt>
          <dd>${amount(b.chainRent)}</dd>
        </div>
        ${
          b.markup.planck !== 0n || b.markup.percent
            ? html`<div>
                <dt>${t(l, 'markup', { pct: pct(b.markup.percent) })}</dt>
                <dd>${amount(b.markup, '+')}</dd>
              </div>`
            : nothing
        }
        ${
          b.termDiscount.planck !== 0n || b.termDiscount.percent
            ? html`<div class="saving">
                <dt>${t(l, 'termDiscount', { pct: pct(b.termDiscount.percent) })}</dt>
                <dd>${amount(b.termDiscount, '−')}</dd>
              </div>`
            : nothing
        }
        ${
          b.minimumAdjustment.planck > 0n
            ? html`<div>
                <dt>${t(l, 'minimum')}</dt>
                <dd>${amount(b.minimumAdjustment, '+')}</dd>
              </div>`
            : nothing
        }
        <div>
          <dt>${t(l, 'networkFee')}</dt>
          <dd>${amount(b.networkFee)}</dd>
        </div>
        <div>
          <dt>${t(l, 'txFees', { n: b.txFeeEstimate.transactions })}</dt>
          <dd>${amount(b.txFeeEstimate)}</dd>
        </div>
        <div part="total">
          <dt>${t(l, 'total')}</dt>
          <dd>${amount(q.total)}</dd>
        </div>
        <div class="per-hour">
          <dt>${t(l, 'perGpuHour')}</dt>
          <dd>${perGpuHour}</dd>
        </div>
      </dl>
      ${
        q.notes.length
          ? html`<ul class="notes">
              ${q.notes.map((n) => html`<li>${n}</li>`)}
            </ul>`
          : nothing
      }
      <p class="expiry" role="status">
        ${updating ? t(l, 'requoting') : secondsLeft > 0 ? t(l, 'expiresIn', { s: secondsLeft }) : t(l, 'expired')}
      </p>
    `;
  }
}

/** A DBC display string (exact decimals from the SDK) with the locale's grouping, never through a float. */
function formatDbc(l: Locale, dbc: string): string {
  const tag = l === 'zh' ? 'zh-CN' : 'en-US';
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 4 }).format(dbc as Intl.StringNumericLiteral)} DBC`;
}

function isAbort(error: unknown): boolean {
  const e = error as { name?: unknown; code?: unknown } | null;
  return e?.name === 'AbortError' || e?.code === 'ABORTED';
}
