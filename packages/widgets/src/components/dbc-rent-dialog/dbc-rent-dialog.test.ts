import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type {
  CreateVmParameters,
  DbcClient,
  Quote,
  Rental,
  RentMachineParameters,
  RentProgress,
  Vm,
  VmConnectionInfo,
} from '@dbc-cloud/sdk';
import { suggestVmResources } from '@dbc-cloud/sdk';
import type { MachineView } from '../../types.js';
import { DbcRentDialog } from './dbc-rent-dialog.js';
import './dbc-rent-dialog.define.js';

const machineId = 'b'.repeat(64);
const machine: MachineView = {
  id: machineId,
  gpu: { model: 'RTX 4090', count: 4, freeCount: 4, memoryGb: 24 },
  cpu: { cores: 32 },
  ramGb: 256,
  location: { country: 'SG' },
  status: 'available',
  price: { usdPerGpuHour: 0.3 },
};

const RENT_STAGES: RentProgress[] = [
  { stage: 'validating' },
  { stage: 'signing' },
  { stage: 'submitted', txHash: '0xabc' },
  { stage: 'in-block', rentalId: '42', rentId: 42, blockNumber: 100 },
  { stage: 'checking-node', rentalId: '42' },
  { stage: 'confirming', rentalId: '42' },
  { stage: 'confirmed', rentalId: '42' },
];

function rentalOf(params: RentMachineParameters): Rental {
  return {
    id: '42',
    rentId: 42,
    market: 'rentMachine',
    machineId: params.machineId,
    renter: '5Grw',
    gpus: params.gpus,
    gpuIndexes: [0],
    status: 'renting',
    startBlock: 100,
    confirmedBlock: 102,
    endBlock: 100 + (params.durationBlocks ?? 600),
    endsAt: new Date(Date.now() + 3_600_000),
    remainingBlocks: params.durationBlocks ?? 600,
    confirmDeadlineBlock: 250,
    reservedPlanck: 0n,
  };
}

function vmOf(params: CreateVmParameters): Vm {
  return {
    taskId: 'vm-42',
    rentalId: String(params.rentalId),
    machineId,
    status: 'running',
    os: 'linux',
    host: '203.0.113.7',
    sshPort: params.sshPort,
    user: 'dbc',
    cpuCores: params.cpuCores,
    gpuCount: params.gpus,
    memGb: params.memGb,
    createdAt: '2025-01-01',
    description: 'dbc-sdk',
  };
}

interface FakeOptions {
  /** Milliseconds between progress stages. */
  stepMs?: number;
  /** Throws this from `rent` after reaching `failAt` (or at once), once per queued error. */
  rentFailures?: Array<{ error: unknown; failAt?: RentProgress['stage'] }>;
  vmFailures?: unknown[];
  /** Holds `rent` at `confirming` until released. */
  holdAt?: RentProgress['stage'];
  connection?: Partial<VmConnectionInfo>;
}

interface Fake {
  client: DbcClient;
  rentCalls: RentMachineParameters[];
  vmCalls: CreateVmParameters[];
  release(): void;
}

