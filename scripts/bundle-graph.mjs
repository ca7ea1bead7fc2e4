// Builds an app-like entry with esbuild (ESM, code splitting, as a browser app would ship it) and
// answers the questions our size budgets and the SDK's bundle test ask of its metafile: which
// chunks load up front, which only after a dynamic import, how big each is gzipped, and which
// import chain drags a module into the initial load. Shared by .size-limit.json's esbuild configs,
// scripts/size-report.mjs and packages/sdk/test/bundle.test.ts so they cannot disagree.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

/** The monorepo root; metafile paths are relative to it. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The app-like entries in scripts/size-entries/, by name. */
export const ENTRIES = {
  'widgets-define': 'scripts/size-entries/widgets-define.js',
  'sdk-browse': 'scripts/size-entries/sdk-browse.js',
};

/**
 * esbuild options for an entry as an app bundler would build it for production.
 * @param {string} entry path relative to the repo root
 * @param {string} outdir
 * @returns {import('esbuild').BuildOptions}
 */
export function buildOptions(entry, outdir) {
  return {
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    minify: true,
    metafile: true,
    outdir,
    write: true,
    logLevel: 'silent',
  };
}

/**
 * @param {string} entry path relative to the repo root
 * @param {string} outdir
 */
export async function buildEntry(entry, outdir) {
  const result = await esbuild.build(buildOptions(entry, outdir));
  return analyze(result.metafile, entry);
}

/**
 * Classifies the outputs of a splitting build of one entry point.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} entry the entry point as given to esbuild (repo-relative)
 */
export function analyze(metafile, entry) {
  const outputs = Object.fromEntries(Object.entries(metafile.outputs).filter(([f]) => !f.endsWith('.map')));
  const entryChunk = Object.keys(outputs).find((f) => outputs[f].entryPoint === entry);
  if (!entryChunk) throw new Error(`no chunk for ${entry} in the metafile`);

  /** Chunks reachable from `from` through static imports only. */
  const closure = (from) => {
    const seen = new Set([from]);
    const queue = [from];
    while (queue.length) {
      for (const i of outputs[queue.shift()].imports) {
        if (i.kind === 'import-statement' && !i.external && !seen.has(i.path)) {
          seen.add(i.path);
          queue.push(i.path);
        }
      }
    }
    return seen;
  };

  const initial = closure(entryChunk);
  /** Dynamic-import targets (chunk path → the module it was built from), at any depth. */
  const lazyRoots = new Map();
  for (const f of Object.keys(outputs)) {
    for (const i of outputs[f].imports) {
      if (i.kind === 'dynamic-import' && !i.external)
        lazyRoots.set(i.path, outputs[i.path]?.entryPoint ?? i.path);
    }
  }

  const chunks = Object.entries(outputs).map(([file, o]) => {
    const inputs = Object.keys(o.inputs).filter((i) => o.inputs[i].bytesInOutput > 0);
    return {
      file,
      name: basename(file),
      bytes: o.bytes,
      gzip: gzipSync(readFileSync(join(ROOT, file)), { level: 9 }).length,
      initial: initial.has(file),
      /** The module a dynamic import loads this chunk for, when it is a dynamic-import target. */
      lazyFor: lazyRoots.get(file),
      inputs,
      packages: [...new Set(inputs.map(packageOf))].sort(),
    };
  });

  return {
    metafile,
    entryChunk,
    chunks,
    initial: chunks.filter((c) => c.initial),
    lazy: chunks.filter((c) => !c.initial),
    /** Every chunk that has to be loaded before the module `input` (a path fragment) can run. */
    closureOf(input) {
      const root = [...lazyRoots].find(([, m]) => m.includes(input))?.[0];
      if (!root) return [];
      const files = closure(root);
      return chunks.filter((c) => files.has(c.file));
    },
  };
}

/** `@scope/name` or `name` for a node_modules input, the workspace package for ours, else the path. */
export function packageOf(input) {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const [a, b] = input.slice(nm + 'node_modules/'.length).split('/');
    return a.startsWith('@') ? `${a}/${b}` : a;
  }
  const ws = input.match(/^packages\/([^/]+)\//);
  return ws ? `@dbc-cloud/${ws[1]}` : input;
}

/**
 * The shortest chain of static imports (esbuild's pre-tree-shaking module graph) from `entry` to
 * the first module matching `target`, or null. Says exactly which file and import to change.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} entry
 * @param {(input: string) => boolean} target
 * @returns {Array<{ file: string; import: string }> | null}
 */
export function importChain(metafile, entry, target) {
  const parent = new Map([[entry, null]]);
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    for (const i of metafile.inputs[file]?.imports ?? []) {
      if (i.kind !== 'import-statement' || i.external || parent.has(i.path)) continue;
      parent.set(i.path, { from: file, original: i.original ?? i.path });
      if (target(i.path)) {
        const chain = [];
        let at = i.path;
        while (parent.get(at)) {
          const p = parent.get(at);
          chain.unshift({ file: p.from, import: p.original });
          at = p.from;
        }
        return chain;
      }
      queue.push(i.path);
    }
  }
  return null;
}

/** A plain-text table of chunks with their minified and gzip sizes (kB = 1000 bytes, as size-limit). */
export function chunkTable(chunks, title = '') {
  const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
  const rows = chunks.map((c) => [
    c.name,
    c.initial ? 'initial' : `lazy${c.lazyFor ? ` (${packageOf(c.lazyFor)})` : ''}`,
    kb(c.bytes),
    kb(c.gzip),
    summarize(c.packages),
  ]);
  const head = ['chunk', 'loads', 'min', 'gzip', 'packages'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) =>
    r
      .map((v, i) => (i === 2 || i === 3 ? v.padStart(widths[i]) : v.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const total = (sel) => kb(chunks.filter(sel).reduce((a, c) => a + c.gzip, 0));
  return [
    title && `${title}`,
    line(head),
    ...rows.map(line),
    `initial ${total((c) => c.initial)} gzip, lazy ${total((c) => !c.initial)} gzip`,
  ]
    .filter(Boolean)
    .join('\n');
}

function summarize(packages) {
  const polkadot = packages.filter((p) => p.startsWith('@polkadot/'));
  const rest = packages.filter((p) => !p.startsWith('@polkadot/'));
  return [...rest, ...(polkadot.length ? [`@polkadot/* (${polkadot.length})`] : [])].join(', ');
}

/** Repo-relative path, for messages. */
export const rel = (p) => relative(ROOT, resolve(ROOT, p));
