export { parseDbc, formatDbc, DBC_DECIMALS, PLANCK_PER_DBC, type FormatDbcOptions } from './dbc.js';
export {
  BLOCK_TIME_MS,
  BLOCKS_PER_MINUTE,
  BLOCKS_PER_HOUR,
  BLOCKS_PER_DAY,
  RENT_DURATION_STEP_BLOCKS,
  CONFIRM_WINDOW_BLOCKS,
  MIN_RELET_BLOCKS,
  MAX_RENTAL_DAYS,
  blocksFromDuration,
  msFromBlocks,
  hoursFromBlocks,
  roundUpToHalfHour,
  type Duration,
} from './blocks.js';
export { DBC_SS58_PREFIX, isMachineId, toMachineId } from './ids.js';
