/**
 * Typed access to decoded storage values, whichever decoder produced them: polkadot.js codecs
 * (single reads through `api.query`) or the plain values of `ScaleDecoder` (batch reads). DBC's
 * pallets have no generated augmentation, so values arrive untyped; these helpers read struct
 * fields, integers, bytes and enums, with a clear error when the chain's shape differs from what
 * we expect (a runtime upgrade we do not know).
 */
import type { Codec } from '@polkadot/types-codec/types';
import { u8aToHex } from '@polkadot/util';
import { DbcError } from '../errors/index.js';
import { Variant } from './scale.js';

/** A decoded storage value: a polkadot.js codec or a plain `ScaleDecoder` value. */
export type Value = Codec | unknown;

interface CodecLike {
  registry: unknown;
  toU8a(): Uint8Array;
  toHex(): `0x${string}`;
  toString(): string;
  toRawType?(): string;
}

function isCodec(v: unknown): v is CodecLike & Record<string, unknown> {
  return typeof v === 'object' && v !== null && 'registry' in v && typeof (v as CodecLike).toU8a === 'function';
}

function shapeError(expected: string, got: unknown, where: string): DbcError {
  const shown = isCodec(got) ? (got.toRawType?.() ?? 'codec') : got === null ? 'null' : typeof got;
  return new DbcError('CHAIN_UNEXPECTED_SHAPE', `Expected ${expected} at ${where}, got ${shown}.`, {
    details: { where },
    metaMessages: ['The chain runtime may be newer than this SDK; update @dbc-cloud/chain.'],
  });
}

/** A struct field by its camelCase name. */
export function field(struct: Value, name: string): Value {
  let value: unknown;
  if (isCodec(struct)) value = (struct as unknown as { get?(n: string): unknown }).get?.(name);
  else if (typeof struct === 'object' && struct !== null && !Array.isArray(struct)) value = (struct as Record<string, unknown>)[name];
  if (value === undefined) throw shapeError(`a struct with field ${name}`, struct, name);
  return value;
}

/** A struct field, or undefined when the struct has no such field (fields renamed across runtimes). */
export function fieldIfAny(struct: Value, name: string): Value | undefined {
  if (isCodec(struct)) return (struct as unknown as { get?(n: string): unknown }).get?.(name);
  if (typeof struct === 'object' && struct !== null) return (struct as Record<string, unknown>)[name];
  return undefined;
}

/** An integer as a number; u64 values past 2^53 lose precision, so use `big` for money. */
export function num(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  const v = value as { toNumber?: () => number };
  if (typeof v?.toNumber !== 'function') throw shapeError('an integer', value, 'integer');
  return v.toNumber();
}

/** An integer (u128 balances, Compact<u128>) as a bigint. */
export function big(value: Value): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return BigInt(value);
  const v = value as { toBigInt?: () => bigint };
  if (typeof v?.toBigInt !== 'function') throw shapeError('an integer', value, 'integer');
  return v.toBigInt();
}

const utf8 = new TextDecoder();

/** `Vec<u8>` holding text (machine ids, GPU names) as a string. */
export function text(value: Value): string {
  if (value instanceof Uint8Array) return utf8.decode(value);
  if (typeof value === 'string') return value;
  const v = value as { toUtf8?: () => string };
  if (typeof v?.toUtf8 !== 'function') throw shapeError('bytes', value, 'bytes');
  return v.toUtf8();
}

/** Bytes or a hash as 0x-hex. */
export function hex(value: Value): `0x${string}` {
  if (typeof value === 'string' && value.startsWith('0x')) return value as `0x${string}`;
  if (value instanceof Uint8Array) return u8aToHex(value);
  if (isCodec(value)) return value.toHex();
  throw shapeError('bytes', value, 'hex');
}

const ss58 = new Map<string, string>();

/**
 * An AccountId as its SS58 address (the registry's prefix, 42 on DBC). Encodings are cached: a
 * batch of machines names a few dozen miners thousands of times, and each encoding hashes.
 */
export function address(value: Value): string {
  if (typeof value === 'string') return value;
  if (!isCodec(value)) throw shapeError('an account', value, 'account');
  const key = `${(value.registry as { chainSS58?: number }).chainSS58 ?? 42}:${value.toHex()}`;
  let text = ss58.get(key);
  if (text === undefined) {
    text = value.toString();
    if (ss58.size >= 100_000) ss58.clear();
    ss58.set(key, text);
  }
  return text;
}

/** A bool. */
export function bool(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  return (value as { isTrue?: boolean })?.isTrue === true;
}

/** The items of a Vec, BoundedVec, fixed array or tuple. */
export function items(value: Value): Value[] {
  if (Array.isArray(value)) return value;
  if (value instanceof Uint8Array) return Array.from(value);
  if (value === null || typeof value !== 'object' || !(Symbol.iterator in value)) throw shapeError('a sequence', value, 'sequence');
  return [...(value as Iterable<unknown>)];
}

/** The value inside an Option, or null for None (a value that is not an Option is returned as is). */
export function option(value: Value): Value | null {
  if (value === null || value === undefined) return null;
  const v = value as { isSome?: boolean; unwrap?: () => unknown };
  if (isCodec(value) && typeof v.isSome === 'boolean' && typeof v.unwrap === 'function') return v.isSome ? v.unwrap() : null;
  return value;
}

/** An enum's variant name and payload. */
export function variant(value: Value): { type: string; value: Value } {
  if (value instanceof Variant) return { type: value.type, value: value.value };
  const v = value as { type?: unknown; value?: unknown };
  if (!isCodec(value) || typeof v.type !== 'string') throw shapeError('an enum', value, 'enum');
  return { type: v.type, value: v.value };
}

/** The entries of a BTreeMap. */
export function mapEntries(value: Value): Array<[Value, Value]> {
  if (Array.isArray(value)) return value as Array<[Value, Value]>;
  const v = value as { entries?: () => Iterable<[unknown, unknown]> };
  if (typeof v?.entries !== 'function') throw shapeError('a map', value, 'map');
  return [...v.entries()];
}
