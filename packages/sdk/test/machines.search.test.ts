import { describe, expect, it } from 'vitest';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import { distanceKm } from '../src/machines/distance.js';
import { searchMachines } from '../src/machines/searchMachines.js';
import type { Machine } from '../src/machines/types.js';
import { facts, snapshotOf, syntheticFacts } from './machines.fixtures.js';

const snap = snapshotOf(syntheticFacts(480));
const all = snap.machines;
const ids = (ms: Machine[]) => ms.map((m) => m.id).sort();
const expectIds = (got: Machine[], pred: (m: Machine) => boolean) => expect(ids(got)).toEqual(ids(all.filter(pred)));
const everything = (q: Parameters<typeof searchMachines>[1]) => searchMachines(snap, { ...q, limit: 500 });

describe('machine search filters', () => {
  it('returns every machine, cheapest first, without filters', () => {
    const r = searchMachines(snap);
    expect(r.total).toBe(all.length);
    expect(r.items).toHaveLength(20);
    const prices = r.items.map((m) => m.price.usdPerGpuHour);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(r.snapshotBlock).toBe(snap.blockNumber);
  });

  it('filters by GPU model in either spelling, GPU count and free GPUs', () => {
    expectIds(everything({ gpuModels: ['RTX 4090', 'A100'] }).items, (m) => m.gpu.model === 'RTX 4090' || m.gpu.model === 'A100');
    expect(everything({ gpuModels: ['GeForceRTX4090'] }).total).toBe(all.filter((m) => m.gpu.model === 'RTX 4090').length);
    expectIds(everything({ gpuCounts: [8] }).items, (m) => m.gpu.count === 8);
    expectIds(everything({ minFreeGpus: 4 }).items, (m) => m.gpu.freeCount >= 4);
  });

  it('filters by GPU memory, calc points, CPU, RAM, disk and bandwidth', () => {
    expectIds(everything({ minGpuMemoryGb: 48 }).items, (m) => m.gpu.memoryGb >= 48);
    expectIds(everything({ minCalcPoints: 100_000 }).items, (m) => m.calcPoints >= 100_000);
    expectIds(everything({ cpu: { minCores: 64, model: 'i9' } }).items, (m) => m.cpu.cores >= 64 && m.cpu.model.includes('i9'));
    expectIds(everything({ minRamGb: 256, minDiskGb: 4000 }).items, (m) => m.ramGb >= 256 && m.diskGb.data >= 4000);
    expectIds(everything({ minUploadMbps: 500, minDownloadMbps: 1000 }).items, (m) => m.network.uploadMbps >= 500 && m.network.downloadMbps >= 1000);
  });

  it('filters by region, country and distance from a point', () => {
    expectIds(everything({ region: 'Europe' }).items, (m) => m.location.region === 'Europe');
    expectIds(everything({ country: ['cn', 'JP'] }).items, (m) => m.location.country === 'CN' || m.location.country === 'JP');
    const near = { lat: 31.23, lon: 121.47, maxKm: 1500 };
    expectIds(everything({ near }).items, (m) => distanceKm(near, m.location) <= 1500);
  });

  it('filters by price per GPU-hour in USD or DBC after partner pricing', () => {
    expectIds(everything({ price: { min: 0.3, max: 0.8 } }).items, (m) => m.price.usdPerGpuHour >= 0.3 && m.price.usdPerGpuHour <= 0.8);
    expectIds(everything({ price: { currency: 'dbc', max: 300 } }).items, (m) => m.price.dbcPerGpuHour <= 300);
    const marked = snapshotOf(syntheticFacts(480), { markupPercent: 100 });
    expect(searchMachines(marked, { price: { max: 0.8 }, limit: 500 }).total).toBeLessThan(everything({ price: { max: 0.8 } }).total);
  });

  it('filters by status, zones, high stability and reliability', () => {
    expectIds(everything({ status: ['available'] }).items, (m) => m.status === 'available');
    expectIds(everything({ zones: ['hpc', 'cloud-gaming'] }).items, (m) => m.zones.includes('hpc') || m.zones.includes('cloud-gaming'));
    expectIds(everything({ highStability: true }).items, (m) => m.stability.highStability);
    expectIds(everything({ minReliability: 0.7 }).items, (m) => m.stability.reliability >= 0.7);
  });

  it('matches text against model, city, country and the start of the id', () => {
    expectIds(everything({ text: 'rtx 4090 tokyo' }).items, (m) => m.gpu.model === 'RTX 4090' && m.location.city === 'Tokyo');
    const one = all[17]!;
    expect(everything({ text: one.id.slice(0, 16) }).items.map((m) => m.id)).toContain(one.id);
    expect(everything({ text: `0x${one.id.slice(0, 16)}` }).items.map((m) => m.id)).toContain(one.id);
  });

  it('combines filters with AND', () => {
    expectIds(everything({ gpuModels: ['RTX 4090'], status: ['available'], minFreeGpus: 2, region: 'Asia' }).items, (m) =>
      m.gpu.model === 'RTX 4090' && m.status === 'available' && m.gpu.freeCount >= 2 && m.location.region === 'Asia',
    );
  });
});

