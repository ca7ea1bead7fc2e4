// Helpers the storefront's end-to-end tests share: mounting <dbc-gpu-market> against the devnet
// that globalSetup started, and finding elements through the nested shadow roots as a user sees them.
import { inject } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Machine } from '@dbc-cloud/sdk';
import type { DbcGpuMarket } from '../src/components/dbc-gpu-market/dbc-gpu-market.js';
import '../src/components/dbc-gpu-market/dbc-gpu-market.define.js';

/** The first element matching `selector` in `root` or any shadow root below it. */
export function deepQuery<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  return deepQueryAll<T>(root, selector)[0] ?? null;
}

/** Every element matching `selector` in `root` and all shadow roots below it, in document order. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const out: T[] = [...root.querySelectorAll<T>(selector)];
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) out.push(...deepQueryAll<T>(el.shadowRoot, selector));
  return out;
}

/** Polls until `fn` returns something truthy (a user waiting for the screen to change). */
export async function waitFor<T>(
  fn: () => T | null | undefined | false,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() - start > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Mounts the storefront on the devnet through the test proxy, configured by attributes only. */
export async function mountMarket(attrs: Record<string, string> = {}): Promise<DbcGpuMarket> {
  const devnet = inject('devnet');
  if (!devnet.allowedOrigins.includes(location.origin))
    throw new Error(
      `The test proxy allows ${devnet.allowedOrigins.join(', ')} but the page runs at ${location.origin}`,
    );
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
  const found = await waitFor(
    () => {
      const text = deepQuery(market.shadowRoot!, '[part="summary"]')?.textContent ?? '';
      const match = /(\d+) machines · block/.exec(text);
      // Wrapped, so that a total of 0 still counts as an answer.
      return match && Number(match[1]) !== notEqualTo ? { n: Number(match[1]) } : null;
    },
    `a result summary${notEqualTo === undefined ? '' : ` other than ${notEqualTo}`}`,
  );
  return found.n;
}

/** Connects the injected test wallet as `name`, as a user picking it in the wallet button. */
export async function connectAs(market: Element, name: string): Promise<void> {
  const button = deepQuery(market.shadowRoot!, 'dbc-wallet-button')!;
  await userEvent.click(button.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!);
  const account = await waitFor(
    () =>
      [...button.shadowRoot!.querySelectorAll<HTMLElement>('[part="account"]')].find((a) =>
        a.textContent?.includes(name),
      ),
    `${name} in the account picker`,
  );
  await userEvent.click(account);
}

/** Opens the first machine of the list, as a user pressing its "View details" button. */
export async function openFirstMachine(market: Element): Promise<void> {
  const button = await waitFor(
    () =>
      deepQuery(market.shadowRoot!, 'dbc-machine-card [part="action"]') ??
      deepQueryAll(market.shadowRoot!, '[part="action"]')[0],
    'a machine card',
  );
  await userEvent.click(button);
  await waitFor(
    () => deepQuery(market.shadowRoot!, '#detail-title')?.textContent?.includes('×'),
    'the detail panel',
  );
}

type MachineCard = HTMLElement & { machine?: Partial<Machine> & Pick<Machine, 'id' | 'gpu' | 'status'> };

/**
 * Opens a machine nobody has rented yet, as a user pressing its "View details" button, and returns
 * its id. The devnet is shared by every widget test of the run, so machines that earlier tests
 * rented are skipped: only a card showing all its GPUs free qualifies, and never one in `avoid`.
 * Bare-metal and time-slot machines are skipped too (no VM, or not rentable at every hour).
 * `skipFirst` leaves the list's first card alone: other test files rent "the first machine",
 * possibly at the same time.
 */
export async function openFreeMachine(
  market: Element,
  {
    avoid = new Set<string>(),
    skipFirst = false,
    fromEnd = false,
  }: { avoid?: ReadonlySet<string>; skipFirst?: boolean; fromEnd?: boolean } = {},
): Promise<string> {
  const card = await waitFor(() => {
    const cards = deepQueryAll<MachineCard>(market.shadowRoot!, 'dbc-machine-card').slice(skipFirst ? 1 : 0);
    // fromEnd: the last card on screen, so a test running at the same time from the top never meets it.
    return (fromEnd ? cards.reverse() : cards).find((c) => {
      const m = c.machine;
      return (
        m &&
        m.status === 'available' &&
        m.gpu.freeCount === m.gpu.count &&
        m.bareMetal !== true &&
        m.rentalMode !== 'time-slot' &&
        !avoid.has(m.id)
      );
    });
  }, 'a machine card with all its GPUs free');
  const id = card.machine!.id;
  const title = card.shadowRoot!.querySelector('[part="title"]')!.textContent!;
  await userEvent.click(card.shadowRoot!.querySelector<HTMLElement>('[part="action"]')!);
  await waitFor(
    () => deepQuery(market.shadowRoot!, '#detail-title')?.textContent === title,
    `the detail panel of ${title}`,
  );
  return id;
}
