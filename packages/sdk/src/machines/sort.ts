import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { MachineSortKey } from './query.js';
import type { Machine } from './types.js';

/** Every sort key. */
export const MACHINE_SORT_KEYS: readonly MachineSortKey[] = ['price', 'pricePerCalcPoint', 'gpuMemory', 'reliability', 'distance', 'calcPoints'];

/**
 * The number a machine sorts by. Price per calc point is the renter's price of one GPU-hour per
 * calc point of one GPU, i.e. what a unit of benchmarked compute costs.
 */
export function sortValueFn(key: MachineSortKey, distance: ((m: Machine) => number) | null): (m: Machine) => number {
  switch (key) {
    case 'price':
      return (m) => m.price.usdPerGpuHour;
    case 'pricePerCalcPoint':
      return (m) => (m.calcPoints > 0 && m.gpu.count > 0 ? m.price.usdPerGpuHour / (m.calcPoints / m.gpu.count) : Infinity);
    case 'gpuMemory':
      return (m) => m.gpu.memoryGb;
    case 'reliability':
      return (m) => m.stability.reliability;
    case 'calcPoints':
      return (m) => m.calcPoints;
    case 'distance':
      if (!distance) {
        throw new DbcInputError('INVALID_QUERY', 'sort: sorting by distance needs a point; pass near: { lat, lon }.', { details: { field: 'sort' } });
      }
      return distance;
    default:
      throw new DbcInputError('INVALID_QUERY', `sort: "${String(key)}" is not a sort key; use ${MACHINE_SORT_KEYS.join(', ')}.`, {
        details: { field: 'sort', value: String(key) },
      });
  }
}

/** Compares (value, id) pairs in the requested order; ids break ties so pages are stable. */
export function compareKeys(order: 1 | -1, av: number, aId: string, bv: number, bId: string): number {
  if (av !== bv) return av < bv ? -order : order;
  return aId < bId ? -1 : aId > bId ? 1 : 0;
}
