/** Reads of a miner's accounts in OnlineProfile: stash ↔ controller, machines, rooms, stake. */
import type { DbcChain } from '../../client/connect.js';
import { toDbcAddress } from '../../units/address.js';
import { address, big, hex, items, option, text } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { decodeStashMachines } from './decode.js';
import type { StashMachines } from './types.js';

/** Parameters of {@link getStashMachines}. */
export interface GetStashMachinesParameters {
  stash: string;
}
/** What {@link getStashMachines} resolves to. */
export type GetStashMachinesReturnType = StashMachines;

/** A stash's machines and reward/rent totals (`stashMachines`); empty lists for an unknown stash. */
export async function getStashMachines(
  chain: DbcChain,
  params: GetStashMachinesParameters,
  options: ReadOptions = {},
): Promise<GetStashMachinesReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `machines of stash ${stash}`, async (api) =>
    decodeStashMachines(await storageEntry(api, 'onlineProfile', 'stashMachines')(stash)),
  );
}

/** Parameters of {@link getStashController}. */
export interface GetStashControllerParameters {
  stash: string;
}
/** What {@link getStashController} resolves to. */
export type GetStashControllerReturnType = string | null;

/** The controller a stash named with `setController`, or null. */
export async function getStashController(
  chain: DbcChain,
  params: GetStashControllerParameters,
  options: ReadOptions = {},
): Promise<GetStashControllerReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `controller of ${stash}`, async (api) => {
    const v = option(await storageEntry(api, 'onlineProfile', 'stashController')(stash));
    return v ? address(v) : null;
  });
}

/** Parameters of {@link getControllerStash}. */
export interface GetControllerStashParameters {
  controller: string;
}
/** What {@link getControllerStash} resolves to. */
export type GetControllerStashReturnType = string | null;

/** The stash a controller works for, or null. */
export async function getControllerStash(
  chain: DbcChain,
  params: GetControllerStashParameters,
  options: ReadOptions = {},
): Promise<GetControllerStashReturnType> {
  const controller = toDbcAddress(params.controller);
  return read(chain, options, `stash of ${controller}`, async (api) => {
    const v = option(await storageEntry(api, 'onlineProfile', 'controllerStash')(controller));
    return v ? address(v) : null;
  });
}

/** Parameters of {@link getControllerMachines}. */
export interface GetControllerMachinesParameters {
  controller: string;
}
/** What {@link getControllerMachines} resolves to. */
export type GetControllerMachinesReturnType = string[];

/** Machine ids a controller manages (`controllerMachines`). */
export async function getControllerMachines(
  chain: DbcChain,
  params: GetControllerMachinesParameters,
  options: ReadOptions = {},
): Promise<GetControllerMachinesReturnType> {
  const controller = toDbcAddress(params.controller);
  return read(chain, options, `machines of controller ${controller}`, async (api) =>
    items(await storageEntry(api, 'onlineProfile', 'controllerMachines')(controller)).map(text),
  );
}

/** Parameters of {@link getStashServerRooms}. */
export interface GetStashServerRoomsParameters {
  stash: string;
}
/** What {@link getStashServerRooms} resolves to. */
export type GetStashServerRoomsReturnType = Array<`0x${string}`>;

/** Server room ids (H256) generated for a stash; `addMachineInfo` must name one of them. */
export async function getStashServerRooms(
  chain: DbcChain,
  params: GetStashServerRoomsParameters,
  options: ReadOptions = {},
): Promise<GetStashServerRoomsReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `server rooms of ${stash}`, async (api) =>
    items(await storageEntry(api, 'onlineProfile', 'stashServerRooms')(stash)).map(hex),
  );
}

/** Parameters of {@link getStashStake}. */
export interface GetStashStakeParameters {
  stash: string;
}
/** What {@link getStashStake} resolves to. */
export type GetStashStakeReturnType = bigint;

/** Planck a stash has reserved as machine stake (`stashStake`). */
export async function getStashStake(
  chain: DbcChain,
  params: GetStashStakeParameters,
  options: ReadOptions = {},
): Promise<GetStashStakeReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `stake of ${stash}`, async (api) => big(await storageEntry(api, 'onlineProfile', 'stashStake')(stash)));
}

/** Parameters of {@link getStashRentReceiver}. */
export interface GetStashRentReceiverParameters {
  stash: string;
}
/** What {@link getStashRentReceiver} resolves to. */
export type GetStashRentReceiverReturnType = string | null;

/** Where a stash's rent income goes instead of the stash (`stashRentReceiver`), or null. */
export async function getStashRentReceiver(
  chain: DbcChain,
  params: GetStashRentReceiverParameters,
  options: ReadOptions = {},
): Promise<GetStashRentReceiverReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `rent receiver of ${stash}`, async (api) => {
    const v = option(await storageEntry(api, 'onlineProfile', 'stashRentReceiver')(stash));
    return v ? address(v) : null;
  });
}
