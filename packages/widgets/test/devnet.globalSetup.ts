/// <reference types="node" />
// Node side of the widgets' end-to-end tests: one devnet (instant blocks, 60 machines, fast VM
// boots) and the partner proxy on a local HTTP server that the browser tests reach by CORS, as a
// partner's storefront reaches its own proxy. The browser gets the URLs through `inject()`.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';
// Built packages, as `npm start` uses them: the devnet is Node-only and never part of the widgets.
import { startDevnet } from '../../devnet/dist/index.js';
import { createDbcProxy } from '../../sdk/dist/server/index.js';

/** The port vitest's browser server uses when the config does not set one. */
const VITEST_BROWSER_PORT = 63315;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const net = await startDevnet({
    blockTime: 'instant',
    machines: 60,
    vmBootMs: 300,
    port: 0,
    clientNodePort: 0,
  });
  // The page under test is served by vitest's browser server; its origin is what the proxy must allow.
  const browserPort = project.config.browser?.api?.port ?? VITEST_BROWSER_PORT;
  const origins = [`http://localhost:${browserPort}`, `http://127.0.0.1:${browserPort}`];
  const proxy = createDbcProxy({
    chain: { endpoints: net.chainUrl },
    clientNodeUrl: net.clientNodeUrl,
    allowedOrigins: origins,
    snapshot: { onNewBlocks: true },
  });
  const server: Server = createServer((req, res) => {
    void proxy.handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dbc`;

  project.provide('devnet', {
    chainUrl: net.chainUrl,
    snapshotUrl: `${proxyUrl}/machines/snapshot`,
    clientNodeUrl: `${proxyUrl}/node`,
    allowedOrigins: origins,
  });

  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await proxy.close();
    await net.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    devnet: { chainUrl: string; snapshotUrl: string; clientNodeUrl: string; allowedOrigins: string[] };
  }
}
