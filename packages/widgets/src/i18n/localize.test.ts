import { describe, expect, it } from 'vitest';
import { createLocalizer } from './localize.js';
import '../components/dbc-machine-filters/dbc-machine-filters.define.js';

describe('createLocalizer', () => {
  it('fills placeholders, resolves tags like zh-CN, and falls back to English for unknown locales', () => {
    const t = createLocalizer({ en: { hi: 'Hello {name}' }, zh: { hi: '你好 {name}' } });
    expect(t('zh-CN', 'hi', { name: 'DBC' })).toBe('你好 DBC');
    expect(t('fr', 'hi', { name: 'DBC' })).toBe('Hello DBC');
    expect(t('en', 'hi')).toBe('Hello {name}');
    expect(t.load('zh')).toBeUndefined();
  });

  it('loads a lazy locale once, on first use, and shares the pending load', async () => {
    let loads = 0;
    const t = createLocalizer({
      en: { hi: 'Hello' },
      zh: async () => {
        loads++;
        return { hi: '你好' };
      },
    });
    expect(t('zh', 'hi')).toBe('Hello');
    const a = t.load('zh');
    const b = t.load('zh-CN');
    expect(a).toBe(b);
    await a;
    expect(t('zh', 'hi')).toBe('你好');
    expect(t.load('zh')).toBeUndefined();
    expect(t.load('en')).toBeUndefined();
    expect(loads).toBe(1);
  });

  it('falls back to English when a lazy locale cannot be loaded (offline), instead of blocking', async () => {
    const t = createLocalizer({ en: { hi: 'Hello' }, zh: () => Promise.reject(new Error('offline')) });
    await t.load('zh');
    expect(t('zh', 'hi')).toBe('Hello');
    expect(t.load('zh')).toBeUndefined();
  });

  it('renders a component in Chinese from its first paint: it waits for the lazy messages', async () => {
    const el = document.createElement('dbc-machine-filters');
    el.setAttribute('locale', 'zh');
    const texts: string[] = [];
    // Record every text the component ever shows, from the first render on.
    const seen = new MutationObserver(() => texts.push(el.shadowRoot?.textContent ?? ''));
    document.body.append(el);
    seen.observe(el.shadowRoot ?? el, { subtree: true, childList: true, characterData: true });
    await el.updateComplete;
    texts.push(el.shadowRoot!.textContent!);
    seen.disconnect();
    expect(el.shadowRoot!.textContent).toContain('搜索');
    expect(texts.every((t) => !t.includes('Filter machines') && !t.includes('Search'))).toBe(true);
    el.remove();
  });
});
