import { TypeRegistry } from '@polkadot/types';
import { Metadata } from '@polkadot/types/metadata';
import { u8aToHex } from '@polkadot/util';
import { namedTypes, typeParams } from './namedTypes.js';
import type { PalletDef, TypeExpr, VariantFields } from './types.js';

type SiField = { name: string | null; type: number; typeName: string | null; docs: string[] };
type SiDef =
  | { Composite: { fields: SiField[] } }
  | { Variant: { variants: Array<{ name: string; fields: SiField[]; index: number; docs: string[] }> } }
  | { Sequence: { type: number } }
  | { Array: { len: number; type: number } }
  | { Tuple: number[] }
  | { Primitive: string }
  | { Compact: { type: number } };
interface SiType {
  path: string[];
  params: Array<{ name: string; type: number | null }>;
  def: SiDef;
  docs: string[];
}

const PRIMITIVES: Record<string, string> = {
  bool: 'Bool',
  char: 'Char',
  str: 'Str',
  u8: 'U8',
  u16: 'U16',
  u32: 'U32',
  u64: 'U64',
  u128: 'U128',
  u256: 'U256',
  i8: 'I8',
  i16: 'I16',
  i32: 'I32',
  i64: 'I64',
  i128: 'I128',
};

/** Drops `path` and expands named references, so two spellings of one shape compare equal. */
export function normalizeType(expr: TypeExpr, seen: string[] = []): unknown {
  if (typeof expr === 'string') {
    if (expr in namedTypes && !seen.includes(expr)) return normalizeType(namedTypes[expr]!, [...seen, expr]);
    return expr;
  }
  if ('vec' in expr) return { vec: normalizeType(expr.vec, seen) };
  if ('array' in expr) return { array: expr.array, of: normalizeType(expr.of, seen) };
  if ('compact' in expr) return { compact: normalizeType(expr.compact, seen) };
  if ('tuple' in expr) return { tuple: expr.tuple.map((t) => normalizeType(t, seen)) };
  if ('option' in expr) return { option: normalizeType(expr.option, seen) };
  if ('map' in expr) return { struct: { '0': { vec: { tuple: expr.map.map((t) => normalizeType(t, seen)) } } } };
  if ('struct' in expr)
    return { struct: Object.fromEntries(Object.entries(expr.struct).map(([k, v]) => [k, normalizeType(v, seen)])) };
  return {
    enum: Object.fromEntries(
      Object.entries(expr.enum).map(([k, fields]) => [
        k,
        fields.map((f) => (Array.isArray(f) ? normalizeType(f[1], seen) : normalizeType(f, seen))),
      ]),
    ),
  };
}

/** Builds a PortableRegistry from TypeExprs, sharing one entry per distinct type. */
export class LookupBuilder {
  readonly types: Array<{ id: number; type: SiType }> = [];
  private readonly byKey = new Map<string, number>();
  private readonly stack: Array<{ path?: string; id: number; isEnum: boolean }> = [];
  private readonly namedByShape = new Map<string, string>();

  constructor() {
    const counts = new Map<string, string[]>();
    for (const [name, expr] of Object.entries(namedTypes)) {
      if (typeof expr === 'string' || !('struct' in expr || 'enum' in expr)) continue;
      const shape = JSON.stringify(normalizeType(expr, [name]));
      counts.set(shape, [...(counts.get(shape) ?? []), name]);
    }
    // A shape that two named types share (AccountId32 and H256) is ambiguous, so it is never guessed.
    for (const [shape, names] of counts) if (names.length === 1) this.namedByShape.set(shape, names[0]!);
  }

  /** Reserves an id so that recursive and forward references can point at it. */
  private reserve(key: string): number {
    const id = this.types.length;
    this.types.push({ id, type: { path: [], params: [], def: { Tuple: [] }, docs: [] } });
    this.byKey.set(key, id);
    return id;
  }

