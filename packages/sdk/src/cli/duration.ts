import type { Args } from './args.js';
import { CliUsageError } from './errors.js';

/** `--hours`/`--days` as a duration (default one hour); giving both is ambiguous, so refused. */
export function durationFromArgs(args: Args, helpHint: string): { hours: number } | { days: number } {
  const hours = args.number('hours', { min: 0.5 });
  const days = args.number('days', { min: 0 });
  if (hours !== undefined && days !== undefined)
    throw new CliUsageError('Give --hours or --days, not both.', helpHint);
  return days !== undefined ? { days } : { hours: hours ?? 1 };
}
