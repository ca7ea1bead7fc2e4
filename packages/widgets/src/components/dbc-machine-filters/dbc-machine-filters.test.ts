import type { MachineFacets, MachineQuery } from '@dbc-cloud/sdk';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { DbcMachineFilters, FILTERS_TEXT_DEBOUNCE_MS } from './dbc-machine-filters.js';
import './dbc-machine-filters.define.js';

const hostile = '<img src=x onerror="window.__pwnedFilters=1">';

const facets: MachineFacets = {
  gpuModel: { 'RTX 4090': 12, A100: 3, 'RTX 3090': 7 },
  region: { Asia: 10, Europe: 5, 'North America': 2 },
  country: { CN: 8, DE: 5 },
  zone: { 'ai-training': 7, rendering: 4 },
  gpuCount: { '1': 4, '8': 9 },
  status: { available: 11, rented: 4 },
};

async function mount(props: Partial<DbcMachineFilters> = {}): Promise<DbcMachineFilters> {
  const el = document.createElement('dbc-machine-filters');
  Object.assign(el, { facets, ...props });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** Records every dbc-filters-change that reaches the document (so it bubbled and was composed). */
function recordChanges(): MachineQuery[] {
  const seen: MachineQuery[] = [];
  const onChange = (e: GlobalEventHandlersEventMap['dbc-filters-change']) => seen.push(e.detail.query);
  document.addEventListener('dbc-filters-change', onChange);
  cleanups.push(() => document.removeEventListener('dbc-filters-change', onChange));
  return seen;
}

const cleanups: (() => void)[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const $ = <E extends HTMLElement = HTMLElement>(el: DbcMachineFilters, selector: string) =>
  el.shadowRoot!.querySelector<E>(selector)!;
const labelled = (el: DbcMachineFilters, text: string) =>
  [...el.shadowRoot!.querySelectorAll('label')]
    .find((l) => l.textContent!.includes(text))!
    .querySelector('input')!;

afterEach(() => {
  for (const c of cleanups.splice(0)) c();
  document.body.replaceChildren();
});

describe('<dbc-machine-filters> in a real browser', () => {
  it('fires one debounced query after the user stops typing a search', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.type($(el, '#text'), 'RTX 4090');
    await sleep(FILTERS_TEXT_DEBOUNCE_MS + 100);
    // Keystrokes normally arrive well inside the debounce; a slow machine may split them once or twice.
    expect(seen.length).toBeLessThan('RTX 4090'.length);
    expect(seen.at(-1)).toEqual({ text: 'RTX 4090' });
  });

  it('fires at once when the user presses Enter in the search field', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.type($(el, '#text'), 'A100{Enter}');
    expect(seen).toEqual([{ text: 'A100' }]);
    await sleep(FILTERS_TEXT_DEBOUNCE_MS + 50);
    expect(seen).toHaveLength(1);
  });

  it('shows the facet count beside each GPU model and region, most machines first', async () => {
    const el = await mount();
    const models = [...el.shadowRoot!.querySelectorAll('fieldset')[0]!.querySelectorAll('label')].map((l) =>
      l.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(models).toEqual(['RTX 4090 (12)', 'RTX 3090 (7)', 'A100 (3)']);
    const regions = [...$<HTMLSelectElement>(el, '#region').options].map((o) =>
      o.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(regions).toEqual(['All regions', 'Asia (10)', 'Europe (5)', 'North America (2)']);
    expect(labelled(el, 'AI training').parentElement!.textContent).toContain('(7)');
  });

  it('adds and removes GPU models as the user ticks their checkboxes', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.click(labelled(el, 'RTX 4090'));
    await userEvent.click(labelled(el, 'A100'));
    await userEvent.click(labelled(el, 'RTX 4090'));
    expect(seen).toEqual([
      { gpuModels: ['RTX 4090'] },
      { gpuModels: ['RTX 4090', 'A100'] },
      { gpuModels: ['A100'] },
    ]);
  });

  it('asks for a minimum of free GPUs and a maximum price as the user types numbers', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.fill($(el, '#min-free-gpus'), '4');
    await sleep(FILTERS_TEXT_DEBOUNCE_MS + 50);
    await userEvent.fill($(el, '#max-price'), '0.45');
    await sleep(FILTERS_TEXT_DEBOUNCE_MS + 50);
    expect(seen).toEqual([{ minFreeGpus: 4 }, { minFreeGpus: 4, price: { max: 0.45 } }]);
    expect($<HTMLInputElement>(el, '#max-price').value).toBe('0.45');

    await userEvent.clear($(el, '#max-price'));
    await sleep(FILTERS_TEXT_DEBOUNCE_MS + 50);
    expect(seen.at(-1)).toEqual({ minFreeGpus: 4 });
  });

  it('asks for a minimum memory per GPU and a region from the selects', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.selectOptions($(el, '#min-memory'), '24');
    await userEvent.selectOptions($(el, '#region'), 'Europe');
    await userEvent.selectOptions($(el, '#region'), '');
    expect(seen).toEqual([
      { minGpuMemoryGb: 24 },
      { minGpuMemoryGb: 24, region: 'Europe' },
      { minGpuMemoryGb: 24 },
    ]);
  });

  it('filters by zone, High-Stability and availability through their controls', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.click(labelled(el, 'AI training'));
    await userEvent.click(labelled(el, 'Rendering'));
    await userEvent.click(labelled(el, 'High stability only'));
    await userEvent.click(labelled(el, 'Available now only'));
    await userEvent.click(labelled(el, 'High stability only'));
    expect(seen.at(-2)).toEqual({
      zones: ['ai-training', 'rendering'],
      highStability: true,
      status: ['available'],
    });
    expect(seen.at(-1)).toEqual({ zones: ['ai-training', 'rendering'], status: ['available'] });
    expect(labelled(el, 'High stability only').getAttribute('role')).toBe('switch');
  });

  it('sorts in the direction a renter means (cheapest first, most reliable first)', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.selectOptions($(el, '#sort'), 'reliability');
    await userEvent.selectOptions($(el, '#sort'), 'pricePerCalcPoint');
    await userEvent.selectOptions($(el, '#sort'), 'calcPoints');
    await userEvent.selectOptions($(el, '#sort'), 'gpuMemory');
    expect(seen).toEqual([
      { sort: 'reliability', order: 'desc' },
      { sort: 'pricePerCalcPoint', order: 'asc' },
      { sort: 'calcPoints', order: 'desc' },
      { sort: 'gpuMemory', order: 'desc' },
    ]);
  });

  it('drops the paging cursor on every change and keeps fields it does not edit', async () => {
    const el = await mount({ value: { limit: 50, cursor: 'page-2', near: { lat: 31, lon: 121 } } });
    const seen = recordChanges();
    await userEvent.click(labelled(el, 'A100'));
    expect(seen).toEqual([{ limit: 50, near: { lat: 31, lon: 121 }, gpuModels: ['A100'] }]);
  });

  it('shows a restored query in its controls and Reset clears only its own filters', async () => {
    const value: MachineQuery = {
      limit: 20,
      text: 'shanghai',
      gpuModels: ['A100'],
      minGpuMemoryGb: 40,
      region: 'Asia',
      zones: ['hpc'],
      highStability: true,
      sort: 'reliability',
      order: 'desc',
      price: { max: 1.2 },
    };
    const el = await mount({ value });
    expect($<HTMLInputElement>(el, '#text').value).toBe('shanghai');
    expect(labelled(el, 'A100').checked).toBe(true);
    expect($<HTMLSelectElement>(el, '#min-memory').value).toBe('40');
    expect($<HTMLSelectElement>(el, '#region').value).toBe('Asia');
    expect($<HTMLSelectElement>(el, '#sort').value).toBe('reliability');
    expect($<HTMLInputElement>(el, '#max-price').value).toBe('1.2');
    expect(labelled(el, 'HPC').checked).toBe(true);

    const seen = recordChanges();
    await userEvent.click($(el, '[part="reset"]'));
    expect(seen).toEqual([{ limit: 20 }]);
    expect($<HTMLInputElement>(el, '#text').value).toBe('');
    expect(labelled(el, 'A100').checked).toBe(false);
    expect($<HTMLSelectElement>(el, '#sort').value).toBe('price');
  });

  it('speaks Chinese when locale="zh"', async () => {
    const el = await mount({ locale: 'zh' });
    const text = el.shadowRoot!.textContent!;
    expect(text).toContain('GPU 型号');
    expect(text).toContain('最少空闲 GPU 数');
    expect(text).toContain('AI 训练');
    expect(text).toContain('仅高稳定');
    expect(text).toContain('重置筛选');
    expect([...$<HTMLSelectElement>(el, '#region').options].map((o) => o.textContent!.trim())).toContain(
      '亚洲 (10)',
    );
    expect($(el, '[part="form"]').getAttribute('aria-label')).toBe('筛选机器');
  });

  it('gives every control an accessible label', async () => {
    const el = await mount();
    for (const control of el.shadowRoot!.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'input, select',
    )) {
      expect(control.labels?.length ?? 0, control.outerHTML).toBeGreaterThan(0);
      expect(control.labels![0]!.textContent!.trim()).not.toBe('');
    }
  });

  it('can be operated with the keyboard alone: a checkbox with Space, the sort with arrow keys', async () => {
    const el = await mount();
    const seen = recordChanges();
    await userEvent.click($(el, '#text'));
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(labelled(el, 'RTX 4090'));
    await userEvent.keyboard(' ');
    expect(seen.at(-1)).toEqual({ gpuModels: ['RTX 4090'] });

    const sort = $<HTMLSelectElement>(el, '#sort');
    for (let i = 0; i < 30 && el.shadowRoot!.activeElement !== sort; i++) await userEvent.tab();
    expect(el.shadowRoot!.activeElement).toBe(sort);
    await userEvent.keyboard('{ArrowDown}');
    expect(seen.at(-1)).toEqual({ gpuModels: ['RTX 4090'], sort: 'pricePerCalcPoint', order: 'asc' });
  });

  it('renders hostile facet keys from the chain as text and filters by them verbatim', async () => {
    const el = await mount({
      facets: { ...facets, gpuModel: { [hostile]: 1 }, region: { [hostile]: 2 }, zone: { [hostile]: 3 } },
    });
    await sleep(50);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwnedFilters?: number }).__pwnedFilters).toBeUndefined();
    expect(el.shadowRoot!.querySelectorAll('fieldset')[0]!.textContent).toContain(hostile);

    const seen = recordChanges();
    await userEvent.click(el.shadowRoot!.querySelectorAll('fieldset')[0]!.querySelector('input')!);
    expect(seen).toEqual([{ gpuModels: [hostile] }]);
  });

  it('offers the GPU models the user already chose even before facets arrive', async () => {
    const el = await mount({ facets: null, value: { gpuModels: ['H100'] } });
    expect(labelled(el, 'H100').checked).toBe(true);
    const none = await mount({ facets: null });
    expect(none.shadowRoot!.textContent).toContain('No GPU models to choose from yet.');
  });

  it('registers nothing when only the class is imported, and defining twice is safe', async () => {
    const { defineMachineFilters } = await import('./dbc-machine-filters.define.js');
    expect(() => defineMachineFilters()).not.toThrow();
    expect(DbcMachineFilters.name).toBe('DbcMachineFilters');
  });
});
