import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ApiPromise, WsProvider } from '@polkadot/api';
import type { Registry } from '@polkadot/types/types';
import { stringCamelCase } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../src/devnet.js';
import { upstreamTable } from './upstream-table.js';

/**
 * The devnet must serve the real runtime's interface. This test decodes the metadata the devnet
 * serves (through an unmodified ApiPromise) back into a structural type language and compares it,
 * item by item and field by field, with
 *  - the spec-400 interface table of DBC mainnet's genesis runtime (fixtures/), for everything
 *    HEAD still has, and
 *  - a table derived by hand from the upstream Rust source at HEAD (upstream-table.ts), for the
 *    storage items and calls the SDK uses, including modifiers and what HEAD added.
 */

type Expr = unknown;
const NAMED_BY_PATH: Record<string, string> = {
  'sp_core::crypto::AccountId32': 'AccountId32',
  'primitive_types::H256': 'H256',
  'sp_arithmetic::per_things::Perbill': 'Perbill',
  'sp_arithmetic::per_things::Percent': 'Percent',
};
const NAMED_SHAPES: Record<string, Expr> = {
  AccountId32: { struct: { '0': { array: 32, of: 'u8' } } },
  H256: { struct: { '0': { array: 32, of: 'u8' } } },
  H160: { struct: { '0': { array: 20, of: 'u8' } } },
  Perbill: { struct: { '0': 'u32' } },
  Percent: { struct: { '0': 'u8' } },
};

/** Lookup type → structural expression (as the tables write types), recursion as `recursive:Name`. */
function siToExpr(registry: Registry, id: number, stack: number[] = []): Expr {
  const ty = registry.lookup.getSiType(id);
  const path = ty.path.map((p) => p.toString()).join('::');
  if (stack.includes(id)) return `recursive:${ty.path[ty.path.length - 1]!.toString()}`;
  if (path === 'dbc_runtime::RuntimeEvent') return 'dbc_runtime::RuntimeEvent';
  if (NAMED_BY_PATH[path]) return NAMED_BY_PATH[path];
  const next = [...stack, id];
  const def = ty.def;
  if (def.isPrimitive) return def.asPrimitive.type.toLowerCase();
  if (def.isCompact) return { compact: siToExpr(registry, def.asCompact.type.toNumber(), next) };
  if (def.isSequence) return { vec: siToExpr(registry, def.asSequence.type.toNumber(), next) };
  if (def.isArray) return { array: def.asArray.len.toNumber(), of: siToExpr(registry, def.asArray.type.toNumber(), next) };
  if (def.isTuple) return { tuple: def.asTuple.map((t) => siToExpr(registry, t.toNumber(), next)) };
  if (def.isComposite) {
    const fields = def.asComposite.fields;
    return {
      struct: Object.fromEntries(
        fields.map((f, i) => [f.name.isSome ? f.name.unwrap().toString() : String(i), siToExpr(registry, f.type.toNumber(), next)]),
      ),
    };
  }
  if (def.isVariant) {
    if (path === 'Option') return { option: siToExpr(registry, def.asVariant.variants[1]!.fields[0]!.type.toNumber(), next) };
    return {
      enum: Object.fromEntries(
        [...def.asVariant.variants]
          .sort((a, b) => a.index.toNumber() - b.index.toNumber())
          .map((v) => [v.name.toString(), v.fields.map((f) => siToExpr(registry, f.type.toNumber(), next))]),
      ),
    };
  }
  throw new Error(`unsupported type def ${def.type}`);
}

/** Brings both sides to one spelling: JSON strings decoded, named types expanded, paths and field names dropped. */
function normalize(e: Expr): Expr {
  if (typeof e === 'string') {
    if (e.startsWith('{') || e.startsWith('"')) return normalize(JSON.parse(e));
    if (e in NAMED_SHAPES) return normalize(NAMED_SHAPES[e]);
    return e;
  }
  if (Array.isArray(e)) {
    // `[name, type]` pairs (named variant fields) compare by type.
    if (e.length === 2 && typeof e[0] === 'string' && typeof e[1] !== 'string' && !(e[0] as string).startsWith('{'))
      return normalize(e[1]);
    return e.map(normalize);
  }
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    if ('struct' in o)
      return { struct: Object.fromEntries(Object.entries(o.struct as object).map(([k, v]) => [k, normalize(v)])) };
    if ('enum' in o)
      return {
        enum: Object.fromEntries(
          Object.entries(o.enum as object).map(([k, v]) => [k, (v as unknown[]).map((f) => normalize(Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && !f[0].startsWith('{') && !f[0].startsWith('"') ? f[1] : f))]),
        ),
      };
    if ('array' in o) return { array: o.array, of: normalize(o.of) };
    const [k, v] = Object.entries(o).find(([key]) => key !== 'path')!;
    return { [k]: Array.isArray(v) ? v.map(normalize) : normalize(v) };
  }
  return e;
}

