// <dbc-gpu-market> end to end for a user who uses only the keyboard, against the devnet and the
// partner proxy that globalSetup started: Tab order through the storefront, the wallet's account
// picker by arrow keys, the rent dialog as an accessible modal (focus moves in, is trapped, Escape
// closes it only when no money is moving, focus returns to Rent), renting to the SSH command, and
// the My rentals tab by arrow keys. No clicks: every step is a key press, and focus is read through
// the nested shadow roots as assistive technology follows it.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Machine } from '@dbc-cloud/sdk';
import type { DbcGpuMarket } from '../src/components/dbc-gpu-market/dbc-gpu-market.js';
import { installTestExtension, type TestExtension } from '../src/testing/test-extension.js';
import { deepQuery, mountMarket, summaryTotal, waitFor } from './market-helpers.js';

let wallet: TestExtension | undefined;

afterEach(() => {
  wallet?.uninstall();
  wallet = undefined;
  document.body.replaceChildren();
});

type MachineCard = HTMLElement & { machine?: Partial<Machine> & Pick<Machine, 'id' | 'gpu' | 'status'> };
type RentDialog = HTMLElement & { open: boolean };

/** The focused element, following `activeElement` down through every open shadow root. */
function deepActiveElement(): HTMLElement | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el instanceof HTMLElement ? el : null;
}

/** The focused element, which must exist (a keyboard user always has focus somewhere). */
function focused(): HTMLElement {
  const el = deepActiveElement();
  if (!el) throw new Error('nothing is focused');
  return el;
}

/** The component whose shadow root holds `el` (`null` for the page itself). */
function hostOf(el: Element): Element | null {
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** What a focus stop is, for failure messages: `dbc-machine-card > button[part=action] "View details"`. */
function describeStop(el: Element | null): string {
  if (!el) return 'nothing';
  const attrs = ['part', 'id', 'role', 'data-action']
    .filter((a) => el.hasAttribute(a))
    .map((a) => `[${a}=${el.getAttribute(a)}]`)
    .join('');
  const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 30);
  return `${hostOf(el)?.localName ?? 'page'} > ${el.localName}${attrs} "${text}"`;
}

const TAB = '{Tab}';
const SHIFT_TAB = '{Shift>}{Tab}{/Shift}';

/** Presses Tab (or Shift+Tab) until the focused element satisfies `done`; fails after `max` presses. */
async function tabUntil(
  done: (el: HTMLElement) => boolean,
  what: string,
  { back = false, max = 200 }: { back?: boolean; max?: number } = {},
): Promise<HTMLElement> {
  for (let i = 0; i < max; i++) {
    await userEvent.keyboard(back ? SHIFT_TAB : TAB);
    const el = deepActiveElement();
    if (el && done(el)) return el;
  }
  throw new Error(
    `${back ? 'Shift+Tab' : 'Tab'} never reached ${what} (at ${describeStop(deepActiveElement())})`,
  );
}

const isCardAction = (el: Element) =>
  el.getAttribute('part') === 'action' && hostOf(el)?.localName === 'dbc-machine-card';
const cardOf = (action: Element) => hostOf(action) as MachineCard;
const cardTitle = (card: MachineCard) => card.shadowRoot!.querySelector('[part="title"]')!.textContent!;

/** What `openFreeMachine` accepts: all GPUs free, a VM machine, rentable at any hour. */
function rentable(card: MachineCard): boolean {
  const m = card.machine;
  return Boolean(
    m &&
    m.status === 'available' &&
    m.gpu.freeCount === m.gpu.count &&
    m.bareMetal !== true &&
    m.rentalMode !== 'time-slot',
  );
}

const walletButton = (market: Element) => deepQuery(market.shadowRoot!, 'dbc-wallet-button')!;
const rentButton = (market: Element) => market.shadowRoot!.querySelector<HTMLButtonElement>('[part="rent"]')!;

/** Tab from the top of the page to the wallet button, Enter, Enter: connects the wallet's first account. */
async function connectByKeyboard(market: Element, name: string): Promise<void> {
  const button = walletButton(market);
  await tabUntil((el) => hostOf(el) === button && el.getAttribute('part') === 'button', 'the wallet button');
  await userEvent.keyboard('{Enter}');
  await waitFor(() => focused().getAttribute('role') === 'listbox', 'the account list to take focus');
  await userEvent.keyboard('{Enter}');
  await waitFor(
    () => focused().getAttribute('part') === 'button' && focused().textContent?.includes(name),
    `focus back on the wallet button, connected as ${name}`,
  );
}

