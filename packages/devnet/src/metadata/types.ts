/**
 * A small structural type language for runtime metadata, close to how the Rust source reads.
 *
 * - a string names a primitive (`u8` … `u128`, `bool`, `str`) or a named type from `namedTypes.ts`
 *   (`AccountId32`, `H256`, `Perbill`, …); `recursive:Name` points back at an enclosing named type;
 * - `{ vec }`, `{ array, of }`, `{ compact }`, `{ tuple }`, `{ option }` are the SCALE containers;
 * - `{ map: [K, V] }` is a BTreeMap<K, V> (scale-info: path `BTreeMap`, one field Vec<(K, V)>);
 * - `{ struct }` is a composite (keys `"0"`, `"1"` … make a tuple struct);
 * - `{ enum }` is a variant; each variant lists its fields as types, or as `[name, type]` pairs;
 *   variant indices follow declaration order unless `indices` says otherwise.
 * `path` (Rust path, `::`-separated) only names the type for polkadot.js; it never changes the encoding.
 */
export type TypeExpr =
  | string
  | { vec: TypeExpr }
  | { array: number; of: TypeExpr }
  | { compact: TypeExpr }
  | { tuple: TypeExpr[] }
  | { option: TypeExpr }
  | { map: [TypeExpr, TypeExpr] }
  | { struct: Record<string, TypeExpr>; path?: string }
  | { enum: Record<string, VariantFields>; path?: string; indices?: Record<string, number> };

export type VariantFields = Array<TypeExpr | [string, TypeExpr]>;

export type Hasher =
  | 'Blake2_128'
  | 'Blake2_256'
  | 'Blake2_128Concat'
  | 'Twox128'
  | 'Twox256'
  | 'Twox64Concat'
  | 'Identity';

export interface StorageDef {
  /** `Optional` is Rust's OptionQuery (absent reads as None); `Default` is ValueQuery. */
  modifier: 'Optional' | 'Default';
  /** Present for maps: one hasher per key. */
  hashers?: Hasher[];
  /** The key type; a `{ tuple }` of keys for double maps. */
  key?: TypeExpr;
  value: TypeExpr;
  /** Hex of the SCALE default for ValueQuery items whose default is not the type's zero value. */
  fallback?: string;
  docs?: string[];
}

export interface CallDef {
  index: number;
  args: Array<[string, TypeExpr]>;
  docs?: string[];
}

export interface EventDef {
  index: number;
  fields: VariantFields;
  docs?: string[];
}

export interface ConstantDef {
  type: TypeExpr;
  /** Hex of the SCALE-encoded value. */
  value: string;
  docs?: string[];
}

export interface PalletDef {
  name: string;
  index: number;
  storage: Record<string, StorageDef>;
  calls: Record<string, CallDef>;
  events: Record<string, EventDef>;
  /** Error variants in declaration order (variant index = position). */
  errors: string[];
  constants: Record<string, ConstantDef>;
}