const spec = JSON.parse(
  readFileSync(fileURLToPath(new URL('./fixtures/dbc-metadata-spec400.json', import.meta.url)), 'utf8'),
) as {
  pallets: Record<
    string,
    {
      index: number;
      storage: Record<string, { hashers?: string[]; key?: Expr; value: Expr }>;
      calls: Record<string, { index: number; args: Array<[string, Expr]> }> | null;
      events: Record<string, { index: number; fields: Expr[] }> | null;
      errors: string[] | null;
    }
  >;
};

let net: Devnet;
let api: ApiPromise;

interface Decoded {
  index: number;
  storage: Map<string, { modifier: string; hashers?: string[]; key?: Expr; value: Expr }>;
  calls: Map<string, { index: number; args: Array<[string, Expr]> }>;
  events: Map<string, { index: number; fields: Expr[] }>;
  errors: string[];
}
const decoded = new Map<string, Decoded>();

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'manual', machines: 0, noClientNodes: true });
  api = await ApiPromise.create({ provider: new WsProvider(net.chainUrl), noInitWarn: true });
  const reg = api.registry;
  for (const p of api.runtimeMetadata.asLatest.pallets) {
    const variants = (t: { type: { toNumber(): number } } | null) =>
      t ? [...reg.lookup.getSiType(t.type.toNumber()).def.asVariant.variants] : [];
    const storage = new Map<string, { modifier: string; hashers?: string[]; key?: Expr; value: Expr }>();
    for (const item of p.storage.unwrapOr(null)?.items ?? []) {
      const t = item.type;
      storage.set(
        item.name.toString(),
        t.isPlain
          ? { modifier: item.modifier.type, value: siToExpr(reg, t.asPlain.toNumber()) }
          : {
              modifier: item.modifier.type,
              hashers: t.asMap.hashers.map((h) => h.type),
              key: siToExpr(reg, t.asMap.key.toNumber()),
              value: siToExpr(reg, t.asMap.value.toNumber()),
            },
      );
    }
    decoded.set(p.name.toString(), {
      index: p.index.toNumber(),
      storage,
      calls: new Map(
        variants(p.calls.unwrapOr(null)).map((v) => [
          v.name.toString(),
          { index: v.index.toNumber(), args: v.fields.map((f) => [f.name.unwrap().toString(), siToExpr(reg, f.type.toNumber())] as [string, Expr]) },
        ]),
      ),
      events: new Map(
        variants(p.events.unwrapOr(null)).map((v) => [
          v.name.toString(),
          { index: v.index.toNumber(), fields: v.fields.map((f) => siToExpr(reg, f.type.toNumber())) },
        ]),
      ),
      errors: variants(p.errors.unwrapOr(null))
        .sort((a, b) => a.index.toNumber() - b.index.toNumber())
        .map((v) => v.name.toString()),
    });
  }
});

afterAll(async () => {
  await api?.disconnect();
  await net?.stop();
});

/** Items of the spec-400 table that HEAD no longer has (checked against the source): none today. */
const REMOVED_AT_HEAD = new Set<string>();