/** A plain object with the SDK methods the dialog calls, with scripted stages, delays and faults. */
function fakeClient(options: FakeOptions = {}): Fake {
  const rentFailures = [...(options.rentFailures ?? [])];
  const vmFailures = [...(options.vmFailures ?? [])];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const wait = () => new Promise((r) => setTimeout(r, options.stepMs ?? 5));
  const fake: Fake = {
    rentCalls: [],
    vmCalls: [],
    release: () => release(),
    client: undefined as unknown as DbcClient,
  };
  fake.client = {
    rentals: {
      async rent(params: RentMachineParameters) {
        fake.rentCalls.push(params);
        const failure = rentFailures.shift();
        for (const p of RENT_STAGES) {
          if (failure && (failure.failAt ?? 'validating') === p.stage) {
            params.onProgress?.(p);
            await wait();
            throw failure.error;
          }
          if (options.holdAt === p.stage) await held;
          params.onProgress?.(p);
          await wait();
        }
        return rentalOf(params);
      },
    },
    vms: {
      suggestResources: suggestVmResources,
      images: { list: async () => [{ name: 'ubuntu-2204.qcow2', size: '30G', sizeBytes: 1 }] },
      async create(params: CreateVmParameters) {
        fake.vmCalls.push(params);
        params.onProgress?.({ stage: 'creating', taskId: 'vm-42' });
        await wait();
        const failure = vmFailures.shift();
        if (failure) throw failure;
        params.onProgress?.({ stage: 'starting', taskId: 'vm-42' });
        await wait();
        params.onProgress?.({ stage: 'running', taskId: 'vm-42' });
        return vmOf(params);
      },
      async connectionInfo(): Promise<VmConnectionInfo> {
        return {
          ssh: {
            host: '203.0.113.7',
            port: 20084,
            user: 'dbc',
            password: 's3cret-pass',
            command: 'ssh -p 20084 dbc@203.0.113.7',
          },
          jupyterUrl: 'http://203.0.113.7:20085',
          vnc: { host: '203.0.113.7', port: 5901, password: 'vnc-pass' },
          ...options.connection,
        };
      },
    },
  } as unknown as DbcClient;
  return fake;
}

function dbcError(
  name: string,
  code: string,
  shortMessage: string,
  extra: Record<string, unknown> = {},
): Error {
  return Object.assign(new Error(shortMessage), { name, code, shortMessage, details: {}, ...extra });
}

async function mount(props: Partial<DbcRentDialog>): Promise<DbcRentDialog> {
  const el = document.createElement('dbc-rent-dialog');
  Object.assign(el, { machine, gpus: 1, hours: 2, ...props });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: DbcRentDialog, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel);
