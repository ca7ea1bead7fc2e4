import { DbcInputError } from '@dbc-cloud/chain/errors';

/** 6-second blocks, copied from @dbc-cloud/chain/units so this module loads no chain code. */
const BLOCKS_PER_MINUTE = 10;
const BLOCKS_PER_DAY = 14_400;
/** rentMachine takes whole half hours (OnlyHalfHourAllowed). */
export const HALF_HOUR_BLOCKS = 300;

/** A rental length in human units; the parts add up. A month is 30 days, a quarter 90, a year 365. */
export interface RentalDuration {
  minutes?: number;
  hours?: number;
  days?: number;
  weeks?: number;
  months?: number;
  quarters?: number;
  years?: number;
}

/** A duration rounded to what the chain accepts. */
export interface RoundedDuration {
  /** What was asked for, in blocks (fractions of a block rounded up). */
  requestedBlocks: number;
  /** Rounded up to whole half hours (300 blocks). */
  durationBlocks: number;
  /** durationBlocks − requestedBlocks. */
  roundedUpBlocks: number;
}

const DAYS_PER: Record<Exclude<keyof RentalDuration, 'minutes' | 'hours'>, number> = { days: 1, weeks: 7, months: 30, quarters: 90, years: 365 };

/**
 * Converts a duration (or a block count) to rent blocks, rounded up to whole half hours, and
 * refuses anything shorter than half an hour.
 *
 * @example toRoundedDuration({ hours: 1, minutes: 10 }) // { requestedBlocks: 700, durationBlocks: 900, roundedUpBlocks: 200 }
 */
export function toRoundedDuration(duration: RentalDuration | undefined, durationBlocks: number | undefined): RoundedDuration {
  if ((duration === undefined) === (durationBlocks === undefined)) {
    throw new DbcInputError('INVALID_DURATION', 'Pass either duration (e.g. { hours: 2 }) or durationBlocks, not both and not neither.');
  }
  let requested: number;
  if (durationBlocks !== undefined) {
    if (typeof durationBlocks !== 'number' || !Number.isSafeInteger(durationBlocks) || durationBlocks < 0) {
      throw new DbcInputError('INVALID_DURATION', `durationBlocks must be a whole number of blocks; got ${String(durationBlocks)}.`, {
        details: { durationBlocks },
      });
    }
    requested = durationBlocks;
  } else {
    const d = duration!;
    if (typeof d !== 'object' || d === null) throw new DbcInputError('INVALID_DURATION', 'duration must be an object such as { hours: 2 }.');
    let blocks = 0;
    for (const [unit, value] of Object.entries(d)) {
      if (value === undefined) continue;
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new DbcInputError('INVALID_DURATION', `duration.${unit} must be a finite number of 0 or more; got ${String(value)}.`, { details: { unit, value } });
      }
      if (unit === 'minutes') blocks += value * BLOCKS_PER_MINUTE;
      else if (unit === 'hours') blocks += value * 60 * BLOCKS_PER_MINUTE;
      else if (unit in DAYS_PER) blocks += value * DAYS_PER[unit as keyof typeof DAYS_PER] * BLOCKS_PER_DAY;
      else throw new DbcInputError('INVALID_DURATION', `duration.${unit} is not a unit; use minutes, hours, days, weeks, months, quarters or years.`, { details: { unit } });
    }
    // Float sums like 0.1 h must not turn 60 blocks into 61.
    requested = Math.ceil(Math.round(blocks * 1e6) / 1e6);
  }
  if (requested < HALF_HOUR_BLOCKS) {
    throw new DbcInputError(
      'DURATION_TOO_SHORT',
      `The shortest rental is 30 minutes (${HALF_HOUR_BLOCKS} blocks); you asked for ${requested} blocks (${(requested / BLOCKS_PER_MINUTE).toFixed(1)} minutes).`,
      { details: { requestedBlocks: requested } },
    );
  }
  const rounded = Math.ceil(requested / HALF_HOUR_BLOCKS) * HALF_HOUR_BLOCKS;
  return { requestedBlocks: requested, durationBlocks: rounded, roundedUpBlocks: rounded - requested };
}
