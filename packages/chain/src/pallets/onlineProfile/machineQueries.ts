/** Reads of one machine's OnlineProfile state. */
import type { DbcChain } from '../../client/connect.js';
import { toMachineId } from '../../units/ids.js';
import { items, num, option, text } from '../../utils/codec.js';
import { queryStorage, read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { decodeMachineInfo, decodeRentalModeName, decodeTimeRanges } from './decode.js';
import type { MachineInfo, MachineRentalMode, MachineRentalModeName } from './types.js';

/** Parameters of {@link getMachineInfo}. */
export interface GetMachineInfoParameters {
  machineId: string;
}
/** What {@link getMachineInfo} resolves to. */
export type GetMachineInfoReturnType = MachineInfo | null;

/**
 * A machine's `onlineProfile.machinesInfo` entry, or null when no machine has that id (never
 * bonded, refused or exited).
 *
 * @example
 * ```ts
 * const m = await getMachineInfo(chain, { machineId });
 * if (m?.status.kind === 'online') console.log(m.hardware.gpuType, m.hardware.gpuNum);
 * ```
 */
export async function getMachineInfo(
  chain: DbcChain,
  params: GetMachineInfoParameters,
  options: ReadOptions = {},
): Promise<GetMachineInfoReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `machine ${machineId}`, async (api) => {
    const value = option(await storageEntry(api, 'onlineProfile', 'machinesInfo')(machineId));
    return value ? decodeMachineInfo(machineId, value) : null;
  });
}

/** Parameters of {@link getMachineRentedGpus}. */
export interface GetMachineRentedGpusParameters {
  machineId: string;
}
/** What {@link getMachineRentedGpus} resolves to. */
export type GetMachineRentedGpusReturnType = number;

/** GPUs of a machine held by rent orders, unconfirmed ones included (`machineRentedGPU`). */
export async function getMachineRentedGpus(
  chain: DbcChain,
  params: GetMachineRentedGpusParameters,
  options: ReadOptions = {},
): Promise<GetMachineRentedGpusReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `rented GPUs of ${machineId}`, async (api) =>
    num(await storageEntry(api, 'onlineProfile', 'machineRentedGPU')(machineId)),
  );
}

/** Parameters of {@link getMachineExtraPrice}. */
export interface GetMachineExtraPriceParameters {
  machineId: string;
}
/** USD × 10^6 per GPU per day; 0 when the miner set none. */
export type GetMachineExtraPriceReturnType = number;

/** The miner's surcharge on top of the standard price (`machineExtraPrice`), USD × 10^6 per GPU per day. */
export async function getMachineExtraPrice(
  chain: DbcChain,
  params: GetMachineExtraPriceParameters,
  options: ReadOptions = {},
): Promise<GetMachineExtraPriceReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `extra price of ${machineId}`, async (api) =>
    num(await storageEntry(api, 'onlineProfile', 'machineExtraPrice')(machineId)),
  );
}

/** What {@link getRentalModes} resolves to: machine id → mode, for machines whose miner set one. */
export type GetRentalModesReturnType = Record<string, MachineRentalModeName>;

/**
 * Every machine's rental mode, in one paged read: `machineRentalModeStorage` holds an entry only for
 * machines whose miner set a mode (a few on mainnet), so a machine missing here is `fullTime`.
 * Chains before spec 411 have no rental modes at all: the answer is then empty.
 */
export async function getRentalModes(chain: DbcChain, options: ReadOptions = {}): Promise<GetRentalModesReturnType> {
  return read(chain, options, 'rental modes', async (api) => {
    const modes: GetRentalModesReturnType = {};
    let entry;
    try {
      entry = storageEntry(api, 'onlineProfile', 'machineRentalModeStorage');
    } catch {
      return modes;
    }
    for (const [key, value] of await entry.entries()) modes[text(key.args[0]!)] = decodeRentalModeName(value);
    return modes;
  });
}

/** Parameters of {@link getMachineRentalMode}. */
export interface GetMachineRentalModeParameters {
  machineId: string;
}
/** What {@link getMachineRentalMode} resolves to. */
export type GetMachineRentalModeReturnType = MachineRentalMode;

/**
 * A machine's rental mode and weekly schedule, read together in one request. `timeSlot` machines
 * only accept rentals of at least 2 hours inside one allowed range of a UTC day.
 */
export async function getMachineRentalMode(
  chain: DbcChain,
  params: GetMachineRentalModeParameters,
  options: ReadOptions = {},
): Promise<GetMachineRentalModeReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `rental mode of ${machineId}`, async (api, blockHash) => {
    const [mode, weekly] = await queryStorage(
      chain,
      [
        [storageEntry(api, 'onlineProfile', 'machineRentalModeStorage'), machineId],
        [storageEntry(api, 'onlineProfile', 'weeklySchedule'), machineId],
      ],
      blockHash,
    );
    return { mode: decodeRentalModeName(mode!), weeklySchedule: items(weekly!).map(decodeTimeRanges) };
  });
}
