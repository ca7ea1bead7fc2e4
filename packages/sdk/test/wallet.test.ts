import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  getBalance,
  keyringSigner,
  parseDbc,
  type DbcChain,
  type DbcSigner,
} from '@dbc-cloud/chain';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { createContext, type ClientContext } from '../src/client/context.js';
import { createWalletResource, type WalletResource } from '../src/wallet/index.js';

let net: Devnet;
let observer: DbcChain;
let alice: DbcSigner;
const contexts: ClientContext[] = [];

function walletFor(signer?: DbcSigner): { ctx: ClientContext; wallet: WalletResource } {
  const ctx = createContext({ network: { chain: net.chainUrl }, signer });
  contexts.push(ctx);
  return { ctx, wallet: createWalletResource(ctx) };
}

/** Runs `fn`, expects a DbcInputError with `code`, and checks the signer's nonce did not move. */
async function expectRefused(signer: DbcSigner, fn: () => Promise<unknown>, code: string): Promise<Error> {
  const before = (await getBalance(observer, { address: signer.address })).nonce;
  const error = await fn().then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, `expected ${code}`).toMatchObject({ name: 'DbcInputError', code });
  expect((await getBalance(observer, { address: signer.address })).nonce).toBe(before);
  return error!;
}

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 20, noClientNodes: true });
  observer = await connect({ endpoints: net.chainUrl });
  alice = await keyringSigner('//Alice');
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await observer?.disconnect();
  await net?.stop();
});

describe('wallet.balance', () => {
  it("reads the signer's balance with staked DBC counted as locked, not transferable", async () => {
    const { wallet } = walletFor(alice);
    const b = await wallet.balance();
    expect(b.address).toBe(alice.address);
    expect(b.locked).toEqual({ planck: parseDbc('100000'), dbc: '100000' });
    expect(b.transferable.planck).toBe(b.free.planck - b.locked.planck);
    expect(b.total.planck).toBe(b.free.planck + b.reserved.planck);
    expect(b.free.dbc).toMatch(/^\d+(\.\d+)?$/);
  });

  it("reads another account's balance, including a miner's reserved stake", async () => {
    const { wallet } = walletFor();
    const b = await wallet.balance(net.genesis.miners[0]!.stash.address);
    expect(b.reserved.planck).toBeGreaterThan(0n);
  });

  it('refuses a malformed address, and a missing address without a signer, before connecting', async () => {
    // Nothing listens on this endpoint: a call that tried to connect would fail with CONNECT_FAILED instead.
    const ctx = createContext({ network: { chain: 'ws://127.0.0.1:1' } });
    contexts.push(ctx);
    const wallet = createWalletResource(ctx);
    await expect(wallet.balance('not-an-address')).rejects.toMatchObject({ code: 'INPUT_INVALID_ADDRESS' });
    await expect(wallet.balance()).rejects.toMatchObject({ code: 'CONFIG_NO_SIGNER' });
    await expect(wallet.balance(alice.address, { timeoutMs: -1 })).rejects.toMatchObject({
      code: 'INPUT_INVALID_TIMEOUT',
    });
    const aborted = AbortSignal.abort();
    await expect(wallet.balance(alice.address, { signal: aborted })).rejects.toMatchObject({
      name: 'DbcAbortError',
    });
  });
});

