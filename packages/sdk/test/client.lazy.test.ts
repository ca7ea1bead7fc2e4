// createDbcClient loads only what browsing and quoting need: rentals, VMs, wallet, pledging, super
// nodes and the client-node transport (with axios) are imported on their first call. Checked in Node
// without a custom loader: each lazy module is mocked by a pass-through factory that records that it
// was imported (vitest runs a factory only when something imports the module), and the browsing path
// runs against an msw-mocked snapshot URL. bundle.test.ts checks the same split in a real bundle.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { memoizeLoad } from '../src/client/memoizeLoad.js';
import { createDbcClient } from '../src/index.js';
import { toSnapshotJson } from '../src/machines/snapshotJson.js';
import { vmTaskId } from '../src/vms/taskId.js';
import { snapshotOf, syntheticFacts } from './machines.fixtures.js';

const loaded = vi.hoisted(() => new Set<string>());
vi.mock('../src/rentals/rentalsResource.js', async (original) => (loaded.add('rentals'), original()));
vi.mock('../src/vms/vmsResource.js', async (original) => (loaded.add('vms'), original()));
vi.mock('../src/wallet/walletResource.js', async (original) => (loaded.add('wallet'), original()));
vi.mock('../src/miner/minerResource.js', async (original) => (loaded.add('miner'), original()));
vi.mock('../src/superNodes/superNodesResource.js', async (original) => (loaded.add('superNodes'), original()));
vi.mock('../src/node/transport.js', async (original) => (loaded.add('node transport'), original()));
vi.mock('axios', async (original) => (loaded.add('axios'), original()));
vi.mock('@dbc-cloud/chain', async (original) => (loaded.add('@dbc-cloud/chain'), original()));

const SNAPSHOT_URL = 'https://proxy.test/machines.json';
const NODE = 'http://node.test:5002/api/v1';
// Nothing listens here: a call that dialled the chain would fail, so every call below must not.
const CHAIN = 'ws://127.0.0.1:9';
const MACHINE = 'c'.repeat(64);
const server = setupServer();

beforeAll(() => {
  server.listen({ onUnhandledRequest: 'error' });
  const body = toSnapshotJson(snapshotOf(syntheticFacts(40)));
  server.use(http.get(SNAPSHOT_URL, () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } })));
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('createDbcClient: lazily loaded resources', () => {
  it('browses, quotes and answers synchronous calls without importing any lazy module', async () => {
    const dbc = createDbcClient({ network: { chain: CHAIN, snapshotUrl: SNAPSHOT_URL, clientNode: NODE } });
    const page = await dbc.machines.search({ status: ['available'], minFreeGpus: 1, sort: 'price' });
    expect(page.items.length).toBeGreaterThan(0);
    const m = page.items[0]!;
    const quote = await dbc.pricing.quote({ machineId: m.id, gpus: 1, duration: { days: 1 } });
    expect(quote.total.planck).toBeGreaterThan(0n);
    expect(dbc.pricing.policy).toEqual({});

    // Synchronous before, synchronous now, and answered by the eager part.
    expect(dbc.vms.suggestResources(m, 1)).toMatchObject({ cpuCores: expect.any(Number), memGb: expect.any(Number) });
    expect(() => dbc.rentals.confirm('5')).toThrow(expect.objectContaining({ code: 'CONFIG_NO_SIGNER' }));
    expect(() => dbc.rentals.watch({}, () => undefined)).toThrow(expect.objectContaining({ code: 'CONFIG_NO_SIGNER' }));
    expect(dbc.network.snapshotUrl).toBe(SNAPSHOT_URL);

    expect([...loaded]).toEqual([]);
    await dbc.close();
  });

  it('imports each module on its first call only, and keeps one resource (and its state) per client', async () => {
    // Each call fails on its input or the missing signer, before it would dial the chain.
    const dbc = createDbcClient({ network: { chain: CHAIN, clientNode: NODE } });
    await expect(dbc.rentals.get('not a rental id')).rejects.toMatchObject({ name: 'DbcInputError' });
    expect(loaded.has('rentals')).toBe(true);
    await expect(dbc.superNodes.nominate(['x'])).rejects.toMatchObject({ code: 'CONFIG_NO_SIGNER' });
    expect(loaded.has('superNodes')).toBe(true);
    await expect(dbc.wallet.balance()).rejects.toMatchObject({ code: 'CONFIG_NO_SIGNER' });
    expect(loaded.has('wallet')).toBe(true);
    await expect(dbc.miner.status('not a machine id')).rejects.toMatchObject({ name: 'DbcInputError' });
    expect(loaded.has('miner')).toBe(true);
    expect(loaded.has('vms')).toBe(false);
    expect(loaded.has('node transport')).toBe(false);
    expect(loaded.has('axios')).toBe(false);

    // VMs: the first call loads the module and the transport; the rental → machine cache it fills is
    // the client's, so a later call that names no machine still finds it without the chain.
    const { keyringSigner } = await import('@dbc-cloud/chain');
    const withSigner = createDbcClient({ network: { chain: CHAIN, clientNode: NODE }, signer: await keyringSigner('//Alice') });
    const taskId = vmTaskId(5, 'vm');
    let gets = 0;
    server.use(
      http.post(`${NODE}/tasks/${taskId}`, () => {
        gets++;
        return HttpResponse.json({
          errcode: 0,
          message: { task_id: taskId, os: 'ubuntu', ssh_ip: '1.2.3.4', ssh_port: '20022', status: 'running', desc: '', create_time: '' },
        });
      }),
    );
    const [a, b] = await Promise.all([
      withSigner.vms.get({ taskId, rentalId: '5', machineId: MACHINE }),
      withSigner.vms.get({ taskId, rentalId: '5', machineId: MACHINE }),
    ]);
    expect(loaded).toContain('vms');
    expect(loaded).toContain('node transport');
    expect(loaded).toContain('axios');
    expect(a).toMatchObject({ taskId, status: 'running', machineId: MACHINE });
    expect(b).toEqual(a);
    expect(await withSigner.vms.get(taskId)).toMatchObject({ taskId, machineId: MACHINE });
    expect(gets).toBe(3);
    await Promise.all([dbc.close(), withSigner.close()]);
  });

  it('loads once, but tries again after a failed load (e.g. a chunk that could not be downloaded)', async () => {
    let calls = 0;
    const load = memoizeLoad(async () => {
      if (++calls === 1) throw new Error('offline');
      return { calls };
    });
    await expect(load()).rejects.toThrow('offline');
    const [a, b] = await Promise.all([load(), load()]);
    expect(b).toBe(a);
    expect(await load()).toBe(a);
    expect(calls).toBe(2);
  });
});
