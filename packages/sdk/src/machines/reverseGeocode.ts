/**
 * Offline reverse geocoding of miners' coordinates. Miners declare a longitude/latitude, not a
 * place; renters filter by city, country and region. A small built-in table keeps this free of
 * network calls and of a large gazetteer: the cities where DBC machines are hosted (the devnet's
 * places among them) plus major data-center hubs, then rough country boxes, then continents.
 */
import { distanceKm } from './distance.js';
import type { MachineLocation, Region } from './types.js';

/** A city the geocoder knows. */
export interface KnownCity {
  city: string;
  country: string;
  lat: number;
  lon: number;
}

/** Within this distance the nearest known city names the place. */
export const CITY_RADIUS_KM = 300;

/** Cities that host GPU machines (DBC miners, cloud regions, internet exchanges). */
export const KNOWN_CITIES: readonly KnownCity[] = [
  // China and East Asia.
  { city: 'Shanghai', country: 'CN', lat: 31.23, lon: 121.47 },
  { city: 'Beijing', country: 'CN', lat: 39.9, lon: 116.41 },
  { city: 'Shenzhen', country: 'CN', lat: 22.54, lon: 114.06 },
  { city: 'Guangzhou', country: 'CN', lat: 23.13, lon: 113.26 },
  { city: 'Chengdu', country: 'CN', lat: 30.67, lon: 104.07 },
  { city: 'Chongqing', country: 'CN', lat: 29.56, lon: 106.55 },
  { city: 'Hangzhou', country: 'CN', lat: 30.27, lon: 120.15 },
  { city: 'Nanjing', country: 'CN', lat: 32.06, lon: 118.8 },
  { city: 'Wuhan', country: 'CN', lat: 30.59, lon: 114.31 },
  { city: "Xi'an", country: 'CN', lat: 34.34, lon: 108.94 },
  { city: 'Zhengzhou', country: 'CN', lat: 34.75, lon: 113.63 },
  { city: 'Qingdao', country: 'CN', lat: 36.07, lon: 120.38 },
  { city: 'Xiamen', country: 'CN', lat: 24.48, lon: 118.09 },
  { city: 'Guiyang', country: 'CN', lat: 26.65, lon: 106.63 },
  { city: 'Hohhot', country: 'CN', lat: 40.84, lon: 111.75 },
  { city: 'Harbin', country: 'CN', lat: 45.8, lon: 126.53 },
  { city: 'Urumqi', country: 'CN', lat: 43.83, lon: 87.62 },
  { city: 'Hong Kong', country: 'HK', lat: 22.32, lon: 114.17 },
  { city: 'Taipei', country: 'TW', lat: 25.03, lon: 121.57 },
  { city: 'Tokyo', country: 'JP', lat: 35.69, lon: 139.69 },
  { city: 'Osaka', country: 'JP', lat: 34.69, lon: 135.5 },
  { city: 'Seoul', country: 'KR', lat: 37.57, lon: 126.98 },
  // South-East and South Asia.
  { city: 'Singapore', country: 'SG', lat: 1.35, lon: 103.82 },
  { city: 'Kuala Lumpur', country: 'MY', lat: 3.14, lon: 101.69 },
  { city: 'Jakarta', country: 'ID', lat: -6.21, lon: 106.85 },
  { city: 'Bangkok', country: 'TH', lat: 13.76, lon: 100.5 },
  { city: 'Ho Chi Minh City', country: 'VN', lat: 10.82, lon: 106.63 },
  { city: 'Hanoi', country: 'VN', lat: 21.03, lon: 105.85 },
  { city: 'Manila', country: 'PH', lat: 14.6, lon: 120.98 },
  { city: 'Mumbai', country: 'IN', lat: 19.08, lon: 72.88 },
  { city: 'Bangalore', country: 'IN', lat: 12.97, lon: 77.59 },
  { city: 'New Delhi', country: 'IN', lat: 28.61, lon: 77.21 },
  // Middle East.
  { city: 'Dubai', country: 'AE', lat: 25.2, lon: 55.27 },
  { city: 'Riyadh', country: 'SA', lat: 24.71, lon: 46.68 },
  { city: 'Tel Aviv', country: 'IL', lat: 32.09, lon: 34.78 },
  { city: 'Istanbul', country: 'TR', lat: 41.01, lon: 28.98 },
  // Europe.
  { city: 'Frankfurt', country: 'DE', lat: 50.11, lon: 8.68 },
  { city: 'Berlin', country: 'DE', lat: 52.52, lon: 13.4 },
  { city: 'Munich', country: 'DE', lat: 48.14, lon: 11.58 },
  { city: 'Amsterdam', country: 'NL', lat: 52.37, lon: 4.9 },
  { city: 'London', country: 'GB', lat: 51.51, lon: -0.13 },
  { city: 'Paris', country: 'FR', lat: 48.86, lon: 2.35 },
  { city: 'Madrid', country: 'ES', lat: 40.42, lon: -3.7 },
  { city: 'Milan', country: 'IT', lat: 45.46, lon: 9.19 },
  { city: 'Zurich', country: 'CH', lat: 47.38, lon: 8.54 },
  { city: 'Vienna', country: 'AT', lat: 48.21, lon: 16.37 },
  { city: 'Warsaw', country: 'PL', lat: 52.23, lon: 21.01 },
  { city: 'Stockholm', country: 'SE', lat: 59.33, lon: 18.07 },
  { city: 'Helsinki', country: 'FI', lat: 60.17, lon: 24.94 },
  { city: 'Oslo', country: 'NO', lat: 59.91, lon: 10.75 },
  { city: 'Reykjavik', country: 'IS', lat: 64.15, lon: -21.94 },
  { city: 'Dublin', country: 'IE', lat: 53.35, lon: -6.26 },
  { city: 'Moscow', country: 'RU', lat: 55.76, lon: 37.62 },
  { city: 'Kyiv', country: 'UA', lat: 50.45, lon: 30.52 },
  // North America.
  { city: 'Ashburn', country: 'US', lat: 39.04, lon: -77.49 },
  { city: 'New York', country: 'US', lat: 40.71, lon: -74.01 },
  { city: 'Atlanta', country: 'US', lat: 33.75, lon: -84.39 },
  { city: 'Miami', country: 'US', lat: 25.76, lon: -80.19 },
  { city: 'Chicago', country: 'US', lat: 41.88, lon: -87.63 },
  { city: 'Dallas', country: 'US', lat: 32.78, lon: -96.8 },
  { city: 'Denver', country: 'US', lat: 39.74, lon: -104.99 },
  { city: 'Phoenix', country: 'US', lat: 33.45, lon: -112.07 },
  { city: 'Los Angeles', country: 'US', lat: 34.05, lon: -118.24 },
  { city: 'San Jose', country: 'US', lat: 37.34, lon: -121.89 },
  { city: 'Seattle', country: 'US', lat: 47.61, lon: -122.33 },
  { city: 'Toronto', country: 'CA', lat: 43.65, lon: -79.38 },
  { city: 'Montreal', country: 'CA', lat: 45.5, lon: -73.57 },
  { city: 'Vancouver', country: 'CA', lat: 49.28, lon: -123.12 },
  { city: 'Mexico City', country: 'MX', lat: 19.43, lon: -99.13 },
  // South America, Oceania, Africa.
  { city: 'Sao Paulo', country: 'BR', lat: -23.55, lon: -46.63 },
  { city: 'Buenos Aires', country: 'AR', lat: -34.6, lon: -58.38 },
  { city: 'Santiago', country: 'CL', lat: -33.45, lon: -70.67 },
  { city: 'Bogota', country: 'CO', lat: 4.71, lon: -74.07 },
  { city: 'Sydney', country: 'AU', lat: -33.87, lon: 151.21 },
  { city: 'Melbourne', country: 'AU', lat: -37.81, lon: 144.96 },
  { city: 'Auckland', country: 'NZ', lat: -36.85, lon: 174.76 },
  { city: 'Johannesburg', country: 'ZA', lat: -26.2, lon: 28.05 },
  { city: 'Lagos', country: 'NG', lat: 6.52, lon: 3.38 },
  { city: 'Nairobi', country: 'KE', lat: -1.29, lon: 36.82 },
  { city: 'Cairo', country: 'EG', lat: 30.04, lon: 31.24 },
];

