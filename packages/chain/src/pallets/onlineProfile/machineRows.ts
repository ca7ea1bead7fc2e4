/**
 * The three storage items a `Machine` row is made of (machinesInfo, machineRentedGPU,
 * machineExtraPrice), read raw and decoded with `ScaleDecoder` for the batch reads.
 */
import type { QueryableStorageEntry } from '@polkadot/api/types';
import { num, text } from '../../utils/codec.js';
import { decodeMapKey, decodeStorageValue } from '../../utils/rawStorage.js';
import { storageEntry, type ChainApi } from '../../utils/read.js';
import { decodeMachineInfo, toMachine } from './decode.js';
import type { Machine } from './types.js';

type Hex = `0x${string}`;

/** The storage entries a Machine row is read from. */
export interface MachineItems {
  api: ChainApi;
  info: QueryableStorageEntry<'promise'>;
  rented: QueryableStorageEntry<'promise'>;
  extra: QueryableStorageEntry<'promise'>;
}

/** The three storage entries of `api`. */
export function machineItems(api: ChainApi): MachineItems {
  return {
    api,
    info: storageEntry(api, 'onlineProfile', 'machinesInfo'),
    rented: storageEntry(api, 'onlineProfile', 'machineRentedGPU'),
    extra: storageEntry(api, 'onlineProfile', 'machineExtraPrice'),
  };
}

/**
 * The key of `entry` for the machine whose machinesInfo key is `infoKey`. All three maps are keyed
 * by Blake2_128Concat(machine id), so only the 32-byte item prefix differs: splicing it saves
 * hashing every id again.
 */
export function siblingKey(items: MachineItems, entry: QueryableStorageEntry<'promise'>, infoKey: Hex): Hex {
  return `${entry.keyPrefix()}${infoKey.slice(items.info.keyPrefix().length)}` as Hex;
}

/** The machine id in a machinesInfo key. */
export function machineIdOfKey(items: MachineItems, infoKey: Hex): string {
  return text(decodeMapKey(items.api, items.info, infoKey));
}

/** A Machine from the raw values of its three items, or null when it has no machinesInfo. */
export function decodeMachineRow(items: MachineItems, machineId: string, info: Hex | null, rented: Hex | null, extra: Hex | null): Machine | null {
  const value = decodeStorageValue(items.api, items.info, info);
  if (value === null) return null;
  return toMachine(
    decodeMachineInfo(machineId, value),
    num(decodeStorageValue(items.api, items.rented, rented)),
    num(decodeStorageValue(items.api, items.extra, extra)),
  );
}
