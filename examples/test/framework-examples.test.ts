// examples/react/App.tsx and examples/vue/App.vue, run as a partner would ship them: each bundled with
// esbuild next to a tiny entry that mounts it (as its README shows), served with the partner proxy at
// /dbc/ over one local devnet, and driven in headless Chromium like a user: machines listed, a GPU
// model filter narrowing the list to its facet count, a picked machine quoted (again after the app
// mounts a second time), no errors logged, and no chain code loaded on the way.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Loader, type Plugin } from 'esbuild';
import { compileScript, parse } from '@vue/compiler-sfc';
import { chromium, type Browser } from 'playwright-core';
import { startDevnet, type Devnet } from '@dbc-cloud/devnet';
// @ts-expect-error: plain ESM script without type declarations.
import { serveSite } from '../lib/serve-site.mjs';

const examples = fileURLToPath(new URL('../', import.meta.url));

/** The `dbc-*` tags are custom elements, not Vue components (examples/vue/README.md). */
const isCustomElement = (tag: string) => tag.startsWith('dbc-');

/**
 * Compiles `.vue` files as @vitejs/plugin-vue does for App.vue: `<script setup>` with the template
 * inlined as its render function, the custom elements left to the browser. No `<style>` support
 * (App.vue has none).
 */
const vueSfc: Plugin = {
  name: 'vue-sfc',
  setup(b) {
    b.onLoad({ filter: /\.vue$/ }, async ({ path }) => {
      // isCustomElement at parse time: that is where a tag becomes an element or a component.
      const { descriptor, errors } = parse(await readFile(path, 'utf8'), { filename: path, templateParseOptions: { isCustomElement } });
      if (errors.length || descriptor.styles.length) throw errors[0] ?? new Error(`${path}: <style> is not supported here`);
      const script = compileScript(descriptor, { id: 'app', inlineTemplate: true });
      return { contents: script.content, loader: script.lang === 'ts' ? 'ts' : 'js', resolveDir: dirname(path) };
    });
  },
};

interface Example {
  /** Folder under examples/. */
  dir: string;
  /** The id of the element the entry mounts into. */
  mount: string;
  /** The entry module, as the example's README shows it, plus `remount()` for the test. */
  entry(chainUrl: string): string;
  loader: Loader;
}

const frameworks: Record<'React' | 'Vue', Example> = {
  React: {
    dir: 'react',
    mount: 'root',
    loader: 'tsx',
    entry: (chainUrl) => `
      import { createRoot } from 'react-dom/client';
      import { App } from './App';
      function mount() {
        const root = createRoot(document.getElementById('root')!);
        root.render(<App chainUrl=${JSON.stringify(chainUrl)} proxyBase="/dbc" />);
        return root;
      }
      let root = mount();
      Object.assign(window, { remount() { root.unmount(); root = mount(); } });`,
  },
  Vue: {
    dir: 'vue',
    mount: 'app',
    loader: 'ts',
    entry: (chainUrl) => `
      import { createApp } from 'vue';
      import App from './App.vue';
      function mount() {
        const app = createApp(App, { chainUrl: ${JSON.stringify(chainUrl)}, proxyBase: '/dbc' });
        app.mount('#app');
        return app;
      }
      let app = mount();
      Object.assign(window, { remount() { app.unmount(); app = mount(); } });`,
  },
};

/**
 * Bundles the example with its entry into `outdir` (app.js and shared chunks) next to an index.html.
 * Resolves to the names of the chunks that hold chain code (`@polkadot/*`).
 */
async function bundle(example: Example, chainUrl: string, outdir: string): Promise<string[]> {
  const { metafile } = await build({
    stdin: { contents: example.entry(chainUrl), loader: example.loader, resolveDir: join(examples, example.dir), sourcefile: 'entry' },
    entryNames: 'app',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir,
    jsx: 'automatic',
    // Not examples/react/tsconfig.json: its `paths` point tsc at the widgets' declarations and sources,
    // and esbuild would follow them into packages/widgets/src, whose `*.define` imports the package's
    // `sideEffects` (dist only) lets it drop, leaving the elements undefined. A partner's bundler
    // resolves the published package from node_modules, as this does.
    tsconfigRaw: {},
    // Development builds, so React's and Vue's own warnings about misuse reach the console.
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [vueSfc],
    metafile: true,
    logLevel: 'error',
  });
  await writeFile(
    join(outdir, 'index.html'),
    `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>YourBrand — GPUs by the hour</title>
    <link rel="icon" href="data:," />
  </head>
  <body>
    <div id="${example.mount}"></div>
    <script type="module" src="./app.js"></script>
  </body>
</html>
`,
  );
  return Object.entries(metafile.outputs)
    .filter(([, out]) => Object.keys(out.inputs).some((input) => input.includes('node_modules/@polkadot/')))
    .map(([file]) => basename(file));
}

