import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpSnapshotSource } from '../src/machines/httpSnapshotSource.js';
import type { MachineSnapshot } from '../src/machines/snapshot.js';
import { snapshotEtag, toSnapshotJson } from '../src/machines/snapshotJson.js';
import { facts, snapshotOf, syntheticFacts } from './machines.fixtures.js';

let server: Server;
let url: string;
let body = '';
const log: Array<{ ifNoneMatch?: string; status: number }> = [];

beforeAll(async () => {
  body = toSnapshotJson(snapshotOf(syntheticFacts(50)));
  server = createServer((req, res) => {
    if (req.url !== '/machines.json') {
      res.writeHead(req.url === '/broken.json' ? 200 : 503, { 'content-type': 'application/json' }).end('{"v":99}');
      return;
    }
    const etag = snapshotEtag(body);
    const ifNoneMatch = req.headers['if-none-match'];
    const status = ifNoneMatch === etag ? 304 : 200;
    log.push({ ifNoneMatch, status });
    res.writeHead(status, { etag, 'content-type': 'application/json' }).end(status === 200 ? body : undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as { port: number };
  url = `http://127.0.0.1:${addr.port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('HTTP snapshot source (light read path)', () => {
  it('loads the proxy JSON, then revalidates with If-None-Match and reuses the snapshot on 304', async () => {
    log.length = 0;
    const source = httpSnapshotSource(`${url}/machines.json`);
    const first = await source.get();
    expect(first.machines).toHaveLength(50);
    const again = await source.refresh();
    expect(again).toBe(first);
    expect(log).toEqual([
      { ifNoneMatch: undefined, status: 200 },
      { ifNoneMatch: snapshotEtag(body), status: 304 },
    ]);
  });

  it('downloads again and notifies listeners when the proxy serves a new snapshot', async () => {
    const source = httpSnapshotSource(`${url}/machines.json`, undefined, { refreshSeconds: 3600 });
    const first = await source.get();
    const seen: MachineSnapshot[] = [];
    const unsubscribe = source.subscribe((s) => seen.push(s));
    await source.refresh();
    expect(seen).toEqual([]);
    const before = body;
    body = toSnapshotJson(snapshotOf([...syntheticFacts(50), facts()]));
    const next = await source.refresh();
    body = before;
    expect(next).not.toBe(first);
    expect(next.machines).toHaveLength(51);
    expect(seen).toEqual([next]);
    unsubscribe();
  });

  it('works through an axios instance and applies the partner pricing to the chain prices', async () => {
    const source = httpSnapshotSource(`${url}/machines.json`, axios.create(), { policy: { markupPercent: 100 } });
    const snap = await source.get();
    const m = snap.machines[0]!;
    expect(m.price.usdPerGpuHour).toBeCloseTo(2 * m.price.chainUsdPerGpuHour, 10);
    expect(await source.refresh()).toBe(snap);
  });

  it('fails with a typed error on an HTTP error, a malformed body and an aborted signal', async () => {
    await expect(httpSnapshotSource(`${url}/missing.json`).get()).rejects.toMatchObject({ code: 'SNAPSHOT_FETCH_FAILED' });
    await expect(httpSnapshotSource(`${url}/broken.json`).get()).rejects.toMatchObject({ code: 'SNAPSHOT_INVALID' });
    await expect(httpSnapshotSource(`${url}/machines.json`).get({ signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('imports no chain code: nothing from @polkadot/* or @dbc-cloud/chain except its errors entry', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
    const seen = new Set<string>();
    const external = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Type-only imports are erased at build time.
      for (const [, what, from] of Array.from(text.matchAll(/^import\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm), (m) => [m[0], m[1], m[2]!] as const)) {
        if (what) continue;
        if (from.startsWith('.')) walk(resolve(dirname(file), from.replace(/\.js$/, '.ts')));
        else external.add(from);
      }
      expect(text).not.toMatch(/import\(\s*'@polkadot/);
    };
    walk(resolve(src, 'machines/httpSnapshotSource.ts'));
    expect(seen.size).toBeGreaterThan(5);
    expect([...external].sort()).toEqual(['@dbc-cloud/chain/errors']);
  });
});
