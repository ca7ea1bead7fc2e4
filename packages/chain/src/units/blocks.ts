import { DbcInputError } from '../errors/families.js';

/** DBC produces a block every 6 seconds. */
export const BLOCK_TIME_MS = 6_000;
/** Blocks in a minute at 6 s each. */
export const BLOCKS_PER_MINUTE = 10;
/** Blocks in an hour. */
export const BLOCKS_PER_HOUR = 600;
/** Blocks in a day (`ONE_DAY` in the runtime). */
export const BLOCKS_PER_DAY = 14_400;
/** RentMachine accepts durations in whole half hours (OnlyHalfHourAllowed). */
export const RENT_DURATION_STEP_BLOCKS = 300;
/** A rent must be confirmed within this many blocks of its start, or it is cancelled. */
export const CONFIRM_WINDOW_BLOCKS = 150;
/** reletMachine's minimum extension (ReletTooShort). */
export const MIN_RELET_BLOCKS = 100;
/** RentMachine clamps rentals to this many days (MaximumRentalDuration default). */
export const MAX_RENTAL_DAYS = 60;

/** A duration in human units; all parts add up. */
export interface Duration {
  minutes?: number;
  hours?: number;
  days?: number;
}

/**
 * Converts a duration to blocks of 6 s.
 *
 * @example blocksFromDuration({ hours: 2 }) // 1200
 */
export function blocksFromDuration(d: Duration): number {
  const parts = [d.minutes ?? 0, d.hours ?? 0, d.days ?? 0];
  if (parts.some((p) => !Number.isFinite(p) || p < 0)) {
    throw new DbcInputError('INVALID_DURATION', 'A duration must be made of finite, non-negative minutes, hours and days.', {
      details: { ...d },
    });
  }
  const blocks = (d.minutes ?? 0) * BLOCKS_PER_MINUTE + (d.hours ?? 0) * BLOCKS_PER_HOUR + (d.days ?? 0) * BLOCKS_PER_DAY;
  return Math.round(blocks);
}

/** Milliseconds a number of blocks takes at 6 s per block. */
export function msFromBlocks(blocks: number): number {
  return blocks * BLOCK_TIME_MS;
}

/** Hours a number of blocks takes (fractional). */
export function hoursFromBlocks(blocks: number): number {
  return blocks / BLOCKS_PER_HOUR;
}

/** Rounds a rent duration up to the next whole half hour (300 blocks), as rentMachine requires. */
export function roundUpToHalfHour(blocks: number): number {
  return Math.ceil(blocks / RENT_DURATION_STEP_BLOCKS) * RENT_DURATION_STEP_BLOCKS;
}
