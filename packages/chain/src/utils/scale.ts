/**
 * A SCALE decoder driven by the chain's own metadata (its portable type registry), producing plain
 * values instead of polkadot.js codec objects. Batch reads use it: building a polkadot.js Struct
 * for each of 10,000 machines costs several seconds of CPU, this costs a fraction of that, and it
 * still follows whatever types the connected runtime declares.
 *
 * Output: structs → objects with camelCase keys (a struct of one unnamed field is its field, as
 * polkadot.js flattens it); enums → `Variant`; Option → the value or null; sequences and arrays →
 * arrays (of u8 → Uint8Array); tuples → arrays; u8–u32 → number, u64 and wider → bigint; bool;
 * str → string; AccountId32 → SS58 address; H160/H256 → 0x-hex.
 */
import type { Si1Type } from '@polkadot/types/interfaces';
import { compactFromU8a, compactFromU8aLim, stringCamelCase, u8aToHex } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import { DbcError } from '../errors/index.js';

/** The part of a metadata type registry the decoder needs (polkadot.js `registry.lookup`). */
export interface TypeLookup {
  getSiType(id: number): Si1Type;
}

/** An enum value decoded by `ScaleDecoder`. */
export class Variant {
  constructor(
    readonly type: string,
    readonly value: unknown,
  ) {}
}

interface Reader {
  bytes: Uint8Array;
  at: number;
}
type Decode = (r: Reader) => unknown;

const utf8 = new TextDecoder();

function unsupported(what: string): DbcError {
  return new DbcError('CHAIN_UNEXPECTED_SHAPE', `Cannot decode ${what} without polkadot.js.`, { details: { what } });
}

function take(r: Reader, n: number): Uint8Array {
  if (r.at + n > r.bytes.length) throw new DbcError('CHAIN_UNEXPECTED_SHAPE', 'A storage value ended early while decoding it.');
  const out = r.bytes.subarray(r.at, r.at + n);
  r.at += n;
  return out;
}

/** A compact length (sequences, strings): always far below 2^53. */
function length(r: Reader): number {
  const [offset, value] = compactFromU8aLim(r.bytes.subarray(r.at));
  r.at += offset;
  return value;
}

/** A compact integer value (Compact<u128> balances), exactly. */
function compact(r: Reader): bigint {
  const [offset, value] = compactFromU8a(r.bytes.subarray(r.at));
  r.at += offset;
  return BigInt(value.toString());
}

function uint(r: Reader, size: number): number | bigint {
  const b = take(r, size);
  if (size <= 4) {
    let v = 0;
    for (let i = size - 1; i >= 0; i--) v = v * 256 + b[i]!;
    return v;
  }
  let v = 0n;
  for (let i = size - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]!);
  return v;
}

function int(r: Reader, size: number): number | bigint {
  const u = uint(r, size);
  const bits = BigInt(size * 8);
  const big = BigInt(u);
  const signed = big >= 1n << (bits - 1n) ? big - (1n << bits) : big;
  return size <= 4 ? Number(signed) : signed;
}

const PRIMITIVES: Record<string, Decode> = {
  Bool: (r) => take(r, 1)[0] === 1,
  U8: (r) => uint(r, 1),
  U16: (r) => uint(r, 2),
  U32: (r) => uint(r, 4),
  U64: (r) => uint(r, 8),
  U128: (r) => uint(r, 16),
  U256: (r) => uint(r, 32),
  I8: (r) => int(r, 1),
  I16: (r) => int(r, 2),
  I32: (r) => int(r, 4),
  I64: (r) => int(r, 8),
  I128: (r) => int(r, 16),
  I256: (r) => int(r, 32),
  Str: (r) => utf8.decode(take(r, length(r))),
  Char: (r) => String.fromCodePoint(Number(uint(r, 4))),
};

/** Decodes storage values by type id of one chain's metadata; decoders are compiled once per type. */
export class ScaleDecoder {
  readonly #lookup: TypeLookup;
  readonly #ss58: number;
  readonly #compiled = new Map<number, Decode>();
  readonly #addresses = new Map<string, string>();

  constructor(lookup: TypeLookup, ss58Format = 42) {
    this.#lookup = lookup;
    this.#ss58 = ss58Format;
  }

  /** Decodes `bytes` as type `typeId`; all bytes must be used. */
  decode(typeId: number, bytes: Uint8Array): unknown {
    const r: Reader = { bytes, at: 0 };
    const value = this.#decoder(typeId)(r);
    if (r.at !== bytes.length) {
      throw new DbcError('CHAIN_UNEXPECTED_SHAPE', `A storage value has ${bytes.length - r.at} bytes more than its type declares.`, {
        details: { typeId },
      });
    }
    return value;
  }

