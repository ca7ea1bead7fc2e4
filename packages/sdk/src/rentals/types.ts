/**
 * Which rental market an order lives in: `rentMachine` (paid at confirmation, cannot be ended
 * early) or `terminatingRental` (fee reserved, charged pro rata when the renter ends it).
 */
export type RentalMarket = 'rentMachine' | 'terminatingRental';

/** Where a rental is: waiting for the renter's confirmation, running, or past its end. */
export type RentalStatus = 'waiting-confirm' | 'renting' | 'expired';

/**
 * A rental id as the SDK spells it: the chain's rent id (`"42"`) for RentMachine orders, `"t42"`
 * for TerminatingRental orders (the two pallets count ids separately). A number or bigint means a
 * RentMachine order.
 */
export type RentalId = string | number | bigint;

/** A rental in the renter's terms. Blocks are block numbers; `endsAt` is estimated from 6 s blocks. */
export interface Rental {
  /** The SDK's id (see {@link RentalId}); pass it to every rentals and vms call. */
  id: string;
  /** The chain's rent id inside its market. */
  rentId: number;
  market: RentalMarket;
  machineId: string;
  renter: string;
  gpus: number;
  /** The machine's GPU indices this order holds. */
  gpuIndexes: number[];
  status: RentalStatus;
  startBlock: number;
  /** Block of confirmation, null until confirmed. */
  confirmedBlock: number | null;
  endBlock: number;
  /** When the rental ends, from the chain's clock and 6 s blocks. */
  endsAt: Date;
  /** Blocks until the end (0 once ended). */
  remainingBlocks: number;
  /** Last block in which confirmRent is accepted (startBlock + 150). */
  confirmDeadlineBlock: number;
  /** Fee still reserved (planck): the whole fee before confirmation on RentMachine. */
  reservedPlanck: bigint;
}

/** A rental duration in human units (all parts add up; 6 s blocks). */
export interface RentalDuration {
  minutes?: number;
  hours?: number;
  days?: number;
}

/** The stages of `rentals.rent`, reported in this order through `onProgress`. */
export type RentProgress =
  | { stage: 'validating' }
  | { stage: 'signing' }
  | { stage: 'submitted'; txHash: string }
  | { stage: 'in-block'; rentalId: string; rentId: number; blockNumber: number }
  | { stage: 'checking-node'; rentalId: string }
  | { stage: 'confirming'; rentalId: string }
  | { stage: 'confirmed'; rentalId: string }
  | { stage: 'reconciling'; txHash?: string };