  add(expr: TypeExpr, extra?: { path?: string[]; params?: SiType['params']; docs?: string[] }): number {
    const key = JSON.stringify([expr, extra ?? null]);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;

    if (typeof expr === 'string') {
      if (expr in PRIMITIVES) return this.store(key, { path: [], params: [], def: { Primitive: PRIMITIVES[expr]! }, docs: [] });
      if (expr.startsWith('recursive:')) {
        const name = expr.slice('recursive:'.length);
        const target =
          [...this.stack].reverse().find((s) => s.path?.endsWith(`::${name}`)) ??
          [...this.stack].reverse().find((s) => s.isEnum);
        if (!target) throw new Error(`Unresolved ${expr}`);
        return target.id;
      }
      if (expr === 'Era') return this.addEra(key);
      const named = namedTypes[expr];
      if (!named) throw new Error(`Unknown type name ${expr}`);
      const params = typeParams[expr]?.map(([name, t]) => ({ name, type: t === null ? null : this.add(t) }));
      const id = this.add(named, params ? { params } : undefined);
      this.byKey.set(key, id);
      return id;
    }

    if (!extra && ('struct' in expr || 'enum' in expr) && !expr.path) {
      const name = this.namedByShape.get(JSON.stringify(normalizeType(expr)));
      if (name) {
        const id = this.add(name);
        this.byKey.set(key, id);
        return id;
      }
    }

    if ('vec' in expr) return this.store(key, { path: [], params: [], def: { Sequence: { type: this.add(expr.vec) } }, docs: [] });
    if ('array' in expr)
      return this.store(key, { path: [], params: [], def: { Array: { len: expr.array, type: this.add(expr.of) } }, docs: [] });
    if ('compact' in expr)
      return this.store(key, { path: [], params: [], def: { Compact: { type: this.add(expr.compact) } }, docs: [] });
    if ('tuple' in expr) return this.store(key, { path: [], params: [], def: { Tuple: expr.tuple.map((t) => this.add(t)) }, docs: [] });
    if ('option' in expr) {
      const inner = this.add(expr.option);
      return this.store(key, {
        path: ['Option'],
        params: [{ name: 'T', type: inner }],
        def: {
          Variant: {
            variants: [
              { name: 'None', fields: [], index: 0, docs: [] },
              { name: 'Some', fields: [{ name: null, type: inner, typeName: null, docs: [] }], index: 1, docs: [] },
            ],
          },
        },
        docs: [],
      });
    }

    if ('map' in expr) {
      // polkadot.js decodes a BTreeMap path with K/V params as a Map, as it does for the real runtime.
      const [k, v] = expr.map.map((t) => this.add(t)) as [number, number];
      const entries = this.add({ vec: { tuple: expr.map } });
      return this.store(key, {
        path: ['BTreeMap'],
        params: [
          { name: 'K', type: k },
          { name: 'V', type: v },
        ],
        def: { Composite: { fields: [{ name: null, type: entries, typeName: null, docs: [] }] } },
        docs: [],
      });
    }
    const path = extra?.path ?? (expr.path ? expr.path.split('::') : []);
    const id = this.reserve(key);
    this.stack.push({ path: path.join('::') || undefined, id, isEnum: 'enum' in expr });
    try {
      let def: SiDef;
      if ('struct' in expr) {
        const entries = Object.entries(expr.struct);
        const tupleLike = entries.every(([k]) => /^\d+$/.test(k));
        def = {
          Composite: {
            fields: entries.map(([name, t]) => ({
              name: tupleLike ? null : name,
              type: this.add(t),
              typeName: null,
              docs: [],
            })),
          },
        };
      } else {
        def = {
          Variant: {
            variants: Object.entries(expr.enum).map(([name, fields], i) => ({
              name,
              fields: this.fields(fields),
              index: expr.indices?.[name] ?? i,
              docs: [],
            })),
          },
        };
      }
      this.types[id] = { id, type: { path, params: extra?.params ?? [], def, docs: extra?.docs ?? [] } };
    } finally {
      this.stack.pop();
    }
    return id;
  }

  fields(fields: VariantFields): SiField[] {
    return fields.map((f) =>
      Array.isArray(f)
        ? { name: f[0], type: this.add(f[1]), typeName: null, docs: [] }
        : { name: null, type: this.add(f), typeName: null, docs: [] },
    );
  }

  /** Adds a raw type (no dedupe by expression) and returns its id. */
  addRaw(type: SiType): number {
    const id = this.types.length;
    this.types.push({ id, type });
    return id;
  }

  private store(key: string, type: SiType): number {
    const id = this.addRaw(type);
    this.byKey.set(key, id);
    return id;
  }

  /** sp_runtime's Era: Immortal, then Mortal1(u8) … Mortal255(u8), as the real lookup spells it. */
  private addEra(key: string): number {
    const u8 = this.add('u8');
    const variants = [{ name: 'Immortal', fields: [] as SiField[], index: 0, docs: [] as string[] }];
    for (let i = 1; i < 256; i++)
      variants.push({ name: `Mortal${i}`, fields: [{ name: null, type: u8, typeName: null, docs: [] }], index: i, docs: [] });
    return this.store(key, { path: ['sp_runtime', 'generic', 'era', 'Era'], params: [], def: { Variant: { variants } }, docs: [] });
  }
}

