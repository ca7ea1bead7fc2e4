import { ContextConsumer } from '@lit/context';
import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing } from 'lit';
import type { DbcClient, Rental, VmConnectionInfo } from '@dbc-cloud/sdk';
import { dbcClientContext } from '../../context.js';
import { DbcErrorEvent } from '../../events/error.js';
import { resolveLocale } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import { tokens } from '../../styles/tokens.js';
import { classifyFailure, isAbort } from '../dbc-rent-dialog/rent-failure.js';
import { t } from './dbc-my-rentals.messages.js';
import { myRentalsStyles } from './dbc-my-rentals.styles.js';

type Action = 'connection' | 'extend' | 'stop' | 'restart' | 'end';

/** What one rental row shows besides the rental itself: the action running and its outcome. */
interface RowState {
  busy?: Action;
  notice?: { tone: 'ok' | 'error'; text: string };
  connection?: VmConnectionInfo;
  vmTaskId?: string;
}

type ListArgs = readonly [client: DbcClient | undefined, renter: string | undefined, reload: number];

const MINUTE_MS = 60_000;
const DEFAULT_REFRESH_MS = 30_000;

/** `7a3b…c9d0`: enough of a machine id to recognise it. */
function shortId(id: string): string {
  return id.length > 12 ? `${id.slice(0, 4)}…${id.slice(-4)}` : id;
}

