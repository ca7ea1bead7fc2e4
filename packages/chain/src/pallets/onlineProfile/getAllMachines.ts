import type { DbcChain } from '../../client/connect.js';
import { throwIfAborted } from '../../errors/index.js';
import { toReadError } from '../../utils/networkErrors.js';
import { getKeysPagedRaw, queryStorageRaw } from '../../utils/rawStorage.js';
import { checkBlockRef, readSignal, resolveBlockHash, type ReadOptions } from '../../utils/read.js';
import { toInteger } from '../../utils/validate.js';
import { withRetry } from '../../utils/withRetry.js';
import { decodeMachineRow, machineIdOfKey, machineItems, siblingKey } from './machineRows.js';
import type { Machine } from './types.js';

/** Nodes answer `state_getKeysPaged` with at most 1,000 keys (STORAGE_KEYS_PAGED_MAX_COUNT). */
const MAX_PAGE_SIZE = 1_000;

/** Parameters of {@link getAllMachines}. */
export interface GetAllMachinesParameters {
  /** Keys per page and per value request, 1–1,000 (default 1,000). */
  pageSize?: number;
  /** Value requests in flight at once (default 4), to stay polite to public nodes. */
  concurrency?: number;
  /** Retries of each request that failed in transit (default 3). */
  retries?: number;
}

/** What {@link getAllMachines} resolves to. */
export interface GetAllMachinesReturnType {
  /** The block every value was read at. */
  blockNumber: number;
  blockHash: `0x${string}`;
  /** Every `machinesInfo` entry, in storage-key order, with its rented GPUs and extra price. */
  machines: Machine[];
}

/**
 * Every machine on the chain with its rented GPUs and extra price, as one consistent snapshot:
 * all reads are pinned to one block hash. Keys come in pages of up to 1,000
 * (`state_getKeysPaged`); the values of each page come from one `state_queryStorageAt` per
 * storage item. For N machines that is 1 + ⌈N/1000⌉ × 4 requests or so, never one per machine.
 * Values are decoded from the chain's metadata without building polkadot.js codec objects, which
 * would cost seconds of CPU for 10,000 machines. Each request is retried on transport faults
 * (`withRetry`), so a dropped connection costs one page, not the whole read.
 *
 * @example
 * ```ts
 * const { blockNumber, machines } = await getAllMachines(chain);
 * const free4090 = machines.filter((m) => m.hardware.gpuType === 'GeForceRTX4090' && m.freeGpus > 0);
 * ```
 */
export async function getAllMachines(
  chain: DbcChain,
  params: GetAllMachinesParameters = {},
  options: ReadOptions = {},
): Promise<GetAllMachinesReturnType> {
  const pageSize = toInteger('pageSize', params.pageSize ?? MAX_PAGE_SIZE, { min: 1, max: MAX_PAGE_SIZE });
  const concurrency = toInteger('concurrency', params.concurrency ?? 4, { min: 1, max: 64 });
  checkBlockRef(options.at);
  const signal = readSignal(options);
  throwIfAborted(signal);
  const retry = <T>(fn: () => Promise<T>) => withRetry(fn, { retries: params.retries, signal });

  try {
    const { blockHash, blockNumber } = await retry(() => pinBlock(chain, options.at));
    const items = machineItems(chain.api);
    const prefix = items.info.keyPrefix() as `0x${string}`;
    const limit = semaphore(concurrency);
    const values = (keys: Array<`0x${string}`>) => limit(() => retry(() => queryStorageRaw(chain, keys, blockHash)));

    const pages: Array<Promise<Machine[]>> = [];
    let startKey = prefix;
    for (;;) {
      const keys = await retry(() => getKeysPagedRaw(chain, prefix, pageSize, startKey, blockHash));
      if (keys.length === 0) break;
      const page = Promise.all([
        values(keys),
        values(keys.map((k) => siblingKey(items, items.rented, k))),
        values(keys.map((k) => siblingKey(items, items.extra, k))),
      ]).then(([infos, rented, extra]) =>
        keys.flatMap((key, i) => {
          const machine = decodeMachineRow(items, machineIdOfKey(items, key), infos[i]!, rented[i]!, extra[i]!);
          return machine ? [machine] : [];
        }),
      );
      // Awaited below; until then a failed page must not count as an unhandled rejection.
      page.catch(() => undefined);
      pages.push(page);
      if (keys.length < pageSize) break;
      startKey = keys[keys.length - 1]!;
    }
    return { blockNumber, blockHash, machines: (await Promise.all(pages)).flat() };
  } catch (error) {
    throw toReadError(error, 'all machines');
  }
}

/** The block a batch read is pinned to: `at`, or the best block now. */
async function pinBlock(chain: DbcChain, at: ReadOptions['at']): Promise<{ blockHash: `0x${string}`; blockNumber: number }> {
  const { api } = chain;
  if (typeof at === 'number') return { blockHash: (await resolveBlockHash(chain, at))!, blockNumber: at };
  // An explicit `undefined` argument would be sent as the zero hash, not as "the best block".
  const header = at ? await api.rpc.chain.getHeader(at) : await api.rpc.chain.getHeader();
  return { blockHash: at ?? header.hash.toHex(), blockNumber: header.number.toNumber() };
}

/** Runs at most `n` of the given tasks at once. */
function semaphore(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