  #decoder(id: number): Decode {
    let fn = this.#compiled.get(id);
    if (!fn) {
      // Registered before compiling, so recursive types (MachineStatus) find themselves.
      let compiled: Decode | undefined;
      this.#compiled.set(id, (r) => compiled!(r));
      compiled = this.#compile(this.#lookup.getSiType(id));
      this.#compiled.set(id, compiled);
      fn = compiled;
    }
    return fn;
  }

  #isU8(id: number): boolean {
    const def = this.#lookup.getSiType(id).def;
    return def.isPrimitive && def.asPrimitive.type === 'U8';
  }

  #compile(type: Si1Type): Decode {
    const path = type.path.map((p) => p.toString());
    const name = path[path.length - 1];
    const def = type.def;
    if (name === 'AccountId32') return (r) => this.#address(take(r, 32));
    if (name === 'H256' || name === 'H160' || name === 'H512') {
      const size = name === 'H160' ? 20 : name === 'H256' ? 32 : 64;
      return (r) => u8aToHex(take(r, size));
    }
    if (def.isPrimitive) {
      const p = PRIMITIVES[def.asPrimitive.type];
      if (!p) throw unsupported(`primitive ${def.asPrimitive.type}`);
      return p;
    }
    if (def.isCompact) {
      const inner = this.#compactInner(def.asCompact.type.toNumber());
      return (r) => {
        const v = compact(r);
        return inner === 'U8' || inner === 'U16' || inner === 'U32' ? Number(v) : v;
      };
    }
    if (def.isSequence) {
      const of = def.asSequence.type.toNumber();
      if (this.#isU8(of)) return (r) => take(r, length(r)).slice();
      const item = this.#decoder(of);
      return (r) => Array.from({ length: length(r) }, () => item(r));
    }
    if (def.isArray) {
      const len = def.asArray.len.toNumber();
      const of = def.asArray.type.toNumber();
      if (this.#isU8(of)) return (r) => take(r, len).slice();
      const item = this.#decoder(of);
      return (r) => Array.from({ length: len }, () => item(r));
    }
    if (def.isTuple) {
      const items = def.asTuple.map((t) => this.#decoder(t.toNumber()));
      if (items.length === 0) return () => null;
      return (r) => items.map((d) => d(r));
    }
    if (def.isComposite) return this.#fields(def.asComposite.fields);
    if (def.isVariant) {
      const variants = new Map<number, { name: string; decode: Decode }>();
      for (const v of def.asVariant.variants) variants.set(v.index.toNumber(), { name: v.name.toString(), decode: this.#fields(v.fields) });
      const isOption = name === 'Option';
      return (r) => {
        const index = take(r, 1)[0]!;
        const v = variants.get(index);
        if (!v) throw new DbcError('CHAIN_UNEXPECTED_SHAPE', `Unknown enum index ${index} of ${path.join('::')}.`, { details: { index } });
        const value = v.decode(r);
        if (isOption) return v.name === 'None' ? null : value;
        return new Variant(v.name, value);
      };
    }
    throw unsupported(path.join('::') || 'this type');
  }

  /** Fields of a struct or enum variant: none → null, one unnamed → the value, unnamed → array, named → object. */
  #fields(fields: Si1Type['def']['asComposite']['fields']): Decode {
    const parts = fields.map((f) => ({
      name: f.name.isSome ? stringCamelCase(f.name.unwrap().toString()) : null,
      decode: this.#decoder(f.type.toNumber()),
    }));
    if (parts.length === 0) return () => null;
    if (parts.every((p) => p.name === null)) {
      if (parts.length === 1) return parts[0]!.decode;
      return (r) => parts.map((p) => p.decode(r));
    }
    return (r) => {
      const out: Record<string, unknown> = {};
      for (const p of parts) out[p.name!] = p.decode(r);
      return out;
    };
  }

  /** The primitive inside a compact (through single-field wrappers such as Perbill). */
  #compactInner(id: number): string {
    for (let depth = 0; depth < 8; depth++) {
      const def = this.#lookup.getSiType(id).def;
      if (def.isPrimitive) return def.asPrimitive.type.toString();
      if (def.isComposite && def.asComposite.fields.length === 1) id = def.asComposite.fields[0]!.type.toNumber();
      else break;
    }
    throw unsupported('a compact of a non-integer');
  }

  #address(publicKey: Uint8Array): string {
    const hex = u8aToHex(publicKey);
    let address = this.#addresses.get(hex);
    if (address === undefined) {
      address = encodeAddress(publicKey, this.#ss58);
      if (this.#addresses.size >= 100_000) this.#addresses.clear();
      this.#addresses.set(hex, address);
    }
    return address;
  }
}
