import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  getActiveEra,
  getStakingLedger,
  keyringSigner,
  parseDbc,
  type DbcChain,
  type DbcSigner,
} from '@dbc-cloud/chain';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { createContext, type ClientContext } from '../src/client/context.js';
import { createSuperNodesResource, type SuperNodesResource } from '../src/superNodes/index.js';
import { adminRpc, fundWith, expectRefusedBy } from './helpers/devnetCalls.js';

const ERA = 14_400;
let net: Devnet;
let observer: DbcChain;
let alice: DbcSigner;
let bob: DbcSigner;
let charlie: DbcSigner;
let node: DbcSigner;
let nominator: DbcSigner;
let era: number;
const contexts: ClientContext[] = [];

function superNodesFor(signer?: DbcSigner): SuperNodesResource {
  const ctx = createContext({ network: { chain: net.chainUrl }, signer });
  contexts.push(ctx);
  return createSuperNodesResource(ctx);
}

const admin = <T = unknown>(method: string, params: unknown[] = []) => adminRpc<T>(net, method, params);

const fund = (address: string, dbc: string) => fundWith(net, alice, contexts, address, dbc);

/** Expects a DbcInputError with `code` and checks that `signer` sent nothing (nonce unchanged). */
const expectRefused = (signer: DbcSigner, fn: () => Promise<unknown>, code: string) =>
  expectRefusedBy(observer, signer, fn, code);

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 20, noClientNodes: true });
  observer = await connect({ endpoints: net.chainUrl });
  [alice, bob, charlie, node, nominator] = await Promise.all(
    ['//Alice', '//Bob', '//Charlie', '//SdkSuperNode', '//SdkNominator'].map((u) => keyringSigner(u)),
  );
  await fund(node.address, '30000');
  await fund(nominator.address, '2000');
  era = (await getActiveEra(observer))!.index;
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await observer?.disconnect();
  await net?.stop();
});

describe('superNodes.list', () => {
  it('shows Alice and Bob with their commission, stake and nominators', async () => {
    const nodes = await superNodesFor().list();
    const a = nodes.find((n) => n.stash === alice.address)!;
    const b = nodes.find((n) => n.stash === bob.address)!;
    expect(a).toMatchObject({
      commissionPercent: 10,
      blocked: false,
      elected: true,
      nominatorCount: 1,
      ownStake: { planck: parseDbc('100000') },
    });
    expect(b).toMatchObject({ commissionPercent: 5, elected: true, nominatorCount: 1 });
    expect(a.totalStake.planck).toBeGreaterThan(a.ownStake.planck);
    // No era has ended since genesis, so there is no payout to estimate from yet.
    expect(a.estimatedApyPercent).toBeNull();
  });
});