/** Rust module paths of each pallet's Call/Event/Error enums, as the real lookup names them. */
const PALLET_MODULE: Record<string, string> = {
  System: 'frame_system::pallet',
  Timestamp: 'pallet_timestamp::pallet',
  Balances: 'pallet_balances::pallet',
  TransactionPayment: 'pallet_transaction_payment::pallet',
  Session: 'pallet_session::pallet',
  Staking: 'pallet_staking::pallet::pallet',
  GenericFunc: 'generic_func::pallet',
  DBCPriceOCW: 'dbc_price_ocw::pallet',
  OnlineProfile: 'online_profile::pallet',
  RentMachine: 'rent_machine::pallet',
  TerminatingRental: 'terminating_rental::pallet',
};

export interface RuntimeShape {
  pallets: PalletDef[];
  /** Signed extensions in order: identifier, extra type, additional-signed type. */
  signedExtensions: Array<{ identifier: string; type: TypeExpr; additionalSigned: TypeExpr }>;
}

/** Zero value of a type, as SCALE bytes (the fallback of a ValueQuery item without a custom default). */
export function defaultBytes(expr: TypeExpr): number[] {
  if (typeof expr === 'string') {
    const widths: Record<string, number> = { bool: 1, u8: 1, u16: 2, u32: 4, u64: 8, u128: 16, u256: 32, i8: 1, i16: 2, i32: 4, i64: 8, i128: 16 };
    if (expr in widths) return new Array(widths[expr]).fill(0);
    if (expr === 'str') return [0];
    if (expr in namedTypes) return defaultBytes(namedTypes[expr]!);
    throw new Error(`No default for ${expr}`);
  }
  if ('vec' in expr) return [0];
  if ('array' in expr) return Array.from({ length: expr.array }, () => defaultBytes(expr.of)).flat();
  if ('compact' in expr) return [0];
  if ('tuple' in expr) return expr.tuple.flatMap(defaultBytes);
  if ('option' in expr) return [0];
  if ('map' in expr) return [0];
  if ('struct' in expr) return Object.values(expr.struct).flatMap(defaultBytes);
  const first = Object.entries(expr.enum)[0];
  if (!first) return [0];
  return [expr.indices?.[first[0]] ?? 0, ...first[1].flatMap((f) => defaultBytes(Array.isArray(f) ? f[1] : f))];
}


