import type { KeyringPair } from '@polkadot/keyring/types';
import { u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEvent, startTestNet, type TestNet } from '../harness.js';

/**
 * Super-node (validator) and nominator flows through plain @polkadot/api, against DBC's staking
 * (pallet_staking polkadot-v0.9.43 + dbc.patch): eras of 6 sessions × 2,400 blocks, rewards from
 * Phase0RewardPerYear, BondingDuration 14 eras, HistoryDepth 84. The tests run in order on one chain.
 */

const DBC = 10n ** 15n;
const ERA = 14_400;
const BILLION = 1_000_000_000n;
/** Perbill::from_rational (rounds down) and Perbill × balance (rounds to nearest, ties down). */
const perbill = (p: bigint, q: bigint) => (p >= q ? BILLION : (p * BILLION) / q);
const mulPerbill = (parts: bigint, x: bigint) => {
  const n = x * parts;
  return (n % BILLION) * 2n > BILLION ? n / BILLION + 1n : n / BILLION;
};

let t: TestNet;
let charlie: KeyringPair;
let dave: KeyringPair;
let eve: KeyringPair;
let ferdie: KeyringPair;

const q = () => t.api.query.staking as any;
const best = async () => (await t.api.rpc.chain.getHeader()).number.toNumber();
const currentEra = async () => ((await q().currentEra()) as any).unwrap().toNumber() as number;
const activeEra = async () => ((await q().activeEra()) as any).unwrap().index.toNumber() as number;
const ledger = async (who: string) => ((await q().ledger(who)) as any).unwrap();
const stakingLock = async (who: string) => {
  const locks = (await t.api.query.balances.locks(who)) as any;
  const lock = locks.find((l: any) => l.id.toHex() === u8aToHex(new TextEncoder().encode('staking ')));
  return lock ? (lock.amount.toBigInt() as bigint) : 0n;
};
const free = async (who: string) =>
  ((await t.api.query.system.account(who)) as any).data.free.toBigInt() as bigint;
/** Produces blocks up to and including the first block of the next era. */
const toNextEra = async () => t.newBlocks(ERA * (Math.floor((await best()) / ERA) + 1) - (await best()));
const eventsAt = async (n: number) =>
  (await (await t.api.at(await t.api.rpc.chain.getBlockHash(n))).query.system.events()) as any;
const errorOf = async (tx: Parameters<TestNet['send']>[0], signer: KeyringPair) =>
  (await t.send(tx, signer)).error;
const eventData = (events: any[], name: string) =>
  findEvent(events, name)!.event.data.map((d: any) => d.toString());
const rewarded = (events: any[], who: string) =>
  events
    .find((e: any) => e.event.method === 'Rewarded' && e.event.data.stash.toString() === who)
    ?.event.data.amount.toBigInt();

/** Upstream do_payout_stakers: the validator's share of the era reward, then commission and pro-rata stake. */
async function expectedPayout(validator: string, era: number) {
  const reward = ((await q().erasValidatorReward(era)) as any).unwrap().toBigInt() as bigint;
  const points = (await q().erasRewardPoints(era)) as any;
  const mine = [...points.individual.entries()].find(([k]: any) => k.toString() === validator)![1].toBigInt();
  const total = mulPerbill(perbill(mine, points.total.toBigInt()), reward);
  const commission = mulPerbill(
    ((await q().erasValidatorPrefs(era, validator)) as any).commission.unwrap().toBigInt(),
    total,
  );
  const exposure = (await q().erasStakersClipped(era, validator)) as any;
  const leftover = total - commission;
  const share = (value: bigint) => mulPerbill(perbill(value, exposure.total.unwrap().toBigInt()), leftover);
  return {
    validator: commission + share(exposure.own.unwrap().toBigInt()),
    nominators: new Map<string, bigint>(
      exposure.others.map((o: any) => [o.who.toString(), share(o.value.unwrap().toBigInt())]),
    ),
  };
}

beforeAll(async () => {
  t = await startTestNet();
  charlie = t.pair('//Charlie');
  dave = t.pair('//Dave');
  eve = t.pair('//Eve');
  ferdie = t.pair('//Ferdie');
});
afterAll(() => t?.close());