/** Only http(s) links: the URL comes from the node, and a `javascript:` one must never become a link. */
function isWebUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** A DBC decimal string with the locale's grouping, never through a float. */
function formatDbcText(l: Locale, dbc: string): string {
  const tag = l === 'zh' ? 'zh-CN' : 'en-US';
  return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 4 }).format(dbc as Intl.StringNumericLiteral)} DBC`;
}

/**
 * The renter's rentals, live: machine, GPUs, status, end time and time left for each, with the
 * actions a renter needs: connection info (SSH and Jupyter), extend by an hour, stop or restart
 * the VM, and end the rental. The list refreshes on an interval and after every action; loading,
 * empty and error states are rendered, with Retry.
 *
 * Ending explains itself: RentMachine rentals are prepaid and run until their end block, so the SDK
 * refuses to end them early (`RENTAL_CANNOT_END_EARLY`) and the row says why. A client node that
 * refuses a browser wallet's signature is explained as a storefront setup issue (custodial proxy).
 *
 * @example
 * ```html
 * <dbc-my-rentals locale="zh" refresh-interval="60000"></dbc-my-rentals>
 * ```
 *
 * @tag dbc-my-rentals
 * @event dbc-error - Loading or an action failed; `detail.error` is `{ code, message }`.
 * @csspart list - The list of rentals.
 * @csspart rental - One rental.
 * @csspart actions - The action buttons of one rental.
 * @csspart connection - The connection details of one rental.
 * @csspart retry - The Retry button of the error state.
 * @cssproperty --dbc-color-primary - Action buttons.
 * @cssproperty --dbc-color-surface - Rental background.
 * @cssproperty --dbc-color-success - Action confirmations.
 * @cssproperty --dbc-color-danger - Error text.
 * @cssproperty --dbc-radius - Corner radius.
 */
export class DbcMyRentals extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, myRentalsStyles];
  static override properties = {
    client: { attribute: false },
    renter: {},
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
    locale: { reflect: true },
    theme: { reflect: true },
    rows: { state: true },
    reload: { state: true },
  };

  /** The SDK client; defaults to the one `<dbc-gpu-market>` provides through context. */
  declare client?: DbcClient;
  /** Whose rentals (default: the client's signer). */
  declare renter?: string;
  /** Milliseconds between refreshes (default 30 000; 0 turns it off). */
  declare refreshInterval: number;
  /** `en` or `zh` (other tags fall back to English). */
  declare locale: string;
  /** `light` (default) or `dark`. */
  declare theme?: 'light' | 'dark';
  declare private rows: ReadonlyMap<string, RowState>;
  declare private reload: number;

  private readonly clientConsumer = new ContextConsumer(this, { context: dbcClientContext, subscribe: true });
  private refreshTimer?: ReturnType<typeof setInterval>;

  private readonly listTask = new Task<ListArgs, Rental[]>(this, {
    args: () => [this.activeClient, this.renter, this.reload] as const,
    task: async ([client, renter], { signal }) => {
      if (!client) return initialState;
      return client.rentals.list({ ...(renter ? { renter } : {}), signal });
    },
    onError: (error) => {
      if (isAbort(error)) return;
      this.dispatchEvent(new DbcErrorEvent(DbcErrorEvent.detailOf(error, 'RENTALS_LIST_FAILED')));
    },
  });

  constructor() {
    super();
    this.refreshInterval = DEFAULT_REFRESH_MS;
    this.locale = 'en';
    this.rows = new Map();
    this.reload = 0;
  }

  private get activeClient(): DbcClient | undefined {
    return this.client ?? this.clientConsumer.value;
  }

  /** Loads the list again now (what Retry, the interval and every action do). */
  refresh(): void {
    // Changing an argument, not calling run(), lets the task abort a refresh still in flight.
    this.reload += 1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restartTimer();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.refreshTimer);
    this.listTask.abort();
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('refreshInterval')) this.restartTimer();
  }

  private restartTimer(): void {
    clearInterval(this.refreshTimer);
    if (!this.isConnected || !(this.refreshInterval > 0)) return;
    this.refreshTimer = setInterval(() => {
      // A refresh mid-action would redraw the row under the user's pointer; the action refreshes after.
      const acting = [...this.rows.values()].some((r) => r.busy);
      if (!acting && this.listTask.status !== TaskStatus.PENDING) this.refresh();
    }, this.refreshInterval);
  }

  private setRow(id: string, patch: Partial<RowState> | undefined): void {
    const rows = new Map(this.rows);
    rows.set(id, patch === undefined ? {} : { ...rows.get(id), ...patch });
    this.rows = rows;
  }

  private async act(rental: Rental, action: Action): Promise<void> {
    const client = this.activeClient;
    if (!client || this.rows.get(rental.id)?.busy) return;
    const l = resolveLocale(this.locale);
    this.setRow(rental.id, { busy: action, notice: undefined });
    try {
      const notice = await this.runAction(client, rental, action, l);
      this.setRow(rental.id, { busy: undefined, notice });
      if (action !== 'connection') this.refresh();
    } catch (error) {
      this.setRow(rental.id, {
        busy: undefined,
        notice: { tone: 'error', text: this.explain(l, rental, error) },
      });
      this.dispatchEvent(new DbcErrorEvent(DbcErrorEvent.detailOf(error, 'RENTAL_ACTION_FAILED')));
    }
  }

  private async runAction(
    client: DbcClient,
    rental: Rental,
    action: Action,
    l: Locale,
  ): Promise<RowState['notice']> {
    switch (action) {
      case 'extend': {
        const extended = await client.rentals.extend(rental.id, { duration: { hours: 1 } });
        return { tone: 'ok', text: t(l, 'extended', { endsAt: this.formatEnd(l, extended.endsAt) }) };
      }
      case 'end':
        await client.rentals.end(rental.id);
        return { tone: 'ok', text: t(l, 'ended') };
      default: {
        const taskId = await this.vmOf(client, rental);
        if (!taskId) return { tone: 'ok', text: t(l, 'noVm') };
        const ref = { taskId, rentalId: rental.id, machineId: rental.machineId };
        if (action === 'connection') {
          this.setRow(rental.id, { connection: await client.vms.connectionInfo(ref) });
          return undefined;
        }
        await (action === 'stop' ? client.vms.stop(ref) : client.vms.restart(ref));
        return { tone: 'ok', text: t(l, action === 'stop' ? 'stopped' : 'restarted') };
      }
    }
  }

  /** The rental's VM: the one the node lists first (the rent dialog makes one per rental). */
  private async vmOf(client: DbcClient, rental: Rental): Promise<string | undefined> {
    const known = this.rows.get(rental.id)?.vmTaskId;
    if (known) return known;
    const [vm] = await client.vms.list({ rentalId: rental.id, machineId: rental.machineId });
    if (vm) this.setRow(rental.id, { vmTaskId: vm.taskId });
    return vm?.taskId;
  }

  private explain(l: Locale, rental: Rental, error: unknown): string {
    // Every action here is signed (a transaction or a node request), so an abort is the wallet's Cancel.
    const f = classifyFailure(error, 'signing');
    if (f.code === 'RENTAL_CANNOT_END_EARLY')
      return t(l, 'cannotEndEarly', { endsAt: this.formatEnd(l, rental.endsAt) });
    switch (f.kind) {
      case 'declined':
        return t(l, 'declined');
      case 'insufficient':
        return f.availableDbc && f.needDbc
          ? t(l, 'insufficient', {
              available: formatDbcText(l, f.availableDbc),
              need: formatDbcText(l, f.needDbc),
            })
          : t(l, 'insufficientNoAmounts');
      case 'node-auth':
        return t(l, 'nodeAuth');
      case 'node':
        return t(l, 'node', { message: f.message });
      default:
        return t(l, 'failed', { message: f.message });
    }
  }

  private formatEnd(l: Locale, endsAt: Date | string | number): string {
    return new Intl.DateTimeFormat(l === 'zh' ? 'zh-CN' : 'en-US', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(endsAt));
  }

  private formatRemaining(l: Locale, endsAt: Date | string | number, now: number): string {
    const minutes = Math.floor((new Date(endsAt).getTime() - now) / MINUTE_MS);
    if (minutes <= 0) return t(l, 'duration.ended');
    const d = Math.floor(minutes / 1_440);
    const h = Math.floor((minutes % 1_440) / 60);
    const m = minutes % 60;
    if (d > 0) return t(l, 'duration.days', { d, h });
    if (h > 0) return t(l, 'duration.hours', { h, m });
    return t(l, 'duration.minutes', { m });
  }

  override render() {
    const l = resolveLocale(this.locale);
    const status = this.listTask.status;
    const rentals = this.listTask.value;
    const pending = status === TaskStatus.PENDING;
    let body;
    if (status === TaskStatus.ERROR) {
      const error = DbcErrorEvent.detailOf(this.listTask.error, 'RENTALS_LIST_FAILED');
      body = html`<div class="error" role="alert">
        <p>${t(l, 'error', { message: error.message })}</p>
        <button part="retry" type="button" @click=${this.refresh}>${t(l, 'retry')}</button>
      </div>`;
    } else if (rentals && rentals.length > 0) {
      const now = Date.now();
      body = html`<ul part="list">
        ${rentals.map((r) => this.renderRental(l, r, now))}
      </ul>`;
    } else if (rentals) {
      body = html`<p class="status">${t(l, 'empty')}</p>`;
    } else if (pending) {
      body = html`<p class="status" role="status">${t(l, 'loading')}</p>`;
    } else {
      body = nothing;
    }
    return html`<section class="rentals" aria-labelledby="title" aria-busy=${pending ? 'true' : 'false'}>
      <h2 id="title">${t(l, 'title')}</h2>
      ${body}
    </section>`;
  }

  private renderRental(l: Locale, r: Rental, now: number) {
    const row = this.rows.get(r.id) ?? {};
    const busy = row.busy !== undefined;
    const running = r.status === 'renting';
    // While the row is busy its buttons are aria-disabled, not disabled: a disabled button drops the
    // focus of the user who just pressed it to <body>. act() ignores presses until the row is free.
    const button = (action: Action, enabled = true) =>
      html`<button
        type="button"
        data-action=${action}
        ?disabled=${!enabled}
        aria-disabled=${busy && enabled ? 'true' : nothing}
        aria-busy=${row.busy === action ? 'true' : 'false'}
        @click=${() => this.act(r, action)}
      >
        ${row.busy === action ? t(l, 'working') : t(l, `action.${action}`)}
      </button>`;
    return html`<li part="rental" data-rental-id=${r.id}>
      <dl>
        <div>
          <dt>${t(l, 'machine')}</dt>
          <dd title=${r.machineId}>${shortId(r.machineId)}</dd>
        </div>
        <div>
          <dt>${t(l, 'gpus')}</dt>
          <dd>${r.gpus}</dd>
        </div>
        <div>
          <dt>${t(l, 'status')}</dt>
          <dd class="state" data-status=${r.status}>${t(l, `status.${r.status}`)}</dd>
        </div>
        <div>
          <dt>${t(l, 'endsAt')}</dt>
          <dd><time datetime=${new Date(r.endsAt).toISOString()}>${this.formatEnd(l, r.endsAt)}</time></dd>
        </div>
        <div>
          <dt>${t(l, 'remaining')}</dt>
          <dd>${this.formatRemaining(l, r.endsAt, now)}</dd>
        </div>
      </dl>
      <div part="actions" role="group" aria-label=${t(l, 'actionsFor', { id: r.id })}>
        ${button('connection', running)} ${button('extend', running)} ${button('stop', running)}
        ${button('restart', running)} ${button('end')}
      </div>
      ${
        row.notice
          ? html`<p
              class="notice ${row.notice.tone}"
              role=${row.notice.tone === 'error' ? 'alert' : 'status'}
            >
              ${row.notice.text}
            </p>`
          : nothing
      }
      ${row.connection ? this.renderConnection(l, row.connection) : nothing}
    </li>`;
  }

  private renderConnection(l: Locale, info: VmConnectionInfo) {
    return html`<div part="connection">
      ${
        info.ssh
          ? html`<p>
                <span class="label">${t(l, 'ssh')}</span>
                <code class="ssh">${info.ssh.command}</code>
              </p>
              ${
                info.ssh.password
                  ? html`<details>
                      <summary>${t(l, 'password')}</summary>
                      <code>${info.ssh.password}</code>
                    </details>`
                  : nothing
              }`
          : nothing
      }
      ${
        info.jupyterUrl && isWebUrl(info.jupyterUrl)
          ? html`<p>
              <a href=${info.jupyterUrl} target="_blank" rel="noopener noreferrer">${t(l, 'jupyter')}</a>
            </p>`
          : nothing
      }
    </div>`;
  }
}
