// The light read path's promise, checked on a real bundle: an app that only browses (createDbcClient
// + machines.search through the proxy's snapshot URL) ships no @polkadot/* code and no node:
// builtins up front; chain code arrives only through the dynamic import made when signing.
// Builds scripts/size-entries/sdk-browse.js against the built dist (`npm test` builds first).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Shared with scripts/size-report.mjs and .size-limit.json so the test and the budgets agree.
import {
  buildEntry,
  chunkTable,
  ENTRIES,
  importChain,
  type BundleAnalysis,
} from '../../../scripts/bundle-graph.mjs';

const entry = ENTRIES['sdk-browse'];
const SDK = 'packages/sdk/dist/';
/** What createDbcClient loads on first use: rentals, VMs, wallet, pledging, super nodes, the client-node transport. */
const isLazyArea = (i: string) => /^packages\/sdk\/dist\/(rentals|vms|wallet|miner|superNodes|node|idempotency)\//.test(i);
/**
 * The files of those folders a browsing app may load up front: the eager facades (each resource's
 * index with its `createXResource`, and `createNodeClient`), whose methods import the rest on first
 * use, and small synchronous helpers the package index re-exports. esbuild assigns a file to chunks
 * by static reachability, so a file the index reaches and a lazy chunk uses lands in a shared chunk
 * the entry loads; everything else of those folders must be reachable only through import().
 */
const EAGER_IN_LAZY_AREAS = new Set(
  [
    'rentals/index.js',
    'vms/index.js',
    'wallet/index.js',
    'miner/index.js',
    'superNodes/index.js',
    'node/client.js',
    'rentals/rentalId.js',
    'vms/taskId.js',
    'vms/suggestResources.js',
    'superNodes/limits.js',
    'node/auth.js',
    'node/errors.js',
    'node/tasks.js',
    'idempotency/records.js',
  ].map((f) => SDK + f),
);
/** The modules the facades import(), each of which must be the root of a lazy chunk. */
const LAZY_IMPLEMENTATIONS = [
  'rentals/rentalsResource.js',
  'vms/vmsResource.js',
  'wallet/walletResource.js',
  'miner/minerResource.js',
  'superNodes/superNodesResource.js',
  'node/transport.js',
].map((f) => SDK + f);
const isAxios = (i: string) => i.includes('/axios/') || i.startsWith('axios');
const isPolkadot = (i: string) => i.includes('/@polkadot/') || i.startsWith('@polkadot/');
const isNodeBuiltin = (i: string) => i.startsWith('node:');
let out: string;
let a: BundleAnalysis;

/** "a imports 'b'" lines of the first static import chain reaching a module matching `target`. */
function why(target: (input: string) => boolean): string {
  const chain = importChain(a.metafile, entry, target);
  return chain
    ? chain.map((s) => `  ${s.file} imports '${s.import}'`).join('\n')
    : '  (no static import chain found)';
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'dbc-sdk-bundle-'));
  a = await buildEntry(entry, out);
  console.log(`\n${chunkTable(a.chunks, `${entry} (esbuild, esm, browser, splitting; gzip via zlib)`)}`);
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('browsing bundle (createDbcClient + machines.search via snapshotUrl)', () => {
  it('loads no @polkadot/* module before a dynamic import', () => {
    // One line per chunk and package keeps the failure readable; the import chain says what to fix.
    const polkadot = a.initial.flatMap((c) =>
      c.packages.filter((p) => p.startsWith('@polkadot/')).map((p) => `${c.name}: ${p}`),
    );
    expect(polkadot, `@polkadot code in the initial chunks, first through:\n${why(isPolkadot)}\n`).toEqual(
      [],
    );
  });

  it('loads no node: builtin before a dynamic import', () => {
    const builtins = a.initial.flatMap((c) => c.inputs.filter(isNodeBuiltin).map((i) => `${c.name}: ${i}`));
    expect(builtins, `node: builtins in the initial chunks, first through:\n${why(isNodeBuiltin)}\n`).toEqual(
      [],
    );
  });

  it('has @polkadot/api only in lazily loaded chunks', () => {
    const withApi = a.chunks.filter((c) => c.packages.includes('@polkadot/api'));
    expect(withApi.length, '@polkadot/api should be in the bundle (the chain chunk)').toBeGreaterThan(0);
    expect(withApi.filter((c) => c.initial).map((c) => c.name)).toEqual([]);
  });
});

describe('browsing bundle: rentals, VMs, wallet, miner, super nodes and the client-node transport load on first use', () => {
  it('has none of their implementation (and no axios) in the initial chunks', () => {
    const eager = a.initial.flatMap((c) =>
      c.inputs.filter((i) => (isLazyArea(i) && !EAGER_IN_LAZY_AREAS.has(i)) || isAxios(i)).map((i) => `${c.name}: ${i}`),
    );
    const first = (i: string) => (isLazyArea(i) && !EAGER_IN_LAZY_AREAS.has(i)) || isAxios(i);
    expect(eager, `lazily loaded code in the initial chunks, first through:\n${why(first)}\n`).toEqual([]);
  });

  it('loads each implementation through a dynamic import, axios with the client-node transport', () => {
    const roots = a.lazy.map((c) => c.lazyFor).filter((m): m is string => m !== undefined);
    expect(LAZY_IMPLEMENTATIONS.filter((m) => !roots.includes(m)), 'not the module of a dynamic-import chunk').toEqual([]);
    const transport = a.closureOf(`${SDK}node/transport.js`);
    expect(transport.some((c) => c.packages.includes('axios')), 'axios in the chunks import(transport) loads').toBe(true);
  });
});