/** Country → region. Countries not listed fall back to the continent boxes. */
const REGION_OF_COUNTRY: Record<string, Region> = {
  CN: 'Asia', HK: 'Asia', TW: 'Asia', JP: 'Asia', KR: 'Asia', SG: 'Asia', MY: 'Asia', ID: 'Asia', TH: 'Asia', VN: 'Asia',
  PH: 'Asia', IN: 'Asia', MN: 'Asia', KZ: 'Asia',
  AE: 'Middle East', SA: 'Middle East', IL: 'Middle East', TR: 'Middle East', IR: 'Middle East',
  DE: 'Europe', NL: 'Europe', GB: 'Europe', FR: 'Europe', ES: 'Europe', IT: 'Europe', CH: 'Europe', AT: 'Europe', PL: 'Europe',
  SE: 'Europe', FI: 'Europe', NO: 'Europe', IS: 'Europe', IE: 'Europe', RU: 'Europe', UA: 'Europe', PT: 'Europe',
  US: 'North America', CA: 'North America', MX: 'North America',
  BR: 'South America', AR: 'South America', CL: 'South America', CO: 'South America',
  AU: 'Oceania', NZ: 'Oceania',
  ZA: 'Africa', NG: 'Africa', KE: 'Africa', EG: 'Africa',
};

