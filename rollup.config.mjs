// Builds every workspace package to ESM with preserveModules, so a consumer's bundler can drop
// what it does not import. Declarations come from `tsc -b` (see scripts/build.mjs).
import { readFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import esbuild from 'rollup-plugin-esbuild';

// DBC_PACKAGES=widgets,sdk builds only those (a quick rebuild while working on one package).
const packages = process.env.DBC_PACKAGES ? process.env.DBC_PACKAGES.split(',') : ['devnet', 'chain', 'sdk', 'widgets'];

/** Entry points come from each package's `dbc.entries` list (source paths relative to the package). */
function configFor(name) {
  const dir = `packages/${name}`;
  if (!existsSync(`${dir}/package.json`)) return null;
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const entries = (pkg.dbc?.entries ?? ['src/index.ts']).map((e) => `${dir}/${e}`).filter((e) => existsSync(e));
  if (entries.length === 0) return null;
  const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})];
  const external = (id) =>
    id.startsWith('node:') ||
    builtinModules.includes(id) ||
    deps.some((d) => id === d || id.startsWith(`${d}/`)) ||
    id.startsWith('@dbc-cloud/');
  return {
    input: entries,
    external,
    output: {
      dir: `${dir}/dist`,
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: `${dir}/src`,
      sourcemap: true,
    },
    plugins: [esbuild({ target: 'es2022', tsconfig: `${dir}/tsconfig.json` })],
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every((i) => i.includes('node_modules'))) return;
      warn(warning);
    },
  };
}

export default packages.map(configFor).filter(Boolean);
