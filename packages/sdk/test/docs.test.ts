import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TYPEDOC = join(REPO_ROOT, 'node_modules/typedoc/bin/typedoc');
const ANSI = /\x1b\[[0-9;]*m/g;

describe('API docs (typedoc)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dbc-typedoc-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('build with no warnings (typedoc.json treats warnings as errors)', () => {
    // TypeDoc logs warnings to stderr: send both streams to one file so neither is lost.
    const logPath = join(dir, 'typedoc.log');
    const log = openSync(logPath, 'w');
    let code = 0;
    try {
      execFileSync(process.execPath, [TYPEDOC, '--out', join(dir, 'api')], {
        cwd: REPO_ROOT,
        stdio: ['ignore', log, log],
        timeout: 180_000,
      });
    } catch (error) {
      code = (error as { status?: number | null }).status ?? -1;
    } finally {
      closeSync(log);
    }
    const output = readFileSync(logPath, 'utf8').replace(ANSI, '');
    const warnings = output.split('\n').filter((line) => line.includes('[warning]'));
    expect(warnings, output).toEqual([]);
    expect(code, output).toBe(0);
  }, 200_000);
});
