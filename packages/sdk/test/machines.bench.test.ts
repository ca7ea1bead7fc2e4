import { describe, expect, it } from 'vitest';
import { createMachineDeriver } from '../src/machines/deriveMachine.js';
import { searchMachines } from '../src/machines/searchMachines.js';
import type { MachineQuery } from '../src/machines/query.js';
import { env, snapshotOf, syntheticFacts } from './machines.fixtures.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('machine search on 10,000 machines', () => {
  it('filters, sorts and counts facets in under 50 ms (median)', () => {
    const list = syntheticFacts(10_000, 99);
    const t0 = performance.now();
    const snap = snapshotOf(list, { markupPercent: 20 });
    const deriveMs = performance.now() - t0;
    expect(snap.machines).toHaveLength(10_000);

    const query = (i: number): MachineQuery => ({
      // The price bound changes every run so no cached ranking is reused.
      gpuModels: ['RTX 4090', 'RTX 3090', 'A100', 'RTX A6000'],
      status: ['available', 'rented'],
      minFreeGpus: 1,
      minGpuMemoryGb: 16,
      region: ['Asia', 'Europe', 'North America'],
      price: { max: 5 + i * 0.001 },
      minReliability: 0.2,
      zones: ['ai-inference'],
      text: 'rtx',
      sort: 'pricePerCalcPoint',
      order: 'asc',
      limit: 50,
    });
    for (let i = 0; i < 5; i++) searchMachines(snap, query(i));
    const times: number[] = [];
    let total = 0;
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      const r = searchMachines(snap, query(100 + i));
      times.push(performance.now() - t);
      total = r.total;
      expect(Object.keys(r.facets.gpuModel).length).toBeGreaterThan(1);
    }
    const nearTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t = performance.now();
      searchMachines(snap, { near: { lat: 31.2, lon: 121.5, maxKm: 3000 + i }, sort: 'distance', status: ['available'], limit: 50 });
      nearTimes.push(performance.now() - t);
    }
    const page = performance.now();
    searchMachines(snap, { ...query(139), cursor: searchMachines(snap, query(139)).nextCursor ?? undefined });
    const pageMs = performance.now() - page;
    const derive2 = createMachineDeriver(env());
    const t1 = performance.now();
    for (const f of list) derive2(f);
    const rederiveMs = performance.now() - t1;
    console.log(
      `[bench] 10k machines: search median ${median(times).toFixed(2)} ms (p max ${Math.max(...times).toFixed(2)} ms, ${total} hits); ` +
        `near+distance sort median ${median(nearTimes).toFixed(2)} ms; next page ${pageMs.toFixed(2)} ms; ` +
        `derive 10k ${deriveMs.toFixed(1)} ms (warm ${rederiveMs.toFixed(1)} ms)`,
    );
    expect(median(times)).toBeLessThan(50);
    expect(median(nearTimes)).toBeLessThan(50);
  });
});
