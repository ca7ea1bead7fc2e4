import { DbcInputError, throwIfAborted } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import type { MachineQuery, MachineSearchResult } from './query.js';
import { searchMachines } from './searchMachines.js';
import type { MachineSnapshot } from './snapshot.js';
import type { SnapshotSource } from './snapshotSource.js';
import { snapshotSourceFor } from './snapshotSourceFor.js';
import type { Machine } from './types.js';

/** Options of the machines resource's calls. */
export interface MachinesCallOptions {
  signal?: AbortSignal;
}

/** `client.machines`: browse the network's GPU machines. */
export interface MachinesResource {
  /**
   * Filters, sorts and pages the current snapshot, with facet counts.
   *
   * @example
   * ```ts
   * const { items, facets, nextCursor } = await client.machines.search({ zones: ['ai-training'], minFreeGpus: 2, sort: 'price' });
   * ```
   */
  search(query?: MachineQuery, options?: MachinesCallOptions): Promise<MachineSearchResult<Machine>>;
  /** One machine by id (64 hex characters, `0x` and case ignored), or null if the chain has no such machine. */
  get(id: string, options?: MachinesCallOptions): Promise<Machine | null>;
  /** The current snapshot (cached while fresh). */
  snapshot(options?: MachinesCallOptions): Promise<MachineSnapshot>;
  /** Reads a new snapshot now. */
  refresh(options?: MachinesCallOptions): Promise<MachineSnapshot>;
  /** Calls `listener` with every changed snapshot, refreshing in the background; returns unsubscribe. */
  subscribe(listener: (snapshot: MachineSnapshot) => void): () => void;
}

const byId = new WeakMap<MachineSnapshot, Map<string, Machine>>();

/** The machine of `id` in a snapshot, through an index built once per snapshot. */
export function machineById(snapshot: MachineSnapshot, id: string): Machine | null {
  let index = byId.get(snapshot);
  if (!index) {
    index = new Map(snapshot.machines.map((m) => [m.id, m]));
    byId.set(snapshot, index);
  }
  return index.get(id) ?? null;
}

/** Normalizes a machine id as the chain spells it; throws DbcInputError otherwise. */
export function normalizeMachineId(id: string): string {
  const v = typeof id === 'string' ? id.trim().replace(/^0x/i, '').toLowerCase() : '';
  if (!/^[0-9a-f]{64}$/.test(v)) {
    throw new DbcInputError('INVALID_MACHINE_ID', `"${String(id).slice(0, 20)}" is not a DBC machine id; expected 64 hex characters.`, {
      details: { machineId: String(id) },
    });
  }
  return v;
}

/**
 * Creates `client.machines` over the client's snapshot source (the proxy's JSON or the chain).
 * `source` replaces it, e.g. in tests or for a custom cache.
 */
export function createMachinesResource(ctx: ClientContext, source: SnapshotSource = snapshotSourceFor(ctx)): MachinesResource {
  return {
    async search(query = {}, options = {}) {
      const snap = await source.get(options);
      throwIfAborted(options.signal);
      return searchMachines(snap, query);
    },
    async get(id, options = {}) {
      const machineId = normalizeMachineId(id);
      return machineById(await source.get(options), machineId);
    },
    snapshot: (options = {}) => source.get(options),
    refresh: (options = {}) => source.refresh(options),
    subscribe: (listener) => source.subscribe(listener),
  };
}
