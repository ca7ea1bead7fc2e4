// Accessibility of the storefront as a user meets it, checked by axe-core (it walks open shadow
// roots) in Chromium against the devnet: the market with its results, a machine's detail and quote,
// the rent dialog from its form to the ready VM, My rentals with connection details, and the
// market in dark theme and in Chinese. Every violation fails,
// whatever its impact, with the rule, the element and axe's explanation in the message.
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { installTestExtension, type TestExtension } from '../src/testing/test-extension.js';
import {
  connectAs,
  deepQuery,
  mountMarket,
  openFirstMachine,
  openFreeMachine,
  summaryTotal,
  waitFor,
} from './market-helpers.js';

let wallet: TestExtension | undefined;
afterEach(() => {
  wallet?.uninstall();
  wallet = undefined;
  document.body.replaceChildren();
});

/** Runs axe on the page and describes every violation (rule, impact, offending elements). */
async function violations(): Promise<string[]> {
  const result = await axe.run(document, {
    resultTypes: ['violations'],
    // Page-level rules judge the host page (its <title>, lang, <main> and <h1>), which is the test
    // runner's here and the partner's in production; everything inside the storefront is checked.
    rules: Object.fromEntries(
      ['document-title', 'html-has-lang', 'region', 'landmark-one-main', 'page-has-heading-one'].map((id) => [
        id,
        { enabled: false },
      ]),
    ),
  });
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\n/g, ' ')}`).join('\n')}`,
  );
}

describe('storefront accessibility (axe-core)', () => {
  it('has no violations in the market, the machine detail and quote, the rent dialog and My rentals', async () => {
    // Ferdie, and a machine from the end of the list: the other e2e files rent as Alice, Charlie and
    // Dave from the top of the same list, maybe at the same time.
    wallet = await installTestExtension({ accounts: [{ seed: '//Ferdie', name: 'Ferdie' }] });
    const market = await mountMarket();
    await summaryTotal(market);
    await waitFor(() => deepQuery(market.shadowRoot!, 'dbc-machine-card'), 'machine cards');
    expect(await violations(), 'the market with results').toEqual([]);

    await openFreeMachine(market, { fromEnd: true });
    await waitFor(
      () => deepQuery(market.shadowRoot!, 'dbc-quote')?.shadowRoot?.querySelector('[part="total"]'),
      'the quote',
    );
    expect(await violations(), 'a machine with its quote').toEqual([]);

    await connectAs(market, 'Ferdie');
    await waitFor(
      () => !market.shadowRoot!.querySelector<HTMLButtonElement>('[part="rent"]')?.disabled,
      'Rent to be enabled',
    );
    await userEvent.click(market.shadowRoot!.querySelector<HTMLElement>('[part="rent"]')!);
    const dialog = deepQuery(market.shadowRoot!, 'dbc-rent-dialog')!;
    await waitFor(() => dialog.shadowRoot!.querySelector('[part="start"]'), 'the rent dialog');
    expect(await violations(), 'the rent dialog').toEqual([]);

    // Rent, and check the dialog's progress and its final state with the SSH command and copy button.
    await userEvent.click(dialog.shadowRoot!.querySelector<HTMLElement>('[part="start"]')!);
    await waitFor(
      () => dialog.shadowRoot!.querySelector('[part="step"][data-state="active"]'),
      'the progress steps',
    );
    expect(await violations(), 'the rent in progress').toEqual([]);
    await waitFor(() => dialog.shadowRoot!.querySelector('[part="ssh"]'), 'the VM to be ready', 45_000);
    expect(await violations(), 'the VM ready with its SSH command').toEqual([]);
    await userEvent.click(dialog.shadowRoot!.querySelector<HTMLElement>('[part="close"]')!);

    await userEvent.click(market.shadowRoot!.querySelector<HTMLElement>('#tab-rentals')!);
    const rentals = await waitFor(() => deepQuery(market.shadowRoot!, 'dbc-my-rentals'), 'My rentals');
    const row = await waitFor(
      () => rentals.shadowRoot!.querySelector<HTMLElement>('[part="rental"]'),
      'the rental in My rentals',
      30_000,
    );
    const connection = () => row.querySelector<HTMLButtonElement>('button[data-action="connection"]');
    await waitFor(() => connection() && !connection()!.disabled, 'the rental to show as running', 30_000);
    await userEvent.click(connection()!);
    await waitFor(() => row.querySelector('[part="connection"]'), 'the connection details', 30_000);
    expect(await violations(), 'My rentals with connection details').toEqual([]);
  });

  it('has no violations in dark theme and in Chinese', async () => {
    const market = await mountMarket({ theme: 'dark', locale: 'zh' });
    await waitFor(() => deepQuery(market.shadowRoot!, 'dbc-machine-card'), 'machine cards');
    await openFirstMachine(market);
    await waitFor(
      () => deepQuery(market.shadowRoot!, 'dbc-quote')?.shadowRoot?.querySelector('[part="total"]'),
      'the quote',
    );
    expect(await violations(), 'dark, zh').toEqual([]);
  });
});
