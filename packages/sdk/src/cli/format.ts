import { formatDbc } from '@dbc-cloud/chain/units';

/** First characters of a long id, as tables show it (`7a3b9c01…`); unique prefixes are accepted back. */
export function shortId(id: string, length = 8): string {
  return id.length > length ? `${id.slice(0, length)}…` : id;
}

/** Planck as DBC for people: 4 decimals, thousands grouped, with the symbol. */
export function dbcText(planck: bigint): string {
  return formatDbc(planck, { decimals: 4, grouping: true, symbol: true });
}

/** USD with cents, or more decimals below one dollar where cents hide the differences. */
export function usdText(usd: number): string {
  return `$${usd.toFixed(usd < 1 ? 4 : 2)}`;
}

/** A share 0..1 as a whole percent. */
export function percentText(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** 6-second blocks as days, hours and minutes (`2 d 3 h`, `1 h 30 min`). */
export function blocksText(blocks: number): string {
  const minutes = Math.round(blocks / 10);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = [d ? `${d} d` : '', h ? `${h} h` : '', m && !d ? `${m} min` : ''].filter(Boolean);
  return parts.length ? parts.join(' ') : '0 min';
}

/** A date as local `YYYY-MM-DD HH:MM`. */
export function dateText(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())} ${p(date.getHours())}:${p(date.getMinutes())}`;
}

/** JSON with bigints as decimal strings (planck exceeds 2^53), indented for people too. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';
}
