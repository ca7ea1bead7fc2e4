// Custom-elements manifest for the widgets (`npm run manifest` at the root runs `cem analyze` in this
// folder). The analyzer reads the classes' JSDoc (@tag @event @slot @csspart @cssproperty) and Lit's
// static `properties`; module paths are rewritten from src/*.ts to the published dist/*.js.

/** Points every `src/….ts` module reference at the built `dist/….js` that consumers load. */
function distPaths() {
  const toDist = (v) => v.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if ((k === 'path' || k === 'module') && typeof v === 'string') node[k] = toDist(v);
      else walk(v);
    }
  };
  return {
    name: 'dbc-dist-paths',
    packageLinkPhase: ({ customElementsManifest }) => walk(customElementsManifest),
  };
}

/**
 * Each `*.define.ts` registers `class extends DbcX {}` under a tag parameter; the analyzer reports
 * those as anonymous elements with tag "tag". Drop them, record the real tag → class definition on
 * the define module instead, and drop events it found in dispatchEvent calls without a name (the
 * named ones come from the @event tags).
 */
function cleanDefinitions() {
  return {
    name: 'dbc-clean-definitions',
    packageLinkPhase: ({ customElementsManifest: manifest }) => {
      const elements = manifest.modules.flatMap((m) =>
        (m.declarations ?? [])
          .filter((d) => d.customElement && !/^anonymous_/.test(d.name))
          .map((d) => ({ m, d })),
      );
      for (const mod of manifest.modules) {
        mod.declarations = (mod.declarations ?? []).filter((d) => !/^anonymous_/.test(d.name));
        mod.exports = (mod.exports ?? []).filter((e) => !/^anonymous_/.test(e.declaration?.name ?? ''));
        const element = elements.find(({ m }) => mod.path === m.path.replace(/\.js$/, '.define.js'));
        if (element) {
          mod.exports.push({
            kind: 'custom-element-definition',
            name: element.d.tagName,
            declaration: { name: element.d.name, module: element.m.path },
          });
        }
      }
      for (const { d } of elements) if (d.events) d.events = d.events.filter((e) => e.name);
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.test.ts',
    'src/**/*.fixtures.ts',
    'src/**/*.stories.ts',
    'src/**/*.d.ts',
    'src/testing/**',
  ],
  outdir: '.',
  litelement: true,
  // package.json already declares "customElements"; the analyzer must not rewrite it.
  packagejson: false,
  plugins: [distPaths(), cleanDefinitions()],
};
