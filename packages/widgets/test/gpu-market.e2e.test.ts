// <dbc-gpu-market> end to end, against the devnet and the partner proxy that globalSetup started:
// a user searches, opens a machine, prices a term, connects a wallet and rents.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { hexToString } from '@polkadot/util';
import type { DbcClient, Quote } from '@dbc-cloud/sdk';
import { installTestExtension, type TestExtension } from '../src/testing/test-extension.js';
import {
  connectAs,
  deepQuery,
  deepQueryAll,
  mountMarket,
  openFirstMachine,
  summaryTotal,
  waitFor,
} from './market-helpers.js';

let wallet: TestExtension | undefined;

afterEach(() => {
  wallet?.uninstall();
  wallet = undefined;
  document.body.replaceChildren();
});

const cardTitles = (market: Element) =>
  deepQueryAll(market.shadowRoot!, 'dbc-machine-card').map(
    (c) => c.shadowRoot?.querySelector('[part="title"]')?.textContent ?? '',
  );

function quoteElement(market: Element) {
  return deepQuery<HTMLElement & { quote?: Quote }>(market.shadowRoot!, 'dbc-quote')!;
}

/** Picks a term in the quote's term picker by its visible label. */
async function pickTerm(market: Element, label: string): Promise<void> {
  const quote = quoteElement(market);
  const option = await waitFor(
    () =>
      [...quote.shadowRoot!.querySelectorAll<HTMLElement>('[part="term"]')].find(
        (l) => l.textContent?.includes(label) && !l.querySelector('input')?.disabled,
      ),
    `an enabled ${label} term`,
  );
  await userEvent.click(option.querySelector('input')!);
}

