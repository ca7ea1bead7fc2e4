// Builds all packages: ESM via rollup (preserveModules), then declarations via tsc project references.
import { execFileSync } from 'node:child_process';
import { rmSync, existsSync } from 'node:fs';

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });
for (const p of ['devnet', 'chain', 'sdk', 'widgets'].filter((p) => existsSync(`packages/${p}/package.json`))) {
  if (existsSync(`packages/${p}/dist`)) rmSync(`packages/${p}/dist`, { recursive: true, force: true });
}
run(process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);
run(process.execPath, ['node_modules/typescript/bin/tsc', '-b', 'tsconfig.build.json']);
// The custom-elements manifest (editors, Storybook, framework wrappers) from the built widgets.
if (existsSync('packages/widgets/package.json')) {
  execFileSync(process.execPath, ['../../node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet'], {
    cwd: 'packages/widgets',
    stdio: 'inherit',
  });
}
