import type { DbcChain } from '../../client/connect.js';
import { DbcError } from '../../errors/index.js';
import { BLOCKS_PER_DAY } from '../../units/blocks.js';
import { toMachineId } from '../../units/ids.js';
import { big, num, option } from '../../utils/codec.js';
import { DBC_PRICE_OCW_SECTIONS, queryStorage, read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { toGpuCount } from '../../utils/validate.js';
import { decodeMachineInfo, decodeRentalModeName, decodeStandardGpuPointPrice } from '../onlineProfile/decode.js';
import type { MachineRentalModeName, MachineStatus } from '../onlineProfile/types.js';
import { calcRentFee } from './calcRentFee.js';
import { toRentDuration } from './txs.js';

/** Parameters of {@link quoteRentFee}. */
export interface QuoteRentFeeParameters {
  machineId: string;
  gpus: number;
  /** A multiple of 300 blocks. */
  durationBlocks: number;
}

/** What a rent would cost now, and whether the machine can take it. */
export interface QuoteRentFeeReturnType {
  machineId: string;
  gpus: number;
  /** The duration the chain will grant: the requested one clamped to `maximumRentalDuration`. */
  durationBlocks: number;
  requestedDurationBlocks: number;
  /** Reserved at rent, paid at confirmation. */
  feePlanck: bigint;
  /** GenericFunc's fixed fee, charged at rent and never refunded (0 if unset). */
  fixedTxFeePlanck: bigint;
  /** feePlanck + fixedTxFeePlanck (the transaction fee comes on top). */
  totalPlanck: bigint;
  priceMicroUsdPerDay: bigint;
  valueMicroUsd: bigint;
  avgPriceMicroUsdPerDbc: number;
  status: MachineStatus;
  rentalMode: MachineRentalModeName;
  freeGpus: number;
  /** Online or rented, with `gpus` GPUs free (time-slot schedules are not checked). */
  isRentable: boolean;
}

/**
 * Quotes a rent from the chain's current prices: the machine, its rented GPUs and extra price,
 * the standard price, the DBC average price, the fixed fee and the rental cap, all in one
 * `state_queryStorageAt` request, then `calcRentFee`. Prices follow the DBC price: quote again
 * right before renting.
 *
 * @example
 * ```ts
 * const q = await quoteRentFee(chain, { machineId, gpus: 1, durationBlocks: 600 });
 * console.log(formatDbc(q.totalPlanck, { symbol: true }));
 * ```
 */
export async function quoteRentFee(chain: DbcChain, params: QuoteRentFeeParameters, options: ReadOptions = {}): Promise<QuoteRentFeeReturnType> {
  const machineId = toMachineId(params.machineId);
  const gpus = toGpuCount(params.gpus);
  const requested = toRentDuration(params.durationBlocks);
  return read(chain, options, `a rent quote for ${machineId}`, async (api, blockHash) => {
    const op = (item: string) => storageEntry(api, 'onlineProfile', item);
    const [info, rented, extra, std, avg, fixedFee, maxDays, mode] = await queryStorage(
      chain,
      [
        [op('machinesInfo'), machineId],
        [op('machineRentedGPU'), machineId],
        [op('machineExtraPrice'), machineId],
        [op('standardGPUPointPrice')],
        [storageEntry(api, DBC_PRICE_OCW_SECTIONS, 'avgPrice')],
        [storageEntry(api, 'genericFunc', 'fixedTxFee')],
        [storageEntry(api, 'rentMachine', 'maximumRentalDuration')],
        [op('machineRentalModeStorage'), machineId],
      ],
      blockHash,
    );
    const infoValue = option(info!);
    if (!infoValue) {
      throw new DbcError('MACHINE_NOT_FOUND', `Machine ${machineId.slice(0, 8)}… does not exist (never bonded, refused or exited).`, {
        details: { machineId },
      });
    }
    const machine = decodeMachineInfo(machineId, infoValue);
    const stdValue = option(std!);
    const avgValue = option(avg!);
    const durationBlocks = Math.min(requested, num(maxDays!) * BLOCKS_PER_DAY);
    const fee = calcRentFee({
      calcPoint: machine.hardware.calcPoint,
      machineGpus: machine.hardware.gpuNum,
      gpus,
      durationBlocks,
      standardGpuPointPrice: stdValue ? decodeStandardGpuPointPrice(stdValue) : null,
      extraPriceMicroUsdPerGpuDay: num(extra!),
      avgPriceMicroUsdPerDbc: avgValue ? num(avgValue) : null,
    });
    const fixed = option(fixedFee!);
    const fixedTxFeePlanck = fixed ? big(fixed) : 0n;
    const freeGpus = Math.max(0, machine.hardware.gpuNum - num(rented!));
    return {
      machineId,
      gpus,
      durationBlocks,
      requestedDurationBlocks: requested,
      feePlanck: fee.feePlanck,
      fixedTxFeePlanck,
      totalPlanck: fee.feePlanck + fixedTxFeePlanck,
      priceMicroUsdPerDay: fee.priceMicroUsdPerDay,
      valueMicroUsd: fee.valueMicroUsd,
      avgPriceMicroUsdPerDbc: avgValue ? num(avgValue) : 0,
      status: machine.status,
      rentalMode: decodeRentalModeName(mode!),
      freeGpus,
      isRentable: (machine.status.kind === 'online' || machine.status.kind === 'rented') && gpus <= freeGpus,
    };
  });
}
