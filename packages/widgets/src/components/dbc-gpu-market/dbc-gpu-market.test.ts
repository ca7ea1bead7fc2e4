// <dbc-gpu-market> on its own, with a scripted client: the states around the search (loading,
// failure with Retry, offline and back), the tabs' keyboard behaviour and the configuration a
// partner gives by attributes. The devnet flows are in test/*.e2e.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { DbcClient, Machine, MachineQuery, MachineSearchResult } from '@dbc-cloud/sdk';
import './dbc-gpu-market.define.js';
import type { DbcGpuMarket } from './dbc-gpu-market.js';

afterEach(() => {
  document.body.replaceChildren();
  delete (navigator as { onLine?: boolean }).onLine;
});

function machine(i: number): Machine {
  return {
    id: i.toString(16).padStart(64, '0'),
    gpu: {
      model: 'RTX 4090',
      chainModel: 'GeForceRTX4090',
      count: 2,
      freeCount: 2,
      memoryGb: 24,
      cudaCores: 16384,
    },
    calcPoints: 1000,
    cpu: { model: 'EPYC', cores: 32, mhz: 3000 },
    ramGb: 128,
    diskGb: { system: 200, data: 2000 },
    network: { uploadMbps: 1000, downloadMbps: 1000, telecom: ['CT'] },
    location: { lat: 31.2, lon: 121.5, country: 'CN', city: 'Shanghai', region: 'Asia' },
    status: 'available',
    zones: [],
    stability: { onlineSinceBlock: 1, onlineHours: 500, highStability: true, reliability: 0.99 },
    history: { bondedAtBlock: 1, firstOnlineBlock: 1, rentedTimes: 3, rentedHours: 40 },
    price: {
      chainUsdPerGpuHour: 0.3,
      chainDbcPerGpuHour: 1000,
      usdPerGpuHour: 0.33,
      dbcPerGpuHour: 1100,
      minerExtraUsdPerGpuDay: 0,
    },
    rentalMode: 'full-time',
    bareMetal: false,
    stashAddress: '5Grw',
    snapshotBlock: 100 + i,
  } as unknown as Machine;
}

/** A client whose searches the test scripts: each call takes the next outcome (the last one repeats). */
function fakeClient(outcomes: Array<'ok' | Error>) {
  const calls: MachineQuery[] = [];
  let block = 100;
  const client = {
    machines: {
      search: async (query: MachineQuery): Promise<MachineSearchResult<Machine>> => {
        calls.push(query);
        const outcome = outcomes.length > 1 ? outcomes.shift()! : outcomes[0]!;
        if (outcome instanceof Error) throw outcome;
        block++;
        return {
          items: [machine(1), machine(2)],
          total: 2,
          nextCursor: null,
          facets: { gpuModel: { 'RTX 4090': 2 } },
          snapshotBlock: block,
        } as unknown as MachineSearchResult<Machine>;
      },
    },
    pricing: { policy: {}, quote: () => new Promise(() => undefined) },
    close: async () => undefined,
  } as unknown as DbcClient;
  return { client, calls };
}

async function mount(client: DbcClient, attrs: Record<string, string> = {}): Promise<DbcGpuMarket> {
  const el = document.createElement('dbc-gpu-market');
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.client = client;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const summary = (el: DbcGpuMarket) => el.shadowRoot!.querySelector('[part="summary"]')!.textContent!.trim();

async function until<T>(fn: () => T | null | undefined | false, what: string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() - start > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('<dbc-gpu-market>', () => {
  it('reports a failed search with a dbc-error event and a Retry that searches again', async () => {
    const fake = fakeClient([
      Object.assign(new Error('snapshot unavailable'), { code: 'SNAPSHOT_HTTP_ERROR' }),
      'ok',
    ]);
    const errors: string[] = [];
    document.addEventListener(
      'dbc-error',
      (e) => errors.push((e as CustomEvent<{ error: { code: string } }>).detail.error.code),
      { once: true },
    );
    const el = await mount(fake.client);
    await until(() => summary(el) === 'Search failed', 'the failed state');
    expect(errors).toEqual(['SNAPSHOT_HTTP_ERROR']);
    const list = el.shadowRoot!.querySelector('dbc-machine-list')!;
    const retry = await until(
      () => list.shadowRoot!.querySelector<HTMLElement>('[part="retry"]'),
      'the Retry button',
    );
    await userEvent.click(retry);
    await until(() => /^2 machines · block #101$/.test(summary(el)), 'the results after Retry');
    expect(fake.calls).toHaveLength(2);
  });

  it('says when the browser goes offline, keeps the last results, and searches again when it is back', async () => {
    const fake = fakeClient(['ok']);
    const el = await mount(fake.client);
    await until(() => /^2 machines · block #101$/.test(summary(el)), 'the first results');

    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    dispatchEvent(new Event('offline'));
    await el.updateComplete;
    expect(summary(el)).toBe(
      'You are offline. Showing the machines as of block #101; they refresh when you are back online.',
    );
    expect(
      el.shadowRoot!.querySelector('dbc-machine-list')!.shadowRoot!.querySelectorAll('dbc-machine-card')
        .length,
    ).toBeGreaterThan(0);
    expect(fake.calls).toHaveLength(1);

    delete (navigator as { onLine?: boolean }).onLine;
    dispatchEvent(new Event('online'));
    await until(() => /^2 machines · block #102$/.test(summary(el)), 'fresh results once online');
    expect(fake.calls).toHaveLength(2);
  });

  it('shows the offline notice in Chinese too', async () => {
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    const el = await mount(fakeClient(['ok']).client, { locale: 'zh' });
    await until(() => summary(el).startsWith('您已离线'), 'the zh offline notice');
  });

  it('moves between the Market and My rentals tabs with the arrow keys, as a tablist does', async () => {
    const el = await mount(fakeClient(['ok']).client);
    const tab = (id: string) => el.shadowRoot!.querySelector<HTMLElement>(`#tab-${id}`)!;
    expect(tab('market').getAttribute('aria-selected')).toBe('true');
    tab('market').focus();
    await userEvent.keyboard('{ArrowRight}');
    await el.updateComplete;
    expect(tab('rentals').getAttribute('aria-selected')).toBe('true');
    expect(el.shadowRoot!.activeElement).toBe(tab('rentals'));
    expect(el.shadowRoot!.querySelector('#panel-rentals dbc-my-rentals')).not.toBeNull();
    await userEvent.keyboard('{Home}');
    await el.updateComplete;
    expect(tab('market').getAttribute('aria-selected')).toBe('true');
    expect(el.shadowRoot!.querySelector('#panel-market')).not.toBeNull();
  });

  it('sends the filters the user sets to the client as the search query', async () => {
    const fake = fakeClient(['ok']);
    const el = await mount(fake.client);
    await until(() => fake.calls.length === 1, 'the first search');
    const filters = el.shadowRoot!.querySelector('dbc-machine-filters')!;
    await userEvent.fill(filters.shadowRoot!.querySelector<HTMLInputElement>('#text')!, '4090');
    await until(() => fake.calls.some((q) => q.text === '4090'), 'a search with the text');
  });
});
