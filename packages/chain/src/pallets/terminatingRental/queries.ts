/**
 * Reads of TerminatingRental: a separate registry of machines rented by the block, where the fee
 * stays reserved and the renter may end early (`terminateRent`). Same structs as OnlineProfile
 * and RentMachine, so the same domain types.
 */
import type { DbcChain } from '../../client/connect.js';
import { toMachineId } from '../../units/ids.js';
import { toDbcAddress } from '../../units/address.js';
import { items, num, option } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { toRentId } from '../../utils/validate.js';
import { decodeLiveMachines, decodeMachineInfo } from '../onlineProfile/decode.js';
import type { LiveMachines, MachineInfo } from '../onlineProfile/types.js';
import { decodeMachineRentOrders, decodeRentOrder } from '../rentMachine/decode.js';
import { rentOrdersByIds } from '../rentMachine/ordersByIds.js';
import type { MachineRentOrders, RentOrder } from '../rentMachine/types.js';

const tr = 'terminatingRental';

/** Parameters of {@link getTerminatingMachineInfo}. */
export interface GetTerminatingMachineInfoParameters {
  machineId: string;
}
/** What {@link getTerminatingMachineInfo} resolves to. */
export type GetTerminatingMachineInfoReturnType = MachineInfo | null;

/** A machine of the terminating-rental registry (`terminatingRental.machinesInfo`), or null. */
export async function getTerminatingMachineInfo(
  chain: DbcChain,
  params: GetTerminatingMachineInfoParameters,
  options: ReadOptions = {},
): Promise<GetTerminatingMachineInfoReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `terminating-rental machine ${machineId}`, async (api) => {
    const v = option(await storageEntry(api, tr, 'machinesInfo')(machineId));
    return v ? decodeMachineInfo(machineId, v) : null;
  });
}

/** What {@link getTerminatingLiveMachines} resolves to. */
export type GetTerminatingLiveMachinesReturnType = LiveMachines;

/** The terminating-rental registry's machine-id lists per state. */
export async function getTerminatingLiveMachines(chain: DbcChain, options: ReadOptions = {}): Promise<GetTerminatingLiveMachinesReturnType> {
  return read(chain, options, 'terminating-rental live machines', async (api) => decodeLiveMachines(await storageEntry(api, tr, 'liveMachines')()));
}

/** Parameters of {@link getTerminatingMachineRentedGpus}. */
export interface GetTerminatingMachineRentedGpusParameters {
  machineId: string;
}
/** What {@link getTerminatingMachineRentedGpus} resolves to. */
export type GetTerminatingMachineRentedGpusReturnType = number;

/** GPUs of a terminating-rental machine held by orders. */
export async function getTerminatingMachineRentedGpus(
  chain: DbcChain,
  params: GetTerminatingMachineRentedGpusParameters,
  options: ReadOptions = {},
): Promise<GetTerminatingMachineRentedGpusReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `rented GPUs of ${machineId}`, async (api) => num(await storageEntry(api, tr, 'machineRentedGPU')(machineId)));
}

/** Parameters of {@link getTerminatingRentOrder}. */
export interface GetTerminatingRentOrderParameters {
  rentId: number | bigint;
}
/** What {@link getTerminatingRentOrder} resolves to. */
export type GetTerminatingRentOrderReturnType = RentOrder | null;

/** A terminating-rental order (`terminatingRental.rentOrder`), or null once settled. */
export async function getTerminatingRentOrder(
  chain: DbcChain,
  params: GetTerminatingRentOrderParameters,
  options: ReadOptions = {},
): Promise<GetTerminatingRentOrderReturnType> {
  const rentId = toRentId(params.rentId);
  return read(chain, options, `terminating-rental order ${rentId}`, async (api) => {
    const v = option(await storageEntry(api, tr, 'rentOrder')(rentId));
    return v ? decodeRentOrder(rentId, v) : null;
  });
}

/** Parameters of {@link getTerminatingRenterOrders}. */
export interface GetTerminatingRenterOrdersParameters {
  renter: string;
}
/** What {@link getTerminatingRenterOrders} resolves to. */
export type GetTerminatingRenterOrdersReturnType = RentOrder[];

/**
 * A renter's terminating-rental orders (`userRented`, then the orders in one request). Ids of
 * terminated orders stay in `userRented` upstream; they are left out here because the order is gone.
 */
export async function getTerminatingRenterOrders(
  chain: DbcChain,
  params: GetTerminatingRenterOrdersParameters,
  options: ReadOptions = {},
): Promise<GetTerminatingRenterOrdersReturnType> {
  const renter = toDbcAddress(params.renter);
  return read(chain, options, `terminating-rental orders of ${renter}`, async (api, blockHash) => {
    const ids = items(await storageEntry(api, tr, 'userRented')(renter)).map(num);
    return rentOrdersByIds(chain, api, blockHash, { section: tr, item: 'rentOrder' }, ids);
  });
}

/** Parameters of {@link getTerminatingMachineRentOrders}. */
export interface GetTerminatingMachineRentOrdersParameters {
  machineId: string;
}
/** What {@link getTerminatingMachineRentOrders} resolves to. */
export type GetTerminatingMachineRentOrdersReturnType = MachineRentOrders;

/** A terminating-rental machine's order ids and the GPU indices they hold. */
export async function getTerminatingMachineRentOrders(
  chain: DbcChain,
  params: GetTerminatingMachineRentOrdersParameters,
  options: ReadOptions = {},
): Promise<GetTerminatingMachineRentOrdersReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `terminating-rental orders of ${machineId}`, async (api) =>
    decodeMachineRentOrders(await storageEntry(api, tr, 'machineRentOrder')(machineId)),
  );
}