/** Builds the MetadataV14 of a runtime from pallet definitions. */
export function buildMetadata(shape: RuntimeShape): { metadata: Metadata; registry: TypeRegistry; hex: `0x${string}` } {
  const b = new LookupBuilder();
  // Primitives the real lookup has; polkadot.js logs when it cannot map u16 (devnet-notes §6).
  for (const p of ['bool', 'u8', 'u16', 'u32', 'u64', 'u128', 'str']) b.add(p);

  const palletTypes = shape.pallets.map((p) => {
    const mod = PALLET_MODULE[p.name] ?? `${p.name.toLowerCase()}::pallet`;
    const path = (n: string) => [...mod.split('::'), n];
    const params = [{ name: 'T', type: null }];
    const calls = Object.keys(p.calls).length
      ? b.addRaw({
          path: path('Call'),
          params,
          def: {
            Variant: {
              variants: Object.entries(p.calls)
                .sort((a, c) => a[1].index - c[1].index)
                .map(([name, c]) => ({ name, fields: b.fields(c.args), index: c.index, docs: c.docs ?? [] })),
            },
          },
          docs: [],
        })
      : null;
    const events = Object.keys(p.events).length
      ? b.addRaw({
          path: path('Event'),
          params,
          def: {
            Variant: {
              variants: Object.entries(p.events)
                .sort((a, c) => a[1].index - c[1].index)
                .map(([name, e]) => ({ name, fields: b.fields(e.fields), index: e.index, docs: e.docs ?? [] })),
            },
          },
          docs: [],
        })
      : null;
    const errors = p.errors.length
      ? b.addRaw({
          path: path('Error'),
          params,
          def: { Variant: { variants: p.errors.map((name, index) => ({ name, fields: [], index, docs: [] })) } },
          docs: [],
        })
      : null;
    return { p, calls, events, errors };
  });

  const runtimeEvent = b.addRaw({
    path: ['dbc_runtime', 'RuntimeEvent'],
    params: [],
    def: {
      Variant: {
        variants: palletTypes
          .filter((t) => t.events !== null)
          .map((t) => ({
            name: t.p.name,
            fields: [{ name: null, type: t.events!, typeName: null, docs: [] }],
            index: t.p.index,
            docs: [],
          })),
      },
    },
    docs: [],
  });
  const runtimeCall = b.addRaw({
    path: ['dbc_runtime', 'RuntimeCall'],
    params: [],
    def: {
      Variant: {
        variants: palletTypes
          .filter((t) => t.calls !== null)
          .map((t) => ({
            name: t.p.name,
            fields: [{ name: null, type: t.calls!, typeName: null, docs: [] }],
            index: t.p.index,
            docs: [],
          })),
      },
    },
    docs: [],
  });
  // Pallet defs refer to the outer enums by their Rust names.
  const aliases: Record<string, number> = {
    'dbc_runtime::RuntimeEvent': runtimeEvent,
    'dbc_runtime::RuntimeCall': runtimeCall,
  };
  const resolve = (t: TypeExpr) => (typeof t === 'string' && t in aliases ? aliases[t]! : b.add(t));
  // frame_system::EventRecord<E, T>: polkadot.js reads its params to find the Event type.
  const eventRecord = b.addRaw({
    path: ['frame_system', 'EventRecord'],
    params: [
      { name: 'E', type: runtimeEvent },
      { name: 'T', type: b.add('H256') },
    ],
    def: {
      Composite: {
        fields: [
          { name: 'phase', type: b.add('Phase'), typeName: null, docs: [] },
          { name: 'event', type: runtimeEvent, typeName: null, docs: [] },
          { name: 'topics', type: b.add({ vec: 'H256' }), typeName: null, docs: [] },
        ],
      },
    },
    docs: [],
  });
  aliases['EventRecord'] = eventRecord;
  const eventRecords = b.addRaw({ path: [], params: [], def: { Sequence: { type: eventRecord } }, docs: [] });

  const pallets = palletTypes.map(({ p, calls, events, errors }) => ({
    name: p.name,
    index: p.index,
    storage: Object.keys(p.storage).length
      ? {
          prefix: p.name,
          items: Object.entries(p.storage).map(([name, s]) => {
            const isEvents = p.name === 'System' && name === 'Events';
            const value = isEvents ? eventRecords : resolve(s.value);
            const fallback =
              s.fallback ?? (s.modifier === 'Optional' ? '0x00' : u8aToHex(Uint8Array.from(defaultBytes(s.value))));
            return {
              name,
              modifier: s.modifier,
              type: s.hashers
                ? { Map: { hashers: s.hashers, key: resolve(s.key!), value } }
                : { Plain: value },
              fallback,
              docs: s.docs ?? [],
            };
          }),
        }
      : null,
    calls: calls === null ? null : { type: calls },
    events: events === null ? null : { type: events },
    constants: Object.entries(p.constants).map(([name, c]) => ({
      name,
      type: b.add(c.type),
      value: c.value,
      docs: c.docs ?? [],
    })),
    errors: errors === null ? null : { type: errors },
  }));

  const extTypes = shape.signedExtensions.map((e) => ({
    identifier: e.identifier,
    type: b.add(e.type),
    additionalSigned: b.add(e.additionalSigned),
  }));
  const address = b.add('MultiAddress');
  const signature = b.add('MultiSignature');
  const extra = b.addRaw({ path: [], params: [], def: { Tuple: extTypes.map((e) => e.type) }, docs: [] });
  const extrinsic = b.addRaw({
    // polkadot.js discovers Address/Call/Signature through this path (the node's fp_self_contained
    // wrapper encodes identically for signed extrinsics).
    path: ['sp_runtime', 'generic', 'unchecked_extrinsic', 'UncheckedExtrinsic'],
    params: [
      { name: 'Address', type: address },
      { name: 'Call', type: runtimeCall },
      { name: 'Signature', type: signature },
      { name: 'Extra', type: extra },
    ],
    def: { Composite: { fields: [{ name: null, type: b.add({ vec: 'u8' }), typeName: null, docs: [] }] } },
    docs: [],
  });
  const runtime = b.addRaw({ path: ['dbc_runtime', 'Runtime'], params: [], def: { Composite: { fields: [] } }, docs: [] });

  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, {
    magicNumber: 0x6174656d,
    metadata: {
      v14: {
        lookup: { types: b.types },
        pallets,
        extrinsic: { type: extrinsic, version: 4, signedExtensions: extTypes },
        type: runtime,
      },
    },
  } as never);
  const hex = metadata.toHex();
  // Re-decode from bytes so what the devnet uses is exactly what it serves.
  const decoded = new Metadata(registry, hex);
  registry.setMetadata(decoded);
  return { metadata: decoded, registry, hex };
}

