import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { MachineView } from '../../types.js';
import { DbcMachineCard } from './dbc-machine-card.js';
import './dbc-machine-card.define.js';

const machine: MachineView = {
  id: 'a'.repeat(64),
  gpu: { model: 'RTX 4090', count: 4, freeCount: 3, memoryGb: 24 },
  cpu: { cores: 64 },
  ramGb: 256,
  location: { city: 'Shanghai', country: 'CN' },
  status: 'available',
  zones: ['ai-training'],
  stability: { highStability: true, reliability: 0.97 },
  price: { usdPerGpuHour: 0.375, dbcPerGpuHour: 250 },
};

async function mount(props: Partial<DbcMachineCard>): Promise<DbcMachineCard> {
  const el = document.createElement('dbc-machine-card');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('<dbc-machine-card> in a real browser', () => {
  it('shows the GPU, free GPUs, price per GPU-hour and stability', async () => {
    const el = await mount({ machine });
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).toContain('4 × RTX 4090');
    expect(text).toContain('3 of 4 GPUs free');
    expect(text).toContain('$0.375');
    expect(text).toContain('High stability');
    expect(text).toContain('Reliability 97%');
  });

  it('speaks Chinese when locale="zh"', async () => {
    const el = await mount({ machine, locale: 'zh' });
    expect(el.shadowRoot!.textContent).toContain('空闲 3 / 4 张 GPU');
    expect(el.shadowRoot!.textContent).toContain('高稳定');
  });

  it('fires a bubbling, composed dbc-machine-select when the user clicks the button', async () => {
    const el = await mount({ machine });
    let detail: { machineId: string } | null = null;
    document.addEventListener('dbc-machine-select', (e) => (detail = e.detail), { once: true });
    await userEvent.click(el.shadowRoot!.querySelector('[part="action"]')!);
    expect(detail).toEqual({ machineId: machine.id });
  });

  it('can be operated with the keyboard', async () => {
    const el = await mount({ machine });
    let fired = false;
    el.addEventListener('dbc-machine-select', () => (fired = true));
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="action"]')!;
    button.focus();
    await userEvent.keyboard('{Enter}');
    expect(fired).toBe(true);
  });

  it('renders hostile strings from the chain as text, never as HTML', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await mount({ machine: { ...machine, gpu: { ...machine.gpu, model: hostile }, location: { city: hostile } } });
    await new Promise((r) => setTimeout(r, 50));
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(el.shadowRoot!.textContent).toContain(hostile);
  });

  it('takes the partner brand through --dbc-* tokens', async () => {
    const el = await mount({ machine });
    el.style.setProperty('--dbc-color-primary', 'rgb(228, 87, 46)');
    await el.updateComplete;
    const button = el.shadowRoot!.querySelector('[part="action"]')!;
    expect(getComputedStyle(button).backgroundColor).toBe('rgb(228, 87, 46)');
  });

  it('registers nothing when only the class is imported, and defining twice is safe', async () => {
    expect(customElements.get('dbc-machine-card')).toBeDefined();
    const { defineMachineCard } = await import('./dbc-machine-card.define.js');
    expect(() => defineMachineCard()).not.toThrow();
    expect(DbcMachineCard.name).toBe('DbcMachineCard');
  });
});
