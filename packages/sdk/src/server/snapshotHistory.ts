import { createHash } from 'node:crypto';
import type { ProxySnapshot } from './types.js';

/** One stored snapshot, ready to serve. */
export interface StoredSnapshot {
  /** First and last block this exact content was seen at (content is the same across the range). */
  fromBlock: number;
  toBlock: number;
  json: string;
  /** Quoted strong ETag: a hash of the JSON, so unchanged content keeps its ETag across blocks. */
  etag: string;
  /** Machine rows by id, serialized, for deltas; null when the JSON has no `machines` rows. */
  rows: Map<string, string> | null;
  /** Everything but the rows (serialized), so a delta is only offered when nothing else changed. */
  rest: string;
}

/** What `GET …/machines/snapshot?sinceBlock=N` answers when the base is still known. */
export interface SnapshotDelta {
  fromBlock: number;
  toBlock: number;
  /** Rows that are new or changed since `fromBlock`, in full and in the snapshot's own row format. */
  changed: unknown[];
  /** Ids of rows that are gone. */
  removed: string[];
}

/** The last few snapshots, newest last. */
export interface SnapshotHistory {
  latest(): StoredSnapshot | null;
  add(snapshot: ProxySnapshot): StoredSnapshot;
  /** The delta from block `sinceBlock` to the latest snapshot, or null when that base is not kept. */
  deltaSince(sinceBlock: number): SnapshotDelta | null;
}

/**
 * Fields that change every block without being content: block number, hash and read time, in the
 * long names and in the compact wire form's (`b`, `h`, `t`).
 */
const BLOCK_FIELDS = new Set(['blockNumber', 'blockHash', 'takenAt', 'b', 'h', 't']);

/** The rows array: `machines`, or `m` in the compact wire form. */
const ROW_FIELDS = ['machines', 'm'];

/** A row's machine id: column 0 of a compact row, or `machineId`/`id` of an object row. */
const rowId = (row: unknown): string | null => {
  if (Array.isArray(row)) return typeof row[0] === 'string' ? row[0] : null;
  if (!row || typeof row !== 'object') return null;
  const id = (row as { machineId?: unknown; id?: unknown }).machineId ?? (row as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
};

function store(snapshot: ProxySnapshot): StoredSnapshot {
  let rows: Map<string, string> | null = null;
  let rest = snapshot.json;
  try {
    const parsed = JSON.parse(snapshot.json) as Record<string, unknown>;
    const field = ROW_FIELDS.find((f) => Array.isArray(parsed[f]));
    if (field) {
      rows = new Map();
      for (const row of parsed[field] as unknown[]) {
        const id = rowId(row);
        if (id === null) {
          rows = null;
          break;
        }
        rows.set(id, JSON.stringify(row));
      }
      // Rows of a delta are only meaningful against the same rest (e.g. the compact form's string table).
      const others = Object.entries(parsed).filter(([k]) => k !== field && !BLOCK_FIELDS.has(k));
      rest = JSON.stringify(others);
    }
  } catch {
    rows = null;
  }
  const etag = `"${createHash('sha256').update(snapshot.json).digest('base64url').slice(0, 27)}"`;
  return {
    fromBlock: snapshot.blockNumber,
    toBlock: snapshot.blockNumber,
    json: snapshot.json,
    etag,
    rows,
    rest,
  };
}

/** Creates a history keeping `keep` snapshots as delta bases. */
export function createSnapshotHistory(keep: number): SnapshotHistory {
  const list: StoredSnapshot[] = [];
  return {
    latest: () => list[list.length - 1] ?? null,
    add(snapshot) {
      const last = list[list.length - 1];
      if (last && last.json === snapshot.json) {
        last.toBlock = Math.max(last.toBlock, snapshot.blockNumber);
        return last;
      }
      const entry = store(snapshot);
      list.push(entry);
      while (list.length > keep) list.shift();
      return entry;
    },
    deltaSince(sinceBlock) {
      const latest = list[list.length - 1];
      const base = list.find((s) => s.fromBlock <= sinceBlock && sinceBlock <= s.toBlock);
      if (!latest || !base || !base.rows || !latest.rows || base.rest !== latest.rest) return null;
      const changed: unknown[] = [];
      for (const [id, row] of latest.rows) if (base.rows.get(id) !== row) changed.push(JSON.parse(row));
      const removed = [...base.rows.keys()].filter((id) => !latest.rows!.has(id));
      return { fromBlock: sinceBlock, toBlock: latest.toBlock, changed, removed };
    },
  };
}
