// `npm run screenshots`: starts what `npm start` starts (devnet, partner proxy, demo site) on a spare
// port, opens the demo storefront in headless Chromium and writes one PNG per theme × locale to
// screenshots/out/, with the cheapest machine opened so the detail and quote panel is in the shot.
// Needs built packages (`npm run build`); CHROMIUM_PATH overrides /usr/bin/chromium.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startSite } from './lib/start-site.mjs';

const outDir = fileURLToPath(new URL('../screenshots/out/', import.meta.url));

// The zh screenshots need a CJK font (without one Chromium draws empty boxes); Debian's
// fonts-wqy-microhei is installed when we run as root, as ensure-chromium does for the browser.
const cjkFont = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
if (!existsSync(cjkFont) && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-wqy-microhei'], { stdio: 'inherit', env });
}
if (!existsSync(cjkFont)) console.warn('[screenshots] no CJK font found: the zh screenshots will show boxes (apt-get install fonts-wqy-microhei).');

const THEMES = [
  { name: 'light', params: {} },
  { name: 'dark', params: { theme: 'dark' } },
  { name: 'partner', params: { brand: 'partner' } },
  { name: 'partner-dark', params: { brand: 'partner', theme: 'dark' } },
];
const LOCALES = ['en', 'zh'];

// Free ports throughout, so the shots work while `npm start` is running.
const site = await startSite({ env: { PORT: process.env.SCREENSHOTS_PORT ?? '0', DBC_DEVNET_PORT: '0', DBC_CLIENT_NODE_PORT: '0' } });
const base = site.url;
let browser;
try {
  await mkdir(outDir, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
  for (const theme of THEMES) {
    for (const locale of LOCALES) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
      page.on('pageerror', (e) => console.error(`[${theme.name}/${locale}] page error:`, e.message));
      const query = new URLSearchParams({ ...theme.params, locale }).toString();
      await page.goto(`${base}?${query}`);
      // Playwright's CSS locators pierce shadow roots, so these reach inside the storefront's parts.
      await page.locator('dbc-machine-card [part="action"]').first().click({ timeout: 30_000 });
      await page.locator('dbc-quote [part="total"]').waitFor({ timeout: 30_000 });
      // Let the fonts settle and the virtualizer finish laying out before the shot.
      await page.waitForTimeout(300);
      const file = `${outDir}${theme.name}-${locale}.png`;
      await page.screenshot({ path: file });
      console.log(`wrote ${file}`);
      await page.close();
    }
  }
} finally {
  await browser?.close();
  await site.stop();
}
