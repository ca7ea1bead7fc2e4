/**
 * Turns a MachineQuery into predicates, after checking every value. Facet dimensions are kept
 * apart from the other filters, because each facet is counted without its own filter.
 */
import { DbcInputError } from '@dbc-cloud/chain/errors';
import { distanceKm } from './distance.js';
import { gpuModelKey } from './gpuModels.js';
import type { MachineQuery } from './query.js';
import type { Machine, MachineStatus, Zone } from './types.js';
import { ZONES } from './zones.js';

/** A test of one machine. */
export type MachinePredicate = (m: Machine) => boolean;

/** The facet dimensions, each tied to its own filter. */
export const FACET_DIMENSIONS = ['gpuModel', 'region', 'country', 'zone', 'gpuCount', 'status'] as const;

/** One facet dimension. */
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

/** A compiled query. */
export interface CompiledFilters {
  /** Filters that are not facets: a machine failing one is out of every count. */
  base: MachinePredicate[];
  /** The facet filters present in the query, by dimension index in FACET_DIMENSIONS. */
  facets: Array<MachinePredicate | null>;
  /** Distance of a machine from `near` (km), when the query has `near`. */
  distance: ((m: Machine) => number) | null;
}

const STATUSES: readonly MachineStatus[] = ['available', 'rented', 'offline', 'verifying'];

function bad(field: string, message: string, value: unknown): never {
  throw new DbcInputError('INVALID_QUERY', `${field}: ${message}`, { details: { field, value: String(value) } });
}

function min(field: string, v: number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad(field, `must be a number of 0 or more; got ${String(v)}.`, v);
  return v;
}

function list<T>(field: string, v: T | T[] | undefined): T[] | undefined {
  if (v === undefined) return undefined;
  const arr = Array.isArray(v) ? v : [v];
  if (arr.length === 0) return undefined;
  return arr;
}

const words = new WeakMap<Machine, string>();
/** The lowercased words text search looks in (the id is matched by prefix separately). */
function haystack(m: Machine): string {
  let h = words.get(m);
  if (h === undefined) {
    h = `${m.gpu.model} ${m.gpu.chainModel} ${m.location.city ?? ''} ${m.location.country} ${m.location.region}`.toLowerCase();
    words.set(m, h);
  }
  return h;
}

