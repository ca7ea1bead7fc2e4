/**
 * The compact wire form of a MachineSnapshot, for the partner proxy's light read path: a browser
 * gets every machine in one small JSON document and needs no chain code. Only chain facts travel
 * (derived values are recomputed on arrival, with the browser's own partner pricing); machines are
 * arrays, repeated strings (GPU and CPU models, telecoms, stashes) are indices into one string
 * table, and there are no bigints (the fixed fee is a decimal string).
 */
import { DbcError } from '@dbc-cloud/chain/errors';
import type { PricingPolicy } from '../pricing/policy.js';
import { validatePolicy } from '../pricing/validatePolicy.js';
import { createMachineDeriver } from './deriveMachine.js';
import { factsOfMachine, type MachineFacts, type MachinePhase } from './facts.js';
import type { MachineSnapshot } from './snapshot.js';

/** Version of the wire format; readers refuse other versions. */
export const SNAPSHOT_JSON_VERSION = 1;

/**
 * The columns of one machine row, in order. Strings marked `(s)` are indices into `k`; positions
 * are degrees × 10^4 as the chain stores them; phase is 0 rentable, 1 offline, 2 verifying.
 */
export const SNAPSHOT_COLUMNS = [
  'id', 'gpuType(s)', 'gpuNum', 'rentedGpus', 'gpuMemGb', 'cudaCores', 'calcPoint', 'cpuType(s)', 'cpuCores', 'cpuMhz',
  'ramGb', 'sysDiskGb', 'dataDiskGb', 'uploadMbps', 'downloadMbps', 'telecom(s[])', 'lon×1e4', 'lat×1e4', 'phase',
  'bondingHeight', 'onlineHeight', 'lastOnlineHeight', 'rentedDurationBlocks', 'rentedTimes', 'extraPriceMicroUsdPerGpuDay',
  'timeSlot', 'stash(s)', 'bareMetal',
] as const;

/** The parsed wire form (see {@link SNAPSHOT_COLUMNS}). */
export interface SnapshotJson {
  v: number;
  /** Block number and hash. */
  b: number;
  h: `0x${string}`;
  /** takenAt, ms. */
  t: number;
  /** avgPrice, USD × 10^6 per DBC. */
  p: number | null;
  /** [gpuPoint, gpuPriceMicroUsdPerDay]. */
  s: [number, number] | null;
  /** Fixed fee, planck as a decimal string. */
  f: string | null;
  /** Maximum rental, blocks. */
  x: number;
  /** String table. */
  k: string[];
  m: Array<Array<number | string | number[]>>;
}

const PHASES: MachinePhase[] = ['rentable', 'offline', 'verifying'];

/**
 * Serializes a snapshot to its compact JSON text (≈ 150 bytes per machine before compression).
 *
 * @example
 * ```ts
 * res.setHeader('ETag', snapshotEtag(text = toSnapshotJson(snapshot)));
 * ```
 */
export function toSnapshotJson(snapshot: MachineSnapshot): string {
  const strings = new Map<string, number>();
  const str = (s: string) => {
    let i = strings.get(s);
    if (i === undefined) strings.set(s, (i = strings.size));
    return i;
  };
  const rows = snapshot.machines.map((machine) => {
    const f = factsOfMachine(machine);
    return [
      f.id, str(f.gpuType), f.gpuNum, f.rentedGpus, f.gpuMemGb, f.cudaCores, f.calcPoint, str(f.cpuType), f.cpuCores, f.cpuMhz,
      f.ramGb, f.sysDiskGb, f.dataDiskGb, f.uploadMbps, f.downloadMbps, f.telecom.map(str), Math.round(f.lon * 1e4),
      Math.round(f.lat * 1e4), PHASES.indexOf(f.phase), f.bondingHeight, f.onlineHeight, f.lastOnlineHeight,
      f.rentedDurationBlocks, f.rentedTimes, f.extraPriceMicroUsdPerGpuDay, f.rentalMode === 'time-slot' ? 1 : 0, str(f.stash),
      f.bareMetal ? 1 : 0,
    ];
  });
  const std = snapshot.standardGpuPointPrice;
  const json: SnapshotJson = {
    v: SNAPSHOT_JSON_VERSION,
    b: snapshot.blockNumber,
    h: snapshot.blockHash,
    t: snapshot.takenAt,
    p: snapshot.avgPriceUsd === null ? null : Math.round(snapshot.avgPriceUsd * 1e6),
    s: std ? [std.gpuPoint, std.gpuPriceMicroUsdPerDay] : null,
    f: snapshot.fixedTxFeePlanck === null ? null : snapshot.fixedTxFeePlanck.toString(),
    x: snapshot.maxRentalBlocks,
    k: [...strings.keys()],
    m: rows,
  };
  return JSON.stringify(json);
}

