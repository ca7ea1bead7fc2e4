import { WsProvider } from '@polkadot/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  DbcAbortError,
  DbcTimeoutError,
  getAllMachines,
  getBlockNumber,
  getMachineInfo,
  getMachineRentedGpus,
  getMachines,
  rentMachineTx,
  submitAndCheck,
} from '../src/index.js';
import { expectRejectedBeforeSending, startTestChain, type TestChain } from './helpers/testChain.js';

const MACHINES = 2_500;
let t: TestChain;

beforeAll(async () => {
  t = await startTestChain({ machines: MACHINES });
});
afterAll(() => t?.close());

describe('getAllMachines', () => {
  it('reads every machine with its rented GPUs and extra price, pinned to one block', async () => {
    const before = t.chain.stats.requests;
    const best = await getBlockNumber(t.chain);
    const all = await getAllMachines(t.chain);
    const requests = t.chain.stats.requests - before - 1;
    expect(all.blockNumber).toBe(best);
    expect(all.blockHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(all.machines).toHaveLength(MACHINES);
    const byId = new Map(all.machines.map((m) => [m.machineId, m]));
    for (const seed of t.net.genesis.machines) {
      const m = byId.get(seed.machineId)!;
      expect(m.hardware.gpuNum).toBe(seed.gpuNum);
      expect(m.rentedGpus).toBe(seed.rentals.reduce((a, b) => a + b, 0));
      expect(m.freeGpus).toBe(seed.gpuNum - m.rentedGpus);
      expect(m.extraPriceMicroUsdPerGpuDay).toBe(seed.extraPrice);
    }
    // 3 pages of keys (+1 empty page at most), 3 value requests per page, the pinned header and
    // polkadot.js' one-time registry lookup for the pinned hash.
    expect(requests).toBeLessThanOrEqual(1 + 4 + 3 * 3 + 2);
  });

  it('gives the same rows as getMachines and as the polkadot.js-decoded getMachineInfo', async () => {
    const all = await getAllMachines(t.chain);
    const some = all.machines.slice(0, 50);
    const rows = await getMachines(t.chain, { machineIds: some.map((m) => m.machineId) }, { at: all.blockHash });
    expect(rows).toEqual(some);
    for (const status of ['online', 'rented', 'offline', 'verifying']) {
      const seed = t.net.genesis.machines.find((m) => m.status === status)!;
      const row = all.machines.find((m) => m.machineId === seed.machineId)!;
      const { rentedGpus: _r, freeGpus: _f, extraPriceMicroUsdPerGpuDay: _e, ...info } = row;
      expect(await getMachineInfo(t.chain, { machineId: seed.machineId }, { at: all.blockHash })).toEqual(info);
    }
  });

  it('pages by pageSize and still returns every machine once', async () => {
    const before = t.chain.stats.requests;
    const all = await getAllMachines(t.chain, { pageSize: 700, concurrency: 2 });
    expect(t.chain.stats.requests - before).toBeLessThanOrEqual(1 + 4 + 4 * 3 + 2);
    expect(new Set(all.machines.map((m) => m.machineId)).size).toBe(MACHINES);
  });

  it('reads a consistent snapshot at an earlier block while the chain moves on', async () => {
    const renter = await t.signer('//GetAllMachinesRenter');
    await t.fund(renter.address, 100_000);
    const snapshot = await getAllMachines(t.chain);
    const target = snapshot.machines.find((m) => m.status.kind === 'online' && m.freeGpus > 0 && !t.net.genesis.machines.find((s) => s.machineId === m.machineId)?.timeSlot)!;
    await submitAndCheck(t.chain, rentMachineTx(t.chain, { machineId: target.machineId, gpus: 1, durationBlocks: 300 }), renter);
    expect(await getMachineRentedGpus(t.chain, { machineId: target.machineId })).toBe(target.rentedGpus + 1);
    const again = await getAllMachines(t.chain, {}, { at: snapshot.blockHash });
    expect(again.blockNumber).toBe(snapshot.blockNumber);
    expect(again.machines.find((m) => m.machineId === target.machineId)).toEqual(target);
    const byNumber = await getAllMachines(t.chain, {}, { at: snapshot.blockNumber });
    expect(byNumber.blockHash).toBe(snapshot.blockHash);
    const now = await getAllMachines(t.chain);
    expect(now.machines.find((m) => m.machineId === target.machineId)!.rentedGpus).toBe(target.rentedGpus + 1);
  });

  it('retries a page whose request failed in transit instead of failing the whole read', async () => {
    const provider = new WsProvider(t.net.chainUrl);
    let failures = 0;
    const send = provider.send.bind(provider);
    provider.send = ((method: string, params: unknown[], ...rest: unknown[]) => {
      if (method === 'state_queryStorageAt' && failures < 2) {
        failures++;
        return Promise.reject(new Error(`disconnected from ${t.net.chainUrl}: 1006:: Abnormal Closure`));
      }
      return (send as (...a: unknown[]) => Promise<unknown>)(method, params, ...rest);
    }) as typeof provider.send;
    const chain = await connect({ provider });
    try {
      const all = await getAllMachines(chain, { retries: 3 });
      expect(failures).toBe(2);
      expect(all.machines).toHaveLength(MACHINES);
    } finally {
      await chain.disconnect();
    }
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const read = getAllMachines(t.chain, { pageSize: 100 }, { signal: controller.signal });
    controller.abort();
    await expect(read).rejects.toBeInstanceOf(DbcAbortError);
  });

  it('gives up with a DbcTimeoutError after timeoutMs', async () => {
    await expect(getAllMachines(t.chain, { pageSize: 100 }, { timeoutMs: 5 })).rejects.toBeInstanceOf(DbcTimeoutError);
  });

  it('rejects a page size outside 1–1000 or a bad timeout before sending anything', async () => {
    await expectRejectedBeforeSending(t.chain, () => getAllMachines(t.chain, {}, { timeoutMs: -1 }), 'INPUT_INVALID_TIMEOUT');
    await expectRejectedBeforeSending(t.chain, () => getAllMachines(t.chain, { pageSize: 5_000 }), 'INPUT_INVALID_NUMBER');
    await expectRejectedBeforeSending(t.chain, () => getAllMachines(t.chain, { pageSize: 0 }), 'INPUT_INVALID_NUMBER');
  });
});
