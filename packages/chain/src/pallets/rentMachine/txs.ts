/** Transaction builders for renting through RentMachine; each validates before anything is sent. */
import type { DbcChain } from '../../client/connect.js';
import { DbcInputError } from '../../errors/index.js';
import type { Tx } from '../../tx/submit.js';
import { MIN_RELET_BLOCKS, RENT_DURATION_STEP_BLOCKS, roundUpToHalfHour } from '../../units/blocks.js';
import { toMachineId } from '../../units/ids.js';
import { txMethod } from '../../utils/tx.js';
import { toGpuCount, toInteger, toRentId } from '../../utils/validate.js';

/** A rent duration: a positive whole number of half hours (OnlyHalfHourAllowed on chain otherwise). */
export function toRentDuration(value: unknown): number {
  const blocks = toInteger('durationBlocks', value, { min: 1, code: 'INVALID_DURATION' });
  if (blocks % RENT_DURATION_STEP_BLOCKS !== 0) {
    throw new DbcInputError(
      'INVALID_DURATION',
      `Rentals are sold in half hours (multiples of ${RENT_DURATION_STEP_BLOCKS} blocks); ${blocks} blocks is not one. The next valid duration is ${roundUpToHalfHour(blocks)}.`,
      { details: { durationBlocks: blocks }, docsPath: 'errors#input_invalid_duration' },
    );
  }
  return blocks;
}

/** A relet extension: at least 100 blocks (ReletTooShort on chain otherwise). */
export function toReletDuration(value: unknown): number {
  const blocks = toInteger('durationBlocks', value, { min: 0, code: 'INVALID_DURATION' });
  if (blocks < MIN_RELET_BLOCKS) {
    throw new DbcInputError('RELET_TOO_SHORT', `A rental can be extended by ${MIN_RELET_BLOCKS} blocks (10 minutes) or more; got ${blocks}.`, {
      details: { durationBlocks: blocks },
    });
  }
  return blocks;
}

/** Parameters of {@link rentMachineTx}. */
export interface RentMachineTxParameters {
  machineId: string;
  /** GPUs to rent (the machine must have that many free). */
  gpus: number;
  /** A multiple of 300 blocks (30 minutes); above `maximumRentalDuration` the chain clamps silently. */
  durationBlocks: number;
}

/**
 * Rents GPUs of a machine: the fixed fee is charged and the rent fee reserved; confirm with
 * `confirmRentTx` within 150 blocks or the order is cancelled and refunded (minus the fixed fee).
 *
 * @example
 * ```ts
 * const r = await submitAndCheck(chain, rentMachineTx(chain, { machineId, gpus: 1, durationBlocks: blocksFromDuration({ hours: 2 }) }), signer);
 * ```
 */
export function rentMachineTx(chain: DbcChain, params: RentMachineTxParameters): Tx {
  const machineId = toMachineId(params.machineId);
  const gpus = toGpuCount(params.gpus);
  const duration = toRentDuration(params.durationBlocks);
  return txMethod(chain, 'rentMachine', 'rentMachine')(machineId, gpus, duration);
}

/** Parameters of {@link confirmRentTx}. */
export interface ConfirmRentTxParameters {
  rentId: number | bigint;
}

/** Renter: confirms the machine works and pays the reserved fee (within 150 blocks of renting). */
export function confirmRentTx(chain: DbcChain, params: ConfirmRentTxParameters): Tx {
  return txMethod(chain, 'rentMachine', 'confirmRent')(toRentId(params.rentId));
}

/** Parameters of {@link reletMachineTx}. */
export interface ReletMachineTxParameters {
  rentId: number | bigint;
  /** Blocks to add, at least 100; the end is capped at now + 60 days. */
  durationBlocks: number;
}

/** Renter: extends a confirmed order, paying the extension at once. */
export function reletMachineTx(chain: DbcChain, params: ReletMachineTxParameters): Tx {
  const rentId = toRentId(params.rentId);
  const duration = toReletDuration(params.durationBlocks);
  return txMethod(chain, 'rentMachine', 'reletMachine')(rentId, duration);
}
