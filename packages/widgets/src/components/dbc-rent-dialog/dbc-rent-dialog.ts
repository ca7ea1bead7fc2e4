import { ContextConsumer } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type {
  DbcClient,
  Quote,
  Rental,
  RentProgress,
  Vm,
  VmConnectionInfo,
  VmProgress,
} from '@dbc-cloud/sdk';
import { dbcClientContext } from '../../context.js';
import { DbcErrorEvent } from '../../events/error.js';
import { DbcRentConfirmedEvent } from '../../events/rent-confirmed.js';
import { DbcRentStartedEvent } from '../../events/rent-started.js';
import { DbcVmReadyEvent, type VmReadyConnection } from '../../events/vm-ready.js';
import { formatMoney, resolveLocale } from '../../i18n/localize.js';
import type { Locale } from '../../i18n/messages.js';
import { tokens } from '../../styles/tokens.js';
import type { MachineView } from '../../types.js';
import { t } from './dbc-rent-dialog.messages.js';
import { rentDialogStyles } from './dbc-rent-dialog.styles.js';
import { classifyFailure, isAbort, type RentFailure } from './rent-failure.js';

/** The VM the dialog creates once the rental is confirmed; every field has a default. */
export interface RentDialogVmOptions {
  /** Default: the rented GPUs' share of the machine's cores. */
  cpuCores?: number;
  /** Default: the rented GPUs' share of the memory the machine's client node offers to VMs (`vms.suggestResources`). */
  memGb?: number;
  /** Data disk (default 100). */
  diskGb?: number;
  /** Default: a port derived from the rent id, so VMs of different rentals on one machine do not collide. */
  sshPort?: number;
  /** Default: `sshPort + 1`; `0` opens no Jupyter port. */
  jupyterPort?: number;
}

type Phase = 'review' | 'running' | 'done' | 'error';
type StepKey = 'sign' | 'inBlock' | 'confirm' | 'vm' | 'ready';

const STEPS: readonly StepKey[] = ['sign', 'inBlock', 'confirm', 'vm', 'ready'];
const BLOCKS_PER_HOUR = 600;
const DEFAULT_DISK_GB = 100;
/** Host ports 20000–39999 in pairs (SSH, Jupyter), picked by rent id. */
const PORT_BASE = 20_000;
const PORT_PAIRS = 10_000;

/** Where each SDK progress stage puts the renter in the step list. */
const RENT_STEP: Readonly<Record<RentProgress['stage'], number>> = {
  validating: 0,
  signing: 0,
  submitted: 1,
  reconciling: 1,
  'in-block': 2,
  'checking-node': 2,
  confirming: 2,
  confirmed: 3,
};