describe('machine search sorting', () => {
  const sorted = (key: Parameters<typeof searchMachines>[1] & object, value: (m: Machine) => number) => {
    const items = everything(key).items;
    const values = items.map(value);
    const want = [...values].sort((a, b) => (key.order === 'desc' ? b - a : a - b));
    expect(values).toEqual(want);
  };

  it('sorts by price, price per calc point, GPU memory, reliability and calc points, both ways', () => {
    sorted({ sort: 'price' }, (m) => m.price.usdPerGpuHour);
    sorted({ sort: 'price', order: 'desc' }, (m) => m.price.usdPerGpuHour);
    sorted({ sort: 'pricePerCalcPoint' }, (m) => m.price.usdPerGpuHour / (m.calcPoints / m.gpu.count));
    sorted({ sort: 'gpuMemory', order: 'desc' }, (m) => m.gpu.memoryGb);
    sorted({ sort: 'reliability', order: 'desc' }, (m) => m.stability.reliability);
    sorted({ sort: 'calcPoints' }, (m) => m.calcPoints);
  });

  it('sorts by distance from the near point', () => {
    const near = { lat: 50.11, lon: 8.68 };
    sorted({ sort: 'distance', near }, (m) => distanceKm(near, m.location));
    expect(everything({ sort: 'distance', near }).items[0]!.location.city).toBe('Frankfurt');
  });

  it('breaks ties by id so equal values keep one order', () => {
    const items = everything({ sort: 'gpuMemory' }).items;
    for (let i = 1; i < items.length; i++) {
      if (items[i - 1]!.gpu.memoryGb === items[i]!.gpu.memoryGb) expect(items[i - 1]!.id < items[i]!.id).toBe(true);
    }
  });
});

describe('machine search paging', () => {
  it('walks every match exactly once with opaque cursors', () => {
    const q = { status: ['available' as const], sort: 'price' as const, limit: 37 };
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = searchMachines(snap, { ...q, cursor });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    const total = all.filter((m) => m.status === 'available').length;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 37));
  });

  it('gives the same page for the same cursor, even after other searches on the snapshot', () => {
    const q = { zones: ['ai-inference' as const], sort: 'reliability' as const, order: 'desc' as const, limit: 10 };
    const first = searchMachines(snap, q);
    const again = () => searchMachines(snap, { ...q, cursor: first.nextCursor! }).items.map((m) => m.id);
    const page2 = again();
    searchMachines(snap, { gpuModels: ['A100'] });
    expect(again()).toEqual(page2);
    expect(page2).not.toContain(first.items[0]!.id);
  });

  it('continues after the last item seen when a new snapshot arrives between pages', () => {
    const q = { sort: 'calcPoints' as const, limit: 50 };
    const first = searchMachines(snap, q);
    const newer = snapshotOf(syntheticFacts(480));
    const next = searchMachines(newer, { ...q, cursor: first.nextCursor! });
    const lastSeen = first.items[first.items.length - 1]!.calcPoints;
    expect(next.items.every((m) => m.calcPoints >= lastSeen)).toBe(true);
  });

  it('refuses a cursor of another query or a made-up one', () => {
    const page = searchMachines(snap, { sort: 'price', limit: 5 });
    expect(() => searchMachines(snap, { sort: 'calcPoints', cursor: page.nextCursor! })).toThrow(/different search/);
    expect(() => searchMachines(snap, { cursor: 'not-a-cursor' })).toThrow(DbcInputError);
  });
});

