import { DbcInputError } from '../../errors/index.js';
import type { RawCoordinate } from './types.js';

/**
 * StakerCustomizeInfo stores positions as a hemisphere and degrees × 10^4 (DBC's own tests and
 * miners' tools write e.g. East(1214700) for 121.47° E).
 */
export const COORDINATE_SCALE = 10_000;

/** Signed degrees (east and north positive) of a stored coordinate. */
export function degreesOf(raw: RawCoordinate): number {
  const sign = raw.direction === 'west' || raw.direction === 'south' ? -1 : 1;
  return (sign * raw.value) / COORDINATE_SCALE;
}

/**
 * The chain enum value for signed degrees: `{ East: n }`/`{ West: n }` for longitudes,
 * `{ North: n }`/`{ South: n }` for latitudes, n = round(|degrees| × 10^4).
 */
export function coordinateToChain(axis: 'longitude' | 'latitude', degrees: number): Record<string, number> {
  const limit = axis === 'longitude' ? 180 : 90;
  if (typeof degrees !== 'number' || !Number.isFinite(degrees) || Math.abs(degrees) > limit) {
    throw new DbcInputError('INVALID_COORDINATE', `${axis} must be a number of degrees from -${limit} to ${limit}; got ${String(degrees)}.`, {
      details: { [axis]: String(degrees) },
    });
  }
  const value = Math.round(Math.abs(degrees) * COORDINATE_SCALE);
  const key = axis === 'longitude' ? (degrees < 0 ? 'West' : 'East') : degrees < 0 ? 'South' : 'North';
  return { [key]: value };
}