const FOCUSABLE =
  'button:not([disabled]), a[href], summary, input:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** A fresh idempotency key; `randomUUID` needs a secure context, so fall back to random bytes. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return `dbc-rent-${crypto.randomUUID()}`;
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `dbc-rent-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** The focused element, looking inside shadow roots (an opener is usually inside some component). */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

/** The connection without its secrets: what may leave the dialog in an event. */
function publicConnection(info: VmConnectionInfo): VmReadyConnection {
  const out: VmReadyConnection = {};
  if (info.ssh) {
    const { command, host, port, user } = info.ssh;
    out.ssh = { command, host, port, user };
  }
  if (info.jupyterUrl) out.jupyterUrl = info.jupyterUrl;
  return out;
}

/**
 * The checkout: a modal dialog that rents the chosen GPUs and boots a VM on them, showing each
 * step as it happens (sign → in block → confirmed → VM creating → ready) from the SDK's progress
 * reports, then the SSH command and Jupyter link.
 *
 * One idempotency key is made per dialog session and reused by every Retry, so a retry after a
 * dropped connection never rents twice; once the rental is paid, Retry only continues the VM setup.
 * Escape closes the dialog except while money is moving; focus stays inside it and returns to the
 * element that opened it.
 *
 * Failures are explained, not dumped: a declined signature, a balance too low (with the amounts),
 * and the client node refusing a browser wallet's signature (the storefront must run its proxy in
 * custodial mode) each get their own message; chain and node text is always rendered as text.
 *
 * @example
 * ```html
 * <dbc-rent-dialog gpus="1" hours="4" image="ubuntu-2204-cuda12.2.qcow2"></dbc-rent-dialog>
 * <script type="module">
 *   const dialog = document.querySelector('dbc-rent-dialog');
 *   dialog.machine = machine; dialog.quote = quote; dialog.client = dbc;
 *   buyButton.onclick = () => (dialog.open = true);
 *   dialog.addEventListener('dbc-vm-ready', (e) => console.log(e.detail.connection.ssh?.command));
 * </script>
 * ```
 *
 * @tag dbc-rent-dialog
 * @event dbc-rent-started - The user confirmed; `detail` is `{ machineId, gpus, idempotencyKey }` (again, same key, on Retry).
 * @event dbc-rent-confirmed - The rental is paid and running; `detail.rental` is the SDK `Rental`.
 * @event dbc-vm-ready - The VM runs; `detail` is `{ rentalId, vm, connection }` (`connection` has no passwords).
 * @event dbc-error - A step failed; `detail.error` is `{ code, message }`.
 * @csspart dialog - The `<dialog>` element.
 * @csspart steps - The live progress list.
 * @csspart step - One step of the list (`data-state` is `pending`, `active`, `done` or `failed`).
 * @csspart start - The "Rent and pay" button.
 * @csspart ssh - The SSH command.
 * @csspart copy - The button that copies the SSH command.
 * @csspart retry - The Retry button of the error state.
 * @csspart close - The close button.
 * @cssproperty --dbc-color-primary - Buttons and the active step.
 * @cssproperty --dbc-color-bg - Dialog background.
 * @cssproperty --dbc-color-success - Finished steps.
 * @cssproperty --dbc-color-danger - Failed step and error text.
 * @cssproperty --dbc-radius - Corner radius.
 */
export class DbcRentDialog extends LitElement {
  /** Styles: the shared design tokens, then this component's own sheet. */
  static override styles = [tokens, rentDialogStyles];
  static override properties = {
    open: { type: Boolean, reflect: true },
    machine: { attribute: false },
    quote: { attribute: false },
    gpus: { type: Number },
    hours: { type: Number },
    image: {},
    vmOptions: { attribute: false },
    client: { attribute: false },
    locale: { reflect: true },
    theme: { reflect: true },
    phase: { state: true },
    step: { state: true },
    reconciling: { state: true },
    moneyInFlight: { state: true },
    failure: { state: true },
    rental: { state: true },
    connection: { state: true },
    copyState: { state: true },
  };

  /** Whether the dialog is shown; set it to open, the dialog clears it when it closes. */
  declare open: boolean;
  /** The machine to rent. */
  declare machine?: MachineView;
  /** The quote shown as the price (optional); when set, its duration is what gets rented. */
  declare quote?: Quote;
  /** GPUs to rent (default 1; a quote's count wins). */
  declare gpus: number;
  /** Rental length in hours (default 1), unless a `quote` gives the duration. */
  declare hours: number;
  /** The VM image; default: the first image the machine offers. */
  declare image?: string;
  /** The VM's size and ports (defaults: the rented share of the machine, ports by rent id). */
  declare vmOptions?: RentDialogVmOptions;
  /** The SDK client; defaults to the one `<dbc-gpu-market>` provides through context. */
  declare client?: DbcClient;
  /** `en` or `zh` (other tags fall back to English). */
  declare locale: string;
  /** `light` (default) or `dark`. */
  declare theme?: 'light' | 'dark';
  declare private phase: Phase;
  declare private step: number;
  declare private reconciling: boolean;
  declare private moneyInFlight: boolean;
  declare private failure?: RentFailure;
  declare private rental?: Rental;
  declare private connection?: VmConnectionInfo;
  declare private copyState: 'idle' | 'copied' | 'manual';

  private readonly clientConsumer = new ContextConsumer(this, { context: dbcClientContext, subscribe: true });
  private idempotencyKey?: string;
  private orderSignature?: string;
  private opener: HTMLElement | null = null;
  private controller?: AbortController;
  private rentStage?: RentProgress['stage'];

  constructor() {
    super();
    this.open = false;
    this.gpus = 1;
    this.hours = 1;
    this.locale = 'en';
    this.phase = 'review';
    this.step = 0;
    this.reconciling = false;
    this.moneyInFlight = false;
    this.copyState = 'idle';
  }

  /** The idempotency key of this dialog session's order (made when the dialog opens). */
  get orderKey(): string | undefined {
    return this.idempotencyKey;
  }

  private get activeClient(): DbcClient | undefined {
    return this.client ?? this.clientConsumer.value;
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  private get orderGpus(): number {
    return this.quote?.gpus ?? this.gpus;
  }

  private get orderBlocks(): number {
    return this.quote?.duration.durationBlocks ?? Math.ceil(this.hours * BLOCKS_PER_HOUR);
  }

  /** Starts the rent (or, after a failure, retries it with the same idempotency key). */
  async start(): Promise<void> {
    const client = this.activeClient;
    const machine = this.machine;
    if (this.phase === 'running' || !client || !machine) return;
    this.idempotencyKey ??= newIdempotencyKey();
    const controller = (this.controller = new AbortController());
    this.failure = undefined;
    this.phase = 'running';
    this.copyState = 'idle';
    // The button just pressed (Rent and pay, Retry) is gone from the progress view: keep focus in the
    // dialog, on the steps, rather than letting it drop to <body>, out of reach of Escape and Tab handling.
    void this.updateComplete.then(() => {
      if (this.phase === 'running' && this.dialog?.open)
        this.renderRoot.querySelector<HTMLElement>('[part="steps"]')?.focus();
    });
    try {
      let rental = this.rental;
      if (!rental) rental = await this.rent(client, machine, this.idempotencyKey, controller.signal);
      this.step = STEPS.indexOf('vm');
      const vm = await this.createVm(client, machine, rental, controller.signal);
      const connection = await client.vms.connectionInfo(vm.taskId, { signal: controller.signal });
      if (controller.signal.aborted) return;
      this.connection = connection;
      this.step = STEPS.length;
      this.phase = 'done';
      this.dispatchEvent(
        new DbcVmReadyEvent({ rentalId: rental.id, vm, connection: publicConnection(connection) }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="copy"]')?.focus();
    } catch (error) {
      // Aborted because the element left the page: nobody is there to read an error.
      if (controller.signal.aborted) return;
      const failure = classifyFailure(error, this.rentStage);
      // A wallet "Cancel" surfaces as a signing abort; any other abort was not the user's choice.
      if (isAbort(error) && failure.kind !== 'declined') failure.kind = 'other';
      this.failure = failure;
      this.phase = 'error';
      this.dispatchEvent(new DbcErrorEvent({ code: failure.code, message: failure.message }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="retry"]')?.focus();
    } finally {
      this.moneyInFlight = false;
      this.reconciling = false;
    }
  }

  private async rent(
    client: DbcClient,
    machine: MachineView,
    key: string,
    signal: AbortSignal,
  ): Promise<Rental> {
    this.step = 0;
    this.rentStage = undefined;
    this.moneyInFlight = true;
    const gpus = this.orderGpus;
    this.dispatchEvent(new DbcRentStartedEvent({ machineId: machine.id, gpus, idempotencyKey: key }));
    const rental = await client.rentals.rent({
      machineId: machine.id,
      gpus,
      durationBlocks: this.orderBlocks,
      idempotencyKey: key,
      signal,
      onProgress: (p) => {
        this.rentStage = p.stage;
        this.reconciling = p.stage === 'reconciling';
        this.step = Math.max(this.step, RENT_STEP[p.stage]);
      },
    });
    this.moneyInFlight = false;
    this.rental = rental;
    this.dispatchEvent(new DbcRentConfirmedEvent(rental));
    return rental;
  }

  private async createVm(
    client: DbcClient,
    machine: MachineView,
    rental: Rental,
    signal: AbortSignal,
  ): Promise<Vm> {
    const options = this.vmOptions ?? {};
    // The rented share of what the machine's client node offers to VMs.
    const suggested = client.vms.suggestResources(machine, rental.gpus);
    const image =
      this.image ?? (await client.vms.images.list(machine.id, { rentalId: rental.id, signal }))[0]?.name;
    if (!image)
      throw Object.assign(new Error(`Machine ${machine.id.slice(0, 8)}… offers no VM image.`), {
        code: 'VM_NO_IMAGE',
      });
    const sshPort = options.sshPort ?? PORT_BASE + (rental.rentId % PORT_PAIRS) * 2;
    const jupyterPort = options.jupyterPort ?? sshPort + 1;
    return client.vms.create({
      rentalId: rental.id,
      machineId: machine.id,
      image,
      gpus: rental.gpus,
      cpuCores: options.cpuCores ?? suggested.cpuCores,
      memGb: options.memGb ?? suggested.memGb,
      diskGb: options.diskGb ?? DEFAULT_DISK_GB,
      sshPort,
      ...(jupyterPort ? { jupyterPort } : {}),
      signal,
      onProgress: (p: VmProgress) => {
        if (p.stage === 'running') this.step = STEPS.indexOf('ready');
      },
    });
  }

  /** Closes the dialog, unless money is moving (then it stays, as Escape does). */
  close(): void {
    if (this.moneyInFlight) return;
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.controller?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A different order is a different session: it must never inherit the last order's key.
    const signature = `${this.machine?.id ?? ''}/${this.orderGpus}/${this.orderBlocks}`;
    if (signature !== this.orderSignature && this.phase !== 'running') {
      if (this.orderSignature !== undefined) this.resetSession();
      this.orderSignature = signature;
    }
    if (changed.has('open') && this.open) {
      this.opener = deepActiveElement();
      this.idempotencyKey ??= newIdempotencyKey();
    }
    // A finished or never-started order ends its session on close; a failed one keeps its key for Retry.
    if (
      changed.has('open') &&
      !this.open &&
      changed.get('open') &&
      (this.phase === 'done' || this.phase === 'review')
    )
      this.resetSession();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const dialog = this.dialog;
    if (!dialog || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      dialog.showModal();
      this.focusables()[0]?.focus();
    } else if (!this.open && changed.get('open')) {
      if (dialog.open) dialog.close();
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
    }
  }

  /** Forgets the order: its key, rental and connection. */
  private resetSession(): void {
    this.controller?.abort();
    this.idempotencyKey = undefined;
    this.rental = undefined;
    this.connection = undefined;
    this.failure = undefined;
    this.phase = 'review';
    this.step = 0;
    this.copyState = 'idle';
  }

  private onDialogClose(): void {
    const dialog = this.dialog;
    // The close event arrives a task later: if the dialog was reopened meanwhile, it is stale.
    if (!dialog || dialog.open) return;
    // `open` still true: the browser closed it, not the host or close().
    if (this.open && this.moneyInFlight && this.isConnected) {
      // Chromium lets a repeated Escape through even when `cancel` is prevented (its close-watcher
      // rule wants a user activation between two cancellable cancels): show the payment again.
      dialog.showModal();
      this.renderRoot.querySelector<HTMLElement>('[part="steps"]')?.focus();
      return;
    }
    this.open = false;
  }

  private onCancel(event: Event): void {
    // Closing mid-payment would hide whether the user paid; the dialog stays until the chain answers.
    if (this.moneyInFlight) event.preventDefault();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.moneyInFlight) {
      event.preventDefault();
      return;
    }
    if (event.key !== 'Tab') return;
    // The page behind is inert, but Tab would still leave for the browser's own UI; keep it inside.
    const items = this.focusables();
    const first = items[0];
    const last = items[items.length - 1];
    // While money moves nothing may be tabbable (Close is disabled): then focus stays where it is.
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const current = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    // Focus on something outside the tab sequence (the steps list) wraps as from either end.
    const outside = !current || !items.includes(current as HTMLElement);
    if (event.shiftKey && (current === first || outside)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (current === last || outside)) {
      event.preventDefault();
      first.focus();
    }
  }

  private focusables(): HTMLElement[] {
    return [...(this.dialog?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
  }

  private async copySsh(): Promise<void> {
    const command = this.connection?.ssh?.command;
    if (!command) return;
    try {
      await navigator.clipboard.writeText(command);
      this.copyState = 'copied';
    } catch {
      // No clipboard permission (an iframe, an insecure page): select it for the user to copy.
      const code = this.renderRoot.querySelector('[part="ssh"]');
      if (code) getSelection()?.selectAllChildren(code);
      this.copyState = 'manual';
    }
  }

  override render() {
    const l = resolveLocale(this.locale);
    const machine = this.machine;
    const model = machine?.gpu.model ?? this.quote?.gpuModel ?? '';
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      aria-describedby="summary"
      @cancel=${this.onCancel}
      @close=${this.onDialogClose}
      @keydown=${this.onKeydown}
    >
      <div class="head">
        <h2 id="title">${t(l, 'title', { gpus: this.orderGpus, model })}</h2>
        <button
          part="close"
          type="button"
          aria-label=${t(l, 'close')}
          ?disabled=${this.moneyInFlight}
          @click=${this.close}
        >
          ×
        </button>
      </div>
      ${this.renderSummary(l, model)}
      ${this.phase === 'review' ? this.renderReview(l, machine) : this.renderProgress(l)}
    </dialog>`;
  }

  private renderSummary(l: Locale, model: string) {
    const q = this.quote;
    const hours = this.orderBlocks / BLOCKS_PER_HOUR;
    return html`<div id="summary" class="summary">
      <p>
        ${t(l, 'summary', { gpus: this.orderGpus, model, hours: hours.toLocaleString(l === 'zh' ? 'zh-CN' : 'en-US') })}
      </p>
      ${
        q
          ? html`<p class="total">
              <span>${t(l, 'total')}</span>
              <strong>${formatMoney(l, q.total.usd, 'USD')}</strong>
              <span class="other">${formatDbcText(l, q.total.dbc)}</span>
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderReview(l: Locale, machine: MachineView | undefined) {
    return html`<div class="actions">
      ${machine ? nothing : html`<p class="note">${t(l, 'noMachine')}</p>`}
      <button class="secondary" type="button" @click=${this.close}>${t(l, 'cancel')}</button>
      <button part="start" type="button" ?disabled=${!machine || !this.activeClient} @click=${this.start}>
        ${t(l, 'start')}
      </button>
    </div>`;
  }

  private renderProgress(l: Locale) {
    const failedAt = this.phase === 'error' ? this.step : -1;
    return html`
      <ol part="steps" tabindex="-1" aria-label=${t(l, 'steps')} aria-live="polite">
        ${STEPS.map((key, i) => {
          const state =
            i === failedAt ? 'failed' : i < this.step ? 'done' : i === this.step ? 'active' : 'pending';
          return html`<li
            part="step"
            data-state=${state}
            aria-current=${state === 'active' ? 'step' : nothing}
          >
            <span class="mark" aria-hidden="true"></span>
            <span>${t(l, `step.${key}`)}</span>
            ${state === 'pending' ? nothing : html`<span class="visually-hidden">(${t(l, `state.${state}`)})</span>`}
          </li>`;
        })}
      </ol>
      ${this.moneyInFlight ? html`<p class="note" role="status">${this.reconciling ? t(l, 'reconciling') : t(l, 'moneyInFlight')}</p>` : nothing}
      ${this.phase === 'error' && this.failure ? this.renderFailure(l, this.failure) : nothing}
      ${this.phase === 'done' ? this.renderConnection(l) : nothing}
    `;
  }

  private renderFailure(l: Locale, f: RentFailure) {
    let text: string;
    switch (f.kind) {
      case 'declined':
        text = t(l, 'declined');
        break;
      case 'insufficient':
        text =
          f.availableDbc && f.needDbc
            ? t(l, 'insufficient', {
                available: formatDbcText(l, f.availableDbc),
                need: formatDbcText(l, f.needDbc),
              })
            : t(l, 'insufficientNoAmounts');
        break;
      case 'node-auth':
        text = t(l, 'nodeAuth');
        break;
      case 'node':
        text = t(l, 'node', { message: f.message });
        break;
      default:
        // Once the rental is paid, only the VM step can have failed: "did not go through" would contradict the next line.
        text = t(l, this.rental ? 'vmFailed' : 'other', { message: f.message });
    }
    return html`<div class="error" role="alert" data-kind=${f.kind}>
      <p>${text}</p>
      ${this.rental ? html`<p class="kept">${t(l, 'rentalKept', { id: this.rental.id })}</p>` : nothing}
      <div class="actions">
        <button class="secondary" type="button" @click=${this.close}>${t(l, 'close')}</button>
        <button part="retry" type="button" @click=${this.start}>${t(l, 'retry')}</button>
      </div>
    </div>`;
  }

  private renderConnection(l: Locale) {
    const info = this.connection;
    return html`<div class="ready">
      <p role="status">${t(l, 'ready')}</p>
      ${
        info?.ssh
          ? html`<div class="ssh-row">
                <span class="label">${t(l, 'ssh')}</span>
                <code part="ssh">${info.ssh.command}</code>
                <button part="copy" type="button" @click=${this.copySsh}>
                  ${this.copyState === 'copied' ? t(l, 'copied') : t(l, 'copy')}
                </button>
              </div>
              ${this.copyState === 'manual' ? html`<p class="note" role="status">${t(l, 'copyManually')}</p>` : nothing}
              ${
                info.ssh.password
                  ? html`<details>
                      <summary>${t(l, 'password')}</summary>
                      <code class="secret">${info.ssh.password}</code>
                    </details>`
                  : nothing
              }`
          : nothing
      }
      ${
        info?.jupyterUrl && isWebUrl(info.jupyterUrl)
          ? html`<p>
              <a href=${info.jupyterUrl} target="_blank" rel="noopener noreferrer">${t(l, 'jupyter')}</a>
            </p>`
          : nothing
      }
      <div class="actions">
        <button class="secondary" type="button" @click=${this.close}>${t(l, 'close')}</button>
      </div>
    </div>`;
  }
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