let devnet: Devnet;
let browser: Browser;
let tmp: string;
const sites: Partial<Record<keyof typeof frameworks, { url: string; stop(): Promise<void>; chainChunks: string[] }>> = {};

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'dbc-framework-examples-'));
  [devnet, browser] = await Promise.all([
    startDevnet({ port: 0, clientNodePort: 0, machines: 30, blockTime: 'instant' }),
    chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    }),
  ]);
  await Promise.all(
    Object.entries(frameworks).map(async ([name, example]) => {
      const outdir = join(tmp, example.dir);
      const chainChunks = await bundle(example, devnet.chainUrl, outdir);
      const site = await serveSite({ root: outdir, chainUrl: devnet.chainUrl, clientNodeUrl: devnet.clientNodeUrl });
      sites[name as keyof typeof frameworks] = { ...site, chainChunks };
    }),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((s) => s.stop()));
  await devnet?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe.each(Object.keys(frameworks) as (keyof typeof frameworks)[])('examples/%s storefront', (name) => {
  it('lists machines, filters them by GPU model to its facet count, quotes the one a user picks (again after a remount), all without chain code', async () => {
    const { url, chainChunks } = sites[name]!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // What the page reported that a user would not see: uncaught errors and console errors (React's
    // development warnings about misuse are console errors too).
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || /\[Vue warn\]/.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`);
    });
    // The light read path: browsing and quoting load no chain chunk and open no chain socket.
    const chainTraffic: string[] = [];
    page.on('request', (r) => chainChunks.includes(basename(new URL(r.url()).pathname)) && chainTraffic.push(r.url()));
    page.on('websocket', (ws) => chainTraffic.push(ws.url()));
    try {
      await page.goto(url);
      await page.locator('dbc-machine-card').first().waitFor({ timeout: 30_000 });

      // The list's status line ("30 machines"), what a screen reader announces once the list is there.
      const status = page.locator('dbc-machine-list [role="status"]');
      const listed = async () => Number(/^(\d+) machines$/.exec((await status.textContent()) ?? '')?.[1]);
      await expect.poll(listed, { timeout: 30_000 }).toBeGreaterThan(0);
      const total = await listed();

      // Narrow by the first GPU model the filter panel offers: the list then holds its facet count.
      const option = page.locator('dbc-machine-filters fieldset label.check').first();
      const model = (await option.locator('span').first().textContent())!;
      const facet = Number(/\((\d+)\)/.exec((await option.locator('.count').textContent())!)![1]);
      expect(facet).toBeGreaterThan(0);
      expect(facet).toBeLessThanOrEqual(total);
      await option.locator('input').check();
      await expect.poll(listed).toBe(facet);
      // Every card on screen is that model ("2 × RTX 4090").
      const titles = page.locator('dbc-machine-card [part="title"]');
      await expect.poll(async () => (await titles.allTextContents()).filter((t) => !t.endsWith(` × ${model}`))).toEqual([]);
      expect(await titles.count()).toBeGreaterThan(0);

      await page.locator('dbc-machine-card [part="action"]').first().click();
      const price = page.locator('dbc-quote [part="total"]');
      await price.waitFor({ timeout: 30_000 });
      expect(await price.textContent()).toMatch(/\d/);
      // For the machine picked and the 8 hours the app asks for.
      const summary = page.locator('dbc-quote .summary');
      expect(await summary.textContent()).toBe(`1 × ${model} for 8 h`);

      // Back to the store in a single-page app: the app mounts again, now over elements that are all
      // defined (<dbc-quote> loads lazily, so the first mount created it before its definition).
      await page.evaluate(() => (window as unknown as { remount(): void }).remount());
      const card = page.locator('dbc-machine-card').first();
      await card.waitFor({ timeout: 30_000 });
      const picked = (await card.locator('[part="title"]').textContent())!.replace(/^\d+ × /, '');
      await card.locator('[part="action"]').click();
      // The quote's summary, or its error ("Could not get a price: …") if it failed.
      const quoted = page.locator('dbc-quote .summary, dbc-quote [role="alert"]');
      await expect.poll(() => quoted.first().textContent(), { timeout: 30_000 }).toBe(`1 × ${picked} for 8 h`);

      expect(problems).toEqual([]);
      expect(chainChunks.length).toBeGreaterThan(0); // the chain code is in the bundle, lazily
      expect(chainTraffic).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
