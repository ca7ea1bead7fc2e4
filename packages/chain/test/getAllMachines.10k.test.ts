import { afterAll, beforeAll, expect, it } from 'vitest';
import { getAllMachines } from '../src/index.js';
import { startTestChain, type TestChain } from './helpers/testChain.js';

/**
 * getAllMachines against 10,000 machines: a bounded number of requests, compared with the naive
 * one-`machinesInfo(id)`-per-machine loop over the same machines.
 */
const MACHINES = 10_000;
let t: TestChain;

beforeAll(async () => {
  t = await startTestChain({ machines: MACHINES });
}, 60_000);
afterAll(() => t?.close());

it('reads 10,000 machines in a bounded number of requests, far fewer than one per machine', async () => {
  const before = t.chain.stats.requests;
  let started = performance.now();
  const all = await getAllMachines(t.chain);
  const batched = { requests: t.chain.stats.requests - before, ms: Math.round(performance.now() - started) };
  expect(all.machines).toHaveLength(MACHINES);
  // 10 full pages + 1 empty page of keys, 3 value requests per page, the header, registry lookup.
  expect(batched.requests).toBeLessThanOrEqual(1 + 11 + 3 * 10 + 2);

  const ids = all.machines.map((m) => m.machineId);
  const info = t.chain.api.query.onlineProfile!.machinesInfo!;
  const naiveBefore = t.chain.stats.requests;
  started = performance.now();
  let found = 0;
  for (const id of ids) if (!(await info(id)).isEmpty) found++;
  const naive = { requests: t.chain.stats.requests - naiveBefore, ms: Math.round(performance.now() - started) };
  expect(found).toBe(MACHINES);
  expect(naive.requests).toBeGreaterThanOrEqual(MACHINES);

  console.log(
    [
      `getAllMachines, ${MACHINES} machines (machinesInfo + machineRentedGPU + machineExtraPrice, decoded):`,
      `  batched: ${batched.requests} requests, ${batched.ms} ms`,
      `  naive machinesInfo(id) loop (machinesInfo only, left as polkadot.js codecs): ${naive.requests} requests, ${naive.ms} ms`,
    ].join('\n'),
  );
});
