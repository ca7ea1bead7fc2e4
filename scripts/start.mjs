// `npm start`: the local devnet (200 machines, 6 s blocks), the partner proxy (light read path +
// client-node forwarding with CORS) and the demo partner site, on one command. Ctrl-C stops all.
// Point the page at another chain with DBC_CHAIN_URL (the proxy reads it too); PORT sets the site port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startDevnet } from '../packages/devnet/dist/index.js';
import { createDbcProxy } from '../packages/sdk/dist/server/index.js';

const root = fileURLToPath(new URL('../examples/partner-site/', import.meta.url));
const port = Number(process.env.PORT ?? 8080);
const external = process.env.DBC_CHAIN_URL;

const net = external ? null : await startDevnet({ port: 9944, clientNodePort: 5002, machines: 200, vmBootMs: 3000 });
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

const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
const proxy = createDbcProxy({ chain: { endpoints: chainUrl }, clientNodeUrl, allowedOrigins: origins, snapshot: { onNewBlocks: true } });
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };

const server = createServer(async (req, res) => {
  if (req.url?.startsWith('/dbc/')) return proxy.handler(req, res);
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root)) return res.writeHead(403).end();
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' }).end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));

console.log(`
  NebulaGPU demo storefront   http://127.0.0.1:${port}/
  chain                       ${chainUrl}${net ? '  (local devnet, 200 machines, 6 s blocks)' : ''}
  client nodes                ${clientNodeUrl ?? '(none)'}
  dev accounts                //Alice … //Ferdie, 1,000,000 DBC each
  Ctrl-C to stop
`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await proxy.close();
    await net?.stop();
    process.exit(0);
  });
}
