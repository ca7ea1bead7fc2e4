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
