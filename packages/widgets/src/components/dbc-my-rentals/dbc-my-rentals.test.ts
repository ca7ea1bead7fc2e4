import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { DbcClient, Rental, VmConnectionInfo } from '@dbc-cloud/sdk';
import { DbcMyRentals } from './dbc-my-rentals.js';
import './dbc-my-rentals.define.js';

const HOUR = 3_600_000;

function rental(id: string, patch: Partial<Rental> = {}): Rental {
  return {
    id,
    rentId: Number(id.replace('t', '')),
    market: id.startsWith('t') ? 'terminatingRental' : 'rentMachine',
    machineId: `${id.replace('t', '9')}`.padEnd(64, 'c'),
    renter: '5Grw',
    gpus: 2,
    gpuIndexes: [0, 1],
    status: 'renting',
    startBlock: 100,
    confirmedBlock: 101,
    endBlock: 1_300,
    endsAt: new Date(Date.now() + 2 * HOUR + 15 * 60_000 + 30_000),
    remainingBlocks: 1_350,
    confirmDeadlineBlock: 250,
    reservedPlanck: 0n,
    ...patch,
  };
}

interface Fake {
  client: DbcClient;
  rentals: Rental[];
  listCalls: number;
  listFail: Error | null;
  calls: string[];
  nodeFail: Error | null;
}

/** A plain object with the SDK methods `<dbc-my-rentals>` calls; failures are switched per test. */
function fakeClient(rentals: Rental[], delayMs = 5): Fake {
  const wait = () => new Promise((r) => setTimeout(r, delayMs));
  const fake: Fake = {
    rentals,
    listCalls: 0,
    listFail: null,
    calls: [],
    nodeFail: null,
    client: undefined as unknown as DbcClient,
  };
  const node = async (call: string) => {
    fake.calls.push(call);
    await wait();
    if (fake.nodeFail) throw fake.nodeFail;
  };
  fake.client = {
    rentals: {
      async list() {
        fake.listCalls += 1;
        await wait();
        if (fake.listFail) throw fake.listFail;
        return fake.rentals.map((r) => ({ ...r }));
      },
      async extend(id: string, params: { duration: { hours: number } }) {
        fake.calls.push(`extend ${id} ${params.duration.hours}h`);
        await wait();
        const r = fake.rentals.find((x) => x.id === id)!;
        r.endsAt = new Date(r.endsAt.getTime() + params.duration.hours * HOUR);
        r.endBlock += 600;
        return { ...r };
      },
      async end(id: string) {
        fake.calls.push(`end ${id}`);
        await wait();
        if (!id.startsWith('t'))
          throw Object.assign(
            new Error('Rental 7 is a RentMachine rental; the chain has no way to end those early.'),
            {
              name: 'DbcUnsupportedError',
              code: 'RENTAL_CANNOT_END_EARLY',
              shortMessage: 'Rental 7 is a RentMachine rental; the chain has no way to end those early.',
            },
          );
        fake.rentals = fake.rentals.filter((r) => r.id !== id);
        return { rentalId: id, blockNumber: 500, blockHash: '0x1' };
      },
    },
    vms: {
      async list({ rentalId }: { rentalId: string }) {
        await node(`vms.list ${rentalId}`);
        return [
          {
            taskId: `vm-${rentalId}`,
            rentalId,
            machineId: 'm',
            status: 'running',
            description: '',
            createdAt: '',
          },
        ];
      },
      async connectionInfo(ref: { taskId: string }): Promise<VmConnectionInfo> {
        await node(`connectionInfo ${ref.taskId}`);
        return {
          ssh: {
            host: '198.51.100.4',
            port: 20014,
            user: 'dbc',
            password: 'pw',
            command: 'ssh -p 20014 dbc@198.51.100.4',
          },
          jupyterUrl: 'http://198.51.100.4:20015',
          vnc: { host: '198.51.100.4', port: 5901, password: 'v' },
        };
      },
      async stop(ref: { taskId: string }) {
        await node(`stop ${ref.taskId}`);
      },
      async restart(ref: { taskId: string }) {
        await node(`restart ${ref.taskId}`);
      },
    },
  } as unknown as DbcClient;
  return fake;
}