function invalid(why: string): DbcError {
  return new DbcError('SNAPSHOT_INVALID', `The machine snapshot is not in the expected format: ${why}.`, {
    metaMessages: ['Check that the snapshot URL serves toSnapshotJson() output of a matching SDK version.'],
  });
}

/** One machine row back to facts; throws on a malformed row. */
function factsOfRow(row: unknown, k: string[]): MachineFacts {
  if (!Array.isArray(row) || row.length !== SNAPSHOT_COLUMNS.length) throw invalid('a machine row has the wrong number of columns');
  const n = (i: number) => {
    const v = row[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw invalid(`column ${SNAPSHOT_COLUMNS[i]} is not a number`);
    return v;
  };
  const s = (i: number) => {
    const v = k[n(i)];
    if (v === undefined) throw invalid(`column ${SNAPSHOT_COLUMNS[i]} points outside the string table`);
    return v;
  };
  const telecom = row[15];
  if (typeof row[0] !== 'string' || !Array.isArray(telecom)) throw invalid('a machine row has a bad id or telecom list');
  const phase = PHASES[n(18)];
  if (!phase) throw invalid('a machine row has an unknown phase');
  return {
    id: row[0],
    gpuType: s(1),
    gpuNum: n(2),
    rentedGpus: n(3),
    gpuMemGb: n(4),
    cudaCores: n(5),
    calcPoint: n(6),
    cpuType: s(7),
    cpuCores: n(8),
    cpuMhz: n(9),
    ramGb: n(10),
    sysDiskGb: n(11),
    dataDiskGb: n(12),
    uploadMbps: n(13),
    downloadMbps: n(14),
    telecom: telecom.map((i) => k[i as number] ?? ''),
    lon: n(16) / 1e4,
    lat: n(17) / 1e4,
    phase,
    bondingHeight: n(19),
    onlineHeight: n(20),
    lastOnlineHeight: n(21),
    rentedDurationBlocks: n(22),
    rentedTimes: n(23),
    extraPriceMicroUsdPerGpuDay: n(24),
    rentalMode: n(25) === 1 ? 'time-slot' : 'full-time',
    stash: s(26),
    bareMetal: n(27) === 1,
  };
}

/** Options of {@link fromSnapshotJson}. */
export interface FromSnapshotJsonOptions {
  /** The partner pricing to apply to prices (the wire form carries chain prices only). */
  policy?: PricingPolicy;
}

/**
 * Rebuilds a MachineSnapshot from {@link toSnapshotJson} output (text or parsed), deriving zones,
 * places, stability and prices anew. Throws a DbcError `SNAPSHOT_INVALID` on malformed input.
 */
export function fromSnapshotJson(input: string | SnapshotJson, options: FromSnapshotJsonOptions = {}): MachineSnapshot {
  const policy = validatePolicy(options.policy ?? {});
  let json: SnapshotJson;
  try {
    json = typeof input === 'string' ? (JSON.parse(input) as SnapshotJson) : input;
  } catch (cause) {
    throw new DbcError('SNAPSHOT_INVALID', 'The machine snapshot is not valid JSON.', { cause });
  }
  if (!json || typeof json !== 'object') throw invalid('it is not an object');
  if (json.v !== SNAPSHOT_JSON_VERSION) throw invalid(`version ${String(json.v)} is not ${SNAPSHOT_JSON_VERSION}`);
  if (!Array.isArray(json.m) || !Array.isArray(json.k) || typeof json.b !== 'number' || typeof json.h !== 'string') {
    throw invalid('the block, string table or machine list is missing');
  }
  const std = json.s ? { gpuPoint: json.s[0], gpuPriceMicroUsdPerDay: json.s[1] } : null;
  const derive = createMachineDeriver({ atBlock: json.b, standardGpuPointPrice: std, avgPriceMicroUsdPerDbc: json.p, policy });
  return {
    blockNumber: json.b,
    blockHash: json.h,
    takenAt: json.t,
    avgPriceUsd: json.p === null ? null : json.p / 1e6,
    standardGpuPointPrice: std,
    fixedTxFeePlanck: json.f === null ? null : BigInt(json.f),
    maxRentalBlocks: json.x,
    policy,
    machines: json.m.map((row) => derive(factsOfRow(row, json.k))),
  };
}

/**
 * A strong ETag for a snapshot's JSON text (two 32-bit FNV-style hashes and the length): equal
 * text, equal tag, so a proxy can answer `If-None-Match` with 304 until it serves a new snapshot.
 */
export function snapshotEtag(jsonText: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < jsonText.length; i++) {
    const c = jsonText.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `"${(h1 >>> 0).toString(16)}${(h2 >>> 0).toString(16)}-${jsonText.length.toString(36)}"`;
}
