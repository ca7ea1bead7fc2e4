import type { TypeRegistry } from '@polkadot/types';
import type { Metadata } from '@polkadot/types/metadata';
import type { Codec } from '@polkadot/types/types';
import { u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';
import { blake2AsU8a, xxhashAsU8a } from '@polkadot/util-crypto';
import { toJs, type Js } from './codec.js';
import type { State } from './state.js';

const hashers: Record<string, (u8a: Uint8Array) => Uint8Array> = {
  Blake2_128: (k) => blake2AsU8a(k, 128),
  Blake2_256: (k) => blake2AsU8a(k, 256),
  Blake2_128Concat: (k) => u8aConcat(blake2AsU8a(k, 128), k),
  Twox128: (k) => xxhashAsU8a(k, 128),
  Twox256: (k) => xxhashAsU8a(k, 256),
  Twox64Concat: (k) => u8aConcat(xxhashAsU8a(k, 64), k),
  Identity: (k) => k,
};
const hex = (u8a: Uint8Array) => u8aToHex(u8a).slice(2);

/**
 * Typed access to one storage item: keys are encoded and hashed exactly as FRAME does
 * (twox128(pallet) ++ twox128(item) ++ hasher(SCALE(key)) per key), values are SCALE-encoded with
 * the metadata's types, and reads return the plain JS view (see codec.ts).
 */
export class StorageItem<V = Js> {
  readonly prefix: string;
  readonly valueType: string;
  readonly keyTypes: string[];
  readonly hashers: string[];
  readonly optional: boolean;
  readonly fallback: string;

  constructor(
    private readonly registry: TypeRegistry,
    private readonly state: State,
    readonly pallet: string,
    readonly name: string,
    meta: Metadata,
  ) {
    const p = meta.asLatest.pallets.find((x) => x.name.toString() === pallet);
    const item = p?.storage.unwrapOr(null)?.items.find((i) => i.name.toString() === name);
    if (!item) throw new Error(`No storage item ${pallet}.${name}`);
    this.prefix = hex(u8aConcat(xxhashAsU8a(pallet, 128), xxhashAsU8a(name, 128)));
    this.optional = item.modifier.isOptional;
    // Bytes.toHex() would include the length prefix; the fallback is the bare SCALE value.
    this.fallback = hex(item.fallback.toU8a(true));
    if (item.type.isPlain) {
      this.valueType = registry.createLookupType(item.type.asPlain);
      this.keyTypes = [];
      this.hashers = [];
    } else {
      const map = item.type.asMap;
      this.valueType = registry.createLookupType(map.value);
      this.hashers = map.hashers.map((h) => h.type);
      if (this.hashers.length === 1) this.keyTypes = [registry.createLookupType(map.key)];
      else {
        const def = registry.lookup.getSiType(map.key).def;
        this.keyTypes = def.asTuple.map((id) => registry.createLookupType(id));
      }
    }
  }

  key(...keys: unknown[]): string {
    if (keys.length === 0 && this.keyTypes.length === 0) return this.prefix;
    if (keys.length !== this.keyTypes.length)
      throw new Error(`${this.pallet}.${this.name} takes ${this.keyTypes.length} keys, got ${keys.length}`);
    let out = this.prefix;
    keys.forEach((k, i) => {
      out += hex(hashers[this.hashers[i]!]!(this.registry.createType(this.keyTypes[i]!, k as never).toU8a()));
    });
    return out;
  }

  /** Decodes the keys back out of a full storage key (only for *Concat / Identity hashers). */
  decodeKey(fullKey: string): Js[] {
    let u8a = hexToU8a(`0x${fullKey.slice(64)}`);
    return this.keyTypes.map((t, i) => {
      const h = this.hashers[i]!;
      const skip = h === 'Blake2_128Concat' ? 16 : h === 'Twox64Concat' ? 8 : h === 'Identity' ? 0 : -1;
      if (skip < 0) throw new Error(`${this.pallet}.${this.name}: hasher ${h} cannot be reversed`);
      const codec = this.registry.createType(t, u8a.subarray(skip));
      u8a = u8a.subarray(skip + codec.encodedLength);
      return toJs(codec);
    });
  }

  raw(...keys: unknown[]): Codec | null {
    const v = this.state.get(this.key(...keys));
    if (v === null) return null;
    return this.registry.createType(this.valueType, hexToU8a(`0x${v}`));
  }

  /** The value, or null when absent from an OptionQuery item. ValueQuery items return their default. */
  get(...keys: unknown[]): V | null {
    const v = this.state.get(this.key(...keys));
    if (v === null && this.optional) return null;
    return toJs(this.registry.createType(this.valueType, hexToU8a(`0x${v ?? this.fallback}`))) as V;
  }

  /** Like get, but a missing value of an OptionQuery item throws (for invariants). */
  must(...keys: unknown[]): V {
    const v = this.get(...keys);
    if (v === null) throw new Error(`${this.pallet}.${this.name}(${keys.join(',')}) is absent`);
    return v;
  }

  has(...keys: unknown[]): boolean {
    return this.state.get(this.key(...keys)) !== null;
  }

  /** Writes a value; the last argument is the value, the ones before it the keys. */
  set(...keysAndValue: unknown[]): void {
    const value = keysAndValue.pop();
    // toU8a, not toHex: integers' toHex is big-endian display, not their SCALE encoding.
    const encoded = hex(this.registry.createType(this.valueType, value as never).toU8a());
    // As FRAME does, a ValueQuery item set to its default is stored (insert/mutate keep `Some(v)`), so
    // it shows in `entries()` and key listings; only `remove` (`take`, `kill`) deletes it.
    this.state.set(this.key(...keysAndValue), encoded);
  }

  /** Writes an already SCALE-encoded value (0x-hex); for hot paths that encode by hand. */
  setRaw(keys: unknown[], valueHex: string): void {
    this.state.set(this.key(...keys), valueHex.startsWith('0x') ? valueHex.slice(2) : valueHex);
  }

  remove(...keys: unknown[]): void {
    this.state.set(this.key(...keys), null);
  }

  /** Reads, changes and writes back one value. */
  mutate(...args: [...keys: unknown[], fn: (v: V) => V | void]): V {
    const fn = args.pop() as (v: V) => V | void;
    const current = this.get(...args) as V;
    const next = fn(current);
    const value = next === undefined ? current : next;
    if (value === null) this.remove(...args);
    else this.set(...args, value);
    return value as V;
  }

  /** All entries under this item (optionally under its first keys). */
  entries(...prefixKeys: unknown[]): Array<[Js[], V]> {
    let prefix = this.prefix;
    prefixKeys.forEach((k, i) => {
      prefix += hex(hashers[this.hashers[i]!]!(this.registry.createType(this.keyTypes[i]!, k as never).toU8a()));
    });
    return this.state.liveKeys(prefix).map((k) => [
      this.decodeKey(k),
      toJs(this.registry.createType(this.valueType, hexToU8a(`0x${this.state.get(k)!}`))) as V,
    ]);
  }
}

/** `storage('RentMachine', 'RentInfo')`, memoized per item. */
export function storageFactory(registry: TypeRegistry, state: State, meta: Metadata) {
  const cache = new Map<string, StorageItem<unknown>>();
  return function storage<V = Js>(pallet: string, name: string): StorageItem<V> {
    const id = `${pallet}.${name}`;
    let item = cache.get(id);
    if (!item) cache.set(id, (item = new StorageItem(registry, state, pallet, name, meta)));
    return item as StorageItem<V>;
  };
}