describe('machine search facets', () => {
  it('counts each facet over the set filtered by every other filter, ignoring its own', () => {
    const r = searchMachines(snap, { gpuModels: ['RTX 4090'], region: 'Asia', minFreeGpus: 1 });
    const base = all.filter((m) => m.gpu.freeCount >= 1);
    const count = (ms: Machine[], key: (m: Machine) => string) =>
      ms.reduce<Record<string, number>>((acc, m) => ((acc[key(m)] = (acc[key(m)] ?? 0) + 1), acc), {});
    // gpuModel facet: all models in Asia (the gpuModels filter itself is ignored).
    expect(r.facets.gpuModel).toEqual(count(base.filter((m) => m.location.region === 'Asia'), (m) => m.gpu.model));
    // region facet: RTX 4090s in every region.
    expect(r.facets.region).toEqual(count(base.filter((m) => m.gpu.model === 'RTX 4090'), (m) => m.location.region));
    // Other facets: the fully filtered set.
    const hits = base.filter((m) => m.gpu.model === 'RTX 4090' && m.location.region === 'Asia');
    expect(r.total).toBe(hits.length);
    expect(r.facets.status).toEqual(count(hits, (m) => m.status));
    expect(r.facets.gpuCount).toEqual(count(hits, (m) => String(m.gpu.count)));
  });

  it('counts a machine in every zone it belongs to', () => {
    const r = searchMachines(snap, { zones: ['hpc'] });
    const inZone = (z: string) => all.filter((m) => m.zones.includes(z as never)).length;
    expect(r.facets.zone['ai-inference']).toBe(inZone('ai-inference'));
    expect(r.facets.zone.hpc).toBe(inZone('hpc'));
  });
});

describe('machine search bad input', () => {
  const bad = (q: Parameters<typeof searchMachines>[1], message: RegExp) => {
    expect(() => searchMachines(snap, q)).toThrow(DbcInputError);
    expect(() => searchMachines(snap, q)).toThrow(message);
  };

  it('refuses negative minimums, unknown statuses and zones, and reversed price ranges', () => {
    bad({ minGpuMemoryGb: -1 }, /minGpuMemoryGb/);
    bad({ status: ['idle' as never] }, /not a status/);
    bad({ zones: ['mining' as never] }, /not a zone/);
    bad({ price: { min: 2, max: 1 } }, /above max/);
    bad({ minReliability: 1.5 }, /from 0 to 1/);
  });

  it('refuses sorting by distance without a point, unknown sort keys and page sizes out of range', () => {
    bad({ sort: 'distance' }, /needs a point/);
    bad({ sort: 'popularity' as never }, /not a sort key/);
    bad({ limit: 0 }, /limit/);
    bad({ limit: 501 }, /limit/);
    bad({ near: { lat: 91, lon: 0 } }, /near.lat/);
  });

  it('finds nothing, with empty facets, in an empty snapshot', () => {
    const r = searchMachines(snapshotOf([]), { gpuModels: ['RTX 4090'] });
    expect(r).toMatchObject({ items: [], total: 0, nextCursor: null });
    expect(r.facets.gpuModel).toEqual({});
  });

  it('handles one machine', () => {
    const r = searchMachines(snapshotOf([facts()]), {});
    expect(r.total).toBe(1);
    expect(r.nextCursor).toBeNull();
  });
});
