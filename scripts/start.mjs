// `npm start`: the local devnet (200 machines, 6 s blocks), the partner proxy (light read path +
// client-node forwarding with CORS) and the demo partner site, on one command. Ctrl-C stops all.
// Environment: PORT (site, default 8080; 0 picks a free port), DBC_DEVNET_PORT / DBC_CLIENT_NODE_PORT
// (default 9944 / 5002; 0 picks free ones), DBC_CHAIN_URL + DBC_CLIENT_NODE_URL to use another network
// instead of the devnet (the page then offers no demo wallet).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startDevnet } from '../packages/devnet/dist/index.js';
import { serveSite } from '../examples/lib/serve-site.mjs';

const root = fileURLToPath(new URL('../examples/partner-site/', import.meta.url));
const portOf = (value, fallback) => (value === undefined || value === '' ? fallback : Number(value));
const external = process.env.DBC_CHAIN_URL;

const net = external
  ? null
  : await startDevnet({
      port: portOf(process.env.DBC_DEVNET_PORT, 9944),
      clientNodePort: portOf(process.env.DBC_CLIENT_NODE_PORT, 5002),
      machines: 200,
      vmBootMs: 3000,
    });
const chainUrl = external ?? net.chainUrl;
const clientNodeUrl = process.env.DBC_CLIENT_NODE_URL ?? net?.clientNodeUrl;

await build({
  entryPoints: [join(root, 'main.ts')],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  outdir: join(root, 'dist'),
  minify: true,
  sourcemap: true,
  // rollup's preserveModules leaves bare imports of side-effect-free modules; esbuild drops them.
  logLevel: 'error',
});

// What the page needs to know about this run: where the chain is, and whether the dev accounts
// exist there (only on the local devnet) so the page may offer its demo wallet.
const demoConfig = JSON.stringify({ chainEndpoint: chainUrl, demoWallet: net !== null });
const site = await serveSite({
  root,
  chainUrl,
  clientNodeUrl,
  port: portOf(process.env.PORT, 8080),
  files: { '/demo-config.json': { type: 'application/json', body: demoConfig } },
});

console.log(`
  NebulaGPU demo storefront   ${site.url}
  chain                       ${chainUrl}${net ? '  (local devnet, 200 machines, 6 s blocks)' : ''}
  client nodes                ${clientNodeUrl ?? '(none)'}
  ${net ? 'demo wallet                 "Connect wallet" offers //Alice and //Bob (dev accounts, 1,000,000 DBC each)' : 'wallet                      a Polkadot browser extension (polkadot{.js}, Talisman, SubWallet)'}
  Ctrl-C to stop
`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    await site.stop();
    await net?.stop();
    process.exit(0);
  });
}
