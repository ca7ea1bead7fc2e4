/**
 * Storage reads that skip polkadot.js' decoding: keys and values travel as hex and are decoded by
 * `ScaleDecoder` (batch reads), and reads at a block hash need no per-block registry lookup.
 */
import type { QueryableStorageEntry } from '@polkadot/api/types';
import { hexToU8a } from '@polkadot/util';
import type { DbcChain } from '../client/connect.js';
import { DbcUnsupportedError } from '../errors/index.js';
import type { ChainApi } from './read.js';
import { ScaleDecoder } from './scale.js';

type Hex = `0x${string}`;

/** `state_getKeysPaged` as hex keys (up to `count`, after `startKey`). */
export async function getKeysPagedRaw(chain: DbcChain, prefix: Hex, count: number, startKey: Hex, at?: Hex): Promise<Hex[]> {
  const call = chain.api.rpc.state.getKeysPaged;
  return at ? call.raw<Hex[]>(prefix, count, startKey, at) : call.raw<Hex[]>(prefix, count, startKey);
}

/** `state_queryStorageAt` as one hex value (or null when unset) per key, in the order of `keys`. */
export async function queryStorageRaw(chain: DbcChain, keys: readonly Hex[], at?: Hex): Promise<Array<Hex | null>> {
  if (keys.length === 0) return [];
  const call = chain.api.rpc.state.queryStorageAt;
  const list = [...keys];
  const sets = await (at ? call.raw<ChangeSet[]>(list, at) : call.raw<ChangeSet[]>(list));
  const values = new Map<string, Hex | null>();
  for (const set of sets) for (const [key, value] of set.changes) values.set(key.toLowerCase(), value);
  return keys.map((k) => values.get(k.toLowerCase()) ?? null);
}

interface ChangeSet {
  block: Hex;
  changes: Array<[Hex, Hex | null]>;
}

const decoders = new WeakMap<object, ScaleDecoder>();

/** The decoder for the types of `api`'s metadata, built once per registry. */
export function decoderFor(api: ChainApi): ScaleDecoder {
  const registry = api.registry;
  let decoder = decoders.get(registry);
  if (!decoder) {
    decoder = new ScaleDecoder(registry.lookup, registry.chainSS58 ?? 42);
    decoders.set(registry, decoder);
  }
  return decoder;
}

/**
 * A raw storage value of `entry` decoded to plain values: null when unset for Optional items, the
 * declared default for ValueQuery items (`machineRentedGPU` of a never-rented machine is 0).
 */
export function decodeStorageValue(api: ChainApi, entry: QueryableStorageEntry<'promise'>, value: Hex | null): unknown {
  const { meta } = entry.creator;
  const type = meta.type.isPlain ? meta.type.asPlain : meta.type.asMap.value;
  if (value === null) {
    if (meta.modifier.isOptional) return null;
    return decoderFor(api).decode(type.toNumber(), meta.fallback.toU8a(true));
  }
  return decoderFor(api).decode(type.toNumber(), hexToU8a(value));
}

/**
 * The key argument of a single-key map entry whose hasher keeps the key (Blake2_128Concat,
 * Twox64Concat, Identity), read from the full storage key.
 */
export function decodeMapKey(api: ChainApi, entry: QueryableStorageEntry<'promise'>, key: Hex): unknown {
  const { meta } = entry.creator;
  if (!meta.type.isMap || meta.type.asMap.hashers.length !== 1) {
    throw new DbcUnsupportedError('STORAGE_UNSUPPORTED', `${entry.creator.section}.${entry.creator.method} is not a single-key map.`);
  }
  const hasher = meta.type.asMap.hashers[0]!;
  const hashLength = hasher.isBlake2128Concat ? 16 : hasher.isTwox64Concat ? 8 : hasher.isIdentity ? 0 : -1;
  if (hashLength < 0) {
    throw new DbcUnsupportedError('STORAGE_UNSUPPORTED', `The keys of ${entry.creator.section}.${entry.creator.method} are hashed without the key.`);
  }
  const bytes = hexToU8a(key).subarray(32 + hashLength);
  return decoderFor(api).decode(meta.type.asMap.key.toNumber(), bytes);
}