describe('<dbc-gpu-market> by keyboard alone, on the devnet', () => {
  it('Tab reaches the wallet, the selected tab, the filters and every card in order; Enter on View details moves focus to the machine', async () => {
    const market = await mountMarket();
    const total = await summaryTotal(market);
    await waitFor(() => deepQuery(market.shadowRoot!, 'dbc-machine-card'), 'machine cards');
    const list = deepQuery<HTMLElement & { machines: Array<{ id: string }> }>(
      market.shadowRoot!,
      'dbc-machine-list',
    )!;
    const filters = deepQuery(market.shadowRoot!, 'dbc-machine-filters')!;

    // Every focus stop from the top of the page until focus moves past the last card.
    const stops: HTMLElement[] = [];
    for (let i = 0; i < 300; i++) {
      await userEvent.keyboard(TAB);
      const el = focused();
      if (stops.some(isCardAction) && !isCardAction(el)) break;
      stops.push(el);
    }
    const trail = stops.map(describeStop).join('\n');

    expect(hostOf(stops[0]!), trail).toBe(walletButton(market));
    expect(stops[0]!.getAttribute('part')).toBe('button');
    // One stop for the tab list (roving tabindex): the selected tab; arrows move within it.
    expect(stops[1]!.id, trail).toBe('tab-market');
    expect(stops[1]!.getAttribute('aria-selected')).toBe('true');
    expect(
      stops.filter((s) => s.id === 'tab-rentals'),
      trail,
    ).toEqual([]);

    // Then the filters, as one run, from the search field to Reset.
    const filterStops = stops.filter((s) => hostOf(s) === filters);
    const firstFilter = stops.indexOf(filterStops[0]!);
    expect(firstFilter, trail).toBe(2);
    expect(stops.slice(2, 2 + filterStops.length), trail).toEqual(filterStops);
    expect(filterStops[0]!.id).toBe('text');
    expect(filterStops.at(-1)!.getAttribute('part')).toBe('reset');
    expect(filterStops.map((s) => s.id)).toEqual(
      expect.arrayContaining(['min-free-gpus', 'min-memory', 'max-price', 'region', 'sort']),
    );
    expect(filterStops.filter((s) => s.getAttribute('role') === 'switch')).toHaveLength(2);

    // Then every card's View details, in list order: the virtualized list renders each card as focus
    // reaches it, so all of them are reachable, not only those on screen when the page loaded.
    const actions = stops.slice(2 + filterStops.length);
    expect(actions.every(isCardAction), trail).toBe(true);
    expect(actions.map((a) => cardOf(a).machine!.id)).toEqual(list.machines.map((m) => m.id));
    expect(actions).toHaveLength(total);

    // Back to the last card, and Enter: the detail panel opens and focus lands on its title, so the
    // next Tab continues in the panel instead of at the top of the list.
    await userEvent.keyboard(SHIFT_TAB);
    expect(focused()).toBe(actions.at(-1));
    const title = cardTitle(cardOf(actions.at(-1)!));
    await userEvent.keyboard('{Enter}');
    const detailTitle = await waitFor(
      () => (focused().id === 'detail-title' ? focused() : null),
      'focus on the detail panel title',
    );
    expect(hostOf(detailTitle)).toBe(market);
    expect(detailTitle.textContent).toBe(title);
    await userEvent.keyboard(TAB);
    expect(focused().getAttribute('name')).toBe('gpus');
    expect(focused().closest('[part="detail"]')).not.toBeNull();
  });

  it('connects the wallet by keyboard: Enter opens the account list, arrows move between accounts, Escape closes it, Enter picks', async () => {
    // A second account only so that the arrow keys have somewhere to go; it holds nothing and never signs.
    wallet = await installTestExtension({
      accounts: [
        { seed: '//Eve', name: 'Eve' },
        { seed: '//DbcKeyboardSpare', name: 'Spare' },
      ],
    });
    const market = await mountMarket();
    await summaryTotal(market);
    const button = walletButton(market);
    const connected: string[] = [];
    market.addEventListener('dbc-wallet-connected', (e) =>
      connected.push((e as CustomEvent<{ address: string }>).detail.address),
    );

    await userEvent.keyboard(TAB);
    expect(focused().textContent?.trim()).toBe('Connect wallet');
    await userEvent.keyboard('{Enter}');
    const listbox = await waitFor(
      () => (focused().getAttribute('role') === 'listbox' ? focused() : null),
      'the account list to take focus',
    );
    expect(hostOf(listbox)).toBe(button);
    // The active option, as the (current) listbox announces it through aria-activedescendant.
    const active = () => {
      const list = button.shadowRoot!.querySelector('[role="listbox"]')!;
      return button
        .shadowRoot!.getElementById(list.getAttribute('aria-activedescendant')!)!
        .querySelector('.name')!.textContent;
    };
    const selected = () =>
      [...button.shadowRoot!.querySelectorAll('[role="option"][aria-selected="true"]')].map(
        (o) => o.querySelector('.name')!.textContent,
      );
    expect(active()).toBe('Eve');
    await userEvent.keyboard('{ArrowDown}');
    expect(active()).toBe('Spare');
    expect(selected()).toEqual(['Spare']);
    await userEvent.keyboard('{ArrowDown}');
    expect(active(), 'the last account stays active').toBe('Spare');
    await userEvent.keyboard('{ArrowUp}');
    expect(active()).toBe('Eve');
    expect(selected()).toEqual(['Eve']);

    // Escape closes the list without connecting, and focus goes back to the button.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => focused().getAttribute('part') === 'button', 'focus back on the wallet button');
    expect(focused().textContent?.trim()).toBe('Connect wallet');
    expect(button.shadowRoot!.querySelector('[role="listbox"]')).toBeNull();
    expect(connected).toEqual([]);

    await userEvent.keyboard('{Enter}');
    await waitFor(() => focused().getAttribute('role') === 'listbox', 'the account list again');
    await userEvent.keyboard('{End}');
    expect(active()).toBe('Spare');
    await userEvent.keyboard('{Home}');
    expect(active()).toBe('Eve');
    await userEvent.keyboard('{Enter}');
    const connectedButton = await waitFor(
      () => (focused().getAttribute('part') === 'button' && hostOf(focused()) === button ? focused() : null),
      'focus back on the wallet button',
    );
    expect(connected).toEqual([wallet.addresses[0]]);
    expect(connectedButton.getAttribute('aria-label')).toMatch(
      /^Eve \S+: connected; press to switch accounts$/,
    );
    // The next stop is Disconnect, then the tabs.
    await userEvent.keyboard(TAB);
    expect(focused().getAttribute('part')).toBe('disconnect');
    await userEvent.keyboard(TAB);
    expect(focused().id).toBe('tab-market');
  });

  it('with no wallet installed, Enter on Connect wallet announces it and puts focus on Try again', async () => {
    const market = await mountMarket();
    await summaryTotal(market);
    await userEvent.keyboard(TAB);
    expect(focused().textContent?.trim()).toBe('Connect wallet');
    await userEvent.keyboard('{Enter}');
    const alert = await waitFor(
      () => walletButton(market).shadowRoot!.querySelector('[role="alert"]'),
      'the no-wallet message',
    );
    expect(alert.textContent).toContain('No Polkadot wallet extension was found');
    await waitFor(() => focused().textContent?.trim() === 'Try again', 'focus on Try again');
    expect(alert.contains(focused())).toBe(true);
    // The install links come before it, Shift+Tab away.
    await userEvent.keyboard(SHIFT_TAB);
    expect(focused().localName).toBe('a');
    expect(alert.contains(focused())).toBe(true);
  });

  it('rents by keyboard: Rent opens a focus-trapping dialog, Escape closes it back to Rent, Rent and pay runs with Escape held off while paying, to the SSH command; then My rentals by arrow keys and Tab', async () => {
    // Eve: a funded dev account no other widget test signs with.
    wallet = await installTestExtension({ accounts: [{ seed: '//Eve', name: 'Eve' }] });
    // The wallet holds the rent's signature until released, as a user reading the wallet's popup
    // does: a window in which money is moving and the user presses keys on the page.
    let release!: () => void;
    const approved = new Promise<void>((resolve) => (release = resolve));
    let asked = 0;
    const injected = (
      window as unknown as {
        injectedWeb3: Record<
          string,
          { enable(app: string): Promise<{ signer: { signPayload(p: unknown): Promise<unknown> } }> }
        >;
      }
    ).injectedWeb3[wallet.name]!;
    const enable = injected.enable.bind(injected);
    injected.enable = async (app) => {
      const extension = await enable(app);
      const signPayload = extension.signer.signPayload.bind(extension.signer);
      extension.signer.signPayload = async (payload) => {
        asked += 1;
        await approved;
        return signPayload(payload);
      };
      return extension;
    };

    const market: DbcGpuMarket = await mountMarket();
    await summaryTotal(market);
    await waitFor(() => deepQuery(market.shadowRoot!, 'dbc-machine-card'), 'machine cards');
    await connectByKeyboard(market, 'Eve');

    // A machine from the end of the list (other files rent from the top, maybe at the same time):
    // Tab past the last card, then Shift+Tab back to the last one that is wholly free.
    await tabUntil((el) => isCardAction(el), 'the first card');
    for (let i = 0; i < 300 && isCardAction(focused()); i++) await userEvent.keyboard(TAB);
    const action = await tabUntil((el) => !isCardAction(el) || rentable(cardOf(el)), 'a free machine', {
      back: true,
    });
    expect(isCardAction(action), describeStop(action)).toBe(true);
    const card = cardOf(action);
    const machineId = card.machine!.id;
    await userEvent.keyboard('{Enter}');
    await waitFor(() => focused().id === 'detail-title', 'focus on the detail panel title');
    expect(focused().textContent).toBe(cardTitle(card));

    // Through the order fields to Rent, enabled once the quote is in.
    await waitFor(() => !rentButton(market).disabled, 'Rent to be enabled');
    const rent = await tabUntil((el) => el.getAttribute('part') === 'rent', 'the Rent button', { max: 10 });
    expect(rent).toBe(rentButton(market));

    const events: string[] = [];
    const errors: unknown[] = [];
    for (const type of ['dbc-rent-started', 'dbc-rent-confirmed', 'dbc-vm-ready', 'dbc-error'])
      market.addEventListener(type, (e) => {
        events.push(type);
        if (type === 'dbc-error') errors.push((e as CustomEvent).detail);
      });

    // Enter on Rent: a modal dialog, with focus inside it.
    await userEvent.keyboard('{Enter}');
    const dialog = deepQuery<RentDialog>(market.shadowRoot!, 'dbc-rent-dialog')!;
    const $ = (sel: string) => dialog.shadowRoot!.querySelector<HTMLElement>(sel);
    const native = () => dialog.shadowRoot!.querySelector('dialog')!;
    await waitFor(() => native().open && hostOf(focused()) === dialog, 'the dialog, with focus in it');
    expect(native().matches(':modal')).toBe(true);
    expect(focused()).toBe($('[part="close"]'));

    // Focus trap: Tab and Shift+Tab cycle through ×, Cancel and Rent and pay, never leaving.
    const forward: string[] = [];
    for (let i = 0; i < 4; i++) {
      await userEvent.keyboard(TAB);
      expect(hostOf(focused()), describeStop(focused())).toBe(dialog);
      forward.push(focused().textContent!.trim());
    }
    expect(forward).toEqual(['Cancel', 'Rent and pay', '×', 'Cancel']);
    const backward: string[] = [];
    for (let i = 0; i < 4; i++) {
      await userEvent.keyboard(SHIFT_TAB);
      expect(hostOf(focused()), describeStop(focused())).toBe(dialog);
      backward.push(focused().textContent!.trim());
    }
    expect(backward).toEqual(['×', 'Rent and pay', 'Cancel', '×']);

    // Escape with no money moving: closed, and focus is back on Rent. Nothing was signed.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => !native().open && !dialog.open, 'the dialog to close');
    await waitFor(() => focused() === rentButton(market), 'focus back on Rent');
    expect(asked).toBe(0);
    expect(events).toEqual([]);

    // Reopen, Shift+Tab to Rent and pay (the last control), Enter.
    await userEvent.keyboard('{Enter}');
    await waitFor(() => native().open && focused() === $('[part="close"]'), 'the dialog again');
    await userEvent.keyboard(SHIFT_TAB);
    expect(focused()).toBe($('[part="start"]'));
    await userEvent.keyboard('{Enter}');
    await waitFor(() => asked === 1, 'the wallet to be asked for the rent signature');
    await waitFor(
      () => $('[role="status"]')?.textContent?.includes('Payment in progress'),
      'the payment notice',
    );

    // Money is moving: the pressed button is gone, focus stays in the dialog (on the progress steps),
    // Close is disabled, Escape (pressed repeatedly) does not close it and Tab does not leave it.
    expect($('[part="start"]')).toBeNull();
    expect(focused()).toBe($('[part="steps"]'));
    expect(($('[part="close"]') as HTMLButtonElement).disabled).toBe(true);
    for (let i = 1; i <= 3; i++) {
      await userEvent.keyboard('{Escape}');
      await new Promise((r) => setTimeout(r, 100));
      expect(native().open, `open after Escape ${i}`).toBe(true);
      expect(dialog.open).toBe(true);
    }
    await userEvent.keyboard(TAB);
    expect(focused()).toBe($('[part="steps"]'));
    await userEvent.keyboard(SHIFT_TAB);
    expect(focused()).toBe($('[part="steps"]'));

    release();
    const ssh = await waitFor(
      () => {
        if (errors.length) throw new Error(`the storefront reported ${JSON.stringify(errors)}`);
        return $('[part="ssh"]');
      },
      'the VM to be ready with its SSH command',
      60_000,
    );
    expect(ssh.textContent).toMatch(/^ssh -p \d+ \S+@\S+$/);
    expect(native().open).toBe(true);
    // Focus goes to Copy, which Enter presses (the clipboard, or a selection to copy by hand).
    const copy = $('[part="copy"]')!;
    await waitFor(() => focused() === copy, 'focus on the Copy button');
    await userEvent.keyboard('{Enter}');
    await waitFor(() => /Copied|Ctrl\+C/.test(dialog.shadowRoot!.textContent!), 'the copy to be confirmed');
    expect(events).toEqual(['dbc-rent-started', 'dbc-rent-confirmed', 'dbc-vm-ready']);
    expect(wallet.signedPayloads.length).toBeGreaterThanOrEqual(1);

    // Done, nothing moving: Escape closes it and focus is back on Rent.
    await userEvent.keyboard('{Escape}');
    await waitFor(() => !native().open && !dialog.open, 'the dialog to close');
    await waitFor(() => focused() === rentButton(market), 'focus back on Rent');

    // Back up to the tab list, and across to My rentals with the arrow key.
    const marketTab = await tabUntil((el) => el.getAttribute('role') === 'tab', 'the tab list', {
      back: true,
      max: 400,
    });
    expect(marketTab.id).toBe('tab-market');
    await userEvent.keyboard('{ArrowRight}');
    await waitFor(() => focused().id === 'tab-rentals', 'focus on the My rentals tab');
    expect(focused().getAttribute('aria-selected')).toBe('true');
    expect(market.shadowRoot!.querySelector('#tab-market')!.getAttribute('aria-selected')).toBe('false');
    const rentals = await waitFor(() => deepQuery(market.shadowRoot!, 'dbc-my-rentals'), 'My rentals');
    const row = await waitFor(
      () => rentals.shadowRoot!.querySelector<HTMLElement>('[part="rental"]'),
      'the rental in My rentals',
      30_000,
    );
    expect(row.querySelector('dd[title]')!.getAttribute('title')).toBe(machineId);
    await waitFor(
      () => !row.querySelector<HTMLButtonElement>('button[data-action="connection"]')!.disabled,
      'the rental to show as running',
      30_000,
    );

    // The row's actions are the next Tab stops, in order.
    const rowStops: string[] = [];
    for (let i = 0; i < 5; i++) {
      await userEvent.keyboard(TAB);
      expect(focused().closest('[part="rental"]'), describeStop(focused())).toBe(row);
      rowStops.push(focused().dataset.action!);
    }
    expect(rowStops).toEqual(['connection', 'extend', 'stop', 'restart', 'end']);

    // Shift+Tab back to Connection info, Enter: the same SSH command as the dialog showed.
    for (let i = 0; i < 4; i++) await userEvent.keyboard(SHIFT_TAB);
    expect(focused().dataset.action).toBe('connection');
    await userEvent.keyboard('{Enter}');
    const shown = await waitFor(
      () => row.querySelector('[part="connection"] .ssh'),
      'the connection details',
      30_000,
    );
    expect(shown.textContent).toBe(ssh.textContent);
    // Focus stayed on the button while the node was asked (the row's buttons are busy meanwhile).
    expect(focused().dataset.action).toBe('connection');

    // ArrowLeft goes back to the market tab.
    await tabUntil((el) => el.getAttribute('role') === 'tab', 'the tab list', { back: true, max: 20 });
    expect(focused().id).toBe('tab-rentals');
    await userEvent.keyboard('{ArrowLeft}');
    await waitFor(() => focused().id === 'tab-market', 'focus on the market tab');
    expect(focused().getAttribute('aria-selected')).toBe('true');
    expect(errors).toEqual([]);
  }, 120_000);
});
