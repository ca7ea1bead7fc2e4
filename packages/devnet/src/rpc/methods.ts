import { bnToU8a, compactToU8a, hexToU8a, u8aConcat, u8aToHex, isHex } from '@polkadot/util';
import { blake2AsHex, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import type { Block, Blockchain, Header, Hex, TxStatus } from '../chain/blockchain.js';
import { InvalidTransaction } from '../chain/errors.js';
import { BASE_WEIGHT, feeFor } from '../chain/fees.js';
import { RUNTIME_VERSION } from '../metadata/runtime.js';

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

/** Pushes subscription notifications to one client connection. */
export interface Subscriber {
  subscribe(method: string, start: (emit: (result: unknown) => void) => () => void): string;
  unsubscribe(id: string): boolean;
}

export interface RpcContext {
  chain: Blockchain;
  chainName: string;
  sub: Subscriber | null;
  admin: AdminHooks;
}

export interface AdminHooks {
  /** Extra `devnet_*` methods added by the network (machine verification, funding). */
  extra?: Record<string, (params: unknown[], ctx: RpcContext) => unknown>;
}

const API_VERSIONS: Array<[string, number]> = [
  ['Core', 4],
  ['Metadata', 2],
  ['AccountNonceApi', 1],
  ['TransactionPaymentApi', 4],
];

export function runtimeVersionJson() {
  return {
    ...RUNTIME_VERSION,
    apis: API_VERSIONS.map(([name, v]) => [blake2AsHex(name, 64), v]),
  };
}

export function headerJson(h: Header) {
  return {
    parentHash: h.parentHash,
    number: `0x${h.number.toString(16)}`,
    stateRoot: h.stateRoot,
    extrinsicsRoot: h.extrinsicsRoot,
    digest: { logs: h.digest.logs },
  };
}

const strip = (k: string) => (k.startsWith('0x') ? k.slice(2).toLowerCase() : k.toLowerCase());
const withHex = (v: string | null): Hex | null => (v === null ? null : `0x${v}`);

function blockAt(chain: Blockchain, at: unknown): Block {
  if (at === undefined || at === null) return chain.best;
  const b = chain.blockByHash(String(at));
  if (!b) throw new RpcError(4003, `Client error: UnknownBlock: Header was not found in the database: ${String(at)}`);
  return b;
}

function expectHex(v: unknown, what: string): string {
  if (typeof v !== 'string' || !isHex(v)) throw new RpcError(-32602, `Invalid params: ${what} must be 0x-hex`);
  return v;
}

function submitError(e: unknown): never {
  if (e instanceof InvalidTransaction) throw new RpcError(e.code, e.rpcMessage, e.data);
  throw e;
}

function statusJson(s: TxStatus): unknown {
  return s;
}

function queryInfo(chain: Blockchain, hex: string) {
  const length = hexToU8a(hex).length;
  let tip = 0n;
  try {
    const d = chain.decode(hex);
    if (d.ext.isSigned) tip = d.ext.tip.toBigInt();
  } catch (e) {
    submitError(e);
  }
  return { length, fee: feeFor(length, 0n), tip };
}

/** SCALE-encoded results of the runtime APIs the devnet serves through state_call. */
function stateCall(chain: Blockchain, method: string, dataHex: string): Hex {
  const data = hexToU8a(dataHex);
  const reg = chain.registry;
  switch (method) {
    case 'Core_version':
      return u8aToHex(reg.createType('RuntimeVersion', runtimeVersionJson() as never).toU8a());
    case 'Metadata_metadata':
      return u8aToHex(u8aConcat(compactToU8a(hexToU8a(chain.metadataHex).length), hexToU8a(chain.metadataHex)));
    case 'Metadata_metadata_versions':
      return u8aToHex(reg.createType('Vec<u32>', [14]).toU8a());
    case 'Metadata_metadata_at_version': {
      const v = reg.createType('u32', data).toNumber();
      if (v !== 14) return '0x00';
      const md = hexToU8a(chain.metadataHex);
      return u8aToHex(u8aConcat(new Uint8Array([1]), compactToU8a(md.length), md));
    }
    case 'AccountNonceApi_account_nonce': {
      const who = encodeAddress(data.subarray(0, 32), 42);
      return u8aToHex(reg.createType('u32', chain.runtime.account(who).nonce).toU8a());
    }
    case 'TransactionPaymentApi_query_info': {
      const len = reg.createType('u32', data.subarray(data.length - 4)).toNumber();
      const ext = u8aToHex(data.subarray(0, data.length - 4));
      const { fee } = queryInfo(chain, ext);
      void len;
      // RuntimeDispatchInfo { weight: Weight (compact ref_time, compact proof_size), class: Normal, partial_fee: u128 }
      return u8aToHex(
        u8aConcat(
          compactToU8a(BASE_WEIGHT.refTime),
          compactToU8a(BASE_WEIGHT.proofSize),
          new Uint8Array([0]),
          bnToU8a(fee, { bitLength: 128, isLe: true }),
        ),
      );
    }
    case 'TransactionPaymentApi_query_fee_details': {
      const ext = u8aToHex(data.subarray(0, data.length - 4));
      const { fee, tip } = queryInfo(chain, ext);
      return u8aToHex(
        reg.createType('FeeDetails', { inclusionFee: { baseFee: fee, lenFee: 0, adjustedWeightFee: 0 }, tip } as never).toU8a(),
      );
    }
    default:
      throw new RpcError(-32000, `Client error: Execution failed: Other: Exported method ${method} is not found`);
  }
}

type Handler = (params: unknown[], ctx: RpcContext) => unknown;

const subscriptions: Record<string, [string, string]> = {
  chain_subscribeNewHead: ['chain_newHead', 'chain_unsubscribeNewHead'],
  chain_subscribeFinalisedHeads: ['chain_finalizedHead', 'chain_unsubscribeFinalisedHeads'],
  chain_subscribeRuntimeVersion: ['state_runtimeVersion', 'chain_unsubscribeRuntimeVersion'],
  chain_subscribeNewHeads: ['chain_newHead', 'chain_unsubscribeNewHeads'],
  chain_subscribeAllHeads: ['chain_allHead', 'chain_unsubscribeAllHeads'],
  chain_subscribeFinalizedHeads: ['chain_finalizedHead', 'chain_unsubscribeFinalizedHeads'],
  state_subscribeStorage: ['state_storage', 'state_unsubscribeStorage'],
  state_subscribeRuntimeVersion: ['state_runtimeVersion', 'state_unsubscribeRuntimeVersion'],
  author_submitAndWatchExtrinsic: ['author_extrinsicUpdate', 'author_unwatchExtrinsic'],
};

function needSub(ctx: RpcContext): Subscriber {
  if (!ctx.sub) throw new RpcError(-32601, 'Subscriptions are not available on this transport (use WebSocket)');
  return ctx.sub;
}

function headSubscription(event: 'block' | 'finalized', current: (c: Blockchain) => Block): Handler {
  return (_p, ctx) =>
    needSub(ctx).subscribe(event === 'block' ? 'chain_newHead' : 'chain_finalizedHead', (emit) => {
      const chain = ctx.chain;
      const on = (b: Block) => emit(headerJson(b.header));
      setImmediate(() => emit(headerJson(current(chain).header)));
      chain.on(event, on);
      return () => chain.off(event, on);
    });
}

export const methods: Record<string, Handler> = {
  rpc_methods: () => ({ version: 1, methods: Object.keys(methods).sort() }),

  system_chain: (_p, ctx) => ctx.chainName,
  system_name: () => 'DeepBrainChain Node (dbc-devnet)',
  system_version: () => '4.0.0-dbc-devnet',
  system_chainType: () => 'Development',
  system_properties: () => ({ ss58Format: 42, tokenDecimals: 15, tokenSymbol: 'DBC' }),
  system_health: () => ({ peers: 0, isSyncing: false, shouldHavePeers: false }),
  system_peers: () => [],
  system_localPeerId: () => '12D3KooWDbcDevnet',
  system_nodeRoles: () => ['Authority'],
  system_syncState: (_p, ctx) => ({ startingBlock: 0, currentBlock: ctx.chain.bestNumber, highestBlock: ctx.chain.bestNumber }),
  system_accountNextIndex: ([address], ctx) => {
    try {
      return ctx.chain.nextNonce(encodeAddress(decodeAddress(String(address)), 42));
    } catch {
      throw new RpcError(-32602, `Invalid params: invalid SS58 address ${String(address)}`);
    }
  },

  chain_getBlockHash: ([n], ctx) => {
    const one = (x: unknown) => {
      if (x === undefined || x === null) return ctx.chain.best.hash;
      const num = typeof x === 'string' ? Number.parseInt(x, x.startsWith('0x') ? 16 : 10) : Number(x);
      return ctx.chain.hashOf(num) ?? null;
    };
    return Array.isArray(n) ? n.map(one) : one(n);
  },
  chain_getHead: (_p, ctx) => ctx.chain.best.hash,
  chain_getHeader: ([at], ctx) => {
    if (at && !ctx.chain.blockByHash(String(at))) return null;
    return headerJson(blockAt(ctx.chain, at).header);
  },
  chain_getBlock: ([at], ctx) => {
    if (at && !ctx.chain.blockByHash(String(at))) return null;
    const b = blockAt(ctx.chain, at);
    return { block: { header: headerJson(b.header), extrinsics: b.extrinsics }, justifications: null };
  },
  chain_getFinalizedHead: (_p, ctx) => ctx.chain.finalized.hash,
  chain_getFinalisedHead: (_p, ctx) => ctx.chain.finalized.hash,
  chain_subscribeNewHeads: headSubscription('block', (c) => c.best),
  chain_subscribeAllHeads: (p, ctx) =>
    needSub(ctx).subscribe('chain_allHead', (emit) => {
      const on = (b: Block) => emit(headerJson(b.header));
      ctx.chain.on('block', on);
      return () => ctx.chain.off('block', on);
    }),
  chain_subscribeFinalizedHeads: headSubscription('finalized', (c) => c.finalized),
  // Aliases Substrate nodes answer to (polkadot.js calls the singular/British spellings).
  chain_subscribeNewHead: headSubscription('block', (c) => c.best),
  chain_subscribeFinalisedHeads: headSubscription('finalized', (c) => c.finalized),
  chain_subscribeRuntimeVersion: (p, ctx) => methods.state_subscribeRuntimeVersion!(p, ctx),

  state_getMetadata: (_p, ctx) => ctx.chain.metadataHex,
  state_getRuntimeVersion: ([at], ctx) => {
    blockAt(ctx.chain, at);
    return runtimeVersionJson();
  },
  state_subscribeRuntimeVersion: (_p, ctx) =>
    needSub(ctx).subscribe('state_runtimeVersion', (emit) => {
      setImmediate(() => emit(runtimeVersionJson()));
      return () => undefined;
    }),
  state_getStorage: ([key, at], ctx) => {
    const b = blockAt(ctx.chain, at);
    return withHex(ctx.chain.storageAt(strip(expectHex(key, 'key')), b.header.number));
  },
  state_getStorageAt: ([key, at], ctx) => methods.state_getStorage!([key, at], ctx),
  state_getStorageHash: ([key, at], ctx) => {
    const v = methods.state_getStorage!([key, at], ctx) as Hex | null;
    return v === null ? null : blake2AsHex(hexToU8a(v), 256);
  },
  state_getStorageSize: ([key, at], ctx) => {
    const v = methods.state_getStorage!([key, at], ctx) as Hex | null;
    return v === null ? null : hexToU8a(v).length;
  },
  state_queryStorageAt: ([keys, at], ctx) => {
    if (!Array.isArray(keys)) throw new RpcError(-32602, 'Invalid params: keys must be an array');
    const b = blockAt(ctx.chain, at);
    return [
      {
        block: b.hash,
        changes: keys.map((k) => [k, withHex(ctx.chain.storageAt(strip(expectHex(k, 'key')), b.header.number))]),
      },
    ];
  },
  state_getKeysPaged: ([prefix, count, startKey, at], ctx) => {
    const b = blockAt(ctx.chain, at);
    const p = strip(typeof prefix === 'string' ? prefix : '0x');
    const n = Math.min(Number(count ?? 1000), 1000);
    const start = startKey ? strip(String(startKey)) : '';
    const keys = ctx.chain.keysAt(p, b.header.number);
    let i = 0;
    if (start) {
      // Binary search for the first key after startKey.
      let lo = 0;
      let hi = keys.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid]! <= start) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    }
    return keys.slice(i, i + n).map((k) => `0x${k}`);
  },
  state_getKeys: ([prefix, at], ctx) => {
    const b = blockAt(ctx.chain, at);
    return ctx.chain.keysAt(strip(String(prefix ?? '0x')), b.header.number).map((k) => `0x${k}`);
  },
  state_subscribeStorage: ([keys], ctx) =>
    needSub(ctx).subscribe('state_storage', (emit) => {
      const chain = ctx.chain;
      const list = Array.isArray(keys) ? keys.map((k) => strip(String(k))) : [];
      setImmediate(() =>
        emit({ block: chain.best.hash, changes: list.map((k) => [`0x${k}`, withHex(chain.state.get(k))]) }),
      );
      const on = (b: Block) => {
        const changed = list.filter((k) => b.journal?.has(k));
        if (changed.length)
          emit({ block: b.hash, changes: changed.map((k) => [`0x${k}`, withHex(chain.storageAt(k, b.header.number))]) });
      };
      chain.on('block', on);
      return () => chain.off('block', on);
    }),
  state_call: ([method, data, at], ctx) => {
    blockAt(ctx.chain, at);
    return stateCall(ctx.chain, String(method), typeof data === 'string' ? data : '0x');
  },

  author_submitExtrinsic: ([ext], ctx) => {
    try {
      return ctx.chain.submit(expectHex(ext, 'extrinsic'));
    } catch (e) {
      return submitError(e);
    }
  },
  author_submitAndWatchExtrinsic: ([ext], ctx) => {
    const sub = needSub(ctx);
    const hex = expectHex(ext, 'extrinsic');
    // Validate before handing out a subscription, so invalid transactions fail the call itself.
    let pending: Array<TxStatus> = [];
    let emitFn: ((r: unknown) => void) | null = null;
    let stopped = false;
    const watcher = (s: TxStatus) => {
      if (stopped) return;
      if (emitFn) emitFn(statusJson(s));
      else pending.push(s);
    };
    try {
      ctx.chain.submit(hex, watcher);
    } catch (e) {
      submitError(e);
    }
    return sub.subscribe('author_extrinsicUpdate', (emit) => {
      emitFn = emit;
      for (const s of pending) emit(statusJson(s));
      pending = [];
      return () => {
        stopped = true;
      };
    });
  },
  author_pendingExtrinsics: (_p, ctx) => ctx.chain.pendingExtrinsics(),

  payment_queryInfo: ([ext, at], ctx) => {
    blockAt(ctx.chain, at);
    const { fee } = queryInfo(ctx.chain, expectHex(ext, 'extrinsic'));
    return {
      weight: { ref_time: Number(BASE_WEIGHT.refTime), proof_size: Number(BASE_WEIGHT.proofSize) },
      class: 'normal',
      partialFee: fee.toString(),
    };
  },
  payment_queryFeeDetails: ([ext, at], ctx) => {
    blockAt(ctx.chain, at);
    const { fee, tip } = queryInfo(ctx.chain, expectHex(ext, 'extrinsic'));
    return { inclusionFee: { baseFee: `0x${fee.toString(16)}`, lenFee: '0x0', adjustedWeightFee: '0x0' }, tip: `0x${tip.toString(16)}` };
  },

  devnet_newBlocks: ([n], ctx) => {
    const count = Number(n ?? 1);
    if (!Number.isInteger(count) || count < 1 || count > 1_000_000)
      throw new RpcError(-32602, 'Invalid params: devnet_newBlocks takes a block count from 1 to 1,000,000');
    const b = ctx.chain.produceBlocks(count);
    return { number: b.header.number, hash: b.hash };
  },
  devnet_setTime: ([ms], ctx) => {
    const t = Number(ms);
    if (!Number.isFinite(t)) throw new RpcError(-32602, 'Invalid params: devnet_setTime takes unix milliseconds');
    ctx.chain.setTime(t);
    return true;
  },
  devnet_rootCall: async ([pallet, call, args], ctx) => {
    if (typeof pallet !== 'string' || typeof call !== 'string')
      throw new RpcError(-32602, 'Invalid params: devnet_rootCall(pallet, call_snake_case, args)');
    try {
      await ctx.chain.dispatchAsRoot(pallet, call, (args ?? {}) as Record<string, never>);
    } catch (e) {
      throw new RpcError(-32000, `Dispatch failed: ${(e as Error).message}`);
    }
    return true;
  },
  devnet_setBlockMode: ([mode], ctx) => {
    if (mode === 'instant') ctx.chain.setMode({ kind: 'instant' });
    else if (mode === 'manual') ctx.chain.setMode({ kind: 'manual' });
    else if (Number(mode) > 0) ctx.chain.setMode({ kind: 'interval', ms: Number(mode) });
    else throw new RpcError(-32602, 'Invalid params: mode is "instant", "manual" or a block time in ms');
    return true;
  },
};

export const unsubscribeMethods = Object.fromEntries(
  Object.entries(subscriptions).map(([, [, unsub]]) => [unsub, true]),
) as Record<string, true>;

export function allMethodNames(admin: AdminHooks): string[] {
  return [...Object.keys(methods), ...Object.keys(unsubscribeMethods), ...Object.keys(admin.extra ?? {})].sort();
}