async function mount(props: Partial<DbcMyRentals>): Promise<DbcMyRentals> {
  const el = document.createElement('dbc-my-rentals');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const text = (el: Element) => (el.shadowRoot ?? el).textContent!.replace(/\s+/g, ' ');
const row = (el: DbcMyRentals, id: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-rental-id="${id}"]`)!;
const action = (el: DbcMyRentals, id: string, name: string) =>
  row(el, id).querySelector<HTMLButtonElement>(`[data-action="${name}"]`)!;

async function until(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<dbc-my-rentals> in a real browser', () => {
  it('shows loading, then each rental with machine, GPUs, status, end time and time left', async () => {
    const ends = new Date(Date.now() + 2 * HOUR + 15 * 60_000 + 30_000);
    const fake = fakeClient(
      [rental('7', { endsAt: ends }), rental('t3', { status: 'waiting-confirm', gpus: 1 })],
      50,
    );
    const el = await mount({ client: fake.client });
    expect(text(el)).toContain('Loading your rentals…');
    await until(() => el.shadowRoot!.querySelectorAll('[part="rental"]').length === 2);
    const first = text(row(el, '7'));
    expect(first).toContain('7ccc…cccc');
    expect(first).toMatch(/GPUs\s*2/);
    expect(first).toContain('Running');
    expect(first).toContain(
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' }).format(ends),
    );
    expect(first).toContain('2 h 15 min');
    expect(text(row(el, 't3'))).toContain('Waiting for confirmation');
    // Actions that need a running rental are off until it is confirmed.
    expect(action(el, 't3', 'extend').disabled).toBe(true);
    expect(row(el, '7').querySelector('[part="actions"]')!.getAttribute('aria-label')).toBe(
      'Actions for rental 7',
    );
  });

  it('extends by one hour through rentals.extend, says the new end, and refreshes the list', async () => {
    const fake = fakeClient([rental('7')]);
    const el = await mount({ client: fake.client });
    await until(() => !!row(el, '7'));
    const before = fake.listCalls;
    await userEvent.click(action(el, '7', 'extend'));
    await until(() => /Extended by 1 hour/.test(text(row(el, '7'))));
    expect(fake.calls).toContain('extend 7 1h');
    await until(() => fake.listCalls > before);
    await until(() => text(row(el, '7')).includes('3 h 15 min'));
  });

  it('explains that a RentMachine rental cannot end early: it is prepaid and runs until its end block', async () => {
    const fake = fakeClient([rental('7')]);
    const el = await mount({ client: fake.client });
    await until(() => !!row(el, '7'));
    const failed = new Promise<GlobalEventHandlersEventMap['dbc-error']>((r) =>
      el.addEventListener('dbc-error', r, { once: true }),
    );
    await userEvent.click(action(el, '7', 'end'));
    const { detail } = await failed;
    expect(detail.error.code).toBe('RENTAL_CANNOT_END_EARLY');
    await el.updateComplete;
    const alert = row(el, '7').querySelector('[role="alert"]')!.textContent!;
    expect(alert).toContain('paid in full when it was confirmed');
    expect(alert).toContain('runs until its end block');
  });

  it('ends a TerminatingRental rental and drops it from the list', async () => {
    const fake = fakeClient([rental('7'), rental('t3')]);
    const el = await mount({ client: fake.client });
    await until(() => !!row(el, 't3'));
    await userEvent.click(action(el, 't3', 'end'));
    await until(() => !row(el, 't3'));
    expect(fake.calls).toContain('end t3');
    expect(row(el, '7')).not.toBeNull();
  });

  it('shows the connection info and stops and restarts the VM', async () => {
    const fake = fakeClient([rental('7')]);
    const el = await mount({ client: fake.client });
    await until(() => !!row(el, '7'));
    await userEvent.click(action(el, '7', 'connection'));
    await until(() => !!row(el, '7').querySelector('[part="connection"]'));
    expect(row(el, '7').querySelector('code.ssh')!.textContent).toBe('ssh -p 20014 dbc@198.51.100.4');
    expect(row(el, '7').querySelector<HTMLAnchorElement>('a')!.href).toBe('http://198.51.100.4:20015/');
    await userEvent.click(action(el, '7', 'stop'));
    await until(() => text(row(el, '7')).includes('The VM is stopping.'));
    await userEvent.click(action(el, '7', 'restart'));
    await until(() => text(row(el, '7')).includes('The VM is restarting.'));
    expect(fake.calls).toEqual(['vms.list 7', 'connectionInfo vm-7', 'stop vm-7', 'restart vm-7']);
  });

  it('keeps focus on the action the user pressed while it runs, and ignores presses until it is done', async () => {
    const fake = fakeClient([rental('7')], 150);
    const el = await mount({ client: fake.client });
    await until(() => !!row(el, '7'));
    const connection = action(el, '7', 'connection');
    connection.focus();
    await userEvent.keyboard('{Enter}');
    await el.updateComplete;
    const buttons = [...row(el, '7').querySelectorAll<HTMLButtonElement>('button[data-action]')];
    expect(connection.getAttribute('aria-busy')).toBe('true');
    // Marked unavailable to assistive technology, but not disabled: a disabled button loses focus to <body>.
    expect(buttons.map((b) => b.getAttribute('aria-disabled'))).toEqual(buttons.map(() => 'true'));
    expect(buttons.some((b) => b.disabled)).toBe(false);
    expect(el.shadowRoot!.activeElement).toBe(connection);
    await userEvent.keyboard('{Enter}');
    await until(() => !!row(el, '7').querySelector('[part="connection"]'));
    expect(el.shadowRoot!.activeElement).toBe(connection);
    expect(connection.hasAttribute('aria-disabled')).toBe(false);
    expect(fake.calls, 'the second Enter was ignored').toEqual(['vms.list 7', 'connectionInfo vm-7']);
  });

  it("explains a node that refuses the wallet's signature and offers a retry", async () => {
    const fake = fakeClient([rental('7')]);
    fake.nodeFail = Object.assign(new Error('check authority failed'), {
      name: 'DbcNodeError',
      code: 'NODE_AUTH_FAILED',
      shortMessage: 'The client node refused the signature or session. (errcode -3: sign error)',
      errcode: -3,
    });
    const el = await mount({ client: fake.client });
    await until(() => !!row(el, '7'));
    await userEvent.click(action(el, '7', 'connection'));
    await until(() => !!row(el, '7').querySelector('[role="alert"]'));
    expect(row(el, '7').querySelector('[role="alert"]')!.textContent).toContain("did not accept your wallet's signature");
  });

  it('says so when there are no rentals', async () => {
    const el = await mount({ client: fakeClient([]).client });
    await until(() => text(el).includes('You have no rentals yet.'));
  });

  it('shows the error with a Retry that works', async () => {
    const fake = fakeClient([rental('7')]);
    fake.listFail = Object.assign(new Error('The chain endpoint did not answer.'), { code: 'NETWORK_ERROR' });
    const el = await mount({ client: fake.client });
    await until(() => !!el.shadowRoot!.querySelector('[role="alert"]'));
    expect(text(el)).toContain('Could not load your rentals: The chain endpoint did not answer.');
    fake.listFail = null;
    await userEvent.click(el.shadowRoot!.querySelector('[part="retry"]')!);
    await until(() => !!row(el, '7'));
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
  });

  it('refreshes on its interval', async () => {
    const fake = fakeClient([rental('7')]);
    const el = await mount({ client: fake.client, refreshInterval: 100 });
    await until(() => !!row(el, '7'));
    fake.rentals = [...fake.rentals, rental('8')];
    await until(() => !!row(el, '8'));
    expect(fake.listCalls).toBeGreaterThanOrEqual(2);
  });

  it('renders hostile strings as text and never links a javascript: URL', async () => {
    const hostile = '<img src=x onerror="window.__pwnedRentals=1">';
    const fake = fakeClient([rental('7', { machineId: hostile })]);
    const el = await mount({ client: fake.client });
    await until(() => !!row(el, '7'));
    expect(row(el, '7').querySelector('dd[title]')!.getAttribute('title')).toBe(hostile);
    fake.nodeFail = Object.assign(new Error(hostile), {
      name: 'DbcNodeError',
      code: 'NODE_TASK_ERROR',
      shortMessage: hostile,
      errcode: 1,
    });
    await userEvent.click(action(el, '7', 'stop'));
    await until(() => !!row(el, '7').querySelector('[role="alert"]'));
    expect(row(el, '7').querySelector('[role="alert"]')!.textContent).toContain(hostile);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwnedRentals?: number }).__pwnedRentals).toBeUndefined();
  });

  it('speaks Chinese when locale="zh"', async () => {
    const fake = fakeClient([rental('7')]);
    const el = await mount({ client: fake.client, locale: 'zh' });
    await until(() => !!row(el, '7'));
    const t = text(el);
    expect(t).toContain('我的租用');
    expect(t).toContain('运行中');
    expect(t).toContain('2 小时 15 分钟');
    expect(t).toContain('续租 1 小时');
    await userEvent.click(action(el, '7', 'end'));
    await until(() => !!row(el, '7').querySelector('[role="alert"]'));
    expect(row(el, '7').querySelector('[role="alert"]')!.textContent).toContain('不能提前结束');
  });

  it('registers nothing when only the class is imported, and defining twice is safe', async () => {
    const { defineMyRentals } = await import('./dbc-my-rentals.define.js');
    expect(() => defineMyRentals()).not.toThrow();
    expect(DbcMyRentals.name).toBe('DbcMyRentals');
  });
});