/** [country, minLat, maxLat, minLon, maxLon]; smaller boxes first, since the first match wins. */
const COUNTRY_BOXES: ReadonlyArray<readonly [string, number, number, number, number]> = [
  ['SG', 1.1, 1.5, 103.6, 104.1],
  ['HK', 22.15, 22.6, 113.8, 114.45],
  ['TW', 21.8, 25.4, 119.9, 122.1],
  ['KR', 33, 38.7, 124.5, 131],
  ['JP', 24, 45.6, 129, 146],
  ['VN', 8.4, 23.4, 102.1, 109.5],
  ['TH', 5.6, 20.5, 97.3, 105.7],
  ['MY', 0.8, 7.4, 99.6, 119.3],
  ['PH', 4.5, 21.2, 116.9, 126.7],
  ['ID', -11, 6, 95, 141],
  ['IN', 6.5, 35.5, 68, 97.4],
  ['CN', 18, 53.6, 73.5, 135],
  ['NL', 50.7, 53.6, 3.3, 7.3],
  ['GB', 49.9, 58.7, -8.2, 1.8],
  ['IE', 51.4, 55.4, -10.5, -6],
  ['DE', 47.3, 55.1, 5.9, 15.1],
  ['FR', 42.3, 51.1, -4.8, 8.2],
  ['ES', 36, 43.8, -9.3, 3.3],
  ['IT', 36.6, 47.1, 6.6, 18.5],
  ['PL', 49, 54.9, 14.1, 24.2],
  ['US', 24.5, 49.4, -125, -66.9],
  ['CA', 41.7, 70, -141, -52.6],
  ['MX', 14.5, 32.7, -118.4, -86.7],
  ['BR', -33.8, 5.3, -73.99, -34.8],
  ['AU', -43.7, -10.7, 113.3, 153.6],
  ['NZ', -47.3, -34.4, 166.4, 178.6],
  ['ZA', -34.9, -22.1, 16.4, 32.9],
  ['RU', 41.2, 77.7, 27.3, 180],
];

/** [region, minLat, maxLat, minLon, maxLon], tried in order. */
const REGION_BOXES: ReadonlyArray<readonly [Region, number, number, number, number]> = [
  ['Middle East', 12, 42, 34, 63],
  ['Europe', 35, 72, -25, 45],
  ['Africa', -35, 37.5, -18, 52],
  ['Asia', -11, 78, 45, 180],
  ['North America', 7, 84, -170, -50],
  ['South America', -56, 13, -82, -34],
  ['Oceania', -50, 0, 110, 180],
];

const inBox = (lat: number, lon: number, box: readonly [unknown, number, number, number, number]) =>
  lat >= box[1] && lat <= box[2] && lon >= box[3] && lon <= box[4];

/** The region a country belongs to, else the continent box the point lies in, else `Unknown`. */
function regionOf(country: string, lat: number, lon: number): Region {
  return REGION_OF_COUNTRY[country] ?? REGION_BOXES.find((b) => inBox(lat, lon, b))?.[0] ?? 'Unknown';
}

const cache = new Map<string, MachineLocation>();

/**
 * Names the place of a coordinate: the nearest known city within {@link CITY_RADIUS_KM}; else the
 * country by its rough bounding box (city null); else only the continent; else `Unknown`. (0, 0)
 * means "not declared" and is `Unknown`. Results are cached per coordinate, since miners in one
 * server room share it.
 *
 * @example reverseGeocode(31.3, 121.5) // { city: 'Shanghai', country: 'CN', region: 'Asia', … }
 */
export function reverseGeocode(lat: number, lon: number): MachineLocation {
  const key = `${lat},${lon}`;
  const hit = cache.get(key);
  if (hit) return { ...hit };
  let result: MachineLocation;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || (lat === 0 && lon === 0)) {
    result = { lat, lon, city: null, country: 'Unknown', region: 'Unknown' };
  } else {
    let best: KnownCity | null = null;
    let bestKm = CITY_RADIUS_KM;
    for (const c of KNOWN_CITIES) {
      // A degree of latitude is ~111 km: skip far cities without the trigonometry.
      if (Math.abs(c.lat - lat) > 3) continue;
      const km = distanceKm({ lat, lon }, c);
      if (km <= bestKm) {
        best = c;
        bestKm = km;
      }
    }
    const country = best?.country ?? COUNTRY_BOXES.find((b) => inBox(lat, lon, b))?.[0] ?? 'Unknown';
    result = { lat, lon, city: best?.city ?? null, country, region: regionOf(country, lat, lon) };
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, result);
  return { ...result };
}
