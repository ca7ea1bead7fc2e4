import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bondExtraTx,
  bondTx,
  chillTx,
  getActiveEra,
  getBlockNumber,
  getBonded,
  getCurrentEra,
  getErasRewardPoints,
  getErasStakers,
  getErasTotalStake,
  getErasValidatorReward,
  getNominations,
  getNominators,
  getPayee,
  getStakingLedger,
  getStakingMinimums,
  getValidators,
  nominateTx,
  parseDbc,
  payoutStakersTx,
  rebondTx,
  setPayeeTx,
  submitAndCheck,
  unbondTx,
  validateTx,
  withdrawUnbondedTx,
  type DbcSigner,
} from '../src/index.js';
import { expectDispatchError, expectRejectedBeforeSending, startTestChain, type TestChain } from './helpers/testChain.js';

const ERA = 14_400;
let t: TestChain;
let bob: DbcSigner;
let charlie: DbcSigner;
let dave: DbcSigner;
let eve: DbcSigner;
let ferdie: DbcSigner;
let era: number;

beforeAll(async () => {
  t = await startTestChain({ machines: 10 });
  [bob, charlie, dave, eve, ferdie] = await Promise.all(['//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie'].map((u) => t.signer(u)));
  era = Math.floor((await getBlockNumber(t.chain)) / ERA);
});
afterAll(() => t?.close());

describe('staking queries', () => {
  it('reads the validators, nominators, ledgers and payees the devnet starts with', async () => {
    const validators = await getValidators(t.chain);
    expect(new Map(validators.map((v) => [v.stash, v.commissionPerbill]))).toEqual(
      new Map([
        [t.alice.address, 100_000_000],
        [bob.address, 50_000_000],
      ]),
    );
    expect(validators.every((v) => v.blocked === false)).toBe(true);
    expect(await getNominations(t.chain, { stash: charlie.address })).toMatchObject({ targets: [t.alice.address, bob.address], suppressed: false });
    expect((await getNominators(t.chain)).map((n) => n.stash)).toEqual([charlie.address]);
    expect(await getNominations(t.chain, { stash: t.alice.address })).toBeNull();
    expect(await getStakingLedger(t.chain, { controller: t.alice.address })).toMatchObject({
      stash: t.alice.address,
      totalPlanck: parseDbc('100000'),
      activePlanck: parseDbc('100000'),
      unlocking: [],
    });
    expect(await getStakingLedger(t.chain, { controller: dave.address })).toBeNull();
    expect(await getBonded(t.chain, { stash: t.alice.address })).toBe(t.alice.address);
    expect(await getBonded(t.chain, { stash: dave.address })).toBeNull();
    expect(await getPayee(t.chain, { stash: t.alice.address })).toBe('staked');
    expect(await getStakingMinimums(t.chain)).toEqual({ minValidatorBondPlanck: parseDbc('10000'), minNominatorBondPlanck: parseDbc('100') });
  });

  it('reads the eras and who backs each validator in the active era', async () => {
    expect(await getCurrentEra(t.chain)).toBe(era);
    expect((await getActiveEra(t.chain))!.index).toBe(era);
    const exposure = await getErasStakers(t.chain, { era, validator: t.alice.address });
    expect(exposure.ownPlanck).toBe(parseDbc('100000'));
    expect(exposure.others.map((o) => o.who)).toEqual([charlie.address]);
    expect(exposure.totalPlanck).toBe(exposure.ownPlanck + exposure.others[0]!.valuePlanck);
    const bobs = await getErasStakers(t.chain, { era, validator: bob.address });
    expect(await getErasTotalStake(t.chain, { era })).toBe(exposure.totalPlanck + bobs.totalPlanck);
    expect(await getErasValidatorReward(t.chain, { era })).toBeNull();
  });
});

