import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '@dbc-cloud/devnet';

const exampleFile = (name: string) => fileURLToPath(new URL(`../node/${name}`, import.meta.url));
let net: Devnet;

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 30, vmBootMs: 300 });
});
afterAll(async () => net?.stop());

/** Runs an example with tsx, pointed at this test's devnet. */
function runExample(name: string): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', exampleFile(name)], {
      env: { ...process.env, DBC_CHAIN_URL: net.chainUrl, DBC_CLIENT_NODE_URL: net.clientNodeUrl, DBC_SECRET: '//Dave' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('examples/node', () => {
  it('rent-gpu.ts rents a GPU, gets a VM with SSH, extends and ends it, in under 40 lines', async () => {
    const source = readFileSync(exampleFile('rent-gpu.ts'), 'utf8');
    const code = source.split('\n').filter((l) => l.trim() && !l.trim().startsWith('//'));
    expect(code.length).toBeLessThan(40);
    const { code: exit, out } = await runExample('rent-gpu.ts');
    expect(exit, out).toBe(0);
    expect(out).toMatch(/Renting 1 × .+ at \$\d+\.\d{3}\/GPU·h/);
    expect(out).toContain('rent: confirmed');
    expect(out).toContain('vm: running');
    expect(out).toMatch(/SSH: ssh -p 20022 dbc@127\.0\.0\.1/);
    expect(out).toMatch(/Extended: ends at block \d+/);
    expect(out).toMatch(/VM deleted|Rental ended/);
    // Exactly one rent for the run: the renter has one order.
    expect(out.match(/rent: in-block/g)).toHaveLength(1);
  });
});