describe('running a super node', () => {
  it('bonds, bonds extra and validates a new account', async () => {
    const sn = superNodesFor(node);
    const r = await sn.bond({ amountDbc: '20000', payee: 'staked' }, { onProgress: () => undefined });
    expect(r).toMatchObject({ stash: node.address, bonded: { dbc: '20000' } });
    await expectRefused(node, () => sn.bond({ amountDbc: '1' }), 'INPUT_ALREADY_BONDED');
    expect((await sn.bondExtra({ amountDbc: '1000' })).active.planck).toBe(parseDbc('21000'));
    const v = await sn.validate({ commissionPercent: 3 });
    expect(v.commissionPercent).toBe(3);
    const listed = (await superNodesFor().list()).find((n) => n.stash === node.address)!;
    expect(listed).toMatchObject({
      commissionPercent: 3,
      elected: false,
      nominatorCount: 0,
      ownStake: { planck: parseDbc('21000') },
    });
  });

  it('rejects bad bonds and commissions before sending anything', async () => {
    const small = await keyringSigner('//SdkSmallStaker');
    await fund(small.address, '100');
    const sn = superNodesFor(small);
    await expectRefused(small, () => sn.bond({ amountDbc: '0' }), 'INPUT_INVALID_AMOUNT');
    await expectRefused(
      small,
      () => sn.bond({ amountDbc: '1', payee: 'everyone' as never }),
      'INPUT_INVALID_PAYEE',
    );
    await expectRefused(
      small,
      () => sn.bond({ amountDbc: '1', payee: { account: 'nope' } }),
      'INPUT_INVALID_ADDRESS',
    );
    await expectRefused(small, () => sn.bond({ amountDbc: '500' }), 'INPUT_INSUFFICIENT_BALANCE');
    await expectRefused(small, () => sn.bondExtra({ amountDbc: '1' }), 'INPUT_NOT_BONDED');
    await expectRefused(small, () => sn.validate({ commissionPercent: 150 }), 'INPUT_INVALID_COMMISSION');
    await expectRefused(small, () => sn.validate({ commissionPercent: -1 }), 'INPUT_INVALID_COMMISSION');
    await expectRefused(small, () => sn.validate({ commissionPercent: 5 }), 'INPUT_NOT_BONDED');
    await sn.bond({ amountDbc: '50' });
    const e = await expectRefused(
      small,
      () => sn.validate({ commissionPercent: 5 }),
      'INPUT_INSUFFICIENT_BOND',
    );
    expect(e.message).toMatch(/at least 10000 DBC bonded/);
    await expectRefused(small, () => sn.chill(), 'INPUT_NOT_STAKING');
  });
});

describe('nominating', () => {
  it('nominates super nodes with a bond', async () => {
    const sn = superNodesFor(nominator);
    await sn.bond({ amountDbc: '1000', payee: 'stash' });
    const r = await sn.nominate([alice.address, node.address]);
    expect(r.targets).toEqual([alice.address, node.address]);
    const nodes = await superNodesFor().list();
    expect(nodes.find((n) => n.stash === alice.address)!.nominatorCount).toBe(2);
    expect(nodes.find((n) => n.stash === node.address)!.nominatorCount).toBe(1);
  });

  it('rejects bad nomination lists before sending anything', async () => {
    const sn = superNodesFor(nominator);
    const dave = (await keyringSigner('//Dave')).address;
    await expectRefused(nominator, () => sn.nominate([]), 'INPUT_INVALID_TARGETS');
    await expectRefused(nominator, () => sn.nominate(Array(17).fill(alice.address)), 'INPUT_INVALID_TARGETS');
    await expectRefused(nominator, () => sn.nominate(['nope']), 'INPUT_INVALID_ADDRESS');
    await expectRefused(
      nominator,
      () => sn.nominate([alice.address, alice.address]),
      'INPUT_DUPLICATE_TARGET',
    );
    const e = await expectRefused(nominator, () => sn.nominate([dave]), 'INPUT_NOT_A_SUPER_NODE');
    expect(e.message).toMatch(/superNodes\.list/);
  });
});

