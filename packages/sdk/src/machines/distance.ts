const EARTH_RADIUS_KM = 6_371;
const RAD = Math.PI / 180;

/**
 * Great-circle distance between two points in kilometres (haversine).
 *
 * @example distanceKm({ lat: 31.23, lon: 121.47 }, { lat: 22.54, lon: 114.06 }) // ≈ 1,213
 */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
