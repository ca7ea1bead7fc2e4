/** Reads of RentMachine: orders by id, renter and machine; the fee pot and the rental cap. */
import type { DbcChain } from '../../client/connect.js';
import { BLOCKS_PER_DAY } from '../../units/blocks.js';
import { toMachineId } from '../../units/ids.js';
import { toDbcAddress } from '../../units/address.js';
import { address, items, num, option } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { rentOrdersByIds } from './ordersByIds.js';
import { toRentId } from '../../utils/validate.js';
import { decodeMachineRentOrders, decodeRenterRentalRecords, decodeRentOrder } from './decode.js';
import type { MachineRentOrders, RenterRentalRecord, RentOrder } from './types.js';

/** Parameters of {@link getRentOrder}. */
export interface GetRentOrderParameters {
  rentId: number | bigint;
}
/** What {@link getRentOrder} resolves to. */
export type GetRentOrderReturnType = RentOrder | null;

/** A rent order (`rentMachine.rentInfo`), or null once it ended or was cancelled (orders are deleted). */
export async function getRentOrder(chain: DbcChain, params: GetRentOrderParameters, options: ReadOptions = {}): Promise<GetRentOrderReturnType> {
  const rentId = toRentId(params.rentId);
  return read(chain, options, `rent order ${rentId}`, async (api) => {
    const v = option(await storageEntry(api, 'rentMachine', 'rentInfo')(rentId));
    return v ? decodeRentOrder(rentId, v) : null;
  });
}

/** Parameters of {@link getRenterRentIds}. */
export interface GetRenterRentIdsParameters {
  renter: string;
}
/** What {@link getRenterRentIds} resolves to. */
export type GetRenterRentIdsReturnType = number[];

/** Ids of a renter's live orders (`rentMachine.userOrder`). */
export async function getRenterRentIds(
  chain: DbcChain,
  params: GetRenterRentIdsParameters,
  options: ReadOptions = {},
): Promise<GetRenterRentIdsReturnType> {
  const renter = toDbcAddress(params.renter);
  return read(chain, options, `rent orders of ${renter}`, async (api) => items(await storageEntry(api, 'rentMachine', 'userOrder')(renter)).map(num));
}

/** Parameters of {@link getRenterOrders}. */
export interface GetRenterOrdersParameters {
  renter: string;
}
/** What {@link getRenterOrders} resolves to. */
export type GetRenterOrdersReturnType = RentOrder[];

/** A renter's live orders: `userOrder`, then every order in one `multi` request. */
export async function getRenterOrders(
  chain: DbcChain,
  params: GetRenterOrdersParameters,
  options: ReadOptions = {},
): Promise<GetRenterOrdersReturnType> {
  const renter = toDbcAddress(params.renter);
  return read(chain, options, `rent orders of ${renter}`, async (api, blockHash) => {
    const ids = items(await storageEntry(api, 'rentMachine', 'userOrder')(renter)).map(num);
    return rentOrdersByIds(chain, api, blockHash, { section: 'rentMachine', item: 'rentInfo' }, ids);
  });
}

/** Parameters of {@link getMachineRentOrders}. */
export interface GetMachineRentOrdersParameters {
  machineId: string;
}
/** What {@link getMachineRentOrders} resolves to. */
export type GetMachineRentOrdersReturnType = MachineRentOrders;

/** A machine's live order ids and the GPU indices they hold (`rentMachine.machineRentOrder`). */
export async function getMachineRentOrders(
  chain: DbcChain,
  params: GetMachineRentOrdersParameters,
  options: ReadOptions = {},
): Promise<GetMachineRentOrdersReturnType> {
  const machineId = toMachineId(params.machineId);
  return read(chain, options, `rent orders of machine ${machineId}`, async (api) =>
    decodeMachineRentOrders(await storageEntry(api, 'rentMachine', 'machineRentOrder')(machineId)),
  );
}

/** Parameters of {@link getMachineRenterHistory}. */
export interface GetMachineRenterHistoryParameters {
  machineId: string;
  renter: string;
}
/** What {@link getMachineRenterHistory} resolves to. */
export type GetMachineRenterHistoryReturnType = RenterRentalRecord[];

/** Every rental of a machine by one renter, past ones included (`machineRenterRentedOrders`). */
export async function getMachineRenterHistory(
  chain: DbcChain,
  params: GetMachineRenterHistoryParameters,
  options: ReadOptions = {},
): Promise<GetMachineRenterHistoryReturnType> {
  const machineId = toMachineId(params.machineId);
  const renter = toDbcAddress(params.renter);
  return read(chain, options, `rentals of ${machineId} by ${renter}`, async (api) =>
    decodeRenterRentalRecords(await storageEntry(api, 'rentMachine', 'machineRenterRentedOrders')(machineId, renter)),
  );
}

/** What {@link getRentFeePot} resolves to. */
export type GetRentFeePotReturnType = string | null;

/** The account that receives the destroyed share (5 %) of rent fees, or null (rents then fail). */
export async function getRentFeePot(chain: DbcChain, options: ReadOptions = {}): Promise<GetRentFeePotReturnType> {
  return read(chain, options, 'rent fee pot', async (api) => {
    const v = option(await storageEntry(api, 'rentMachine', 'rentFeePot')());
    return v ? address(v) : null;
  });
}

/** What {@link getMaxRentalDuration} resolves to. */
export interface GetMaxRentalDurationReturnType {
  days: number;
  /** `days` × 14,400: longer rentals are clamped to this, silently. */
  blocks: number;
}

/** The longest rental the chain grants (`maximumRentalDuration`, default 60 days). */
export async function getMaxRentalDuration(chain: DbcChain, options: ReadOptions = {}): Promise<GetMaxRentalDurationReturnType> {
  return read(chain, options, 'maximum rental duration', async (api) => {
    const days = num(await storageEntry(api, 'rentMachine', 'maximumRentalDuration')());
    return { days, blocks: days * BLOCKS_PER_DAY };
  });
}
