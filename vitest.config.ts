import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';

// Debian's chromium (installed by scripts/ensure-chromium.mjs before `npm test`); flags as our
// machines need them: no sandbox as root, no background networking on a closed network.
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
};

export default defineConfig({
  test: {
    // Two messages the browser tests print every run that say nothing about the code under test:
    // Chromium's "ResizeObserver loop completed with undelivered notifications" (a benign, specified
    // notice when the virtualized list resizes while laying out) and Lit's dev-mode banner.
    onConsoleLog: (log) => !/ResizeObserver loop completed with undelivered notifications|Lit is in dev mode/.test(log),
    projects: [
      {
        test: {
          name: 'devnet',
          root: 'packages/devnet',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'chain',
          root: 'packages/chain',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'sdk',
          root: 'packages/sdk',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'examples',
          root: 'examples',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Pre-bundled up front, so the first run does not reload mid-suite to optimize them.
        optimizeDeps: { include: ['lit/directives/live.js', '@lit-labs/virtualizer/virtualize.js', 'axe-core'] },
        test: {
          name: 'widgets',
          root: 'packages/widgets',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          // Starts the devnet and the partner proxy the storefront's end-to-end tests use (test/*.e2e.test.ts).
          globalSetup: ['test/devnet.globalSetup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromium }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
