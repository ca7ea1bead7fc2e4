import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { DbcClient, PricingPolicy, Quote, QuoteAmount, QuoteParams, RentalTerm } from '@dbc-cloud/sdk';
import { DbcQuote } from './dbc-quote.js';
import './dbc-quote.define.js';

const machineId = 'a'.repeat(64);
const policy: PricingPolicy = {
  markupPercent: 10,
  termDiscounts: { daily: 2, monthly: 5, quarterly: 10, yearly: 20 },
};
const DBC_USD = 0.0015;

function amount(usd: number): QuoteAmount {
  const dbc = usd / DBC_USD;
  return {
    planck: BigInt(Math.round(dbc * 1e4)) * 10n ** 11n,
    dbc: dbc.toFixed(4).replace(/\.?0+$/, ''),
    usd,
  };
}

/** A quote priced like the SDK's, from a chain rent of $0.30 per GPU-hour. */
function makeQuote(params: QuoteParams, validityMs: number, model = 'RTX 4090'): Quote {
  const term = params.term ?? 'hourly';
  const hours = params.durationBlocks !== undefined ? params.durationBlocks / 600 : params.duration!.hours!;
  const chain = 0.3 * params.gpus * hours;
  const markup = (chain * (policy.markupPercent ?? 0)) / 100;
  const discountPct = policy.termDiscounts?.[term] ?? 0;
  const discount = ((chain + markup) * discountPct) / 100;
  const rental = chain + markup - discount;
  const now = Date.now();
  return {
    machineId: params.machineId,
    gpuModel: model,
    gpus: params.gpus,
    term,
    duration: {
      requestedBlocks: hours * 600,
      durationBlocks: hours * 600,
      roundedUpBlocks: 0,
      hours,
      note: null,
    },
    chainRentBlocks: hours * 600,
    reletPlan: [],
    breakdown: {
      chainRent: amount(chain),
      firstRentReserve: amount(chain),
      networkFee: amount(0.015),
      txFeeEstimate: { ...amount(0.0003), transactions: 2, source: 'fallback' },
      markup: { ...amount(markup), percent: policy.markupPercent ?? 0 },
      termDiscount: { ...amount(discount), percent: discountPct },
      minimumAdjustment: amount(0),
    },
    total: amount(rental + 0.015 + 0.0003),
    pricePerGpuHour: { usd: rental / params.gpus / hours, dbc: rental / DBC_USD / params.gpus / hours },
    avgPriceUsd: DBC_USD,
    snapshotBlock: 1000,
    quotedAt: now,
    expiresAt: now + validityMs,
    notes: [],
  };
}

interface FakeClient {
  client: DbcClient;
  calls: Array<{ params: QuoteParams; signal?: AbortSignal }>;
  fail: Error | null;
}

/** A plain object with the one method `<dbc-quote>` calls, `pricing.quote`. */
function fakeClient(options: { validityMs?: number; model?: string; delayMs?: number } = {}): FakeClient {
  const fake: FakeClient = { calls: [], fail: null, client: undefined as unknown as DbcClient };
  fake.client = {
    pricing: {
      policy,
      async quote(params: QuoteParams, opts: { signal?: AbortSignal } = {}) {
        fake.calls.push({ params, signal: opts.signal });
        await new Promise((r) => setTimeout(r, options.delayMs ?? 5));
        if (fake.fail) throw fake.fail;
        return makeQuote(params, options.validityMs ?? 60_000, options.model);
      },
    },
  } as unknown as DbcClient;
  return fake;
}

