import type { DbcChain } from '@dbc-cloud/chain';
import { buildSnapshot } from '../machines/snapshot.js';
import { toSnapshotJson } from '../machines/snapshotJson.js';
import type { SnapshotProvider } from './types.js';

/**
 * The SDK's own compact machine snapshot (`buildSnapshot` + `toSnapshotJson`: batched reads pinned
 * to one block). Used when no `snapshot.provider` is given.
 */
export function defaultSnapshotProvider(chain: () => Promise<DbcChain>): SnapshotProvider {
  return async () => {
    const snapshot = await buildSnapshot(await chain());
    return { blockNumber: snapshot.blockNumber, json: toSnapshotJson(snapshot) };
  };
}