const text = (el: DbcRentDialog) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const stepStates = (el: DbcRentDialog) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="step"]')].map((s) => s.dataset.state);
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(type, (e) => resolve(e as GlobalEventHandlersEventMap[K]), { once: true }),
  );
}

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Opens the dialog on `client`, presses Rent and pay, and waits for the dbc-error and its render. */
async function startUntilError(client: DbcClient) {
  const el = await mount({ client, open: true });
  const failed = nextEvent(el, 'dbc-error');
  await userEvent.click($(el, '[part="start"]')!);
  const { detail } = await failed;
  await el.updateComplete;
  return { el, detail };
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<dbc-rent-dialog> in a real browser', () => {
  it('opens as a modal labelled by its title, showing the order and the quote total', async () => {
    const quote = {
      gpus: 2,
      gpuModel: 'RTX 4090',
      duration: { durationBlocks: 3_000, hours: 5 },
      total: { usd: 3.3, dbc: '2200', planck: 0n },
    } as unknown as Quote;
    const el = await mount({ client: fakeClient().client, quote, open: true });
    const dialog = $<HTMLDialogElement>(el, 'dialog')!;
    expect(dialog.open).toBe(true);
    expect(dialog.matches(':modal')).toBe(true);
    const title = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
    expect(title.textContent).toContain('Rent 2 × RTX 4090');
    expect(text(el)).toContain('2 × RTX 4090 for 5 h');
    expect(text(el)).toMatch(/Total\s*\$3\.30\s*2,200 DBC/);
  });

  it('is operable by keyboard alone: open, rent, watch the steps, copy, Escape, focus back on the opener', async () => {
    const fake = fakeClient({ stepMs: 20 });
    const el = await mount({ client: fake.client });
    const opener = document.createElement('button');
    opener.textContent = 'Rent this machine';
    opener.addEventListener('click', () => (el.open = true));
    document.body.prepend(opener);
    opener.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).toBe(true);
    expect(deepActive()).toBe($(el, '[part="close"]'));

    await userEvent.keyboard('{Tab}');
    await userEvent.keyboard('{Tab}');
    expect(deepActive()).toBe($(el, '[part="start"]'));
    // Focus is trapped: Tab past the last control wraps to the first, Shift+Tab goes back.
    await userEvent.keyboard('{Tab}');
    expect(deepActive()).toBe($(el, '[part="close"]'));
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(deepActive()).toBe($(el, '[part="start"]'));

    const ready = nextEvent(el, 'dbc-vm-ready');
    await userEvent.keyboard('{Enter}');
    await ready;
    await el.updateComplete;
    expect(deepActive()).toBe($(el, '[part="copy"]'));
    await userEvent.keyboard('{Enter}');
    await until(() => /Copied|Ctrl\+C/.test(text(el)));

    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(el.open).toBe(false);
    expect($<HTMLDialogElement>(el, 'dialog')!.open).toBe(false);
    expect(document.activeElement).toBe(opener);
  });

  it('advances the steps in order from the SDK progress and fires started, confirmed and vm-ready with the right detail', async () => {
    const fake = fakeClient({ stepMs: 30 });
    const el = await mount({ client: fake.client, open: true, gpus: 2, hours: 3 });
    const seen: string[] = [];
    const record = () => {
      const s = stepStates(el).join(',');
      if (s && seen.at(-1) !== s) seen.push(s);
    };
    const started = nextEvent(el, 'dbc-rent-started');
    const confirmed = nextEvent(document, 'dbc-rent-confirmed');
    const ready = nextEvent(document, 'dbc-vm-ready');
    await userEvent.click($(el, '[part="start"]')!);
    const timer = setInterval(record, 5);
    const { detail: s } = await started;
    expect(s).toEqual({ machineId, gpus: 2, idempotencyKey: el.orderKey });
    expect(s.idempotencyKey).toMatch(/^dbc-rent-/);
    const { detail: c } = await confirmed;
    expect(c.rental.id).toBe('42');
    const { detail: r } = await ready;
    await el.updateComplete;
    record();
    clearInterval(timer);

    expect(fake.rentCalls[0]).toMatchObject({
      machineId,
      gpus: 2,
      durationBlocks: 1_800,
      idempotencyKey: s.idempotencyKey,
    });
    expect(fake.vmCalls[0]).toMatchObject({
      rentalId: '42',
      image: 'ubuntu-2204.qcow2',
      gpus: 2,
      cpuCores: 16,
      // Half of the 224 GB the node offers to VMs (it keeps 32 of the 256 GB for the host).
      memGb: 112,
    });
    expect(r.rentalId).toBe('42');
    expect(r.vm.taskId).toBe('vm-42');
    expect(r.connection).toEqual({
      ssh: { command: 'ssh -p 20084 dbc@203.0.113.7', host: '203.0.113.7', port: 20084, user: 'dbc' },
      jupyterUrl: 'http://203.0.113.7:20085',
    });
    expect(JSON.stringify(r.connection)).not.toContain('s3cret');

    // Steps only move forward, and each of sign → in block → confirm → VM was the active one in turn.
    const actives = seen.map((states) => states.split(',').indexOf('active')).filter((i) => i >= 0);
    expect(actives).toEqual([...actives].sort((a, b) => a - b));
    expect(new Set(actives)).toEqual(new Set([0, 1, 2, 3]));
    expect(stepStates(el)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect($(el, '[part="steps"]')!.getAttribute('aria-live')).toBe('polite');
    expect($(el, '[part="ssh"]')!.textContent).toBe('ssh -p 20084 dbc@203.0.113.7');
    expect($<HTMLAnchorElement>(el, 'a[href]')!.href).toBe('http://203.0.113.7:20085/');
  });

  it('keeps the dialog open on Escape while the payment is in flight', async () => {
    const fake = fakeClient({ holdAt: 'confirming' });
    const el = await mount({ client: fake.client, open: true });
    await userEvent.click($(el, '[part="start"]')!);
    await until(() => stepStates(el)[2] === 'active');
    await el.updateComplete;
    expect(($(el, '[part="close"]') as HTMLButtonElement).disabled).toBe(true);
    $(el, '[part="steps"]')!.focus();
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect($<HTMLDialogElement>(el, 'dialog')!.open).toBe(true);
    expect(el.open).toBe(true);
    expect(text(el)).toContain('Payment in progress');
    const ready = nextEvent(el, 'dbc-vm-ready');
    fake.release();
    await ready;
  });

  it('keeps focus in the dialog, on the progress steps, once Rent and pay is pressed; Tab cannot leave while nothing is tabbable', async () => {
    const fake = fakeClient({ holdAt: 'confirming' });
    const el = await mount({ client: fake.client, open: true });
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(deepActive()).toBe($(el, '[part="start"]'));
    await userEvent.keyboard('{Enter}');
    await until(() => stepStates(el)[2] === 'active');
    await el.updateComplete;
    // The pressed button is gone; focus is on the steps (tabindex=-1), not lost to <body>.
    expect($(el, '[part="start"]')).toBeNull();
    expect(deepActive()).toBe($(el, '[part="steps"]'));
    expect(($(el, '[part="close"]') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.keyboard('{Tab}');
    expect(deepActive()).toBe($(el, '[part="steps"]'));
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    expect(deepActive()).toBe($(el, '[part="steps"]'));
    const ready = nextEvent(el, 'dbc-vm-ready');
    fake.release();
    await ready;
    await el.updateComplete;
    expect(deepActive()).toBe($(el, '[part="copy"]'));
  });

  it('wraps Tab from the steps to the first control once Close is enabled again (VM being created)', async () => {
    const fake = fakeClient({ stepMs: 250 });
    const el = await mount({ client: fake.client, open: true });
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('{Enter}');
    const ready = nextEvent(el, 'dbc-vm-ready');
    // Paid and confirmed: Close is enabled again while the VM is created (two 250 ms steps).
    await until(() => !($(el, '[part="close"]') as HTMLButtonElement).disabled, 10_000);
    expect(stepStates(el)[3]).toBe('active');
    expect(deepActive()).toBe($(el, '[part="steps"]'));
    await userEvent.keyboard('{Tab}');
    expect(deepActive()).toBe($(el, '[part="close"]'));
    await ready;
  });

  it('stays open through repeated Escape while paying, even when focus has left the dialog', async () => {
    const fake = fakeClient({ holdAt: 'confirming' });
    const el = await mount({ client: fake.client });
    const opener = document.createElement('button');
    opener.textContent = 'Rent this machine';
    opener.addEventListener('click', () => (el.open = true));
    document.body.prepend(opener);
    opener.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
    await userEvent.keyboard('{Enter}');
    await until(() => stepStates(el)[2] === 'active');
    await el.updateComplete;
    // As after a click on the dialog's text: focus on <body>, so the dialog's keydown never sees Escape.
    (deepActive() as HTMLElement).blur();
    expect(document.activeElement).toBe(document.body);
    // Chromium makes a repeated Escape's `cancel` uncancellable without a user activation in between.
    for (let i = 0; i < 3; i++) {
      await userEvent.keyboard('{Escape}');
      await new Promise((r) => setTimeout(r, 50));
      await el.updateComplete;
      expect($<HTMLDialogElement>(el, 'dialog')!.open, `after Escape ${i + 1}`).toBe(true);
      expect(el.open).toBe(true);
    }
    expect(text(el)).toContain('Payment in progress');
    const ready = nextEvent(el, 'dbc-vm-ready');
    fake.release();
    await ready;
  });

  it('says "You declined…" when the wallet refuses the signature, and rents nothing', async () => {
    const declined = dbcError('DbcAbortError', 'ABORTED', 'Signing was cancelled or failed.');
    const fake = fakeClient({ rentFailures: [{ error: declined, failAt: 'signing' }] });
    const { el, detail } = await startUntilError(fake.client);
    expect(detail.error.code).toBe('ABORTED');
    expect($(el, '[role="alert"]')!.textContent).toContain('You declined the signature in your wallet');
    expect(stepStates(el)[0]).toBe('failed');
    expect(deepActive()).toBe($(el, '[part="retry"]'));
    expect(fake.vmCalls).toHaveLength(0);
  });

  it('treats WALLET_SIGNATURE_REJECTED as a decline too', async () => {
    const fake = fakeClient({
      rentFailures: [
        {
          error: dbcError('DbcError', 'WALLET_SIGNATURE_REJECTED', 'The wallet did not sign.'),
          failAt: 'signing',
        },
      ],
    });
    const { el } = await startUntilError(fake.client);
    expect($(el, '[role="alert"]')!.textContent).toContain('You declined');
  });

  it('explains an insufficient balance with the amounts, before anything is signed', async () => {
    const error = dbcError(
      'DbcInputError',
      'INPUT_INSUFFICIENT_BALANCE',
      '5Grw has 12 DBC available; this rental needs 2,200 DBC.',
      {
        details: { availablePlanck: '12500000000000000', needPlanck: '2200000000000000000' },
      },
    );
    const fake = fakeClient({ rentFailures: [{ error }] });
    const { el } = await startUntilError(fake.client);
    expect($(el, '[role="alert"]')!.textContent).toContain(
      'Your account has 12.5 DBC available, but this rental needs 2,200 DBC including fees.',
    );
  });

  it('explains rentMachine.InsufficientValue from the chain as an insufficient balance', async () => {
    const error = dbcError(
      'DbcChainError',
      'DISPATCH_ERROR',
      'The transaction failed on chain with rentMachine.InsufficientValue',
      {
        pallet: 'rentMachine',
        error: 'InsufficientValue',
        details: { error: 'rentMachine.InsufficientValue' },
      },
    );
    const fake = fakeClient({ rentFailures: [{ error, failAt: 'in-block' }] });
    const { el } = await startUntilError(fake.client);
    expect($(el, '[role="alert"]')!.textContent).toContain('does not have enough DBC');
  });

  it("explains a node refusing the wallet's signature and keeps the paid rental", async () => {
    const error = dbcError(
      'DbcNodeError',
      'NODE_AUTH_FAILED',
      'The client node refused the signature or session. (errcode -3: check authority failed)',
      { errcode: -3 },
    );
    const fake = fakeClient({ vmFailures: [error] });
    const el = await mount({ client: fake.client, open: true });
    const failed = nextEvent(el, 'dbc-error');
    const confirmed = nextEvent(el, 'dbc-rent-confirmed');
    await userEvent.click($(el, '[part="start"]')!);
    await confirmed;
    const { detail } = await failed;
    await el.updateComplete;
    expect(detail.error.code).toBe('NODE_AUTH_FAILED');
    const alert = $(el, '[role="alert"]')!.textContent!;
    expect(alert).toContain("did not accept your wallet's signature, so it cannot create the VM");
    expect(alert).toContain('Your rental 42 is confirmed and paid');
    expect(stepStates(el)).toEqual(['done', 'done', 'done', 'failed', 'pending']);

    // Retry continues with the VM only: the rental is not paid for again.
    const ready = nextEvent(el, 'dbc-vm-ready');
    await userEvent.click($(el, '[part="retry"]')!);
    await ready;
    expect(fake.rentCalls).toHaveLength(1);
    expect(fake.vmCalls).toHaveLength(2);
  });

  it('says the VM (not the rental) failed when a non-node error comes after the rental was paid', async () => {
    const error = dbcError(
      'DbcInputError',
      'INPUT_INVALID_VM_PARAMS',
      'memGb must be a whole number from 1 to 16384, got 100000.',
    );
    const fake = fakeClient({ vmFailures: [error] });
    const { el } = await startUntilError(fake.client);
    const alert = $(el, '[role="alert"]')!.textContent!;
    expect(alert).toContain('The VM could not be set up: memGb must be a whole number');
    expect(alert).toContain('Your rental 42 is confirmed and paid');
    expect(alert).not.toContain('did not go through');
  });

  it('retries a rent lost to a network error with the same idempotency key, so it never rents twice', async () => {
    const network = dbcError('DbcNetworkError', 'NETWORK_ERROR', 'The connection to the chain dropped.');
    const fake = fakeClient({ rentFailures: [{ error: network, failAt: 'submitted' }] });
    const el = await mount({ client: fake.client, open: true });
    const keys: string[] = [];
    el.addEventListener('dbc-rent-started', (e) => keys.push(e.detail.idempotencyKey));
    const failed = nextEvent(el, 'dbc-error');
    await userEvent.click($(el, '[part="start"]')!);
    await failed;
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).toContain('The connection to the chain dropped.');

    const ready = nextEvent(el, 'dbc-vm-ready');
    await userEvent.click($(el, '[part="retry"]')!);
    await ready;
    expect(fake.rentCalls).toHaveLength(2);
    expect(fake.rentCalls[1]!.idempotencyKey).toBe(fake.rentCalls[0]!.idempotencyKey);
    expect(keys).toEqual([fake.rentCalls[0]!.idempotencyKey, fake.rentCalls[0]!.idempotencyKey]);
  });

  it('starts a new session with a new key after a finished rental is closed', async () => {
    const fake = fakeClient();
    const el = await mount({ client: fake.client, open: true });
    const ready = nextEvent(el, 'dbc-vm-ready');
    await userEvent.click($(el, '[part="start"]')!);
    await ready;
    el.open = false;
    await el.updateComplete;
    el.open = true;
    await el.updateComplete;
    const again = nextEvent(el, 'dbc-vm-ready');
    await userEvent.click($(el, '[part="start"]')!);
    await again;
    expect(fake.rentCalls[1]!.idempotencyKey).not.toBe(fake.rentCalls[0]!.idempotencyKey);
  });

  it('renders hostile strings from the chain, the node and errors as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwnedRent=1">';
    const fake = fakeClient({
      rentFailures: [{ error: dbcError('DbcNodeError', 'NODE_TASK_ERROR', hostile, { errcode: 1 }) }],
      connection: {
        ssh: { host: 'h', port: 1, user: 'u', password: hostile, command: hostile },
        jupyterUrl: 'javascript:alert(1)',
      },
    });
    const el = await mount({
      client: fake.client,
      open: true,
      machine: { ...machine, gpu: { ...machine.gpu, model: hostile } },
    });
    const failed = nextEvent(el, 'dbc-error');
    await userEvent.click($(el, '[part="start"]')!);
    await failed;
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).toContain(
      `The GPU machine's node reported a problem: ${hostile}`,
    );
    expect(text(el)).toContain(`Rent 1 × ${hostile}`);

    const ready = nextEvent(el, 'dbc-vm-ready');
    await userEvent.click($(el, '[part="retry"]')!);
    await ready;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect($(el, '[part="ssh"]')!.textContent).toBe(hostile);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect($(el, 'a[href^="javascript"]')).toBeNull();
    expect((window as unknown as { __pwnedRent?: number }).__pwnedRent).toBeUndefined();
  });

  it('speaks Chinese when locale="zh"', async () => {
    const error = dbcError('DbcInputError', 'INPUT_INSUFFICIENT_BALANCE', 'low', {
      details: { availablePlanck: '1000000000000000', needPlanck: '3000000000000000' },
    });
    const fake = fakeClient({ rentFailures: [{ error }] });
    const el = await mount({ client: fake.client, open: true, locale: 'zh' });
    expect(text(el)).toContain('租用 1 × RTX 4090');
    expect($(el, '[part="start"]')!.textContent).toContain('租用并支付');
    const failed = nextEvent(el, 'dbc-error');
    await userEvent.click($(el, '[part="start"]')!);
    await failed;
    await el.updateComplete;
    expect($(el, '[role="alert"]')!.textContent).toContain(
      '您的账户可用余额为 1 DBC，但本次租用（含手续费）需要 3 DBC',
    );
    expect(text(el)).toContain('在钱包中签名');
    expect($(el, '[part="retry"]')!.textContent).toContain('重试');
  });

  it('registers nothing when only the class is imported, and defining twice is safe', async () => {
    const { defineRentDialog } = await import('./dbc-rent-dialog.define.js');
    expect(() => defineRentDialog()).not.toThrow();
    expect(DbcRentDialog.name).toBe('DbcRentDialog');
  });
});