describe('staking', () => {
  it('starts with //Alice and //Bob validating, //Charlie nominating both, in era ⌊block / 14,400⌋', async () => {
    const { alice, bob } = t;
    const era = Math.floor((await best()) / ERA);
    expect(await activeEra()).toBe(era);
    expect(await currentEra()).toBe(era);
    const validators = ((await q().validators.entries()) as any[]).map(([k, v]) => [
      k.args[0].toString(),
      v.commission.unwrap().toNumber(),
    ]);
    expect(new Map(validators)).toEqual(
      new Map([
        [alice.address, 100_000_000],
        [bob.address, 50_000_000],
      ]),
    );
    expect(((await q().nominators(charlie.address)) as any).unwrap().targets.map(String)).toEqual([
      alice.address,
      bob.address,
    ]);
    expect((await t.api.query.session.validators()).map(String)).toEqual(
      expect.arrayContaining([alice.address, bob.address]),
    );
    const exposure = (await q().erasStakers(era, alice.address)) as any;
    expect(exposure.own.unwrap().toBigInt()).toBe(100_000n * DBC);
    expect(exposure.total.unwrap().toBigInt()).toBe(125_000n * DBC);
    expect((await ledger(alice.address)).active.unwrap().toBigInt()).toBe(100_000n * DBC);
    expect(await stakingLock(alice.address)).toBe(100_000n * DBC);
    expect(((await q().minValidatorBond()) as any).toBigInt()).toBe(10_000n * DBC);
    expect(((await q().minNominatorBond()) as any).toBigInt()).toBe(100n * DBC);
    const overview = await t.api.derive.staking.overview();
    expect(overview.activeEra.toNumber()).toBe(era);
    expect(overview.validators.map(String)).toEqual(expect.arrayContaining([alice.address, bob.address]));
  });

  it('rejects unbonding from an account without a ledger (NotController)', async () => {
    expect(await errorOf(t.api.tx.staking.unbond(1n * DBC), ferdie)).toBe('staking.NotController');
  });

  it('lets a new account bond, set session keys and validate; it is listed among validators', async () => {
    const bonded = await t.send(t.api.tx.staking.bond(20_000n * DBC, 'Staked'), dave);
    expect(bonded.error).toBeNull();
    expect(eventData(bonded.events, 'staking.Bonded')).toEqual([dave.address, String(20_000n * DBC)]);
    expect((await q().bonded(dave.address)).toString()).toBe(dave.address);
    const l = await ledger(dave.address);
    expect([l.total.unwrap().toBigInt(), l.active.unwrap().toBigInt(), l.unlocking.length]).toEqual([
      20_000n * DBC,
      20_000n * DBC,
      0,
    ]);
    expect(await stakingLock(dave.address)).toBe(20_000n * DBC);

    const key = u8aToHex(t.pair('//Dave//session').publicKey);
    const keys = await t.send(
      t.api.tx.session.setKeys({ grandpa: key, babe: key, imOnline: key, authorityDiscovery: key }, '0x'),
      dave,
    );
    expect(keys.error).toBeNull();
    expect(((await t.api.query.session.nextKeys(dave.address)) as any).unwrap().babe.toHex()).toBe(key);

    const validated = await t.send(
      t.api.tx.staking.validate({ commission: 20_000_000, blocked: false }),
      dave,
    );
    expect(validated.error).toBeNull();
    expect(findEvent(validated.events, 'staking.ValidatorPrefsSet')).toBeDefined();
    const listed = ((await q().validators.keys()) as any[]).map((k) => k.args[0].toString());
    expect(listed).toContain(dave.address);
    expect(((await q().counterForValidators()) as any).toNumber()).toBe(3);
    // Two seats by default: governance opens a third so the newcomer is elected.
    await t.root('Staking', 'set_validator_count', { new: 3 });
    expect(((await q().validatorCount()) as any).toNumber()).toBe(3);
  });

  it('lets another account nominate the new validator', async () => {
    expect(await errorOf(t.api.tx.staking.bond(10_000n * DBC, 'Stash'), eve)).toBeNull();
    expect(await errorOf(t.api.tx.staking.nominate([dave.address]), eve)).toBeNull();
    const nominations = ((await q().nominators(eve.address)) as any).unwrap();
    expect(nominations.targets.map(String)).toEqual([dave.address]);
    expect(nominations.submittedIn.toNumber()).toBe(await currentEra());
  });

  it('rejects bonding twice, roles below their minimum bond, and bad nomination targets', async () => {
    expect(await errorOf(t.api.tx.staking.bond(1_000n * DBC, 'Staked'), dave)).toBe('staking.AlreadyBonded');
    // ExistentialDeposit is 0, so any bond succeeds; the minimums apply to the roles.
    expect(await errorOf(t.api.tx.staking.bond(50n * DBC, 'Staked'), ferdie)).toBeNull();
    expect(await errorOf(t.api.tx.staking.nominate([dave.address]), ferdie)).toBe('staking.InsufficientBond');
    expect(await errorOf(t.api.tx.staking.validate({ commission: 0, blocked: false }), ferdie)).toBe(
      'staking.InsufficientBond',
    );
    expect(await errorOf(t.api.tx.staking.bondExtra(950n * DBC), ferdie)).toBeNull();
    expect((await ledger(ferdie.address)).active.unwrap().toBigInt()).toBe(1_000n * DBC);
    expect(await errorOf(t.api.tx.staking.nominate([]), ferdie)).toBe('staking.EmptyTargets');
    const seventeen = Array.from({ length: 17 }, (_, i) => t.pair(`//Target${i}`).address);
    expect(await errorOf(t.api.tx.staking.nominate(seventeen), ferdie)).toBe('staking.TooManyTargets');
    expect(
      await errorOf(t.api.tx.staking.validate({ commission: 20_000_000, blocked: true }), dave),
    ).toBeNull();
    expect(await errorOf(t.api.tx.staking.nominate([dave.address]), ferdie)).toBe('staking.BadTarget');
    // Eve nominated Dave before he blocked: re-nominating an existing target stays allowed.
    expect(await errorOf(t.api.tx.staking.nominate([dave.address]), eve)).toBeNull();
    expect(
      await errorOf(t.api.tx.staking.validate({ commission: 20_000_000, blocked: false }), dave),
    ).toBeNull();
  });

  it('rejects payouts for the current era and a future era (no ErasValidatorReward yet)', async () => {
    const era = await currentEra();
    for (const e of [era, era + 1]) {
      expect(await errorOf(t.api.tx.staking.payoutStakers(t.alice.address, e), ferdie)).toBe(
        'staking.InvalidEraToReward',
      );
    }
  });

  it('ends the era at the 14,400-block boundary: ActiveEra advances, EraPaid, ErasValidatorReward', async () => {
    const era = await activeEra();
    const boundary = await toNextEra();
    expect(boundary % ERA).toBe(0);
    expect(await activeEra()).toBe(era + 1);
    expect(await currentEra()).toBe(era + 1);
    const paid = (await eventsAt(boundary)).find((e: any) => e.event.method === 'EraPaid');
    expect(paid.event.data.eraIndex.toNumber()).toBe(era);
    const reward = ((await q().erasValidatorReward(era)) as any).unwrap().toBigInt();
    expect(reward).toBe(paid.event.data.validatorPayout.toBigInt());
    // Phase 0: 10^9 DBC a year, pro rata of the era's duration (from the first devnet block).
    const before = (await t.api.at(await t.api.rpc.chain.getBlockHash(boundary - 1))) as any;
    const start = (await before.query.staking.activeEra()).unwrap().start.unwrap().toBigInt();
    const duration = (await before.query.timestamp.now()).toBigInt() - start;
    expect(reward).toBe(mulPerbill(perbill(duration, 31_557_600_000n), 1_000_000_000n * DBC));
    // Dave validated and set keys before the election: he is in the new era's set, backed by Eve.
    const exposure = (await q().erasStakers(era + 1, dave.address)) as any;
    expect(exposure.others.map((o: any) => [o.who.toString(), o.value.unwrap().toBigInt()])).toEqual([
      [eve.address, 10_000n * DBC],
    ]);
    expect((await t.api.query.session.validators()).map(String)).toContain(dave.address);
    expect(((await t.api.query.session.currentIndex()) as any).toNumber()).toBe(boundary / 2_400);
  });

  it('pays a validator and its nominators with payout_stakers; paying twice is AlreadyClaimed', async () => {
    const era = (await activeEra()) - 1;
    const expected = await expectedPayout(t.alice.address, era);
    const charlieBefore = await free(charlie.address);
    const paid = await t.send(t.api.tx.staking.payoutStakers(t.alice.address, era), ferdie);
    expect(paid.error).toBeNull();
    expect(findEvent(paid.events, 'staking.PayoutStarted')).toBeDefined();
    expect(rewarded(paid.events, t.alice.address)).toBe(expected.validator);
    expect(rewarded(paid.events, charlie.address)).toBe(expected.nominators.get(charlie.address));
    expect(expected.validator).toBeGreaterThan(0n);
    // Payee Staked: the reward lands in the stash and is bonded.
    expect((await free(charlie.address)) - charlieBefore).toBe(expected.nominators.get(charlie.address));
    expect((await ledger(charlie.address)).active.unwrap().toBigInt()).toBe(
      50_000n * DBC + expected.nominators.get(charlie.address)!,
    );
    expect((await ledger(t.alice.address)).active.unwrap().toBigInt()).toBe(
      100_000n * DBC + expected.validator,
    );
    expect((await ledger(t.alice.address)).claimedRewards.map(Number)).toContain(era);
    expect(await errorOf(t.api.tx.staking.payoutStakers(t.alice.address, era), ferdie)).toBe(
      'staking.AlreadyClaimed',
    );
  });

  it('rewards the new validator for the era it validated in, and its nominator', async () => {
    const era = await activeEra();
    await toNextEra();
    const points = (await q().erasRewardPoints(era)) as any;
    expect([...points.individual.keys()].map(String)).toContain(dave.address);
    const expected = await expectedPayout(dave.address, era);
    const eveBefore = await free(eve.address);
    const paid = await t.send(t.api.tx.staking.payoutStakers(dave.address, era), eve);
    expect(paid.error).toBeNull();
    expect(rewarded(paid.events, dave.address)).toBe(expected.validator);
    expect(rewarded(paid.events, eve.address)).toBe(expected.nominators.get(eve.address));
    // Payee Stash: paid into the free balance (Eve also paid the fee), not bonded.
    expect((await free(eve.address)) - eveBefore + paid.fee).toBe(expected.nominators.get(eve.address));
    expect((await ledger(eve.address)).active.unwrap().toBigInt()).toBe(10_000n * DBC);
  });

  let unlockEra = 0;

  it('unbonds into a chunk unlocking at CurrentEra + BondingDuration; withdrawing early releases nothing', async () => {
    const era = await currentEra();
    const total = (await ledger(charlie.address)).total.unwrap().toBigInt();
    const unbonded = await t.send(t.api.tx.staking.unbond(10_000n * DBC), charlie);
    expect(unbonded.error).toBeNull();
    expect(eventData(unbonded.events, 'staking.Unbonded')).toEqual([charlie.address, String(10_000n * DBC)]);
    const l = await ledger(charlie.address);
    expect(l.unlocking.map((c: any) => [c.value.unwrap().toBigInt(), c.era.unwrap().toNumber()])).toEqual([
      [10_000n * DBC, era + 14],
    ]);
    expect(l.active.unwrap().toBigInt()).toBe(total - 10_000n * DBC);
    unlockEra = era + 14;
    const account = await t.api.derive.staking.account(charlie.address);
    expect(account.unlocking?.[0]?.remainingEras.toNumber()).toBe(era + 14 - (await activeEra()));

    const early = await t.send(t.api.tx.staking.withdrawUnbonded(0), charlie);
    expect(early.error).toBeNull();
    expect(findEvent(early.events, 'staking.Withdrawn')).toBeUndefined();
    expect((await ledger(charlie.address)).total.unwrap().toBigInt()).toBe(total);
    expect(await stakingLock(charlie.address)).toBe(total);

    const rebonded = await t.send(t.api.tx.staking.rebond(1_000n * DBC), charlie);
    expect(eventData(rebonded.events, 'staking.Bonded')).toEqual([charlie.address, String(1_000n * DBC)]);
    expect((await ledger(charlie.address)).unlocking[0].value.unwrap().toBigInt()).toBe(9_000n * DBC);
  });

  it('chills a nominator, who can then unbond everything', async () => {
    expect(await errorOf(t.api.tx.staking.unbond(10_000n * DBC), eve)).toBe('staking.InsufficientBond');
    const chilled = await t.send(t.api.tx.staking.chill(), eve);
    expect(eventData(chilled.events, 'staking.Chilled')).toEqual([eve.address]);
    expect(((await q().nominators(eve.address)) as any).isNone).toBe(true);
    expect(await errorOf(t.api.tx.staking.unbond(10_000n * DBC), eve)).toBeNull();
    expect((await ledger(eve.address)).active.unwrap().toBigInt()).toBe(0n);
  });

  it('lets root move an unlocking chunk (set_unlock_after_eras) and disable/enable a validator', async () => {
    const era = await currentEra();
    await t.root('Staking', 'set_unlock_after_eras', {
      account: eve.address,
      unlockingIndex: 0,
      afterEras: 3,
    });
    expect((await ledger(eve.address)).unlocking[0].era.unwrap().toNumber()).toBe(era + 3);
    await t.root('Staking', 'set_unlock_after_eras', {
      account: eve.address,
      unlockingIndex: 0,
      afterEras: 14,
    });

    await t.root('Staking', 'disable_validator', { validator: dave.address });
    expect(((await q().disabledValidators()) as any).map(String)).toEqual([dave.address]);
    const prefs = { commission: 20_000_000, blocked: false };
    expect(await errorOf(t.api.tx.staking.validate(prefs), dave)).toBe('staking.DisabledValidator');
    await t.root('Staking', 'enable_validator', { validator: dave.address });
    expect(await errorOf(t.api.tx.staking.validate(prefs), dave)).toBeNull();
    await expect(t.root('Staking', 'enable_validator', { validator: dave.address })).rejects.toThrow(
      /NotDisabledValidator/,
    );
  });

  it('releases unbonded funds once CurrentEra reaches the chunk era, 14 eras later', async () => {
    const total = (await ledger(charlie.address)).total.unwrap().toBigInt();
    // Fourteen 14,400-block eras take over a minute to produce with every pallet's hooks, so
    // governance forces a new era every session (ForceAlways): the same era machinery, 6× faster.
    await t.root('Staking', 'force_new_era_always', {});
    while ((await currentEra()) < unlockEra) {
      expect(
        (await t.send(t.api.tx.staking.withdrawUnbonded(0), charlie)).events.some(
          (e) => e.event.method === 'Withdrawn',
        ),
      ).toBe(false);
      await t.newBlocks(2_400);
    }
    expect(await currentEra()).toBe(unlockEra);
    const withdrawn = await t.send(t.api.tx.staking.withdrawUnbonded(0), charlie);
    expect(eventData(withdrawn.events, 'staking.Withdrawn')).toEqual([charlie.address, String(9_000n * DBC)]);
    const l = await ledger(charlie.address);
    expect([l.total.unwrap().toBigInt(), l.unlocking.length]).toEqual([total - 9_000n * DBC, 0]);
    expect(await stakingLock(charlie.address)).toBe(total - 9_000n * DBC);

    // A full unbond: set_lock(0) is a no-op in pallet_balances and ED = 0 never reaps the stash,
    // so the old lock stays (as on DBC mainnet).
    const all = await t.send(t.api.tx.staking.withdrawUnbonded(0), eve);
    expect(eventData(all.events, 'staking.Withdrawn')).toEqual([eve.address, String(10_000n * DBC)]);
    expect((await ledger(eve.address)).total.unwrap().toBigInt()).toBe(0n);
    expect(await stakingLock(eve.address)).toBe(10_000n * DBC);
  });

  it('rejects payouts for eras beyond HistoryDepth (84)', async () => {
    const era = await currentEra();
    expect(era).toBeGreaterThan(85);
    expect(await errorOf(t.api.tx.staking.payoutStakers(t.alice.address, era - 85), ferdie)).toBe(
      'staking.InvalidEraToReward',
    );
  });
});
