import type { RentOrder } from '@dbc-cloud/chain';
import { BLOCK_TIME_MS, CONFIRM_WINDOW_BLOCKS } from '@dbc-cloud/chain/units';
import { formatRentalId } from './rentalId.js';
import type { Rental, RentalMarket } from './types.js';

/** Where the chain is: the best block and its timestamp, to turn block numbers into dates. */
export interface ChainClock {
  block: number;
  timestampMs: number;
}

/** A chain order as a Rental, with its end as a date estimated from the chain's own clock. */
export function toRental(order: RentOrder, market: RentalMarket, clock: ChainClock): Rental {
  const remainingBlocks = Math.max(0, order.rentEndBlock - clock.block);
  const status = order.status === 'waitingVerifying' ? 'waiting-confirm' : order.status === 'renting' && remainingBlocks > 0 ? 'renting' : 'expired';
  return {
    id: formatRentalId(market, order.rentId),
    rentId: order.rentId,
    market,
    machineId: order.machineId,
    renter: order.renter,
    gpus: order.gpuNum,
    gpuIndexes: [...order.gpuIndex],
    status,
    startBlock: order.rentStartBlock,
    confirmedBlock: order.confirmedBlock,
    endBlock: order.rentEndBlock,
    endsAt: new Date(clock.timestampMs + (order.rentEndBlock - clock.block) * BLOCK_TIME_MS),
    remainingBlocks,
    confirmDeadlineBlock: order.rentStartBlock + CONFIRM_WINDOW_BLOCKS,
    reservedPlanck: order.stakeAmountPlanck,
  };
}