describe('rewards', () => {
  it('lists unpaid eras with estimates, pays them out and stops listing them', async () => {
    const best = (await observer.api.rpc.chain.getHeader()).number.toNumber();
    await admin('devnet_newBlocks', [(era + 1) * ERA - best]);
    expect((await getActiveEra(observer))!.index).toBe(era + 1);

    const a = (await superNodesFor().list()).find((n) => n.stash === alice.address)!;
    expect(a.eraPoints).toBeGreaterThan(0);
    expect(a.estimatedApyPercent).toBeGreaterThan(0);

    const pending = await superNodesFor().pendingRewards(charlie.address);
    const fromAlice = pending.eras.find((p) => p.era === era && p.validator === alice.address)!;
    expect(fromAlice).toMatchObject({ role: 'nominator' });
    expect(fromAlice.estimated.planck).toBeGreaterThan(0n);
    expect(pending.total.planck).toBeGreaterThanOrEqual(fromAlice.estimated.planck);

    // Anyone can pay out; a fresh account proves it.
    const payer = await keyringSigner('//SdkPayer');
    await fund(payer.address, '10');
    const sn = superNodesFor(payer);
    await expectRefused(
      payer,
      () => sn.payout({ validator: alice.address, era: era + 1 }),
      'INPUT_ERA_NOT_ENDED',
    );
    await expectRefused(payer, () => sn.payout({ validator: alice.address, era: -1 }), 'INPUT_INVALID_ERA');
    await expectRefused(payer, () => sn.payout({ validator: alice.address, era: 1.5 }), 'INPUT_INVALID_ERA');
    await expectRefused(payer, () => sn.payout({ validator: node.address, era }), 'INPUT_NOT_ELECTED');
    const r = await sn.payout({ validator: alice.address, era });
    const paidCharlie = r.rewarded.find((x) => x.stash === charlie.address)!.amount.planck;
    const diff =
      paidCharlie > fromAlice.estimated.planck
        ? paidCharlie - fromAlice.estimated.planck
        : fromAlice.estimated.planck - paidCharlie;
    expect(diff * 1000n).toBeLessThanOrEqual(paidCharlie);
    expect(r.rewarded.map((x) => x.stash)).toContain(alice.address);

    const after = await superNodesFor().pendingRewards(charlie.address);
    expect(after.eras.some((p) => p.era === era && p.validator === alice.address)).toBe(false);
    expect(after.eras.some((p) => p.era === era && p.validator === bob.address)).toBe(true);
    await expectRefused(payer, () => sn.payout({ validator: alice.address, era }), 'INPUT_ALREADY_PAID');
    expect((await superNodesFor().pendingRewards(alice.address)).eras.some((p) => p.era === era)).toBe(false);
  });
});

describe('unbonding', () => {
  it('unbonds within the rules, refuses to withdraw early, then withdraws what unlocked', async () => {
    const sn = superNodesFor(nominator);
    await expectRefused(nominator, () => sn.unbond({ amountDbc: '2000' }), 'INPUT_UNBOND_TOO_MUCH');
    const keep = await expectRefused(
      nominator,
      () => sn.unbond({ amountDbc: '950' }),
      'INPUT_INSUFFICIENT_BOND',
    );
    expect(keep.message).toMatch(/nominator must keep at least 100 DBC/);
    await expectRefused(nominator, () => sn.unbond({ amountDbc: '0' }), 'INPUT_INVALID_AMOUNT');
    const now = (await getActiveEra(observer))!.index;
    const r = await sn.unbond({ amountDbc: '400' });
    expect(r).toMatchObject({ unbonded: { dbc: '400' }, withdrawableFromEra: now + 14 });

    const early = await expectRefused(nominator, () => sn.withdraw(), 'INPUT_NOTHING_TO_WITHDRAW');
    expect(early.message).toMatch(new RegExp(`400 DBC unlocks at era ${now + 14}, in about 14 day`));

    // Root moves the chunk's unlock era to now (DBC's set_unlock_after_eras) instead of waiting 14 eras.
    await admin('devnet_rootCall', [
      'Staking',
      'set_unlock_after_eras',
      { account: nominator.address, unlockingIndex: 0, afterEras: 0 },
    ]);
    const w = await sn.withdraw();
    expect(w.withdrawn.planck).toBe(parseDbc('400'));
    expect(w.stillUnlocking).toEqual([]);
    expect((await getStakingLedger(observer, { controller: nominator.address }))!.totalPlanck).toBe(
      parseDbc('600'),
    );
  });

  it('chills a super node, after which it is no longer listed', async () => {
    const sn = superNodesFor(node);
    expect((await sn.chill()).stopped).toBe('validating');
    expect((await superNodesFor().list()).some((n) => n.stash === node.address)).toBe(false);
    await expectRefused(node, () => sn.chill(), 'INPUT_NOT_STAKING');
    const fresh = await keyringSigner('//SdkNeverBonded');
    await expectRefused(fresh, () => superNodesFor(fresh).withdraw(), 'INPUT_NOT_BONDED');
  });
});
