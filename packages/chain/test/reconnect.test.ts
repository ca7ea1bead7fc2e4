import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBalance, parseDbc, submit, transferKeepAliveTx, type TxStatus } from '../src/index.js';
import { startTestChain, type TestChain } from './helpers/testChain.js';

/**
 * A transaction in flight when the WebSocket drops must be reconciled from the chain — found in a
 * block after reconnecting — and never sent twice.
 */
let t: TestChain;

beforeAll(async () => {
  t = await startTestChain({ blockTime: 'manual', machines: 5 });
});
afterAll(async () => t?.close());

describe('submit across a dropped connection', () => {
  it('finds the transaction in a block after reconnecting instead of resending it', async () => {
    const dave = await t.signer('//Dave');
    const bob = await t.signer('//Bob');
    const before = await getBalance(t.chain, { address: bob.address });
    const nonceBefore = (await t.chain.api.rpc.system.accountNextIndex(dave.address)).toNumber();
    const statuses: TxStatus['type'][] = [];
    const pending = submit(t.chain, transferKeepAliveTx(t.chain, { to: bob.address, amountPlanck: parseDbc('3') }), dave, {
      timeoutMs: 30_000,
      onStatus: (s) => statuses.push(s.type),
    });
    // Let the transaction reach the pool, then cut every client and only then make the block.
    while (!statuses.includes('broadcast')) await new Promise((r) => setTimeout(r, 20));
    await t.admin('devnet_dropConnections');
    await new Promise((r) => setTimeout(r, 100));
    await t.admin('devnet_newBlocks', [1]);

    const result = await pending;
    expect(result.ok).toBe(true);
    expect(statuses).toContain('reconnecting');
    const after = await getBalance(t.chain, { address: bob.address });
    expect(after.freePlanck - before.freePlanck).toBe(parseDbc('3'));
    expect((await t.chain.api.rpc.system.accountNextIndex(dave.address)).toNumber()).toBe(nonceBefore + 1);
  });
});
