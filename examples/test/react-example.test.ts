import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('examples/react', () => {
  it('App.tsx type-checks in strict mode against the SDK and the React wrappers', async () => {
    const { code, out } = await new Promise<{ code: number | null; out: string }>((resolve) => {
      execFile(process.execPath, [`${root}node_modules/typescript/bin/tsc`, '-p', 'examples/react/tsconfig.json'], { cwd: root }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out: stdout + stderr }),
      );
    });
    expect(out).toBe('');
    expect(code).toBe(0);
  });
});
