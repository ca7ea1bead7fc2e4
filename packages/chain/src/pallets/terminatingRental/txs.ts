/** Transaction builders for TerminatingRental; inputs are checked as for RentMachine. */
import type { DbcChain } from '../../client/connect.js';
import type { Tx } from '../../tx/submit.js';
import { toMachineId } from '../../units/ids.js';
import { txMethod } from '../../utils/tx.js';
import { toGpuCount, toRentId } from '../../utils/validate.js';
import { toReletDuration, toRentDuration } from '../rentMachine/txs.js';

const tr = (chain: DbcChain, method: string) => txMethod(chain, 'terminatingRental', method);

/** Parameters of {@link terminatingRentMachineTx}. */
export interface TerminatingRentMachineTxParameters {
  machineId: string;
  gpus: number;
  /** A multiple of 300 blocks. */
  durationBlocks: number;
}

/** Rents GPUs of a terminating-rental machine; the fee stays reserved until the order settles. */
export function terminatingRentMachineTx(chain: DbcChain, params: TerminatingRentMachineTxParameters): Tx {
  return tr(chain, 'rentMachine')(toMachineId(params.machineId), toGpuCount(params.gpus), toRentDuration(params.durationBlocks));
}

/** Parameters of {@link terminatingConfirmRentTx}. */
export interface TerminatingConfirmRentTxParameters {
  rentId: number | bigint;
}

/** Renter: confirms a terminating-rental order within 150 blocks. */
export function terminatingConfirmRentTx(chain: DbcChain, params: TerminatingConfirmRentTxParameters): Tx {
  return tr(chain, 'confirmRent')(toRentId(params.rentId));
}

/** Parameters of {@link terminatingReletMachineTx}. */
export interface TerminatingReletMachineTxParameters {
  rentId: number | bigint;
  /** At least 100 blocks. */
  durationBlocks: number;
}

/** Renter: extends a confirmed terminating-rental order, reserving the extension's fee. */
export function terminatingReletMachineTx(chain: DbcChain, params: TerminatingReletMachineTxParameters): Tx {
  return tr(chain, 'reletMachine')(toRentId(params.rentId), toReletDuration(params.durationBlocks));
}

/** Parameters of {@link terminateRentTx}. */
export interface TerminateRentTxParameters {
  rentId: number | bigint;
}

/** Renter: ends a terminating-rental order now, paying the elapsed share of its fee (no event). */
export function terminateRentTx(chain: DbcChain, params: TerminateRentTxParameters): Tx {
  return tr(chain, 'terminateRent')(toRentId(params.rentId));
}
