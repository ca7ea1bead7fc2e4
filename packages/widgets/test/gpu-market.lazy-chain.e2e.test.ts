// Browsing the storefront must not load chain code (@polkadot/*, hundreds of kB): it loads when the
// user connects a wallet. This file imports nothing from @polkadot up front (the test wallet is
// imported only after the check), so every @polkadot module the page fetched came from the storefront.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { deepQuery, mountMarket, summaryTotal, waitFor } from './market-helpers.js';

/**
 * Script URLs fetched so far that are @polkadot code: vitest serves modules unbundled, so either a
 * source path (`/node_modules/@polkadot/…`) or a pre-bundled dependency (`deps/@polkadot_api.js`).
 */
const polkadotFetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => /[/\\]@polkadot[/\\_]|node_modules[/\\]@polkadot/.test(decodeURIComponent(name)));

afterEach(() => {
  document.body.replaceChildren();
});

describe('<dbc-gpu-market> loading chain code', () => {
  it('browses, filters and quotes without fetching any @polkadot module, and loads them when the wallet connects', async () => {
    const market = await mountMarket();
    const all = await summaryTotal(market);
    const filters = deepQuery(market.shadowRoot!, 'dbc-machine-filters')!;
    await userEvent.fill(filters.shadowRoot!.querySelector<HTMLInputElement>('#text')!, 'RTX');
    await summaryTotal(market, all).catch(() => all);
    expect(polkadotFetched(), 'browsing fetched @polkadot code').toEqual([]);

    // Quoting prices from the snapshot with the runtime's formula: still no chain code.
    const card = await waitFor(() => deepQuery(market.shadowRoot!, 'dbc-machine-card'), 'a machine card');
    await userEvent.click(card.shadowRoot!.querySelector<HTMLElement>('[part="action"]')!);
    await waitFor(
      () => deepQuery(market.shadowRoot!, 'dbc-quote')?.shadowRoot?.querySelector('[part="total"]'),
      'the quote total',
    );
    expect(polkadotFetched(), 'quoting fetched @polkadot code').toEqual([]);

    const { installTestExtension } = await import('../src/testing/test-extension.js');
    const wallet = await installTestExtension();
    try {
      const button = deepQuery(market.shadowRoot!, 'dbc-wallet-button')!;
      await userEvent.click(button.shadowRoot!.querySelector<HTMLElement>('[part="button"]')!);
      await waitFor(() => button.shadowRoot!.querySelector('[part="account"]'), 'the account picker');
      expect(polkadotFetched().length, 'connecting loads the chain code').toBeGreaterThan(0);
    } finally {
      wallet.uninstall();
    }
  });
});
