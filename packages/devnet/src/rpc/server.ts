import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Blockchain } from '../chain/blockchain.js';
import { allMethodNames, methods, RpcError, unsubscribeMethods, type AdminHooks, type RpcContext, type Subscriber } from './methods.js';

interface JsonRpcRequest {
  jsonrpc?: string;
  id?: number | string | null;
  method?: unknown;
  params?: unknown;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/**
 * Substrate-compatible JSON-RPC over WebSocket (with subscriptions) and HTTP POST, on one port.
 */
export async function startRpcServer(opts: {
  chain: Blockchain;
  chainName: string;
  host?: string;
  port?: number;
  admin?: AdminHooks;
}): Promise<{ url: string; httpUrl: string; port: number; close(): Promise<void> }> {
  const admin = opts.admin ?? {};
  const handle = async (req: JsonRpcRequest, sub: Subscriber | null): Promise<unknown> => {
    const id = req.id ?? null;
    try {
      if (typeof req.method !== 'string') throw new RpcError(-32600, 'Invalid request');
      const params = Array.isArray(req.params) ? req.params : req.params === undefined ? [] : [req.params];
      const ctx: RpcContext = { chain: opts.chain, chainName: opts.chainName, sub, admin };
      let result: unknown;
      // devnet_* admin methods are callable but not advertised: polkadot.js warns about every
      // advertised method it cannot decorate.
      if (req.method === 'rpc_methods')
        result = { version: 1, methods: allMethodNames(admin).filter((m) => !m.startsWith('devnet_')) };
      else if (req.method in unsubscribeMethods) result = sub ? sub.unsubscribe(String(params[0])) : false;
      else if (admin.extra?.[req.method]) result = await admin.extra[req.method]!(params, ctx);
      else if (methods[req.method]) result = await methods[req.method]!(params, ctx);
      else throw new RpcError(-32601, 'Method not found');
      return { jsonrpc: '2.0', id, result: result === undefined ? null : result };
    } catch (e) {
      if (e instanceof RpcError)
        return { jsonrpc: '2.0', id, error: { code: e.code, message: e.message, ...(e.data !== undefined ? { data: e.data } : {}) } };
      if (process.env.DBC_DEVNET_DEBUG) console.error(e);
      return { jsonrpc: '2.0', id, error: { code: -32603, message: `Internal error: ${(e as Error).message}` } };
    }
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { 'content-type': 'text/plain' }).end('Used HTTP Method is not allowed. POST or OPTIONS is required');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        res.writeHead(200, { 'content-type': 'application/json' }).end(json({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
        return;
      }
      const out = Array.isArray(body)
        ? await Promise.all(body.map((r) => handle(r as JsonRpcRequest, null)))
        : await handle(body as JsonRpcRequest, null);
      res.writeHead(200, { 'content-type': 'application/json' }).end(json(out));
    });
  });

  const wss = new WebSocketServer({ server });
  // Tests of reconnection: drop every WebSocket client while the server stays up.
  admin.extra = {
    ...admin.extra,
    devnet_dropConnections: () => {
      const n = wss.clients.size;
      setTimeout(() => {
        for (const c of wss.clients) c.terminate();
      }, 10);
      return n;
    },
  };
  let nextSub = 1;
  wss.on('connection', (ws: WebSocket) => {
    const active = new Map<string, () => void>();
    const sub: Subscriber = {
      subscribe(method, start) {
        const id = `dbc${nextSub++}`;
        // The id is returned first; notifications start on the next tick.
        setImmediate(() => {
          if (ws.readyState !== ws.OPEN) return;
          const stop = start((result) => {
            if (ws.readyState === ws.OPEN) ws.send(json({ jsonrpc: '2.0', method, params: { subscription: id, result } }));
          });
          active.set(id, stop);
        });
        return id;
      },
      unsubscribe(id) {
        const stop = active.get(id);
        if (!stop) return false;
        stop();
        active.delete(id);
        return true;
      },
    };
    ws.on('message', async (data) => {
      let body: unknown;
      try {
        body = JSON.parse(data.toString());
      } catch {
        ws.send(json({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }));
        return;
      }
      const out = Array.isArray(body)
        ? await Promise.all(body.map((r) => handle(r as JsonRpcRequest, sub)))
        : await handle(body as JsonRpcRequest, sub);
      if (ws.readyState === ws.OPEN) ws.send(json(out));
    });
    ws.on('close', () => {
      for (const stop of active.values()) stop();
      active.clear();
    });
  });

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const host = opts.host ?? '127.0.0.1';
  return {
    url: `ws://${host}:${port}`,
    httpUrl: `http://${host}:${port}`,
    port,
    close: async () => {
      // A normal close (1000) first: clients log an "Abnormal Closure" (1006) when the socket is
      // just cut, which reads like a failure at the end of every test run.
      for (const c of wss.clients) c.close(1000, 'devnet stopped');
      const deadline = Date.now() + 500;
      while ([...wss.clients].some((c) => c.readyState !== c.CLOSED) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((resolve) => {
        wss.close(() => server.close(() => resolve()));
        server.closeAllConnections?.();
      });
    },
  };
}
