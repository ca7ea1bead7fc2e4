// The two pages a newcomer opens, driven in headless Chromium (Debian's, as the widget tests use)
// like a user would: the `npm start` demo storefront, from the first paint to a rented GPU with its
// SSH command, and the one-file plain-HTML embed.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
// @ts-expect-error: plain ESM scripts without type declarations.
import { startSite } from '../../scripts/lib/start-site.mjs';
// @ts-expect-error: plain ESM scripts without type declarations.
import { startPlainHtmlSite } from '../plain-html/serve.mjs';

let browser: Browser;
let page: Page | undefined;
/** What the page reported that a user would not see: uncaught errors, CSP refusals, console errors. */
let problems: string[] = [];

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});
afterAll(async () => browser?.close());
afterEach(async () => {
  await page?.close();
  page = undefined;
});

async function open(url: string): Promise<Page> {
  problems = [];
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The storefront logs its dbc-error events as warnings (main.ts); errors and CSP refusals are bugs.
    if (m.type() === 'error' || /Content.Security.Policy|Refused to/i.test(m.text()))
      problems.push(`console ${m.type()}: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

describe('npm start: the demo partner storefront', () => {
  it('serves the page, and a user connects the demo wallet, rents a GPU and gets a running VM with its SSH command; Ctrl-C stops everything', async () => {
    // Free ports, so the test runs next to a developer's own `npm start`.
    const site = await startSite({ env: { PORT: '0', DBC_DEVNET_PORT: '0', DBC_CLIENT_NODE_PORT: '0' } });
    try {
      expect(site.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(site.output()).toMatch(/demo wallet\s+"Connect wallet" offers \/\/Alice/);
      const p = await open(site.url);
      await expect.poll(() => p.title()).toContain('NebulaGPU');
      // Playwright's CSS locators pierce the storefront's shadow roots.
      await p
        .locator('[part="summary"]')
        .filter({ hasText: /\d+ machines · block/ })
        .waitFor({ timeout: 30_000 });
      await p.locator('dbc-machine-card [part="action"]').first().click();
      await p.locator('dbc-quote [part="total"]').waitFor({ timeout: 30_000 });

      await p.locator('dbc-wallet-button [part="button"]').click();
      await p
        .locator('dbc-wallet-button [part="account"]')
        .filter({ hasText: 'Demo renter (Alice)' })
        .click();
      const rent = p.locator('dbc-gpu-market [part="rent"]');
      await expect.poll(() => rent.isEnabled(), { timeout: 30_000 }).toBe(true);
      await rent.click();
      await p.locator('dbc-rent-dialog [part="start"]').click();

      // 6 s blocks: in block, confirmed, VM created and booted (3 s) take about half a minute.
      const ssh = p.locator('dbc-rent-dialog [part="ssh"]');
      const error = p.locator('dbc-rent-dialog .error[data-kind]');
      await expect
        .poll(
          async () =>
            (await error.count())
              ? `error: ${await error.textContent()}`
              : (await ssh.count())
                ? 'ready'
                : 'waiting',
          {
            timeout: 100_000,
            intervals: [500],
          },
        )
        .toBe('ready');
      expect(await ssh.textContent()).toMatch(/^ssh -p \d+ \S+@\S+$/);
      expect(problems).toEqual([]);
    } finally {
      // SIGTERM, as Ctrl-C sends SIGINT: the devnet, proxy and site close and the process exits 0.
      expect(await site.stop()).toBe(0);
    }
  }, 180_000);
});

describe('examples/plain-html: the one-file embed', () => {
  let site: { url: string; chainUrl: string; stop(): Promise<void> };
  beforeAll(async () => {
    site = await startPlainHtmlSite({ machines: 30 });
  }, 120_000);
  afterAll(async () => site?.stop());

  it('lists machines with facet counts, filters them, and quotes the one a user picks', async () => {
    const p = await open(`${site.url}?chain=${encodeURIComponent(site.chainUrl)}`);
    const summary = p.locator('#summary');
    await expect
      .poll(() => summary.textContent(), { timeout: 30_000 })
      .toMatch(/^\d+ machines · block #\d+$/);
    const total = Number(/^(\d+)/.exec((await summary.textContent())!)![1]);
    expect(total).toBeGreaterThan(0);
    await p.locator('dbc-machine-card').first().waitFor();

    // Narrow by the first GPU model the filter panel offers (its facet count is what the list then shows).
    // The GPU models come first in the panel, each a checkbox label with its "(count)".
    const option = p.locator('dbc-machine-filters fieldset label.check').first();
    const facet = Number(/\((\d+)\)/.exec((await option.locator('.count').textContent())!)![1]);
    await option.locator('input').check();
    await expect
      .poll(async () => Number(/^(\d+)/.exec((await summary.textContent()) ?? '')?.[1]))
      .toBe(facet);
    expect(facet).toBeLessThanOrEqual(total);

    await p.locator('dbc-machine-card [part="action"]').first().click();
    const price = p.locator('dbc-quote [part="total"]');
    await price.waitFor({ timeout: 30_000 });
    expect(await price.textContent()).toMatch(/\d/);
    expect(problems).toEqual([]);
  });
});
