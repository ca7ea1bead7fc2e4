import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../bin/dbc-devnet.mjs', import.meta.url));

/** Runs the built CLI (npm test builds first) and reads its one-line JSON. */
function run(args: string[]): Promise<{ out: Record<string, any>; stop: () => Promise<number | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buf = '';
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.on('data', (d) => {
      buf += d;
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line)
        resolve({
          out: JSON.parse(line),
          stop: () =>
            new Promise((res) => {
              child.once('exit', (code) => res(code));
              child.kill('SIGINT');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`dbc-devnet exited with ${code}: ${err}`)));
  });
}

describe('dbc-devnet CLI', () => {
  it('starts a chain and client nodes, prints their URLs, and stops cleanly on Ctrl-C', async () => {
    const started = Date.now();
    const { out, stop } = await run(['--port', '0', '--client-node-port', '0', '--machines', '200', '--block-time', 'instant', '--json']);
    const bootMs = Date.now() - started;
    console.log(`dbc-devnet with 200 machines: ready in ${bootMs} ms (process start included)`);
    expect(out.chainUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(out.clientNodeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    const api = await ApiPromise.create({ provider: new WsProvider(out.chainUrl), noInitWarn: true });
    const entries = await api.query.onlineProfile.machinesInfo.keys();
    expect(entries).toHaveLength(200);
    await api.disconnect();
    expect(await stop()).toBe(0);
  });

  it('refuses a malformed option with a clear message and a non-zero exit', async () => {
    await expect(run(['--machines', 'lots', '--json'])).rejects.toThrow(/--machines must be a whole number/);
  });
});
