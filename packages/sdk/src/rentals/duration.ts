import { DbcInputError } from '@dbc-cloud/chain/errors';
import {
  BLOCKS_PER_DAY,
  MAX_RENTAL_DAYS,
  MIN_RELET_BLOCKS,
  RENT_DURATION_STEP_BLOCKS,
  blocksFromDuration,
  roundUpToHalfHour,
} from '@dbc-cloud/chain/units';
import type { RentalDuration } from './types.js';

/** A duration given either in blocks or in human units (exactly one of them). */
export interface DurationInput {
  durationBlocks?: number;
  duration?: RentalDuration;
}

const MAX_BLOCKS = MAX_RENTAL_DAYS * BLOCKS_PER_DAY;

function blocksOf(input: DurationInput): number {
  if ((input.durationBlocks === undefined) === (input.duration === undefined))
    throw new DbcInputError('INVALID_DURATION', 'Give the rental length as either durationBlocks or duration ({ hours, days }), not both or neither.');
  if (input.duration !== undefined) return blocksFromDuration(input.duration);
  const b = input.durationBlocks;
  if (typeof b !== 'number' || !Number.isSafeInteger(b) || b <= 0)
    throw new DbcInputError('INVALID_DURATION', `durationBlocks must be a positive whole number of blocks; got ${String(b)}.`, {
      details: { durationBlocks: String(b) },
    });
  return b;
}

/**
 * A rent duration in blocks: at least 300, a multiple of 300 (rounded up only when asked, since
 * rounding up costs money), at most 60 days (the chain would clamp longer ones silently, so the
 * renter would pay for less than they asked without being told).
 */
export function toRentDurationBlocks(input: DurationInput & { roundUp?: boolean }): number {
  let blocks = blocksOf(input);
  if (blocks % RENT_DURATION_STEP_BLOCKS !== 0) {
    if (!input.roundUp)
      throw new DbcInputError(
        'INVALID_DURATION',
        `Rentals are sold in half hours (multiples of ${RENT_DURATION_STEP_BLOCKS} blocks); ${blocks} blocks is not one. Ask for ${roundUpToHalfHour(blocks)} blocks, or pass roundUp: true.`,
        { details: { durationBlocks: blocks, next: roundUpToHalfHour(blocks) } },
      );
    blocks = roundUpToHalfHour(blocks);
  }
  if (blocks < RENT_DURATION_STEP_BLOCKS)
    throw new DbcInputError('RENT_TOO_SHORT', `The shortest rental is ${RENT_DURATION_STEP_BLOCKS} blocks (30 minutes); got ${blocks}.`, {
      details: { durationBlocks: blocks },
    });
  if (blocks > MAX_BLOCKS)
    throw new DbcInputError('RENT_TOO_LONG', `The longest rental is ${MAX_RENTAL_DAYS} days (${MAX_BLOCKS} blocks); got ${blocks} blocks. Rent for less and extend later.`, {
      details: { durationBlocks: blocks, maxBlocks: MAX_BLOCKS },
    });
  return blocks;
}

/** An extension in blocks: at least 100 (ReletTooShort on chain otherwise). */
export function toExtendDurationBlocks(input: DurationInput): number {
  const blocks = blocksOf(input);
  if (blocks < MIN_RELET_BLOCKS)
    throw new DbcInputError('RELET_TOO_SHORT', `A rental can be extended by ${MIN_RELET_BLOCKS} blocks (10 minutes) or more; got ${blocks}.`, {
      details: { durationBlocks: blocks },
    });
  return blocks;
}

/** Longest total rental: an order may not end more than 60 days after the current block. */
export const MAX_RENTAL_BLOCKS = MAX_BLOCKS;