describe('metadata served by the devnet', () => {
  it('has every pallet of the spec-400 table at its real index', () => {
    for (const [name, p] of Object.entries(spec.pallets)) {
      expect(decoded.get(name)?.index, name).toBe(p.index);
    }
  });

  it('matches the spec-400 table field by field for every storage item HEAD still has', () => {
    let compared = 0;
    for (const [pallet, p] of Object.entries(spec.pallets)) {
      for (const [name, s] of Object.entries(p.storage)) {
        if (REMOVED_AT_HEAD.has(`${pallet}.${name}`)) continue;
        const ours = decoded.get(pallet)!.storage.get(name);
        expect(ours, `${pallet}.${name} is missing`).toBeDefined();
        expect(ours!.hashers ?? null, `${pallet}.${name} hashers`).toEqual(s.hashers ?? null);
        expect(normalize(ours!.key ?? null), `${pallet}.${name} key`).toEqual(normalize(s.key ?? null));
        expect(normalize(ours!.value), `${pallet}.${name} value`).toEqual(normalize(s.value));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(150);
  });

  it('matches the spec-400 table for every call (index, argument names and types)', () => {
    for (const [pallet, p] of Object.entries(spec.pallets)) {
      for (const [name, c] of Object.entries(p.calls ?? {})) {
        const ours = decoded.get(pallet)!.calls.get(name);
        expect(ours, `${pallet}.${name}`).toBeDefined();
        expect(ours!.index, `${pallet}.${name} index`).toBe(c.index);
        expect(ours!.args.map((a) => a[0]), `${pallet}.${name} arg names`).toEqual(c.args.map((a) => a[0]));
        expect(ours!.args.map((a) => normalize(a[1])), `${pallet}.${name} arg types`).toEqual(c.args.map((a) => normalize(a[1])));
      }
    }
  });

  it('matches the spec-400 table for every event and error', () => {
    for (const [pallet, p] of Object.entries(spec.pallets)) {
      for (const [name, e] of Object.entries(p.events ?? {})) {
        const ours = decoded.get(pallet)!.events.get(name);
        expect(ours, `${pallet}.${name}`).toBeDefined();
        expect(ours!.index, `${pallet}.${name} index`).toBe(e.index);
        expect(ours!.fields.map(normalize), `${pallet}.${name} fields`).toEqual(e.fields.map(normalize));
      }
      // HEAD only appends errors, so the spec-400 list must be a prefix of ours.
      const errors = decoded.get(pallet)!.errors;
      expect(errors.slice(0, (p.errors ?? []).length), `${pallet} errors`).toEqual(p.errors ?? []);
    }
  });

  it('matches the table derived from the upstream source for every storage item the SDK uses', () => {
    for (const [id, u] of Object.entries(upstreamTable.storage)) {
      const [pallet, name] = id.split('.') as [string, string];
      const ours = decoded.get(pallet)?.storage.get(name);
      expect(ours, `${id} is missing`).toBeDefined();
      expect(ours!.modifier, `${id} modifier`).toBe(u.modifier);
      expect(ours!.hashers ?? null, `${id} hashers`).toEqual(u.hashers ?? null);
      expect(normalize(ours!.key ?? null), `${id} key`).toEqual(normalize(u.key ?? null));
      expect(normalize(ours!.value), `${id} value`).toEqual(normalize(u.value));
    }
  });

  it('matches the table derived from the upstream source for every call the SDK uses', () => {
    for (const [id, u] of Object.entries(upstreamTable.calls)) {
      const [pallet, name] = id.split('.') as [string, string];
      const ours = decoded.get(pallet)?.calls.get(name);
      expect(ours, `${id} is missing`).toBeDefined();
      expect(ours!.index, `${id} index`).toBe(u.index);
      expect(ours!.args.map((a) => a[0]), `${id} arg names`).toEqual(u.args.map((a) => a[0]));
      expect(ours!.args.map((a) => normalize(a[1])), `${id} arg types`).toEqual(u.args.map((a) => normalize(a[1])));
    }
  });

  it('decorates the queries and transactions the SDK uses under the names polkadot.js gives them', () => {
    for (const q of ['machinesInfo', 'liveMachines', 'machineRentedGPU', 'standardGPUPointPrice', 'posGPUInfo', 'stashMachines'])
      expect(typeof api.query.onlineProfile[q], q).toBe('function');
    for (const q of ['rentInfo', 'userOrder', 'machineRentOrder', 'confirmingOrder', 'rentEnding'])
      expect(typeof api.query.rentMachine[q], q).toBe('function');
    expect(typeof api.query.dbcPriceOCW?.avgPrice).toBe('function');
    for (const t of ['rentMachine', 'confirmRent', 'reletMachine']) expect(typeof api.tx.rentMachine[t], t).toBe('function');
    for (const t of ['bondMachine', 'setController', 'genServerRoom', 'controllerReportOffline', 'claimRewards'])
      expect(typeof api.tx.onlineProfile[t], t).toBe('function');
    expect(stringCamelCase('set_standard_gpu_point_price')).toBe('setStandardGpuPointPrice');
    expect(typeof api.tx.onlineProfile.setStandardGpuPointPrice).toBe('function');
  });

  it('reports DBC chain properties and the spec-411 runtime version', async () => {
    expect(api.runtimeVersion.specName.toString()).toBe('DeepBrainChain');
    expect(api.runtimeVersion.specVersion.toNumber()).toBe(411);
    expect(api.runtimeVersion.transactionVersion.toNumber()).toBe(2);
    expect(api.registry.chainDecimals).toEqual([15]);
    expect(api.registry.chainTokens).toEqual(['DBC']);
    expect(api.registry.chainSS58).toBe(42);
    expect(api.consts.system.ss58Prefix.toNumber()).toBe(42);
  });
});
