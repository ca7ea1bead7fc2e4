import { DbcInputError } from '@dbc-cloud/chain/errors';
import { decodeCursor, encodeCursor } from './cursor.js';
import { compileFilters, FACET_DIMENSIONS, type FacetDimension } from './filters.js';
import type { MachineFacets, MachineQuery, MachineSearchResult } from './query.js';
import type { MachineSnapshot } from './snapshot.js';
import { compareKeys, sortValueFn } from './sort.js';
import type { Machine } from './types.js';

/** Page size when the query sets no `limit`. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest `limit` a search accepts. */
export const MAX_PAGE_SIZE = 500;

/** The sorted, filtered machines of one query on one snapshot, kept for the following pages. */
interface Ranked {
  fingerprint: string;
  machines: Machine[];
  values: Float64Array;
  order: 1 | -1;
  facets: MachineFacets;
}

const lastRanked = new WeakMap<readonly Machine[], Ranked>();

/** JSON with sorted keys, so equal queries give equal text whatever their key order. */
function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The query minus paging, as the text cursors are tied to. */
function fingerprintOf(q: MachineQuery): string {
  const { cursor: _c, limit: _l, ...rest } = q;
  const text = stableJson(rest);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

function emptyFacets(): MachineFacets {
  return { gpuModel: {}, region: {}, country: {}, zone: {}, gpuCount: {}, status: {} };
}

const bump = (r: Record<string, number>, k: string) => {
  r[k] = (r[k] ?? 0) + 1;
};

/** Adds a machine to one facet's counts. */
function countFacet(f: MachineFacets, d: FacetDimension, m: Machine): void {
  switch (d) {
    case 'gpuModel':
      return bump(f.gpuModel, m.gpu.model);
    case 'region':
      return bump(f.region, m.location.region);
    case 'country':
      return bump(f.country, m.location.country);
    case 'zone':
      for (const z of m.zones) bump(f.zone, z);
      return;
    case 'gpuCount':
      return bump(f.gpuCount, String(m.gpu.count));
    case 'status':
      return bump(f.status, m.status);
  }
}

/** Filters, counts facets and sorts, in one pass over the machines plus one sort. */
function rank(machines: readonly Machine[], q: MachineQuery, fingerprint: string): Ranked {
  const { base, facets: facetFilters, distance } = compileFilters(q);
  const valueOf = sortValueFn(q.sort ?? 'price', distance);
  const order = q.order === 'desc' ? -1 : 1;
  if (q.order !== undefined && q.order !== 'asc' && q.order !== 'desc') {
    throw new DbcInputError('INVALID_QUERY', `order: use "asc" or "desc"; got ${String(q.order)}.`, { details: { field: 'order' } });
  }
  const active = facetFilters.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
  const facets = emptyFacets();
  const hits: Machine[] = [];
  outer: for (const m of machines) {
    for (const p of base) if (!p(m)) continue outer;
    // A machine failing exactly one facet filter still counts for that facet: it is what the
    // renter would get by choosing that value instead.
    let failed = -1;
    for (const i of active) {
      if (!facetFilters[i]!(m)) {
        if (failed >= 0) continue outer;
        failed = i;
      }
    }
    if (failed >= 0) {
      countFacet(facets, FACET_DIMENSIONS[failed]!, m);
      continue;
    }
    hits.push(m);
    for (const d of FACET_DIMENSIONS) countFacet(facets, d, m);
  }
  const keys = hits.map((m, i) => ({ m, v: valueOf(m), i }));
  keys.sort((a, b) => compareKeys(order, a.v, a.m.id, b.v, b.m.id));
  const values = new Float64Array(keys.length);
  const sorted = keys.map((k, i) => ((values[i] = k.v), k.m));
  return { fingerprint, machines: sorted, values, order, facets };
}

/** The index of the first ranked machine after the cursor's (value, id). */
function startAfter(r: Ranked, value: number, id: string): number {
  let lo = 0;
  let hi = r.machines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(r.order, r.values[mid]!, r.machines[mid]!.id, value, id) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Searches a snapshot's machines: filters, facet counts (each facet over the set filtered by every
 * other filter), sort with id as tie-breaker, and cursor paging. The ranked list of the last query
 * is kept per snapshot, so the next pages cost a binary search.
 *
 * @example
 * ```ts
 * const page = searchMachines(snapshot, { gpuModels: ['RTX 4090'], minFreeGpus: 1, sort: 'price', limit: 20 });
 * const next = searchMachines(snapshot, { gpuModels: ['RTX 4090'], minFreeGpus: 1, sort: 'price', limit: 20, cursor: page.nextCursor! });
 * ```
 */
export function searchMachines(snapshot: Pick<MachineSnapshot, 'machines' | 'blockNumber'>, query: MachineQuery = {}): MachineSearchResult<Machine> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new DbcInputError('INVALID_QUERY', `limit: must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${String(limit)}.`, {
      details: { field: 'limit', value: String(limit) },
    });
  }
  const fingerprint = fingerprintOf(query);
  const cursor = query.cursor ? decodeCursor(query.cursor, fingerprint) : null;
  let ranked = lastRanked.get(snapshot.machines);
  if (!ranked || ranked.fingerprint !== fingerprint) {
    ranked = rank(snapshot.machines, query, fingerprint);
    lastRanked.set(snapshot.machines, ranked);
  }
  const start = cursor ? startAfter(ranked, cursor.value, cursor.id) : 0;
  const items = ranked.machines.slice(start, start + limit);
  const end = start + items.length;
  const last = items[items.length - 1];
  return {
    items,
    total: ranked.machines.length,
    nextCursor: last && end < ranked.machines.length ? encodeCursor({ query: fingerprint, value: ranked.values[end - 1]!, id: last.id }) : null,
    facets: ranked.facets,
    snapshotBlock: snapshot.blockNumber,
  };
}