async function setDuration(market: Element, value: string, unit: 'hours' | 'days'): Promise<void> {
  const root = market.shadowRoot!;
  await userEvent.selectOptions(root.querySelector<HTMLSelectElement>('select[name="unit"]')!, unit);
  const input = root.querySelector<HTMLInputElement>('input[name="duration"]')!;
  await userEvent.fill(input, value);
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<dbc-gpu-market> on the devnet', () => {
  it('narrows the list by search text and then by the High-stability filter', async () => {
    const market = await mountMarket();
    const all = await summaryTotal(market);
    expect(all).toBeGreaterThan(0);

    const filters = deepQuery(market.shadowRoot!, 'dbc-machine-filters')!;
    await userEvent.fill(filters.shadowRoot!.querySelector<HTMLInputElement>('#text')!, 'RTX 4090');
    const byText = await summaryTotal(market, all);
    expect(byText).toBeLessThan(all);
    await waitFor(
      () => cardTitles(market).length > 0 && cardTitles(market).every((t) => t.includes('RTX 4090')),
      'only RTX 4090 cards',
    );

    const stable = [...filters.shadowRoot!.querySelectorAll<HTMLInputElement>('input[role="switch"]')][0]!;
    await userEvent.click(stable);
    // The High-stability filter may or may not drop machines; wait until the list shows its result.
    await waitFor(() => {
      const cards = deepQueryAll(market.shadowRoot!, 'dbc-machine-card');
      return cards.length > 0 && cards.every((c) => c.shadowRoot?.querySelector('.badge.stable'));
    }, 'only High-stability RTX 4090 cards');
    const byBoth = await summaryTotal(market);
    expect(byBoth).toBeLessThanOrEqual(byText);
    expect(cardTitles(market).every((t) => t.includes('RTX 4090'))).toBe(true);
  });

  it('opens a machine and shows the term-discounted quote for Daily and Monthly', async () => {
    const market = await mountMarket();
    await summaryTotal(market);
    await openFirstMachine(market);
    const detail = deepQuery(market.shadowRoot!, '[part="detail"]')!;
    expect(detail.textContent).toContain('Reliability');
    expect(detail.textContent).toContain('Online without interruption');

    const quote = quoteElement(market);
    const hourly = await waitFor(() => quote.quote?.term === 'hourly' && quote.quote, 'an hourly quote');
    expect(hourly.breakdown.markup.percent).toBe(12);

    await setDuration(market, '1', 'days');
    await pickTerm(market, 'Daily');
    const daily = await waitFor(() => quote.quote?.term === 'daily' && quote.quote, 'a daily quote');
    expect(daily.breakdown.termDiscount.percent).toBe(3);
    await waitFor(
      () => quote.shadowRoot!.textContent?.includes('Term discount (3%)'),
      'the 3% discount on screen',
    );

    await setDuration(market, '30', 'days');
    await pickTerm(market, 'Monthly');
    const monthly = await waitFor(() => quote.quote?.term === 'monthly' && quote.quote, 'a monthly quote');
    expect(monthly.breakdown.termDiscount.percent).toBe(8);
    expect(monthly.pricePerGpuHour.usd).toBeLessThan(hourly.pricePerGpuHour.usd);
    await waitFor(
      () => quote.shadowRoot!.textContent?.includes('Term discount (8%)'),
      'the 8% discount on screen',
    );
  });

  it('rents through the dialog with a connected wallet, to a running VM with its SSH command, then extends it in My rentals', async () => {
    wallet = await installTestExtension();
    const market = await mountMarket();
    await summaryTotal(market);
    await openFirstMachine(market);
    const rent = market.shadowRoot!.querySelector<HTMLButtonElement>('[part="rent"]')!;
    expect(rent.disabled, 'Rent needs a wallet').toBe(true);

    await connectAs(market, 'Alice');
    await waitFor(
      () => !market.shadowRoot!.querySelector<HTMLButtonElement>('[part="rent"]')?.disabled,
      'Rent to be enabled',
    );

    const events: string[] = [];
    const errors: unknown[] = [];
    for (const type of ['dbc-rent-started', 'dbc-rent-confirmed', 'dbc-vm-ready', 'dbc-error'])
      market.addEventListener(type, (e) => {
        events.push(type);
        if (type === 'dbc-error') errors.push((e as CustomEvent).detail);
      });
    await userEvent.click(market.shadowRoot!.querySelector<HTMLButtonElement>('[part="rent"]')!);
    const dialog = deepQuery(market.shadowRoot!, 'dbc-rent-dialog')!;
    const start = await waitFor(
      () => dialog.shadowRoot!.querySelector<HTMLElement>('[part="start"]'),
      'the Rent and pay button',
    );
    await userEvent.click(start);

    const steps = () => [...dialog.shadowRoot!.querySelectorAll<HTMLElement>('[part="step"]')];
    // The extension's signPayload signature is checked exactly by the devnet: "in block" means it verified.
    await waitFor(() => steps()[1]?.dataset.state === 'done', 'the rent transaction in a block', 45_000);
    // Confirming first checks the machine on its client node with a wallet-signed call, then the VM
    // is created and polled: all node calls share the one access nonce the extension signed.
    const ssh = await waitFor(
      () => {
        if (errors.length) throw new Error(`the storefront reported ${JSON.stringify(errors)}`);
        return dialog.shadowRoot!.querySelector('[part="ssh"]');
      },
      'the VM to be ready with its SSH command',
      60_000,
    );
    expect(ssh.textContent).toMatch(/^ssh -p \d+ \S+@\S+$/);
    expect(steps().map((s) => s.dataset.state)).toEqual(steps().map(() => 'done'));
    expect(events).toEqual(['dbc-rent-started', 'dbc-rent-confirmed', 'dbc-vm-ready']);
    const nodeSignatures = wallet.signedRaw.map((r) => hexToString(r.data));
    expect(nodeSignatures).toHaveLength(1);
    expect(nodeSignatures[0]).toMatch(/^<Bytes>dbc-cloud client-node access until .+<\/Bytes>$/);

    // My rentals lists the rental with the same SSH command, and extends it by an hour on chain.
    await userEvent.click(dialog.shadowRoot!.querySelector<HTMLElement>('[part="close"]')!);
    await userEvent.click(market.shadowRoot!.querySelector<HTMLElement>('#tab-rentals')!);
    const rentals = deepQuery(market.shadowRoot!, 'dbc-my-rentals')!;
    const row = await waitFor(
      () => rentals.shadowRoot!.querySelector<HTMLElement>('[part="rental"]'),
      'the rental in My rentals',
      30_000,
    );
    const endsBefore = row.querySelector('time')!.getAttribute('datetime')!;
    const action = (name: string) => row.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`)!;
    await waitFor(() => !action('connection').disabled, 'the rental to show as running', 30_000);
    await userEvent.click(action('connection'));
    const shown = await waitFor(
      () => row.querySelector('[part="connection"] .ssh'),
      'the connection details',
      30_000,
    );
    expect(shown.textContent).toBe(ssh.textContent);

    await userEvent.click(action('extend'));
    await waitFor(() => row.querySelector('.notice.ok'), 'the extension to be confirmed', 45_000);
    // The list reloads from the chain after the extension: the end moves one hour (600 blocks) later.
    const endsAfter = await waitFor(
      () => {
        const end = rentals.shadowRoot!.querySelector('[part="rental"] time')?.getAttribute('datetime');
        return end !== endsBefore && end;
      },
      'the new end time',
      30_000,
    );
    expect(Date.parse(endsAfter) - Date.parse(endsBefore)).toBeGreaterThanOrEqual(3_500_000);
    expect(errors).toEqual([]);
  });

  it('renders a hostile GPU name from the data as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__dbcPwned=1">';
    const machine = {
      id: 'ab'.repeat(32),
      gpu: { model: hostile, chainModel: hostile, count: 1, freeCount: 1, memoryGb: 24, cudaCores: 1 },
      calcPoints: 1,
      cpu: { model: `<b>${hostile}</b>`, cores: 8, mhz: 3000 },
      ramGb: 64,
      diskGb: { system: 100, data: 500 },
      network: { uploadMbps: 100, downloadMbps: 100, telecom: [] },
      location: { lat: 0, lon: 0, country: 'US', city: hostile, region: 'North America' },
      status: 'available',
      zones: [],
      stability: { onlineSinceBlock: 1, onlineHours: 200, highStability: true, reliability: 0.9 },
      history: { bondedAtBlock: 1, firstOnlineBlock: 1, rentedTimes: 0, rentedHours: 0 },
      price: {
        chainUsdPerGpuHour: 0.1,
        chainDbcPerGpuHour: 1,
        usdPerGpuHour: 0.11,
        dbcPerGpuHour: 1.1,
        minerExtraUsdPerGpuDay: 0,
      },
      rentalMode: 'full-time',
      bareMetal: false,
      stashAddress: '5Grw',
      snapshotBlock: 7,
    };
    const facets = {
      gpuModel: { [hostile]: 1 },
      region: {},
      country: {},
      zone: {},
      gpuCount: {},
      status: {},
    };
    const client = {
      machines: {
        search: async () => ({ items: [machine], total: 1, nextCursor: null, facets, snapshotBlock: 7 }),
      },
      pricing: { policy: {}, quote: () => new Promise(() => undefined) },
      close: async () => undefined,
    } as unknown as DbcClient;
    const el = document.createElement('dbc-gpu-market');
    el.client = client;
    document.body.append(el);
    await summaryTotal(el);
    await openFirstMachine(el);
    expect(deepQueryAll(el.shadowRoot!, 'img'), 'no <img> element was created').toHaveLength(0);
    expect(deepQuery(el.shadowRoot!, '#detail-title')!.textContent).toContain(hostile);
    expect(cardTitles(el).join()).toContain(hostile);
    expect((window as { __dbcPwned?: number }).__dbcPwned).toBeUndefined();
  });
});
