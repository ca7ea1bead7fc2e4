import type { ApiPromise } from '@polkadot/api';
import type { ApiDecoration, QueryableStorageEntry } from '@polkadot/api/types';
import type { Codec } from '@polkadot/types-codec/types';
import type { DbcChain } from '../client/connect.js';
import { DbcInputError, DbcUnsupportedError, throwIfAborted } from '../errors/index.js';
import { toReadError } from './networkErrors.js';
import { raceSignal } from './withRetry.js';

/** A block by hash (`0x…`, 32 bytes) or by number. */
export type BlockRef = `0x${string}` | number;

/** The trailing options every read takes. */
export interface ReadOptions {
  /** Read the state of this block instead of the best block. */
  at?: BlockRef;
  /** Stops waiting; the read's late answer is dropped. */
  signal?: AbortSignal;
  /** Gives up after this many ms with a DbcTimeoutError (batch reads: for the whole read). */
  timeoutMs?: number;
}

/** The signal a read honours: the caller's, combined with its `timeoutMs`. */
export function readSignal(options: ReadOptions): AbortSignal | undefined {
  const { signal, timeoutMs } = options;
  if (timeoutMs === undefined) return signal;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new DbcInputError('INVALID_TIMEOUT', `timeoutMs must be a positive number of milliseconds; got ${String(timeoutMs)}.`);
  }
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** The API a read runs against: the live one, or one pinned to a block by `api.at`. */
export type ChainApi = ApiPromise | ApiDecoration<'promise'>;

const HASH = /^0x[0-9a-f]{64}$/i;

/** Checks `at` without sending anything, so bad input is refused before any request. */
export function checkBlockRef(at: BlockRef | undefined): void {
  if (at === undefined) return;
  if (typeof at === 'number' ? Number.isSafeInteger(at) && at >= 0 : typeof at === 'string' && HASH.test(at)) return;
  throw new DbcInputError('INVALID_BLOCK', `${String(at)} is not a block; pass a block number or a 0x-prefixed 32-byte block hash.`, {
    details: { at: String(at) },
  });
}

/** The hash of `at` (a number costs one request), or undefined for the best block. */
export async function resolveBlockHash(chain: DbcChain, at: BlockRef | undefined): Promise<`0x${string}` | undefined> {
  if (at === undefined) return undefined;
  if (typeof at === 'string') return at.toLowerCase() as `0x${string}`;
  const hash = (await chain.api.rpc.chain.getBlockHash(at)).toHex();
  if (/^0x0+$/.test(hash)) {
    throw new DbcInputError('UNKNOWN_BLOCK', `Block ${at} does not exist on this chain yet.`, { details: { at } });
  }
  return hash;
}

/**
 * Runs one read against the best block or the block `options.at` names, honouring the signal and
 * turning failures into DbcErrors (`what` names the data in messages).
 */
export async function read<T>(
  chain: DbcChain,
  options: ReadOptions,
  what: string,
  fn: (api: ChainApi, blockHash: `0x${string}` | undefined) => Promise<T>,
): Promise<T> {
  checkBlockRef(options.at);
  const signal = readSignal(options);
  throwIfAborted(signal);
  try {
    const work = (async () => {
      const hash = await resolveBlockHash(chain, options.at);
      const api: ChainApi = hash ? await chain.api.at(hash) : chain.api;
      return fn(api, hash);
    })();
    return await raceSignal(work, signal);
  } catch (error) {
    throw toReadError(error, what);
  }
}

/**
 * Like `read`, for reads that send raw RPCs with the block hash themselves (batch reads): `at` is
 * resolved to a hash, but no polkadot.js decoration is built for it.
 */
export async function readAtHash<T>(
  chain: DbcChain,
  options: ReadOptions,
  what: string,
  fn: (blockHash: `0x${string}` | undefined) => Promise<T>,
): Promise<T> {
  checkBlockRef(options.at);
  const signal = readSignal(options);
  throwIfAborted(signal);
  try {
    return await raceSignal(
      resolveBlockHash(chain, options.at).then((hash) => fn(hash)),
      signal,
    );
  } catch (error) {
    throw toReadError(error, what);
  }
}

type Sections = Record<string, Record<string, QueryableStorageEntry<'promise'>> | undefined>;

/**
 * A storage item by the names polkadot.js decorates (`onlineProfile`, `machinesInfo`). Several
 * section spellings may be given: polkadot.js before @polkadot/util 14 spelled `dbcPriceOcw`.
 */
export function storageEntry(api: ChainApi, section: string | readonly string[], method: string): QueryableStorageEntry<'promise'> {
  const sections = api.query as unknown as Sections;
  for (const name of typeof section === 'string' ? [section] : section) {
    const entry = sections[name]?.[method];
    if (entry) return entry;
  }
  const first = typeof section === 'string' ? section : section[0];
  throw new DbcUnsupportedError('STORAGE_UNSUPPORTED', `This chain has no ${first}.${method} storage; is it a DBC node?`, {
    details: { section: first, method },
  });
}

/** DBCPriceOCW's section as polkadot.js 16 (`dbcPriceOCW`) and older versions (`dbcPriceOcw`) spell it. */
export const DBC_PRICE_OCW_SECTIONS = ['dbcPriceOCW', 'dbcPriceOcw'] as const;

/** A storage item and its key arguments (none for plain items, two for double maps). */
export type StorageQuery = readonly [QueryableStorageEntry<'promise'>, ...unknown[]];

/**
 * Reads several storage values in exactly one `state_queryStorageAt` request, decoded by their
 * items' types. (polkadot.js `queryMulti`/`.multi` subscribe and unsubscribe over WebSocket: two
 * requests and a wait for the first notification.)
 */
export async function queryStorage(chain: DbcChain, queries: readonly StorageQuery[], blockHash?: `0x${string}`): Promise<Codec[]> {
  if (queries.length === 0) return [];
  const keys = queries.map(([entry, ...args]) => (args.length ? [entry.creator, args] : [entry.creator]));
  // An explicit `undefined` would be encoded as the zero hash, not as "the best block".
  return blockHash ? chain.api.rpc.state.queryStorageAt<Codec[]>(keys, blockHash) : chain.api.rpc.state.queryStorageAt<Codec[]>(keys);
}
