/** Days per relet when a term is longer than one chain rent. */
export const RELET_CHUNK_DAYS = 30;
const BLOCKS_PER_DAY = 14_400;

/** One extension of a long rental. */
export interface ReletStep {
  /** Blocks this relet adds. */
  durationBlocks: number;
  /**
   * Blocks after the rent starts from which this relet can be sent: the chain caps an order's end at
   * now + the rental maximum (60 days), so an extension is possible only once the order's end is
   * close enough.
   */
  notBeforeBlock: number;
  /** When the order ends after this relet, in blocks from the rent start. */
  endsAtBlock: number;
}

/** How a rental is split into a first rent and relets. */
export interface RentPlan {
  /** Blocks of the first `rentMachine`. */
  chainRentBlocks: number;
  reletPlan: ReletStep[];
}

/**
 * Splits a rental into what the chain accepts: one rent of up to `maxRentalBlocks` (60 days on
 * mainnet; longer rents are clamped silently) and relets of 30 days each (the last one shorter).
 * 30-day relets can be sent up to 30 days before the order would end, leaving a wide window to
 * extend in time, where 60-day relets could only be sent at the very last block.
 *
 * @example planRent(365 * 14_400, 60 * 14_400).reletPlan.length // 11 (60 + 10 × 30 + 5 days)
 */
export function planRent(durationBlocks: number, maxRentalBlocks: number): RentPlan {
  const chainRentBlocks = Math.min(durationBlocks, maxRentalBlocks);
  const chunk = Math.min(RELET_CHUNK_DAYS * BLOCKS_PER_DAY, maxRentalBlocks);
  const reletPlan: ReletStep[] = [];
  let end = chainRentBlocks;
  while (end < durationBlocks) {
    const d = Math.min(chunk, durationBlocks - end);
    reletPlan.push({ durationBlocks: d, notBeforeBlock: Math.max(0, end + d - maxRentalBlocks), endsAtBlock: end + d });
    end += d;
  }
  return { chainRentBlocks, reletPlan };
}
