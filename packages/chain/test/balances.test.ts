import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getBalance,
  parseDbc,
  submit,
  submitAndCheck,
  transferAllowDeathTx,
  transferKeepAliveTx,
  type Tx,
} from '../src/index.js';
import { expectDispatchError, expectRejectedBeforeSending, startTestChain, type TestChain } from './helpers/testChain.js';

let t: TestChain;

beforeAll(async () => {
  t = await startTestChain({ machines: 10 });
});
afterAll(() => t?.close());

describe('balances', () => {
  it('reads free, reserved, frozen and transferable balance', async () => {
    const alice = await getBalance(t.chain, { address: t.alice.address });
    // //Alice validates with 100,000 DBC bonded: locked (frozen) but still free.
    expect(alice.frozenPlanck).toBe(parseDbc('100000'));
    expect(alice.transferablePlanck).toBe(alice.freePlanck - alice.frozenPlanck);
    expect(alice.totalPlanck).toBe(alice.freePlanck + alice.reservedPlanck);
    const stash = t.net.genesis.miners[0]!.stash.address;
    const miner = await getBalance(t.chain, { address: stash });
    expect(miner.reservedPlanck).toBeGreaterThan(0n);
    expect(miner.transferablePlanck).toBe(miner.freePlanck);
    const nobody = await getBalance(t.chain, { address: '5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM' });
    expect(nobody).toEqual({ freePlanck: 0n, reservedPlanck: 0n, frozenPlanck: 0n, transferablePlanck: 0n, totalPlanck: 0n, nonce: 0 });
  });

  it('transfers with transferKeepAlive and transferAllowDeath', async () => {
    const bob = await t.signer('//ChainBalancesBob');
    const carol = await t.signer('//ChainBalancesCarol');
    const r = await submitAndCheck(t.chain, transferKeepAliveTx(t.chain, { to: bob.address, amountPlanck: parseDbc('25.5') }), t.alice);
    expect(r.ok).toBe(true);
    expect((await getBalance(t.chain, { address: bob.address })).freePlanck).toBe(parseDbc('25.5'));
    const before = await getBalance(t.chain, { address: bob.address });
    const sent = await submitAndCheck(t.chain, transferAllowDeathTx(t.chain, { to: carol.address, amountPlanck: parseDbc('5') }), bob);
    expect((await getBalance(t.chain, { address: carol.address })).freePlanck).toBe(parseDbc('5'));
    expect((await getBalance(t.chain, { address: bob.address })).freePlanck).toBe(before.freePlanck - parseDbc('5') - sent.fee);
  });

  it('fails a transfer of more than the free balance with a decoded error', async () => {
    const poor = await t.signer('//ChainBalancesPoor');
    await t.fund(poor.address, 1);
    const result = await expectDispatchError(
      t.chain,
      () => transferAllowDeathTx(t.chain, { to: t.alice.address, amountPlanck: parseDbc('2') }),
      poor,
      'Token.FundsUnavailable',
    );
    expect(result.ok).toBe(false);
  });

  it('gives sequential sends from one account consecutive nonces, without waiting between them', async () => {
    const to = (await t.signer('//ChainBalancesNonces')).address;
    const txs: Tx[] = [1, 2, 3].map((n) => transferKeepAliveTx(t.chain, { to, amountPlanck: parseDbc(String(n)) }));
    const { nonce } = await getBalance(t.chain, { address: t.alice.address });
    const results = await Promise.all(txs.map((tx) => submit(t.chain, tx, t.alice)));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(txs.map((tx) => tx.nonce.toNumber())).toEqual([nonce, nonce + 1, nonce + 2]);
    expect((await getBalance(t.chain, { address: to })).freePlanck).toBe(parseDbc('6'));
  });

  it('rejects bad amounts and addresses before sending anything', async () => {
    const c = t.chain;
    const to = t.alice.address;
    for (const amountPlanck of [-1n, -1, 0n, 1.5, Number.NaN, 2 ** 60]) {
      await expectRejectedBeforeSending(c, () => transferKeepAliveTx(c, { to, amountPlanck }), 'INPUT_INVALID_AMOUNT');
    }
    await expectRejectedBeforeSending(c, () => transferKeepAliveTx(c, { to, amountPlanck: 1.5 }), 'INPUT_INVALID_AMOUNT');
    await expectRejectedBeforeSending(c, () => transferAllowDeathTx(c, { to: 'nope', amountPlanck: 1n }), 'INPUT_INVALID_ADDRESS');
    await expectRejectedBeforeSending(
      c,
      () => transferKeepAliveTx(c, { to: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', amountPlanck: 1n }),
      'INPUT_ADDRESS_WRONG_NETWORK',
    );
    await expectRejectedBeforeSending(c, () => getBalance(c, { address: '0x1234' }), /^INPUT_INVALID_ADDRESS$/);
  });

  it('suggests parseDbc when a fractional amount is passed as planck', async () => {
    expect(() => transferKeepAliveTx(t.chain, { to: t.alice.address, amountPlanck: 1.5 })).toThrow(/parseDbc\("1\.5"\)/);
  });
});
