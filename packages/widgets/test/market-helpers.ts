// Helpers the storefront's end-to-end tests share: mounting <dbc-gpu-market> against the devnet
// that globalSetup started, and finding elements through the nested shadow roots as a user sees them.
import { inject } from 'vitest';
import type { DbcGpuMarket } from '../src/components/dbc-gpu-market/dbc-gpu-market.js';
import '../src/components/dbc-gpu-market/dbc-gpu-market.define.js';

/** The first element matching `selector` in `root` or any shadow root below it. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** Every element matching `selector` in `root` and all shadow roots below it, in document order. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) out.push(...deepQueryAll<T>(el.shadowRoot, selector));
  return out;
}

/** Polls until `fn` returns something truthy (a user waiting for the screen to change). */
export async function waitFor<T>(fn: () => T | null | undefined | false, what: string, timeoutMs = 20_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Mounts the storefront on the devnet through the test proxy, configured by attributes only. */
export async function mountMarket(attrs: Record<string, string> = {}): Promise<DbcGpuMarket> {
  const devnet = inject('devnet');
  if (!devnet.allowedOrigins.includes(location.origin))
    throw new Error(`The test proxy allows ${devnet.allowedOrigins.join(', ')} but the page runs at ${location.origin}`);
  const el = document.createElement('dbc-gpu-market');
  const all: Record<string, string> = {
    network: 'devnet',
    'chain-endpoint': devnet.chainUrl,
    'snapshot-url': devnet.snapshotUrl,
    'client-node-endpoint': devnet.clientNodeUrl,
    markup: '12',
    'term-discounts': 'daily:3,monthly:8,quarterly:12,yearly:20',
    'app-name': 'E2E GPU',
    ...attrs,
  };
  for (const [k, v] of Object.entries(all)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** The machine total the summary line announces, once a search has finished. */
export async function summaryTotal(market: Element, notEqualTo?: number): Promise<number> {
  const found = await waitFor(() => {
    const text = deepQuery(market.shadowRoot!, '[part="summary"]')?.textContent ?? '';
    const match = /(\d+) machines · block/.exec(text);
    // Wrapped, so that a total of 0 still counts as an answer.
    return match && Number(match[1]) !== notEqualTo ? { n: Number(match[1]) } : null;
  }, `a result summary${notEqualTo === undefined ? '' : ` other than ${notEqualTo}`}`);
  return found.n;
}
