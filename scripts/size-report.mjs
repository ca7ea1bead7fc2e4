// Prints every chunk (initial and lazy, gzip) of each app-like entry in scripts/size-entries/ and
// checks the browsing rule: nothing from @polkadot/* or node: builtins loads before a dynamic
// import. Run after `npm run build`; exits 1 when the rule is broken, naming the import chain.
//   node scripts/size-report.mjs
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEntry, chunkTable, ENTRIES, importChain } from './bundle-graph.mjs';

const out = mkdtempSync(join(tmpdir(), 'dbc-size-report-'));
let failed = false;
try {
  for (const [name, entry] of Object.entries(ENTRIES)) {
    const a = await buildEntry(entry, join(out, name));
    console.log(`\n${chunkTable(a.chunks, entry)}`);
    const chain = a.closureOf('packages/chain/dist/index.js');
    if (chain.length)
      console.log(
        `on signing, import('@dbc-cloud/chain') needs ${(chain.reduce((s, c) => s + c.gzip, 0) / 1000).toFixed(2)} kB gzip`,
      );
    const bad = a.initial.flatMap((c) =>
      c.inputs.filter((i) => i.includes('@polkadot/') || i.startsWith('node:')),
    );
    if (bad.length) {
      failed = true;
      const via = importChain(a.metafile, entry, (i) => i.includes('@polkadot/') || i.startsWith('node:'));
      console.log(
        `✗ ${bad.length} @polkadot/* or node: modules load up front; first import chain:\n${(via ?? []).map((s) => `  ${s.file} imports '${s.import}'`).join('\n')}`,
      );
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
