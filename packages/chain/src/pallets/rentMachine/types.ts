/** Domain types of RentMachine (pallets/rent-machine, structs in pallets/support/src/rental_type.rs). */

/**
 * `waitingVerifying`: rented, the fee reserved, waiting for the renter's confirmation (150 blocks);
 * `renting`: confirmed and paid; `rentExpired`: over (orders are usually deleted instead).
 */
export type RentStatus = 'waitingVerifying' | 'renting' | 'rentExpired';

/** A rent order (RentOrderDetail). Blocks are block numbers; amounts planck. */
export interface RentOrder {
  rentId: number;
  machineId: string;
  renter: string;
  rentStartBlock: number;
  /** Block of confirmation, null until confirmed. */
  confirmedBlock: number | null;
  rentEndBlock: number;
  /** Fee reserved until confirmation (0 once paid). */
  stakeAmountPlanck: bigint;
  status: RentStatus;
  gpuNum: number;
  /** The machine's GPU indices this order holds. */
  gpuIndex: number[];
}

/** The live orders of one machine and the GPU indices they hold (MachineGPUOrder). */
export interface MachineRentOrders {
  rentIds: number[];
  usedGpus: number[];
}

/** One past or present rental of a machine by a renter (MachineRenterRentedOrderDetail). */
export interface RenterRentalRecord {
  rentId: number;
  rentStartBlock: number;
  rentEndBlock: number;
}
