/** Decoders from RentMachine's storage values (shared with TerminatingRental, which uses the same structs). */
import { DbcError } from '../../errors/index.js';
import { address, big, field, items, num, text, variant, type Value } from '../../utils/codec.js';
import type { MachineRentOrders, RenterRentalRecord, RentOrder, RentStatus } from './types.js';

/** A RentStatus enum. */
export function decodeRentStatus(c: Value): RentStatus {
  const { type } = variant(c);
  if (type === 'WaitingVerifying') return 'waitingVerifying';
  if (type === 'Renting') return 'renting';
  if (type === 'RentExpired') return 'rentExpired';
  throw new DbcError('CHAIN_UNEXPECTED_SHAPE', `Unknown RentStatus variant ${type}.`, { details: { variant: type } });
}

/** A RentOrderDetail value; `rentId` comes from the storage key. */
export function decodeRentOrder(rentId: number, c: Value): RentOrder {
  const confirm = num(field(c, 'confirmRent'));
  return {
    rentId,
    machineId: text(field(c, 'machineId')),
    renter: address(field(c, 'renter')),
    rentStartBlock: num(field(c, 'rentStart')),
    confirmedBlock: confirm === 0 ? null : confirm,
    rentEndBlock: num(field(c, 'rentEnd')),
    stakeAmountPlanck: big(field(c, 'stakeAmount')),
    status: decodeRentStatus(field(c, 'rentStatus')),
    gpuNum: num(field(c, 'gpuNum')),
    gpuIndex: items(field(c, 'gpuIndex')).map(num),
  };
}

/** A MachineGPUOrder value. */
export function decodeMachineRentOrders(c: Value): MachineRentOrders {
  return { rentIds: items(field(c, 'rentOrder')).map(num), usedGpus: items(field(c, 'usedGpu')).map(num) };
}

/** A list of MachineRenterRentedOrderDetail. */
export function decodeRenterRentalRecords(c: Value): RenterRentalRecord[] {
  return items(c).map((r) => ({
    rentId: num(field(r, 'rentId')),
    rentStartBlock: num(field(r, 'rentStart')),
    rentEndBlock: num(field(r, 'rentEnd')),
  }));
}