describe('wallet.transfer', () => {
  it('sends DBC, reports progress and returns a receipt whose fee matches the balances', async () => {
    // A sender that authors no blocks, so no share of its own fee comes back to it.
    const sender = await keyringSigner('//SdkWalletSender');
    await walletFor(alice).wallet.transfer({ to: sender.address, amountDbc: 100 });
    const { wallet } = walletFor(sender);
    const to = (await keyringSigner('//SdkWalletBob')).address;
    const before = await getBalance(observer, { address: sender.address });
    const progress: string[] = [];
    const receipt = await wallet.transfer(
      { to, amountDbc: '25.5' },
      { onProgress: (p) => progress.push(p.type), timeoutMs: 30_000 },
    );
    expect(receipt).toMatchObject({
      from: sender.address,
      to,
      amount: { planck: parseDbc('25.5'), dbc: '25.5' },
    });
    expect(receipt.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(receipt.fee.planck).toBeGreaterThan(0n);
    expect(progress).toEqual(expect.arrayContaining(['checking', 'signing', 'inBlock']));
    expect((await getBalance(observer, { address: to })).freePlanck).toBe(parseDbc('25.5'));
    const after = await getBalance(observer, { address: sender.address });
    expect(after.freePlanck).toBe(before.freePlanck - parseDbc('25.5') - receipt.fee.planck);
  });

  it('sends an amount in planck, and without keep-alive', async () => {
    const { wallet } = walletFor(alice);
    const to = (await keyringSigner('//SdkWalletCarol')).address;
    await wallet.transfer({ to, amountPlanck: 1_000n, keepAlive: false });
    expect((await getBalance(observer, { address: to })).freePlanck).toBe(1_000n);
  });

  it('estimates a fee within 1 % of the fee actually paid', async () => {
    const { wallet } = walletFor(alice);
    const to = (await keyringSigner('//SdkWalletDave')).address;
    const { fee } = await wallet.estimateFee({ to, amountDbc: 3 });
    const receipt = await wallet.transfer({ to, amountDbc: 3 });
    const diff =
      fee.planck > receipt.fee.planck ? fee.planck - receipt.fee.planck : receipt.fee.planck - fee.planck;
    expect(diff * 100n).toBeLessThanOrEqual(receipt.fee.planck);
  });

  it('rejects bad recipients and amounts before sending anything', async () => {
    const { wallet } = walletFor(alice);
    const to = (await keyringSigner('//SdkWalletErin')).address;
    await expectRefused(
      alice,
      () => wallet.transfer({ to: 'nope', amountDbc: '1' }),
      'INPUT_INVALID_ADDRESS',
    );
    await expectRefused(alice, () => wallet.transfer({ to: '', amountDbc: '1' }), 'INPUT_INVALID_ADDRESS');
    const kusama = await expectRefused(
      alice,
      () => wallet.transfer({ to: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F', amountDbc: '1' }),
      'INPUT_ADDRESS_WRONG_NETWORK',
    );
    expect(kusama.message).toMatch(/on DBC this account is 5/);
    await expectRefused(alice, () => wallet.transfer({ to, amountDbc: '0' }), 'INPUT_INVALID_AMOUNT');
    await expectRefused(alice, () => wallet.transfer({ to, amountDbc: '-5' }), 'INPUT_INVALID_AMOUNT');
    await expectRefused(alice, () => wallet.transfer({ to, amountDbc: -5 }), 'INPUT_INVALID_AMOUNT');
    const decimals = await expectRefused(
      alice,
      () => wallet.transfer({ to, amountDbc: '0.0000000000000001' }),
      'INPUT_INVALID_AMOUNT',
    );
    expect(decimals.message).toMatch(/16 decimals; DBC has 15/);
    await expectRefused(alice, () => wallet.transfer({ to, amountDbc: '1e3' }), 'INPUT_INVALID_AMOUNT');
    await expectRefused(alice, () => wallet.transfer({ to, amountPlanck: 1.5 }), 'INPUT_INVALID_AMOUNT');
    await expectRefused(alice, () => wallet.transfer({ to, amountPlanck: 0n }), 'INPUT_INVALID_AMOUNT');
    await expectRefused(
      alice,
      () => wallet.transfer({ to, amountDbc: '1', amountPlanck: 1n }),
      'INPUT_INVALID_AMOUNT',
    );
    await expectRefused(alice, () => wallet.transfer({ to } as never), 'INPUT_INVALID_AMOUNT');
    await expectRefused(
      alice,
      () => wallet.transfer({ to: alice.address, amountDbc: '1' }),
      'INPUT_TRANSFER_TO_SELF',
    );
  });

  it('refuses a transfer the transferable balance cannot cover once the fee is added', async () => {
    const poor = await keyringSigner('//SdkWalletPoor');
    await walletFor(alice).wallet.transfer({ to: poor.address, amountDbc: '1' });
    const { wallet } = walletFor(poor);
    const e = await expectRefused(
      poor,
      () => wallet.transfer({ to: alice.address, amountDbc: '1' }),
      'INPUT_INSUFFICIENT_BALANCE',
    );
    expect(e.message).toMatch(
      /can spend 1 DBC, but to send 1 DBC .* it needs 1\.\d+ DBC \(1 DBC to send \+ the transaction fee\)/,
    );
    // Alice's staked 100,000 DBC are locked, so she cannot send all of her free balance.
    const { wallet: aliceWallet } = walletFor(alice);
    const { free } = await aliceWallet.balance();
    await expectRefused(
      alice,
      () => aliceWallet.transfer({ to: poor.address, amountPlanck: free.planck - parseDbc('1000') }),
      'INPUT_INSUFFICIENT_BALANCE',
    );
  });

  it('needs a signer to send', async () => {
    const { wallet } = walletFor();
    await expect(wallet.transfer({ to: alice.address, amountDbc: '1' })).rejects.toMatchObject({
      code: 'CONFIG_NO_SIGNER',
    });
  });
});

describe('wallet.accounts', () => {
  it("lists the configured signer's account without asking any extension", async () => {
    expect(await walletFor(alice).wallet.accounts()).toEqual([{ address: alice.address, source: 'signer' }]);
    expect(await walletFor().wallet.accounts()).toEqual([]);
  });

  it('rejects a blank app name', async () => {
    await expect(walletFor().wallet.accounts({ extensions: true, appName: ' ' })).rejects.toMatchObject({
      code: 'INPUT_INVALID_APP_NAME',
    });
  });
});