describe('staking transactions', () => {
  it('bonds, bonds extra, validates, changes the payee and chills', async () => {
    await submitAndCheck(t.chain, bondTx(t.chain, { valuePlanck: parseDbc('20000'), payee: 'staked' }), dave);
    expect((await getStakingLedger(t.chain, { controller: dave.address }))!.totalPlanck).toBe(parseDbc('20000'));
    await submitAndCheck(t.chain, bondExtraTx(t.chain, { amountPlanck: parseDbc('5000') }), dave);
    expect((await getStakingLedger(t.chain, { controller: dave.address }))!.activePlanck).toBe(parseDbc('25000'));
    await submitAndCheck(t.chain, validateTx(t.chain, { commissionPerbill: 30_000_000 }), dave);
    expect((await getValidators(t.chain)).find((v) => v.stash === dave.address)).toEqual({ stash: dave.address, commissionPerbill: 30_000_000, blocked: false });
    await submitAndCheck(t.chain, setPayeeTx(t.chain, { payee: { account: eve.address } }), dave);
    expect(await getPayee(t.chain, { stash: dave.address })).toEqual({ account: eve.address });
    await submitAndCheck(t.chain, chillTx(t.chain), dave);
    expect((await getValidators(t.chain)).map((v) => v.stash)).not.toContain(dave.address);
  });

  it('nominates, unbonds, rebonds and withdraws what has unlocked', async () => {
    await submitAndCheck(t.chain, bondTx(t.chain, { valuePlanck: parseDbc('1000'), payee: 'stash' }), eve);
    await submitAndCheck(t.chain, nominateTx(t.chain, { targets: [t.alice.address] }), eve);
    expect((await getNominations(t.chain, { stash: eve.address }))!.targets).toEqual([t.alice.address]);

    await submitAndCheck(t.chain, unbondTx(t.chain, { amountPlanck: parseDbc('400') }), eve);
    let ledger = (await getStakingLedger(t.chain, { controller: eve.address }))!;
    expect(ledger.activePlanck).toBe(parseDbc('600'));
    expect(ledger.unlocking).toEqual([{ valuePlanck: parseDbc('400'), era: era + 14 }]);

    await submitAndCheck(t.chain, rebondTx(t.chain, { amountPlanck: parseDbc('100') }), eve);
    ledger = (await getStakingLedger(t.chain, { controller: eve.address }))!;
    expect(ledger.activePlanck).toBe(parseDbc('700'));
    expect(ledger.unlocking).toEqual([{ valuePlanck: parseDbc('300'), era: era + 14 }]);

    // Root moves the chunk's unlock era to now (DBC's set_unlock_after_eras) instead of waiting 14 eras.
    await t.rootCall('Staking', 'set_unlock_after_eras', { account: eve.address, unlockingIndex: 0, afterEras: 0 });
    await submitAndCheck(t.chain, withdrawUnbondedTx(t.chain), eve);
    ledger = (await getStakingLedger(t.chain, { controller: eve.address }))!;
    expect(ledger.unlocking).toEqual([]);
    expect(ledger.totalPlanck).toBe(parseDbc('700'));
  });

  it('pays a validator and its nominators for an ended era', async () => {
    const best = await getBlockNumber(t.chain);
    await t.newBlocks((era + 1) * ERA - best);
    expect((await getActiveEra(t.chain))!.index).toBe(era + 1);
    const reward = await getErasValidatorReward(t.chain, { era });
    expect(reward).toBeGreaterThan(0n);
    const points = await getErasRewardPoints(t.chain, { era });
    expect(points.total).toBeGreaterThan(0);
    expect(Object.keys(points.individual).length).toBeGreaterThan(0);
    const validator = Object.keys(points.individual)[0]!;
    const r = await submitAndCheck(t.chain, payoutStakersTx(t.chain, { validator, era }), ferdie);
    const rewarded = r.events.filter((e) => e.event.section === 'staking' && e.event.method === 'Rewarded');
    expect(rewarded.length).toBeGreaterThan(0);
    expect((await getStakingLedger(t.chain, { controller: validator }))!.claimedRewards).toContain(era);
  });

  it('fails bonding twice with staking.AlreadyBonded', async () => {
    await expectDispatchError(t.chain, () => bondTx(t.chain, { valuePlanck: parseDbc('10'), payee: 'staked' }), dave, 'staking.AlreadyBonded');
  });

  it('fails validating below the minimum bond with staking.InsufficientBond', async () => {
    await submitAndCheck(t.chain, bondTx(t.chain, { valuePlanck: parseDbc('50'), payee: 'staked' }), ferdie);
    await expectDispatchError(t.chain, () => validateTx(t.chain, { commissionPerbill: 0 }), ferdie, 'staking.InsufficientBond');
  });

  it('rejects bad input before sending anything', async () => {
    const c = t.chain;
    await expectRejectedBeforeSending(c, () => bondTx(c, { valuePlanck: 0n, payee: 'staked' }), 'INPUT_INVALID_AMOUNT');
    await expectRejectedBeforeSending(c, () => bondTx(c, { valuePlanck: -5n, payee: 'staked' }), 'INPUT_INVALID_AMOUNT');
    await expectRejectedBeforeSending(c, () => bondTx(c, { valuePlanck: 1n, payee: 'everyone' as 'staked' }), 'INPUT_INVALID_PAYEE');
    await expectRejectedBeforeSending(c, () => unbondTx(c, { amountPlanck: 0.5 }), 'INPUT_INVALID_AMOUNT');
    await expectRejectedBeforeSending(c, () => nominateTx(c, { targets: [] }), 'INPUT_INVALID_TARGETS');
    await expectRejectedBeforeSending(c, () => nominateTx(c, { targets: Array(17).fill(t.alice.address) }), 'INPUT_INVALID_TARGETS');
    await expectRejectedBeforeSending(c, () => nominateTx(c, { targets: ['nope'] }), 'INPUT_INVALID_ADDRESS');
    await expectRejectedBeforeSending(c, () => validateTx(c, { commissionPerbill: 2_000_000_000 }), 'INPUT_INVALID_NUMBER');
    await expectRejectedBeforeSending(c, () => payoutStakersTx(c, { validator: t.alice.address, era: -1 }), 'INPUT_INVALID_ERA');
    await expectRejectedBeforeSending(c, () => getErasStakers(c, { era: 1.5, validator: t.alice.address }), 'INPUT_INVALID_ERA');
  });
});
