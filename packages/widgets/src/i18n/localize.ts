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
  if (currency === 'DBC') return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(amount)} DBC`;
  return new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD', maximumFractionDigits: amount < 1 ? 3 : 2 }).format(amount);
}

export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** Messages of one component: the same keys in every locale. */
export type MessageTable<K extends string> = Record<Locale, Record<K, string>>;

/**
 * A localizer over a component's own message table, so each component ships its strings beside
 * it (and a bundle carries only the strings of the components it uses).
 *
 * @example
 * const t = createLocalizer({ en: { hi: 'Hello {name}' }, zh: { hi: '你好 {name}' } });
 * t('zh', 'hi', { name: 'DBC' }) // '你好 DBC'
 */
export function createLocalizer<K extends string>(table: MessageTable<K>) {
  return (locale: string | Locale, key: K, params: Record<string, string | number> = {}): string => {
    const l = resolveLocale(locale);
    const template = table[l][key] ?? table.en[key];
    return template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
  };
}
