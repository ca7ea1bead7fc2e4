import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { MachineCard } from './index.js';

describe('React wrappers', () => {
  it('pass React props to the element and call onDbc… props for its events', async () => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
    const host = document.createElement('div');
    document.body.append(host);
    const selected: string[] = [];
    const machine = {
      id: 'b'.repeat(64),
      gpu: { model: 'A100', count: 8, freeCount: 8, memoryGb: 80 },
      cpu: { cores: 128 },
      ramGb: 1024,
      location: { city: 'Frankfurt', country: 'DE' },
      status: 'available' as const,
      price: { usdPerGpuHour: 1.2 },
    };
    const root = createRoot(host);
    await act(async () => {
      root.render(React.createElement(MachineCard, { machine, locale: 'zh', onDbcMachineSelect: (e) => selected.push(e.detail.machineId) }));
    });
    const el = host.querySelector('dbc-machine-card')!;
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).toContain('8 × A100');
    expect(el.shadowRoot!.textContent).toContain('空闲 8 / 8 张 GPU');
    await userEvent.click(el.shadowRoot!.querySelector('[part="action"]')!);
    expect(selected).toEqual([machine.id]);
    await act(async () => root.unmount());
    host.remove();
  });
});
