/** Reads of System and Timestamp: where the chain is and what time it says it is. */
import type { DbcChain } from '../../client/connect.js';
import { num } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';

/** What {@link getBlockNumber} resolves to. */
export type GetBlockNumberReturnType = number;

/** The number of the best block (or of `at`): `system.number`. */
export async function getBlockNumber(chain: DbcChain, options: ReadOptions = {}): Promise<GetBlockNumberReturnType> {
  return read(chain, options, 'block number', async (api) => num(await storageEntry(api, 'system', 'number')()));
}

/** Unix milliseconds. */
export type GetChainTimestampReturnType = number;

/**
 * The chain's clock (`timestamp.now`, set by each block's author): unix ms of the best block (or
 * of `at`). Schedules of time-slot machines are checked against it, not against your clock.
 */
export async function getChainTimestamp(chain: DbcChain, options: ReadOptions = {}): Promise<GetChainTimestampReturnType> {
  return read(chain, options, 'chain timestamp', async (api) => num(await storageEntry(api, 'timestamp', 'now')()));
}
