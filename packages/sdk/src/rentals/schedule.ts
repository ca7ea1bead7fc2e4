import type { MachineRentalMode } from '@dbc-cloud/chain';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/**
 * Whether a time-slot machine accepts a rental from `startMs` to `endMs` (chain clock), as the
 * runtime decides: at least 2 hours, on one UTC day (ending at midnight at the latest), inside one
 * range of that weekday's schedule, compared in whole hours. Date-specific overrides are not read,
 * so a rare override can still make the chain refuse (OutOfRentalSchedule).
 */
export function isWithinSchedule(mode: MachineRentalMode, startMs: number, endMs: number): boolean {
  if (mode.mode === 'fullTime') return true;
  if (endMs - startMs < 2 * HOUR_MS) return false;
  const startDay = Math.floor(startMs / DAY_MS);
  const endDay = Math.floor(endMs / DAY_MS);
  const startHour = Math.floor((startMs % DAY_MS) / HOUR_MS);
  let endHour: number;
  if (endDay === startDay) endHour = Math.floor((endMs % DAY_MS) / HOUR_MS);
  else if (endDay === startDay + 1 && endMs % DAY_MS === 0) endHour = 24;
  else return false;
  // Day 0 of the Unix epoch was a Thursday; the schedule starts on Sunday.
  const ranges = mode.weeklySchedule[(startDay + 4) % 7] ?? [];
  return ranges.some((r) => startHour >= r.startHour && endHour <= r.endHour);
}

/** The schedule in words, for error messages: "Mon 08–20h, Tue 08–20h". */
export function describeSchedule(mode: MachineRentalMode): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const parts = mode.weeklySchedule.flatMap((ranges, i) => ranges.map((r) => `${days[i]} ${r.startHour}–${r.endHour}h`));
  return parts.length ? parts.join(', ') : 'no hours at all';
}
