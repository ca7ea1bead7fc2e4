// Serves examples/plain-html/index.html the way a partner's site would: the page, the SDK and widget
// bundles under ./dist (built here with esbuild from the workspace packages' dist), and the
// partner proxy from @dbc-cloud/sdk/server at /dbc/. Starts a local devnet unless DBC_CHAIN_URL is set.
//   npm run build && node examples/plain-html/serve.mjs      # PORT, DBC_CHAIN_URL, DBC_CLIENT_NODE_URL, MACHINES
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { startDevnet } from '@dbc-cloud/devnet';
import { serveSite } from '../lib/serve-site.mjs';

const root = fileURLToPath(new URL('./', import.meta.url));

/** Builds ./dist: one ESM bundle per bare import of the page, sharing chunks; chain code stays lazy. */
export async function buildVendor() {
  await build({
    entryPoints: { sdk: '@dbc-cloud/sdk', 'widgets-define': '@dbc-cloud/widgets/define' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: join(root, 'dist'),
    minify: true,
    sourcemap: true,
    logLevel: 'error',
  });
}

/** Starts the site (and a devnet unless `chainUrl` is given); resolves to its URL and a stop(). */
export async function startPlainHtmlSite({ port = 0, machines = 200, chainUrl, clientNodeUrl, vendor = true } = {}) {
  if (vendor) await buildVendor();
  const net = chainUrl ? null : await startDevnet({ port: 0, clientNodePort: 0, machines, blockTime: 6000 });
  const chain = chainUrl ?? net.chainUrl;
  // The page and ./dist, never this script or the README; the proxy at /dbc/.
  const site = await serveSite({ root, port, chainUrl: chain, clientNodeUrl: clientNodeUrl ?? net?.clientNodeUrl, hide: /\.(mjs|md)$/ });
  return {
    url: site.url,
    chainUrl: chain,
    async stop() {
      await site.stop();
      await net?.stop();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const site = await startPlainHtmlSite({
    port: Number(process.env.PORT ?? 8081),
    machines: Number(process.env.MACHINES ?? 200),
    chainUrl: process.env.DBC_CHAIN_URL,
    clientNodeUrl: process.env.DBC_CLIENT_NODE_URL,
  });
  console.log(`plain-html example  ${site.url}?chain=${encodeURIComponent(site.chainUrl)}\nCtrl-C to stop`);
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => site.stop().then(() => process.exit(0)));
}
