// esbuild configs for .size-limit.json's checks (@size-limit/esbuild with `config`). size-limit
// sums every output listed in the metafile, so a plugin narrows the metafile to the chunks the
// budget is about (what loads up front, or what the chain import needs) and prints each chunk.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze, buildOptions, chunkTable, ENTRIES } from './bundle-graph.mjs';

/**
 * @param {keyof typeof ENTRIES} entryName
 * @param {'initial' | { lazy: string }} select `initial`: chunks loaded without a dynamic import;
 *   `{ lazy: 'packages/chain/' }`: every chunk the dynamic import of that module needs.
 * @returns {import('esbuild').BuildOptions}
 */
export function sizeLimitConfig(entryName, select) {
  const entry = ENTRIES[entryName];
  const label = select === 'initial' ? 'initial' : 'lazy';
  const outdir = join(tmpdir(), `dbc-size-${entryName}-${label}`);
  rmSync(outdir, { recursive: true, force: true });
  return {
    ...buildOptions(entry, outdir),
    plugins: [
      {
        name: 'dbc-size-select',
        setup(build) {
          build.onEnd((result) => {
            if (!result.metafile) return;
            const a = analyze(result.metafile, entry);
            const chosen = select === 'initial' ? a.initial : a.closureOf(select.lazy);
            if (chosen.length === 0)
              throw new Error(`${entryName}: no chunk matches ${JSON.stringify(select)}`);
            const counts = `budget counts: ${chosen.map((c) => c.name).join(', ')}`;
            // Both sdk-browse checks build the same chunks; the table is printed once.
            process.stdout.write(
              select === 'initial'
                ? `\n${chunkTable(a.chunks, entry)}\n${counts}\n`
                : `\n${entry} → chain on signing, ${counts}\n`,
            );
            const keep = new Set(chosen.map((c) => c.file));
            for (const f of Object.keys(result.metafile.outputs))
              if (!keep.has(f)) delete result.metafile.outputs[f];
          });
        },
      },
    ],
  };
}