async function mount(props: Partial<DbcQuote>): Promise<DbcQuote> {
  const el = document.createElement('dbc-quote');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const text = (el: DbcQuote) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const radio = (el: DbcQuote, term: RentalTerm) =>
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${term}"]`)!;

function nextEvent<K extends 'dbc-quote' | 'dbc-error'>(
  target: EventTarget,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(type, (e) => resolve(e as GlobalEventHandlersEventMap[K]), { once: true }),
  );
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<dbc-quote> in a real browser', () => {
  it('shows loading, then the breakdown: chain rent in USD and DBC, fees, markup, total, per GPU-hour and the countdown', async () => {
    const fake = fakeClient({ delayMs: 50 });
    const arrived = nextEvent(document, 'dbc-quote');
    const el = await mount({ client: fake.client, machineId, gpus: 2, hours: 10 });
    expect(text(el)).toContain('Getting a price…');
    const { detail } = await arrived;
    await el.updateComplete;
    expect(detail.quote.gpus).toBe(2);
    expect(fake.calls[0]!.params).toEqual({ machineId, gpus: 2, duration: { hours: 10 }, term: 'hourly' });
    const t = text(el);
    expect(t).toContain('2 × RTX 4090 for 10 h');
    expect(t).toMatch(/Chain rent\s*\$6\.00\s*4,000 DBC/);
    expect(t).toContain('Partner markup (10%)');
    expect(t).toContain('Network fee');
    expect(t).toContain('Transaction fees (2, estimate)');
    expect(el.shadowRoot!.querySelector('[part="total"]')!.textContent).toMatch(/Total\s*\$6\.62/);
    expect(t).toMatch(/Per GPU-hour\s*\$0\.33/);
    expect(t).toMatch(/re-quote in (59|60) s/);
    expect(el.quote).toBe(detail.quote);
  });

  it('takes numbers set as string properties, as frameworks bind template values (Vue hours="8")', async () => {
    const fake = fakeClient();
    const arrived = nextEvent(document, 'dbc-quote');
    const el = await mount({
      client: fake.client,
      machineId,
      gpus: '2' as unknown as number,
      hours: '8' as unknown as number,
    });
    await arrived;
    expect(fake.calls[0]!.params).toEqual({ machineId, gpus: 2, duration: { hours: 8 }, term: 'hourly' });
    expect(el.hours).toBe(8);
  });

  it("labels each term with the partner's discount and re-quotes with it when the user clicks a term", async () => {
    const fake = fakeClient();
    const el = await mount({ client: fake.client, machineId, hours: 365 * 24 });
    await nextEvent(el, 'dbc-quote');
    const labels = [...el.shadowRoot!.querySelectorAll('[part="term"]')].map((l) =>
      l.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).toEqual(['Hourly', 'Daily −2%', 'Monthly −5%', 'Quarterly −10%', 'Yearly −20%']);

    for (const [term, pct] of [
      ['monthly', '5%'],
      ['yearly', '20%'],
      ['daily', '2%'],
    ] as const) {
      const arrived = nextEvent(el, 'dbc-quote');
      await userEvent.click(radio(el, term));
      const { detail } = await arrived;
      await el.updateComplete;
      expect(detail.quote.term).toBe(term);
      expect(fake.calls.at(-1)!.params.term).toBe(term);
      expect(radio(el, term).checked).toBe(true);
      expect(text(el)).toContain(`Term discount (${pct})`);
    }
  });

  it('disables terms longer than the rental, since the SDK refuses a monthly discount on one hour', async () => {
    const el = await mount({ client: fakeClient().client, machineId, hours: 48 });
    expect(radio(el, 'hourly').disabled).toBe(false);
    expect(radio(el, 'daily').disabled).toBe(false);
    expect(radio(el, 'monthly').disabled).toBe(true);
    expect(radio(el, 'yearly').disabled).toBe(true);
  });

  it('aborts the previous quote when the inputs change before it arrives', async () => {
    const fake = fakeClient({ delayMs: 100 });
    const el = await mount({ client: fake.client, machineId, hours: 48 });
    el.gpus = 2;
    await el.updateComplete;
    const { detail } = await nextEvent(el, 'dbc-quote');
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[0]!.signal!.aborted).toBe(true);
    expect(detail.quote.gpus).toBe(2);
  });

  it('shows the error with a Retry that works, and emits dbc-error { code, message }', async () => {
    const fake = fakeClient();
    fake.fail = Object.assign(new Error('Machine aaaaaaaa… has 1 free GPU; you asked for 2.'), {
      code: 'INPUT_GPU_NOT_ENOUGH',
      shortMessage: 'Machine aaaaaaaa… has 1 free GPU; you asked for 2.',
    });
    const failed = nextEvent(document, 'dbc-error');
    const el = await mount({ client: fake.client, machineId, gpus: 2 });
    const { detail } = await failed;
    await el.updateComplete;
    expect(detail.error).toEqual({
      code: 'INPUT_GPU_NOT_ENOUGH',
      message: 'Machine aaaaaaaa… has 1 free GPU; you asked for 2.',
    });
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain('you asked for 2');

    fake.fail = null;
    const arrived = nextEvent(el, 'dbc-quote');
    await userEvent.click(el.shadowRoot!.querySelector('[part="retry"]')!);
    await arrived;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')).toBeNull();
    expect(el.shadowRoot!.querySelector('[part="total"]')).not.toBeNull();
  });

  it('re-quotes by itself when the quote expires', async () => {
    const fake = fakeClient({ validityMs: 1_200 });
    const el = await mount({ client: fake.client, machineId });
    const first = await nextEvent(el, 'dbc-quote');
    await el.updateComplete;
    expect(text(el)).toMatch(/re-quote in [12] s/);
    const second = await nextEvent(el, 'dbc-quote');
    expect(fake.calls).toHaveLength(2);
    expect(second.detail.quote.quotedAt).toBeGreaterThanOrEqual(first.detail.quote.expiresAt - 50);
  });

  it('shows a precomputed quote without a client, and says when it has expired', async () => {
    const quote = makeQuote({ machineId, gpus: 1, duration: { hours: 24 * 30 }, term: 'monthly' }, -1);
    const el = await mount({ quote, policy });
    expect(radio(el, 'monthly').checked).toBe(true);
    expect(text(el)).toContain('Term discount (5%)');
    expect(text(el)).toContain('Price expired');
    let changed = false;
    el.addEventListener('change', () => (changed = true));
    await userEvent.click(radio(el, 'daily'));
    expect(changed).toBe(true);
    expect(el.term).toBe('daily');
  });

  it('renders hostile strings from the chain and from errors as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwnedQuote=1">';
    const el = await mount({ client: fakeClient({ model: hostile }).client, machineId });
    await nextEvent(el, 'dbc-quote');
    await el.updateComplete;
    expect(text(el)).toContain(hostile);

    const failing = fakeClient();
    failing.fail = new Error(hostile);
    const failed = nextEvent(el, 'dbc-error');
    el.client = failing.client;
    await failed;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwnedQuote?: number }).__pwnedQuote).toBeUndefined();
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toContain(hostile);
  });

  it('speaks Chinese when locale="zh"', async () => {
    const el = await mount({
      client: fakeClient().client,
      machineId,
      hours: 24 * 30,
      term: 'monthly',
      locale: 'zh',
    });
    await nextEvent(el, 'dbc-quote');
    await el.updateComplete;
    const t = text(el);
    expect(t).toContain('租期');
    expect(t).toContain('按月');
    expect(t).toContain('租期折扣（5%）');
    expect(t).toContain('合计');
    expect(t).toMatch(/\d+ 秒后重新报价/);
  });

  it('takes the client from <dbc-gpu-market> context when it has no client property', async () => {
    const { ContextProvider } = await import('@lit/context');
    const { dbcClientContext } = await import('../../context.js');
    const host = document.createElement('div');
    document.body.append(host);
    const fake = fakeClient();
    new ContextProvider(host, { context: dbcClientContext, initialValue: fake.client });
    const el = document.createElement('dbc-quote');
    el.machineId = machineId;
    const arrived = nextEvent(el, 'dbc-quote');
    host.append(el);
    await arrived;
    expect(fake.calls).toHaveLength(1);
  });

  it('registers nothing when only the class is imported, and defining twice is safe', async () => {
    const { defineQuote } = await import('./dbc-quote.define.js');
    expect(() => defineQuote()).not.toThrow();
    expect(DbcQuote.name).toBe('DbcQuote');
  });
});
