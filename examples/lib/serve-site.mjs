// What a partner's web server does for the storefront examples: serve the page's static files and
// mount the partner proxy from @dbc-cloud/sdk/server at /dbc/ (browsers cannot call DBC client nodes
// directly). Used by `npm start` (scripts/start.mjs), examples/plain-html/serve.mjs and
// examples/test/framework-examples.test.ts.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { createDbcProxy } from '@dbc-cloud/sdk/server';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/**
 * Serves the files under `root` (`/` is `index.html`; paths matching `hide` answer 403) and the
 * partner proxy at `/dbc/` for `chainUrl` and `clientNodeUrl`, on 127.0.0.1:`port` (0 = any free
 * port). Resolves to `{ url, stop() }`; `url` ends with `/`, and the proxy allows that origin and its
 * `localhost` twin. `files` adds generated responses by exact path (e.g. a config JSON).
 *
 * @param {{ root: string, chainUrl: string, clientNodeUrl?: string, port?: number, hide?: RegExp, files?: Record<string, { type: string, body: string }> }} options
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 */
export async function serveSite({ root, chainUrl, clientNodeUrl, port = 0, hide, files = {} }) {
  const dir = resolve(root) + sep;
  let proxy;
  const server = createServer(async (req, res) => {
    if (req.url?.startsWith('/dbc/')) return proxy ? proxy.handler(req, res) : res.writeHead(503).end();
    const generated = Object.hasOwn(files, req.url ?? '') ? files[req.url] : undefined;
    if (generated)
      return res
        .writeHead(200, { 'content-type': generated.type, 'cache-control': 'no-cache' })
        .end(generated.body);
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dir) || hide?.test(file)) return res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res
        .writeHead(200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
        })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/`;
  proxy = createDbcProxy({
    chain: { endpoints: chainUrl },
    clientNodeUrl,
    allowedOrigins: [url.slice(0, -1), url.slice(0, -1).replace('127.0.0.1', 'localhost')],
    snapshot: { onNewBlocks: true },
  });
  return {
    url,
    async stop() {
      // Stop accepting, then drop open (keep-alive) connections so close() does not wait on them.
      const closed = new Promise((done) => server.close(done));
      server.closeAllConnections?.();
      await closed;
      await proxy.close();
    },
  };
}
