import type { DbcChain } from '@dbc-cloud/chain';
import type { RentalMode } from './types.js';

/**
 * The machines that are not full-time, at one block: `onlineProfile.machineRentalModeStorage`
 * holds an entry only for machines whose miner set a mode, so one paged `entries()` read covers
 * the whole network (a few keys on mainnet) instead of a request per machine. Chains older than
 * spec 411 have no rental modes: every machine is full-time.
 *
 * This reads storage by its chain name, which belongs in @dbc-cloud/chain; it lives here until the
 * chain package exports a batch read of rental modes.
 */
export async function readRentalModes(chain: DbcChain, blockHash: `0x${string}`): Promise<Map<string, RentalMode>> {
  const modes = new Map<string, RentalMode>();
  const api = await chain.api.at(blockHash);
  const entry = (api.query as unknown as Record<string, Record<string, { entries?: () => Promise<Array<[{ args: unknown[] }, { toString(): string }]>> } | undefined> | undefined>)
    .onlineProfile?.machineRentalModeStorage;
  if (!entry?.entries) return modes;
  for (const [key, value] of await entry.entries()) {
    const id = (key.args[0] as { toUtf8(): string }).toUtf8();
    modes.set(id, value.toString() === 'TimeSlot' ? 'time-slot' : 'full-time');
  }
  return modes;
}
