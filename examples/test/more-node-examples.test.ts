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
function runExample(name: string, env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', exampleFile(name)], {
      env: { ...process.env, DBC_CHAIN_URL: net.chainUrl, DBC_CLIENT_NODE_URL: net.clientNodeUrl, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

function codeLines(name: string): number {
  return readFileSync(exampleFile(name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('//')).length;
}

describe('examples/node, more', () => {
  it('cheapest-gpus.ts prints the cheapest free GPUs with 1-day daily-term quotes at a 10 % markup', async () => {
    expect(codeLines('cheapest-gpus.ts')).toBeLessThan(60);
    const { code, out } = await runExample('cheapest-gpus.ts', { DBC_SECRET: '//Eve' });
    expect(code, out).toBe(0);
    expect(out).toMatch(/^\d+ machines with a free GPU at block #\d+; the cheapest \d+:/m);
    expect(out).toMatch(/^GPU +place +\$\/GPU·h +1 day, 1 GPU +markup\/discount$/m);
    const rows = out.split('\n').filter((l) => /\$\d+\.\d{3} +[\d,.]+ DBC \(\$\d+\.\d{2}\) +\+10 % \/ −5 %/.test(l));
    expect(rows.length, out).toBeGreaterThan(0);
    // Sorted by price: the $/GPU·h column never decreases.
    const prices = rows.map((l) => Number(/\$(\d+\.\d{3})/.exec(l)![1]));
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  });

  it('miner-bond.ts pledges a fresh machine and, with the devnet admin URL, brings it online', async () => {
    expect(codeLines('miner-bond.ts')).toBeLessThan(60);
    const { code, out } = await runExample('miner-bond.ts', { DBC_SECRET: '//Ferdie', DBC_DEVNET_ADMIN_URL: net.chainHttpUrl });
    expect(code, out).toBe(0);
    expect(out).toMatch(/Stake for 1 GPU: 10,?000(\.0+)? DBC at bonding/);
    expect(out).toMatch(/Server room: 0x[0-9a-f]{64}/);
    expect(out).toMatch(/Bonded machine [0-9a-f]{64}, reserved 10,?000(\.0+)? DBC/);
    expect(out).toMatch(/Machine info added: stage (info-added|verifying)/);
    expect(out).toContain('Committee verification done');
    expect(out).toMatch(/Status: online, 1 GPU\(s\)/);
  });

  it('miner-bond.ts without the admin URL stops at the committee step', async () => {
    const { code, out } = await runExample('miner-bond.ts', { DBC_SECRET: '//Ferdie', DBC_DEVNET_ADMIN_URL: '' });
    expect(code, out).toBe(0);
    expect(out).not.toContain('Committee verification done');
    expect(out).toMatch(/Status: (info-added|verifying), 0 GPU\(s\).*next: .*committee/);
  });

  it('nominate.ts lists super nodes with APY and nominates the two best', async () => {
    expect(codeLines('nominate.ts')).toBeLessThan(60);
    const { code, out } = await runExample('nominate.ts', { DBC_SECRET: '//Renter7' });
    expect(code, out).toBe(0);
    expect(out).toMatch(/^\d+ super nodes:/m);
    expect(out).toMatch(/commission \d+ % +stake [\d,.]+ DBC +nominators \d+ +APY (n\/a|\d+\.\d{2} %)/);
    expect(out).toMatch(/Bonded 1,?000(\.0+)? DBC/);
    const nominated = /Nominated (\w+), (\w+) at block \d+/.exec(out);
    expect(nominated, out).not.toBeNull();
    expect(nominated![1]).not.toBe(nominated![2]);
  });
});
