// OnlineProfile's per-era reward reads and staking's per-era validator prefs, against a devnet that
// ran through an era boundary, so seeded miners' machines earned and had a first part released.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getEraStashPoints,
  getErasValidatorPrefs,
  getMachineEra,
  getMachineEraReward,
  getStashEraReward,
  getStashMachines,
  getValidators,
} from '../src/index.js';
import { expectRejectedBeforeSending, startTestChain, type TestChain } from './helpers/testChain.js';

const DAY = 14_400;
let t: TestChain;
let era: number;

beforeAll(async () => {
  t = await startTestChain({ machines: 12 });
  const best = (await t.chain.api.rpc.chain.getHeader()).number.toNumber();
  // An era's rewards are split early in the next era: run past the next boundary and its release blocks.
  await t.newBlocks((Math.floor(best / DAY) + 1) * DAY + 70 - best);
  era = (await getMachineEra(t.chain)) - 1;
}, 120_000);
afterAll(async () => t?.close());

describe('era rewards', () => {
  it('reads what a stash and each of its machines earned and released in an era, and they add up', async () => {
    const miner = t.net.genesis.miners.find((m) =>
      t.net.genesis.machines.some(
        (x) => x.miner === t.net.genesis.miners.indexOf(m) && x.status === 'online',
      ),
    )!;
    const stash = miner.stash.address;
    const reward = await getStashEraReward(t.chain, { era, stash });
    expect(reward.earnedPlanck).toBeGreaterThan(0n);
    expect(reward.releasedPlanck).toBeGreaterThan(0n);
    expect(reward.releasedPlanck).toBeLessThan(reward.earnedPlanck);
    const { totalMachines } = await getStashMachines(t.chain, { stash });
    const machines = await Promise.all(
      totalMachines.map((machineId) => getMachineEraReward(t.chain, { era, machineId })),
    );
    expect(machines.reduce((a, r) => a + r.earnedPlanck, 0n)).toBe(reward.earnedPlanck);
    expect(machines.reduce((a, r) => a + r.releasedPlanck, 0n)).toBe(reward.releasedPlanck);
    // An era long past, or a stash that never earned, reads as zero rather than failing.
    expect(await getStashEraReward(t.chain, { era: 1, stash })).toEqual({
      earnedPlanck: 0n,
      releasedPlanck: 0n,
    });
    expect(await getStashEraReward(t.chain, { era, stash: t.alice.address })).toEqual({
      earnedPlanck: 0n,
      releasedPlanck: 0n,
    });
  });

  it("reads the era's stash statistics: online GPUs, the multi-GPU bonus and the grade total", async () => {
    const points = await getEraStashPoints(t.chain, { era });
    const stashes = Object.entries(points.stashes);
    expect(stashes.length).toBeGreaterThan(0);
    for (const [stash, s] of stashes) {
      const { onlineMachines, totalGpuNum } = await getStashMachines(t.chain, { stash });
      expect(onlineMachines.length).toBeGreaterThan(0);
      expect(s.onlineGpus).toBe(totalGpuNum);
      // min(10 %, online GPUs / 10,000) as a Perbill.
      expect(s.gpuBonusPerbill).toBe(Math.min(100_000_000, s.onlineGpus * 100_000));
      expect(s.calcPoints).toBeGreaterThan(0n);
    }
    expect(points.total).toBeGreaterThanOrEqual(stashes.reduce((a, [, s]) => a + s.calcPoints, 0n));
    expect(await getEraStashPoints(t.chain, { era: 1 })).toEqual({ total: 0n, stashes: {} });
  });

  it('rejects a malformed era or machine id before sending anything', async () => {
    await expectRejectedBeforeSending(
      t.chain,
      () => getStashEraReward(t.chain, { era: -1, stash: t.alice.address }),
      'INPUT_INVALID_ERA',
    );
    await expectRejectedBeforeSending(
      t.chain,
      () => getMachineEraReward(t.chain, { era, machineId: 'xyz' }),
      'INPUT_INVALID_MACHINE_ID',
    );
  });
});

describe('staking era prefs', () => {
  it('reads the commission a validator had in an era, which is the one its payout uses', async () => {
    const [validator] = await getValidators(t.chain);
    const activeEra = (await t.chain.api.query.staking.activeEra()).toJSON() as { index: number };
    const prefs = await getErasValidatorPrefs(t.chain, { era: activeEra.index, validator: validator!.stash });
    expect(prefs).toEqual({ commissionPerbill: validator!.commissionPerbill, blocked: validator!.blocked });
    // Not elected in that era: the defaults.
    const nobody = (await t.signer('//NeverAValidator')).address;
    expect(await getErasValidatorPrefs(t.chain, { era: activeEra.index, validator: nobody })).toEqual({
      commissionPerbill: 0,
      blocked: false,
    });
  });
});
