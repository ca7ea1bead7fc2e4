// Serves examples/plain-html/index.html the way a partner's site would: the page, the SDK and widget
// bundles under ./dist (built here with esbuild from the workspace packages' dist), and the
// partner proxy from @dbc-cloud/sdk/server at /dbc/. Starts a local devnet unless DBC_CHAIN_URL is set.
//   npm run build && node examples/plain-html/serve.mjs      # PORT, DBC_CHAIN_URL, DBC_CLIENT_NODE_URL, MACHINES
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { startDevnet } from '@dbc-cloud/devnet';
import { createDbcProxy } from '@dbc-cloud/sdk/server';

const root = fileURLToPath(new URL('./', import.meta.url));
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.map': 'application/json' };

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
  let proxy;
  const server = createServer(async (req, res) => {
    if (req.url?.startsWith('/dbc/')) return proxy.handler(req, res);
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path === '/' ? 'index.html' : path);
    if (!file.startsWith(root) || file.endsWith('.mjs') || file.endsWith('.md')) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  proxy = createDbcProxy({
    chain: { endpoints: chain },
    clientNodeUrl: clientNodeUrl ?? net?.clientNodeUrl,
    allowedOrigins: [url.slice(0, -1), url.slice(0, -1).replace('127.0.0.1', 'localhost')],
    snapshot: { onNewBlocks: true },
  });
  return {
    url,
    chainUrl: chain,
    async stop() {
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections?.();
      await proxy.close();
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
