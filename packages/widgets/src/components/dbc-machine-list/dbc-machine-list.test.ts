import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { MachineView } from '../../types.js';
import { DbcMachineList } from './dbc-machine-list.js';
import './dbc-machine-list.define.js';

function machineAt(i: number): MachineView {
  return {
    id: i.toString(16).padStart(64, '0'),
    gpu: { model: `Model ${i}`, count: 1 + (i % 8), freeCount: i % 2, memoryGb: 24 },
    cpu: { cores: 32 },
    ramGb: 128,
    location: { city: 'Shanghai', country: 'CN' },
    status: 'available',
    zones: ['ai-training'],
    stability: { highStability: i % 3 === 0, reliability: 0.9 },
    price: { usdPerGpuHour: 0.3 + (i % 100) / 1000 },
  };
}

const manyMachines = Array.from({ length: 10_000 }, (_, i) => machineAt(i));

async function mount(props: Partial<DbcMachineList>): Promise<DbcMachineList> {
  const el = document.createElement('dbc-machine-list');
  el.style.setProperty('--dbc-machine-list-height', '600px');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Waits until the virtualizer has laid out (it renders over a few frames after the host updates). */
async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out waiting for the list');
    await nextFrame();
  }
}

const cards = (el: DbcMachineList) => [...el.shadowRoot!.querySelectorAll('dbc-machine-card')];
const shownIds = (el: DbcMachineList) => cards(el).map((c) => c.machine!.id);

afterEach(() => {
  document.body.replaceChildren();
});

describe('<dbc-machine-list> in a real browser', () => {
  it('renders 10,000 machines with only a window of cards in the DOM', async () => {
    const start = performance.now();
    const el = await mount({ machines: manyMachines });
    await nextFrame();
    const firstPaintMs = performance.now() - start;
    await until(() => cards(el).length > 0);
    const settledMs = performance.now() - start;
    console.log(
      `[dbc-machine-list] 10,000 machines: first paint ${firstPaintMs.toFixed(1)} ms, cards on screen ${settledMs.toFixed(1)} ms, ${cards(el).length} cards in the DOM`,
    );

    expect(cards(el).length).toBeGreaterThan(0);
    expect(cards(el).length).toBeLessThan(100);
    expect(shownIds(el)).toContain(manyMachines[0]!.id);
    expect(el.shadowRoot!.querySelector('[part="list"]')!.getAttribute('role')).toBe('list');
  });

  it('brings later machines into view as the user scrolls', async () => {
    const el = await mount({ machines: manyMachines });
    await until(() => cards(el).length > 0);
    const list = el.shadowRoot!.querySelector<HTMLElement>('[part="list"]')!;

    await userEvent.wheel(list, { delta: { y: 1500 }, times: 2 });
    await until(() => list.scrollTop > 0 && !shownIds(el).includes(manyMachines[0]!.id));
    expect(cards(el).length).toBeLessThan(100);

    // Dragging the scrollbar to the bottom: the flow layout re-estimates the total height as it
    // measures real cards, so the bottom moves a little until the last card is reached.
    await until(() => {
      list.scrollTop = list.scrollHeight;
      return shownIds(el).includes(manyMachines[9_999]!.id);
    });
    expect(cards(el).length).toBeLessThan(100);
  });

  it('tells screen readers the size of the whole list and each card position', async () => {
    const el = await mount({ machines: manyMachines });
    await until(() => cards(el).length > 0);
    const items = [...el.shadowRoot!.querySelectorAll('[role="listitem"]')];
    expect(items.length).toBe(cards(el).length);
    expect(items[0]!.getAttribute('aria-setsize')).toBe('10000');
    expect(items[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(items[1]!.getAttribute('aria-posinset')).toBe('2');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).toContain('10000 machines');
  });

  it('shows busy skeleton cards while loading the first results', async () => {
    const el = await mount({ loading: true });
    expect(el.shadowRoot!.querySelector('[part="skeleton"]')!.getAttribute('aria-busy')).toBe('true');
    expect(cards(el)).toHaveLength(0);
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).toContain('Loading machines');
  });

  it('keeps the cards and marks the list busy while refreshing', async () => {
    const el = await mount({ machines: manyMachines.slice(0, 3), loading: true });
    await until(() => cards(el).length === 3);
    expect(el.shadowRoot!.querySelector('[part="list"]')!.getAttribute('aria-busy')).toBe('true');
  });

  it('shows a localized empty message that a partner can replace through the empty slot', async () => {
    const el = await mount({ machines: [] });
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).toContain('No machines match');

    el.locale = 'zh';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="empty"]')!.textContent).toContain('没有符合筛选条件的机器');

    const custom = document.createElement('p');
    custom.slot = 'empty';
    custom.textContent = 'Nothing here, try the RTX 4090 zone';
    el.append(custom);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
    expect(slot.assignedElements()).toEqual([custom]);
  });

  it('shows the error and fires a bubbling, composed dbc-retry when the user clicks Retry', async () => {
    const el = await mount({
      machines: manyMachines.slice(0, 5),
      error: 'Network unreachable (DBC node timed out)',
    });
    const error = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.getAttribute('role')).toBe('alert');
    expect(error.textContent).toContain('The machines could not be loaded.');
    expect(error.textContent).toContain('Network unreachable');
    expect(cards(el)).toHaveLength(0);

    let retries = 0;
    document.addEventListener('dbc-retry', () => retries++, { once: true });
    await userEvent.click(el.shadowRoot!.querySelector('[part="retry"]')!);
    expect(retries).toBe(1);
  });

  it('renders a hostile error message as text', async () => {
    const hostile = '<img src=x onerror="window.__pwnedList=1">';
    const el = await mount({ error: hostile });
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwnedList?: number }).__pwnedList).toBeUndefined();
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).toContain(hostile);
  });

  it('lets a card’s dbc-machine-select bubble out of the list to the page', async () => {
    const el = await mount({ machines: manyMachines.slice(0, 20) });
    await until(() => cards(el).length > 0);
    let detail: { machineId: string } | null = null;
    document.addEventListener('dbc-machine-select', (e) => (detail = e.detail), { once: true });
    const second = cards(el)[1]!;
    await userEvent.click(second.shadowRoot!.querySelector('[part="action"]')!);
    expect(detail).toEqual({ machineId: manyMachines[1]!.id });
  });

  it('passes locale and currency on to its cards', async () => {
    const el = await mount({
      machines: [{ ...machineAt(1), price: { usdPerGpuHour: 0.5, dbcPerGpuHour: 300 } }],
      locale: 'zh',
      currency: 'DBC',
    });
    await until(() => cards(el).length === 1);
    const card = cards(el)[0]!;
    await card.updateComplete;
    expect(card.shadowRoot!.textContent).toContain('300 DBC');
    expect(card.shadowRoot!.textContent).toContain('查看详情');
  });

  it('registers nothing when only the class is imported, and defining twice is safe', async () => {
    const { defineMachineList } = await import('./dbc-machine-list.define.js');
    expect(() => defineMachineList()).not.toThrow();
    expect(customElements.get('dbc-machine-card')).toBeDefined();
    expect(DbcMachineList.name).toBe('DbcMachineList');
  });
});
