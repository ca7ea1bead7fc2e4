import type { DbcChain } from '../../client/connect.js';
import { DbcInputError } from '../../errors/index.js';
import { toMachineId } from '../../units/ids.js';
import { queryStorageRaw } from '../../utils/rawStorage.js';
import { readAtHash, readSignal, type ReadOptions } from '../../utils/read.js';
import { withRetry } from '../../utils/withRetry.js';
import { decodeMachineRow, machineItems } from './machineRows.js';
import type { Machine } from './types.js';

/** Storage keys per request: nodes cap key batches near 1,000 and answers near 16 MB. */
const KEYS_PER_REQUEST = 999;

/** Parameters of {@link getMachines}. */
export interface GetMachinesParameters {
  machineIds: readonly string[];
  /** Retries of a request that failed in transit (default 3). */
  retries?: number;
}
/** One entry per requested id, in order; null for ids with no machine. */
export type GetMachinesReturnType = Array<Machine | null>;

/**
 * Several machines with their rented GPUs and extra price: one `state_queryStorageAt` request
 * per 333 machines (the `multi` of the three items), all at one block (the best block when the
 * read needs several requests and `at` is not given), so the rows are consistent.
 *
 * @example
 * ```ts
 * const [a, b] = await getMachines(chain, { machineIds: [idA, idB] });
 * ```
 */
export async function getMachines(chain: DbcChain, params: GetMachinesParameters, options: ReadOptions = {}): Promise<GetMachinesReturnType> {
  if (!Array.isArray(params?.machineIds)) {
    throw new DbcInputError('INVALID_MACHINE_IDS', 'machineIds must be a list of machine ids.');
  }
  const ids = params.machineIds.map((id) => toMachineId(id));
  if (ids.length === 0) return [];
  const perRequest = Math.floor(KEYS_PER_REQUEST / 3);
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += perRequest) chunks.push(ids.slice(i, i + perRequest));
  const signal = readSignal(options);
  return readAtHash(chain, { ...options, signal, timeoutMs: undefined }, `${ids.length} machines`, async (at) => {
    const blockHash = at ?? (chunks.length > 1 ? (await chain.api.rpc.chain.getHeader()).hash.toHex() : undefined);
    const items = machineItems(chain.api);
    const rows = await Promise.all(
      chunks.map(async (chunk) => {
        const keys = chunk.flatMap((id) => [items.info.key(id), items.rented.key(id), items.extra.key(id)] as Array<`0x${string}`>);
        const values = await withRetry(() => queryStorageRaw(chain, keys, blockHash), { retries: params.retries, signal });
        return chunk.map((id, i) => decodeMachineRow(items, id, values[3 * i]!, values[3 * i + 1]!, values[3 * i + 2]!));
      }),
    );
    return rows.flat();
  });
}