/** Checks a query and compiles its filters; throws DbcInputError naming the bad field. */
export function compileFilters(q: MachineQuery): CompiledFilters {
  const base: MachinePredicate[] = [];
  const facets: Array<MachinePredicate | null> = FACET_DIMENSIONS.map(() => null);
  const facet = (d: FacetDimension, p: MachinePredicate) => (facets[FACET_DIMENSIONS.indexOf(d)] = p);

  const models = list('gpuModels', q.gpuModels);
  if (models) {
    const keys = new Set(models.map((n) => (typeof n === 'string' && n.trim() ? gpuModelKey(n) : bad('gpuModels', 'names must be non-empty strings.', n))));
    facet('gpuModel', (m) => keys.has(gpuModelKey(m.gpu.model)));
  }
  const counts = list('gpuCounts', q.gpuCounts);
  if (counts) {
    for (const c of counts) if (!Number.isSafeInteger(c) || c < 1) bad('gpuCounts', `GPU counts are whole numbers of 1 or more; got ${String(c)}.`, c);
    const set = new Set(counts);
    facet('gpuCount', (m) => set.has(m.gpu.count));
  }
  const regions = list('region', q.region);
  if (regions) {
    const set = new Set(regions.map((r) => String(r).toLowerCase()));
    facet('region', (m) => set.has(m.location.region.toLowerCase()));
  }
  const countries = list('country', q.country);
  if (countries) {
    const set = new Set(countries.map((c) => String(c).toUpperCase()));
    facet('country', (m) => set.has(m.location.country));
  }
  const statuses = list('status', q.status);
  if (statuses) {
    for (const s of statuses) if (!STATUSES.includes(s)) bad('status', `"${String(s)}" is not a status; use ${STATUSES.join(', ')}.`, s);
    const set = new Set<MachineStatus>(statuses);
    facet('status', (m) => set.has(m.status));
  }
  const zones = list('zones', q.zones);
  if (zones) {
    for (const z of zones) if (!ZONES.includes(z)) bad('zones', `"${String(z)}" is not a zone; use ${ZONES.join(', ')}.`, z);
    const set = new Set<Zone>(zones);
    facet('zone', (m) => m.zones.some((z) => set.has(z)));
  }

  const minFree = min('minFreeGpus', q.minFreeGpus);
  if (minFree !== undefined) base.push((m) => m.gpu.freeCount >= minFree);
  const minMem = min('minGpuMemoryGb', q.minGpuMemoryGb);
  if (minMem !== undefined) base.push((m) => m.gpu.memoryGb >= minMem);
  const minPoints = min('minCalcPoints', q.minCalcPoints);
  if (minPoints !== undefined) base.push((m) => m.calcPoints >= minPoints);
  const minCores = min('cpu.minCores', q.cpu?.minCores);
  if (minCores !== undefined) base.push((m) => m.cpu.cores >= minCores);
  if (q.cpu?.model !== undefined) {
    if (typeof q.cpu.model !== 'string') bad('cpu.model', 'must be a string.', q.cpu.model);
    const needle = q.cpu.model.trim().toLowerCase();
    if (needle) base.push((m) => m.cpu.model.toLowerCase().includes(needle));
  }
  const minRam = min('minRamGb', q.minRamGb);
  if (minRam !== undefined) base.push((m) => m.ramGb >= minRam);
  const minDisk = min('minDiskGb', q.minDiskGb);
  if (minDisk !== undefined) base.push((m) => m.diskGb.data >= minDisk);
  const minUp = min('minUploadMbps', q.minUploadMbps);
  if (minUp !== undefined) base.push((m) => m.network.uploadMbps >= minUp);
  const minDown = min('minDownloadMbps', q.minDownloadMbps);
  if (minDown !== undefined) base.push((m) => m.network.downloadMbps >= minDown);
  if (q.price) {
    const currency = q.price.currency ?? 'usd';
    if (currency !== 'usd' && currency !== 'dbc') bad('price.currency', `use "usd" or "dbc"; got ${String(currency)}.`, currency);
    const lo = min('price.min', q.price.min) ?? 0;
    const hi = min('price.max', q.price.max) ?? Infinity;
    if (lo > hi) bad('price', `min (${lo}) is above max (${hi}).`, `${lo}-${hi}`);
    base.push(currency === 'usd' ? (m) => m.price.usdPerGpuHour >= lo && m.price.usdPerGpuHour <= hi : (m) => m.price.dbcPerGpuHour >= lo && m.price.dbcPerGpuHour <= hi);
  }
  if (q.highStability !== undefined) {
    const want = q.highStability;
    if (want) base.push((m) => m.stability.highStability);
  }
  if (q.minReliability !== undefined) {
    const r = q.minReliability;
    if (typeof r !== 'number' || !(r >= 0 && r <= 1)) bad('minReliability', `must be from 0 to 1; got ${String(r)}.`, r);
    base.push((m) => m.stability.reliability >= r);
  }
  if (q.text !== undefined) {
    if (typeof q.text !== 'string') bad('text', 'must be a string.', q.text);
    const tokens = q.text.toLowerCase().split(/\s+/).filter(Boolean);
    if (tokens.length) base.push((m) => tokens.every((t) => m.id.startsWith(t.replace(/^0x/, '')) || haystack(m).includes(t)));
  }

  let distance: CompiledFilters['distance'] = null;
  if (q.near) {
    const { lat, lon, maxKm } = q.near;
    if (typeof lat !== 'number' || !(Math.abs(lat) <= 90)) bad('near.lat', `must be degrees from -90 to 90; got ${String(lat)}.`, lat);
    if (typeof lon !== 'number' || !(Math.abs(lon) <= 180)) bad('near.lon', `must be degrees from -180 to 180; got ${String(lon)}.`, lon);
    const cache = new Map<Machine, number>();
    distance = (m) => {
      let d = cache.get(m);
      if (d === undefined) cache.set(m, (d = distanceKm({ lat, lon }, m.location)));
      return d;
    };
    const max = min('near.maxKm', maxKm);
    if (max !== undefined) {
      const dist = distance;
      base.push((m) => dist(m) <= max);
    }
  }
  return { base, facets, distance };
}
