import { messages, type Locale, type MessageKey } from './messages.js';

export const LOCALES = Object.keys(messages) as Locale[];

/** Picks a supported locale from a tag like `zh-CN` (falls back to English). */
export function resolveLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split('-')[0] as Locale;
  return LOCALES.includes(base) ? base : 'en';
}

/** A message with `{name}` placeholders filled in. */
export function msg(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = messages[locale][key] ?? messages.en[key];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Money through Intl, so separators and symbols follow the locale. */
export function formatMoney(locale: Locale, amount: number, currency: 'USD' | 'DBC'): string {
  const tag = locale === 'zh' ? 'zh-CN' : 'en-US';
  if (currency === 'DBC')
    return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(amount)} DBC`;
  return new Intl.NumberFormat(tag, {
    style: 'currency',
    currency: 'USD',
    maximumFractionDigits: amount < 1 ? 3 : 2,
  }).format(amount);
}

export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(ratio);
}

/** One locale's messages of a component. */
export type Messages<K extends string> = Record<K, string>;

/**
 * Messages of one component: the same keys in every locale. English is always inline (the
 * fallback); another locale may be a loader, e.g. `() => import('./x.messages.zh.js').then((m) => m.default)`,
 * so pages in English do not download it. See {@link Localizer.load}.
 */
export type MessageTable<K extends string> = { en: Messages<K> } & {
  [L in Exclude<Locale, 'en'>]: Messages<K> | (() => Promise<Messages<K>>);
};

/** Localizes one component's strings; see {@link createLocalizer}. */
export interface Localizer<K extends string> {
  (locale: string | Locale, key: K, params?: Record<string, string | number>): string;
  /**
   * Starts loading a lazy locale's messages; resolves once they are there, or returns undefined when
   * nothing needs loading. A component awaits it before rendering in that locale (see
   * `scheduleUpdate` in `<dbc-gpu-market>`), so it never flashes English. If the load fails (offline),
   * the locale falls back to English rather than blocking the render.
   */
  load(locale: string | Locale | undefined): Promise<void> | undefined;
}

/**
 * A localizer over a component's own message table, so each component ships its strings beside
 * it (and a bundle carries only the strings of the components it uses).
 *
 * @example
 * const t = createLocalizer({ en: { hi: 'Hello {name}' }, zh: { hi: '你好 {name}' } });
 * t('zh', 'hi', { name: 'DBC' }) // '你好 DBC'
 */
export function createLocalizer<K extends string>(table: MessageTable<K>): Localizer<K> {
  const loaded: Partial<Record<Locale, Messages<K>>> = {};
  const pending: Partial<Record<Locale, Promise<void>>> = {};
  for (const l of LOCALES) if (typeof table[l] !== 'function') loaded[l] = table[l] as Messages<K>;
  const t = (locale: string | Locale, key: K, params: Record<string, string | number> = {}): string => {
    const template = loaded[resolveLocale(locale)]?.[key] ?? table.en[key];
    return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  };
  t.load = (locale: string | Locale | undefined): Promise<void> | undefined => {
    const l = resolveLocale(locale);
    if (loaded[l]) return undefined;
    return (pending[l] ??= (table[l] as () => Promise<Messages<K>>)().then(
      (m) => void (loaded[l] = m),
      () => void (loaded[l] = table.en),
    ));
  };
  return t;
}
