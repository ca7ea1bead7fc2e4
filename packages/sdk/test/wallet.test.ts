import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  DbcInputError,
  getBalance,
  getBlockNumber,
  keyringSigner,
  parseDbc,
  type DbcChain,
  type DbcSigner,
} from '@dbc-cloud/chain';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { createContext, type ClientContext } from '../src/client/context.js';
import {
  memoryIdempotencyStore,
  type IdempotencyStore,
  type TransferIdempotencyRecord,
} from '../src/idempotency/records.js';
import { createWalletResource, type WalletResource } from '../src/wallet/index.js';
import { adminRpc } from './helpers/devnetCalls.js';

let net: Devnet;
let observer: DbcChain;
let alice: DbcSigner;
const contexts: ClientContext[] = [];

function walletFor(
  signer?: DbcSigner,
  idempotencyStore?: IdempotencyStore,
): { ctx: ClientContext; wallet: WalletResource } {
  const ctx = createContext({ network: { chain: net.chainUrl }, signer, idempotencyStore });
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

describe('wallet.transfer idempotency', () => {
  let n = 0;
  /** A fresh sender holding 100 DBC and a fresh, empty recipient. */
  async function parties(): Promise<{ sender: DbcSigner; to: string }> {
    n++;
    const sender = await keyringSigner(`//SdkWalletIdem/${n}`);
    await walletFor(alice).wallet.transfer({ to: sender.address, amountDbc: 100 });
    return { sender, to: (await keyringSigner(`//SdkWalletIdemTo/${n}`)).address };
  }
  const admin = (method: string, params: unknown[] = []) => adminRpc(net, method, params);
  const freeOf = async (address: string) => (await getBalance(observer, { address })).freePlanck;
  const nonceOf = async (address: string) => (await getBalance(observer, { address })).nonce;
  const pool = async () =>
    (await observer.api.rpc.author.pendingExtrinsics()).map((x) => x.hash.toHex());
  /** Waits until the observer's connection is back after devnet_dropConnections. */
  async function reconnected(): Promise<void> {
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 100 && !observer.isConnected; i++) await new Promise((r) => setTimeout(r, 100));
    await getBlockNumber(observer);
  }

  it('sends once for retries with the same key: the same receipt back, the recipient credited once', async () => {
    const { sender, to } = await parties();
    const store = memoryIdempotencyStore();
    const { wallet } = walletFor(sender, store);
    const nonce = await nonceOf(sender.address);
    const free = await freeOf(sender.address);
    const [a, b] = await Promise.all([
      wallet.transfer({ to, amountDbc: '7.25', idempotencyKey: 'pay-1' }),
      wallet.transfer({ to, amountDbc: '7.25', idempotencyKey: 'pay-1' }),
    ]);
    // A later retry through another client over the same store (a restarted server).
    const c = await walletFor(sender, store).wallet.transfer({ to, amountDbc: '7.25', idempotencyKey: 'pay-1' });
    expect(a).toMatchObject({ from: sender.address, to, amount: { planck: parseDbc('7.25') } });
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(await freeOf(to)).toBe(parseDbc('7.25'));
    expect(await nonceOf(sender.address)).toBe(nonce + 1);
    expect(await freeOf(sender.address)).toBe(free - parseDbc('7.25') - a.fee.planck);
    const rec = (await store.get('transfer:pay-1')) as TransferIdempotencyRecord;
    expect(rec).toMatchObject({
      kind: 'transfer',
      from: sender.address,
      to,
      amountPlanck: parseDbc('7.25').toString(),
      keepAlive: true,
      txHash: a.txHash,
      nonce,
      receipt: { txHash: a.txHash, blockHash: a.blockHash, feePlanck: a.fee.planck.toString() },
    });
    // Records are plain JSON: a store may serialize them as they are.
    expect(JSON.parse(JSON.stringify(rec))).toEqual(rec);
  });

  it('stays one transfer when the connection drops while it is in flight, and a retry returns the same receipt', async () => {
    const { sender, to } = await parties();
    const store = memoryIdempotencyStore();
    const { wallet } = walletFor(sender, store);
    const nonce = await nonceOf(sender.address);
    let drop: Promise<unknown> | null = null;
    const first = await wallet
      .transfer(
        { to, amountDbc: '3', idempotencyKey: 'pay-drop' },
        {
          onProgress: (p) => {
            if (p.type === 'broadcast') drop ??= admin('devnet_dropConnections');
          },
        },
      )
      .catch((e: unknown) => e);
    expect(await drop).toBeGreaterThan(0);
    await reconnected();
    // Settled from the chain by the first call itself (it does not send again).
    expect(first).toMatchObject({ from: sender.address, to, amount: { planck: parseDbc('3') } });
    const again = await wallet.transfer({ to, amountDbc: '3', idempotencyKey: 'pay-drop' });
    expect(again).toEqual(first);
    expect(await freeOf(to)).toBe(parseDbc('3'));
    expect(await nonceOf(sender.address)).toBe(nonce + 1);
  });

  it('after a timeout with the transfer still in the pool, a retry sends nothing; once it is in a block, the retry returns its receipt', async () => {
    const { sender, to } = await parties();
    const store = memoryIdempotencyStore();
    const { wallet } = walletFor(sender, store);
    const nonce = await nonceOf(sender.address);
    const free = await freeOf(sender.address);
    await admin('devnet_setBlockMode', ['manual']);
    let hash: string;
    try {
      await expect(
        wallet.transfer({ to, amountDbc: '4', idempotencyKey: 'pay-slow' }, { timeoutMs: 1_500 }),
      ).rejects.toMatchObject({ name: 'DbcTimeoutError', code: 'TX_TIMEOUT' });
      [hash] = await pool();
      const rec = (await store.get('transfer:pay-slow'))!;
      expect(rec).toMatchObject({ txHash: hash, nonce });
      expect(rec.failed).toBeUndefined();
      await expect(
        wallet.transfer({ to, amountDbc: '4', idempotencyKey: 'pay-slow' }, { timeoutMs: 1_000 }),
      ).rejects.toMatchObject({ code: 'TX_TIMEOUT' });
      expect(await pool()).toEqual([hash]);
      expect(await nonceOf(sender.address)).toBe(nonce);
      expect(await freeOf(to)).toBe(0n);
      await admin('devnet_newBlocks', [1]);
    } finally {
      await admin('devnet_setBlockMode', ['instant']);
    }
    const receipt = await wallet.transfer({ to, amountDbc: '4', idempotencyKey: 'pay-slow' });
    expect(receipt).toMatchObject({ txHash: hash!, from: sender.address, to, amount: { planck: parseDbc('4') } });
    expect(receipt.fee.planck).toBeGreaterThan(0n);
    expect(await freeOf(to)).toBe(parseDbc('4'));
    expect(await nonceOf(sender.address)).toBe(nonce + 1);
    expect(await freeOf(sender.address)).toBe(free - parseDbc('4') - receipt.fee.planck);
    expect(await wallet.transfer({ to, amountDbc: '4', idempotencyKey: 'pay-slow' })).toEqual(receipt);
    expect(await freeOf(to)).toBe(parseDbc('4'));
  });

  it('after a crash between inclusion and recording the receipt, a retry reconciles from the chain instead of sending again', async () => {
    const { sender, to } = await parties();
    const inner = memoryIdempotencyStore();
    let crashed = false;
    const crashing: IdempotencyStore = {
      get: (k) => inner.get(k),
      async set(r) {
        if (r.kind === 'transfer' && r.receipt && !crashed) {
          crashed = true;
          throw new Error('process crashed');
        }
        await inner.set(r);
      },
    };
    const nonce = await nonceOf(sender.address);
    await expect(
      walletFor(sender, crashing).wallet.transfer({ to, amountDbc: '5', idempotencyKey: 'pay-crash' }),
    ).rejects.toThrow('process crashed');
    const saved = (await inner.get('transfer:pay-crash')) as TransferIdempotencyRecord;
    expect(saved.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(saved.receipt).toBeUndefined();
    expect(await freeOf(to)).toBe(parseDbc('5'));

    const receipt = await walletFor(sender, inner).wallet.transfer({
      to,
      amountDbc: '5',
      idempotencyKey: 'pay-crash',
    });
    expect(receipt).toMatchObject({ txHash: saved.txHash, from: sender.address, to });
    expect(receipt.fee.planck).toBeGreaterThan(0n);
    expect(await freeOf(to)).toBe(parseDbc('5'));
    expect(await nonceOf(sender.address)).toBe(nonce + 1);
    expect(((await inner.get('transfer:pay-crash')) as TransferIdempotencyRecord).receipt?.txHash).toBe(
      saved.txHash,
    );
  });

  it('refuses a key reused with another amount, recipient or keepAlive, or written by another call (INPUT_IDEMPOTENCY_KEY_REUSED), sending nothing', async () => {
    const { sender, to } = await parties();
    const other = (await keyringSigner(`//SdkWalletIdemOther/${n}`)).address;
    const store = memoryIdempotencyStore();
    const { wallet } = walletFor(sender, store);
    await wallet.transfer({ to, amountDbc: '2', idempotencyKey: 'pay-k' });
    const e = await expectRefused(
      sender,
      () => wallet.transfer({ to, amountDbc: '2.5', idempotencyKey: 'pay-k' }),
      'INPUT_IDEMPOTENCY_KEY_REUSED',
    );
    expect(e).toBeInstanceOf(DbcInputError);
    expect((e as DbcInputError).details).toMatchObject({ key: 'pay-k', to, amountPlanck: parseDbc('2').toString() });
    await expectRefused(
      sender,
      () => wallet.transfer({ to: other, amountDbc: '2', idempotencyKey: 'pay-k' }),
      'INPUT_IDEMPOTENCY_KEY_REUSED',
    );
    await expectRefused(
      sender,
      () => wallet.transfer({ to, amountDbc: '2', keepAlive: false, idempotencyKey: 'pay-k' }),
      'INPUT_IDEMPOTENCY_KEY_REUSED',
    );
    // A rent keyed "transfer:shared" sits where transfer key "shared" would: refused, not misread.
    await store.set({
      key: 'transfer:shared',
      machineId: 'ab'.repeat(32),
      gpus: 1,
      durationBlocks: 300,
      renter: sender.address,
      createdAt: Date.now(),
    });
    await expectRefused(
      sender,
      () => wallet.transfer({ to, amountDbc: '2', idempotencyKey: 'shared' }),
      'INPUT_IDEMPOTENCY_KEY_REUSED',
    );
    await expectRefused(
      sender,
      () => wallet.transfer({ to, amountDbc: '2', idempotencyKey: 'x'.repeat(256) }),
      'INPUT_INVALID_IDEMPOTENCY_KEY',
    );
    expect(await freeOf(to)).toBe(parseDbc('2'));
    expect(await freeOf(other)).toBe(0n);
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
