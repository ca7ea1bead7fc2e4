import type { Codec } from '@polkadot/types/types';
import {
  bool as Bool,
  Bytes,
  Compact,
  Enum,
  Null,
  Option,
  Struct,
  Text,
  Tuple,
  U8aFixed,
  AbstractInt,
  AbstractArray,
  Set as CodecSet,
  CodecMap,
} from '@polkadot/types-codec';
import { GenericAccountId } from '@polkadot/types/generic';
import { u8aToHex, u8aToString, isUtf8 } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

/**
 * Plain JavaScript views of SCALE values, for the pallet logic:
 * u8–u32 → number, u64/u128 → bigint, AccountId32 → SS58 (prefix 42), Vec<u8> → UTF-8 string when it
 * is printable text (machine ids, GPU names) else 0x-hex, fixed byte arrays/H256 → 0x-hex,
 * unit-only enums → variant name, other enums → `{ Variant: value | [values] }` (unit variants as
 * their name), Option → value or null, structs → camelCase objects.
 * polkadot.js `createType` accepts every one of these shapes back.
 */
export type Js = null | boolean | number | bigint | string | Js[] | { [k: string]: Js };

const PRINTABLE = /^[\x20-\x7e]*$/;

export function toJs(codec: Codec): Js {
  if (codec instanceof Option) return codec.isSome ? toJs(codec.unwrap()) : null;
  if (codec instanceof Compact) return toJs(codec.unwrap());
  if (codec instanceof GenericAccountId) return encodeAddress(codec.toU8a(), 42);
  if (codec instanceof AbstractInt) {
    return codec.bitLength() > 32 ? BigInt(codec.toString()) : codec.toNumber();
  }
  if (codec instanceof Bool) return codec.isTrue;
  if (codec instanceof Text) return codec.toString();
  if (codec instanceof Bytes) {
    const u8a = codec.toU8a(true);
    return isUtf8(u8a) && PRINTABLE.test(u8aToString(u8a)) ? u8aToString(u8a) : u8aToHex(u8a);
  }
  if (codec instanceof U8aFixed) return u8aToHex(codec.toU8a());
  if (codec instanceof Null) return null;
  if (codec instanceof Enum) {
    if (codec.isBasic) return codec.type;
    const inner = codec.inner;
    if (inner instanceof Null) return codec.type;
    return { [codec.type]: toJs(inner) };
  }
  // BTreeMap → an object keyed by the JS form of the key (SS58, machine id, number).
  if (codec instanceof CodecMap) {
    const out: Record<string, Js> = {};
    for (const [k, v] of codec.entries()) out[String(toJs(k))] = toJs(v);
    return out;
  }
  if (codec instanceof Struct) {
    const out: Record<string, Js> = {};
    for (const [k, v] of codec.entries()) out[String(k)] = toJs(v);
    return out;
  }
  if (codec instanceof Tuple || codec instanceof AbstractArray) return [...(codec as unknown as Codec[])].map(toJs);
  if (codec instanceof CodecSet) return codec.strings;
  // Newtype wrappers such as Perbill decode to their inner integer.
  const prim = codec.toPrimitive();
  if (typeof prim === 'number' || typeof prim === 'boolean' || typeof prim === 'string' || prim === null) return prim;
  return JSON.parse(JSON.stringify(prim)) as Js;
}

