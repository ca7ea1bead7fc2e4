import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../src/devnet.js';

let net: Devnet;
let api: ApiPromise;
let provider: WsProvider;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

const send = <T = unknown>(method: string, params: unknown[] = []) => provider.send<T>(method, params);

async function http(body: unknown): Promise<any> {
  const res = await fetch(net.chainHttpUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 20, noClientNodes: true });
  provider = new WsProvider(net.chainUrl);
  api = await ApiPromise.create({ provider, noInitWarn: true });
});
afterAll(async () => {
  await api?.disconnect();
  await net?.stop();
});

describe('JSON-RPC surface @polkadot/api needs', () => {
  it('lists its methods in rpc_methods, including everything signAndSend calls', async () => {
    const { methods } = await send<{ methods: string[] }>('rpc_methods');
    for (const m of [
      'system_accountNextIndex',
      'chain_getHeader',
      'chain_getFinalizedHead',
      'state_getRuntimeVersion',
      'author_submitAndWatchExtrinsic',
      'chain_getBlock',
      'state_getStorage',
      'state_subscribeStorage',
      'state_unsubscribeStorage',
      'system_health',
      'state_queryStorageAt',
      'state_getKeysPaged',
      'payment_queryInfo',
      'state_call',
    ])
      expect(methods).toContain(m);
  });

  it('answers system_* with DBC chain properties', async () => {
    expect(await send('system_chain')).toBe('DBC Devnet');
    expect(await send('system_properties')).toEqual({ ss58Format: 42, tokenDecimals: 15, tokenSymbol: 'DBC' });
    expect(await send('system_health')).toEqual({ peers: 0, isSyncing: false, shouldHavePeers: false });
    expect(typeof (await send('system_name'))).toBe('string');
    expect(typeof (await send('system_version'))).toBe('string');
    expect(await send('system_accountNextIndex', [keyring.addFromUri('//Dave').address])).toBe(0);
  });

  it('rejects a malformed address in system_accountNextIndex', async () => {
    await expect(send('system_accountNextIndex', ['not-an-address'])).rejects.toThrow(/invalid SS58/);
  });

  it('serves blocks, headers and hashes, with block 0 resolving to the genesis', async () => {
    const genesis = await send<string>('chain_getBlockHash', [0]);
    expect(genesis).toBe(api.genesisHash.toHex());
    const best = await send<string>('chain_getBlockHash', []);
    const header = await send<{ number: string; parentHash: string }>('chain_getHeader', [best]);
    expect(Number.parseInt(header.number, 16)).toBeGreaterThanOrEqual(1_200_000);
    const block = await send<{ block: { header: unknown; extrinsics: string[] } }>('chain_getBlock', [best]);
    expect(block.block.header).toEqual(header);
    expect(await send('chain_getBlockHash', [[0, 1]])).toEqual([genesis, null]);
    expect(await send('chain_getHeader', [`0x${'ab'.repeat(32)}`])).toBeNull();
    expect(typeof (await send('chain_getFinalizedHead'))).toBe('string');
  });

  it('notifies new and finalized heads to subscribers', async () => {
    const heads: number[] = [];
    const finalized: number[] = [];
    const unsubNew = await api.rpc.chain.subscribeNewHeads((h) => heads.push(h.number.toNumber()));
    const unsubFin = await api.rpc.chain.subscribeFinalizedHeads((h) => finalized.push(h.number.toNumber()));
    const { number } = await send<{ number: number }>('devnet_newBlocks', [2]);
    // Finality trails inclusion by FINALITY_DELAY_MS (250 ms).
    await new Promise((r) => setTimeout(r, 500));
    unsubNew();
    unsubFin();
    expect(heads).toContain(number);
    expect(finalized).toContain(number);
  });

  it('reads storage at a past block, in batches, and by key prefix with paging', async () => {
    const alice = keyring.addFromUri('//Alice');
    const key = api.query.system.number.key();
    const before = await api.rpc.chain.getHeader();
    await send('devnet_newBlocks', [3]);
    const atBefore = await send<string>('state_getStorage', [key, before.hash.toHex()]);
    expect(api.registry.createType('u32', hexToU8a(atBefore)).toNumber()).toBe(before.number.toNumber());
    const [res] = await send<Array<{ block: string; changes: Array<[string, string | null]> }>>('state_queryStorageAt', [
      [key, api.query.system.account.key(alice.address)],
    ]);
    expect(res!.changes).toHaveLength(2);
    expect(res!.changes[1]![1]).not.toBeNull();
    const prefix = api.query.onlineProfile.machinesInfo.keyPrefix();
    const page1 = await send<string[]>('state_getKeysPaged', [prefix, 7]);
    const page2 = await send<string[]>('state_getKeysPaged', [prefix, 100, page1[6]]);
    expect(page1).toHaveLength(7);
    expect(page1.length + page2.length).toBe(20);
    expect(new Set([...page1, ...page2]).size).toBe(20);
    const entries = await api.query.onlineProfile.machinesInfo.entries();
    expect(entries).toHaveLength(20);
    await expect(send('state_getStorage', [key, `0x${'cd'.repeat(32)}`])).rejects.toThrow(/UnknownBlock/);
  });

  it('pushes storage changes to state_subscribeStorage subscribers', async () => {
    const seen: number[] = [];
    const unsub = await api.query.system.number((n) => seen.push(n.toNumber()));
    const { number } = await send<{ number: number }>('devnet_newBlocks', [1]);
    await new Promise((r) => setTimeout(r, 100));
    unsub();
    expect(seen).toContain(number);
  });

  it('answers the runtime APIs polkadot.js calls through state_call', async () => {
    const alice = keyring.addFromUri('//Alice');
    const versions = await send<string>('state_call', ['Metadata_metadata_versions', '0x']);
    expect(api.registry.createType('Vec<u32>', hexToU8a(versions)).toJSON()).toEqual([14]);
    const nonce = await api.call.accountNonceApi.accountNonce(alice.address);
    expect(nonce.toNumber()).toBe((await api.query.system.account(alice.address)).nonce.toNumber());
    const tx = api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, 1n);
    const info = await tx.paymentInfo(alice);
    expect(info.partialFee.toBigInt()).toBeGreaterThan(0n);
    await expect(send('state_call', ['Nope_nothing', '0x'])).rejects.toThrow(/not found/);
    const version = await send<{ specVersion: number }>('state_getRuntimeVersion');
    expect(version.specVersion).toBe(411);
    const md = await send<string>('state_getMetadata');
    expect(md.startsWith('0x6d657461')).toBe(true);
  });

  it('reports the fee payment_queryInfo promises and then charges exactly that', async () => {
    // Not Alice: she authors the blocks and gets 20 % of every fee back.
    const alice = keyring.addFromUri('//Dave');
    const bob = keyring.addFromUri('//Bob');
    const tx = await api.tx.balances.transferKeepAlive(bob.address, 5n).signAsync(alice);
    const info = await send<{ partialFee: string }>('payment_queryInfo', [tx.toHex()]);
    const before = (await api.query.system.account(alice.address)).data.free.toBigInt();
    await new Promise<void>((resolve, reject) =>
      tx.send((r) => (r.status.isInBlock ? resolve() : r.isError ? reject(new Error(r.status.type)) : undefined)).catch(reject),
    );
    const after = (await api.query.system.account(alice.address)).data.free.toBigInt();
    expect(before - after).toBe(BigInt(info.partialFee) + 5n);
  });

  it('walks a watched extrinsic through ready, inBlock and finalized', async () => {
    const alice = keyring.addFromUri('//Alice');
    const statuses: string[] = [];
    await new Promise<void>((resolve, reject) => {
      api.tx.system
        .remark('0x1234')
        .signAndSend(alice, (r) => {
          statuses.push(r.status.type);
          if (r.status.isFinalized) resolve();
        })
        .catch(reject);
    });
    expect(statuses[0]).toBe('Ready');
    expect(statuses).toContain('InBlock');
    expect(statuses.at(-1)).toBe('Finalized');
  });

  it('rejects invalid extrinsics with the errors a Substrate node gives', async () => {
    const ferdie = keyring.addFromUri('//Ferdie');
    const bob = keyring.addFromUri('//Bob');
    // Bad signature: sign, then flip a byte of the signature.
    const good = await api.tx.balances.transferKeepAlive(bob.address, 1n).signAsync(ferdie);
    const bytes = good.toU8a();
    const sigAt = bytes.indexOf(1, 35); // MultiSignature::Sr25519 tag after the signer
    bytes[sigAt + 10] ^= 0xff;
    await expect(send('author_submitExtrinsic', [u8aToHex(bytes)])).rejects.toThrow(/1010.*bad signature/);
    // Stale nonce.
    await new Promise<void>((resolve) => {
      api.tx.system.remark('0x01').signAndSend(ferdie, (r) => r.status.isInBlock && resolve());
    });
    const stale = await api.tx.system.remark('0x02').signAsync(ferdie, { nonce: 0 });
    await expect(send('author_submitExtrinsic', [stale.toHex()])).rejects.toThrow(/1010.*outdated/);
    // Cannot pay fees: a fresh account with nothing.
    const poor = keyring.addFromUri('//Poor');
    const unpaid = await api.tx.system.remark('0x03').signAsync(poor, { nonce: 0 });
    await expect(send('author_submitExtrinsic', [unpaid.toHex()])).rejects.toThrow(/1010.*pay some fees/);
    // Not an extrinsic at all.
    await expect(send('author_submitExtrinsic', ['0x0102'])).rejects.toThrow(/1002|decode/i);
    // Unsigned non-inherent call.
    const unsigned = api.tx.system.remark('0x04').toHex();
    await expect(send('author_submitExtrinsic', [unsigned])).rejects.toThrow(/1011/);
  });

  it('answers unknown methods with JSON-RPC "method not found"', async () => {
    await expect(send('foo_bar')).rejects.toThrow(/-32601/);
  });

  it('serves the same API over HTTP POST, including batches', async () => {
    const one = await http({ jsonrpc: '2.0', id: 1, method: 'system_chain', params: [] });
    expect(one).toEqual({ jsonrpc: '2.0', id: 1, result: 'DBC Devnet' });
    const batch = await http([
      { jsonrpc: '2.0', id: 1, method: 'chain_getFinalizedHead', params: [] },
      { jsonrpc: '2.0', id: 2, method: 'nope', params: [] },
    ]);
    expect(batch[0].result).toMatch(/^0x/);
    expect(batch[1].error.code).toBe(-32601);
    const sub = await http({ jsonrpc: '2.0', id: 3, method: 'chain_subscribeNewHeads', params: [] });
    expect(sub.error.code).toBe(-32601);
  });

  it('moves time and blocks on demand for tests', async () => {
    const before = (await api.query.timestamp.now()).toNumber();
    await send('devnet_setTime', [before + 86_400_000]);
    await send('devnet_newBlocks', [1]);
    const after = (await api.query.timestamp.now()).toNumber();
    expect(after - before).toBeGreaterThanOrEqual(86_400_000);
    await expect(send('devnet_newBlocks', [0])).rejects.toThrow(/block count/);
  });
});
