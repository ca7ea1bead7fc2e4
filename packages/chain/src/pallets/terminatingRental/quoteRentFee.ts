import type { DbcChain } from '../../client/connect.js';
import { DbcError } from '../../errors/index.js';
import { toMachineId } from '../../units/ids.js';
import { num, option } from '../../utils/codec.js';
import {
  DBC_PRICE_OCW_SECTIONS,
  queryStorage,
  read,
  storageEntry,
  type ReadOptions,
} from '../../utils/read.js';
import { toGpuCount, toInteger } from '../../utils/validate.js';
import { decodeMachineInfo, decodeStandardGpuPointPrice } from '../onlineProfile/decode.js';
import { calcRentFee } from '../rentMachine/calcRentFee.js';

/** Parameters of {@link quoteTerminatingRentFee}. */
export interface QuoteTerminatingRentFeeParameters {
  machineId: string;
  gpus: number;
  /** Blocks to rent (or to add, for a relet). */
  durationBlocks: number;
}

/** What a TerminatingRental rent (or relet) of that length reserves now. */
export interface QuoteTerminatingRentFeeReturnType {
  machineId: string;
  gpus: number;
  durationBlocks: number;
  /** Reserved at rent; TerminatingRental keeps it reserved and pays out as the rental runs. */
  feePlanck: bigint;
  priceMicroUsdPerDay: bigint;
  valueMicroUsd: bigint;
  avgPriceMicroUsdPerDbc: number;
}

/**
 * Quotes a TerminatingRental order from that pallet's own prices (`terminatingRental.standardGPUPointPrice`
 * and `machineExtraPrice`, which differ from OnlineProfile's) and the DBC average price, read with the
 * machine in one `state_queryStorageAt` request, then `calcRentFee` (the runtime's arithmetic).
 */
export async function quoteTerminatingRentFee(
  chain: DbcChain,
  params: QuoteTerminatingRentFeeParameters,
  options: ReadOptions = {},
): Promise<QuoteTerminatingRentFeeReturnType> {
  const machineId = toMachineId(params.machineId);
  const gpus = toGpuCount(params.gpus);
  const durationBlocks = toInteger('durationBlocks', params.durationBlocks, {
    min: 1,
    code: 'INVALID_DURATION',
  });
  return read(chain, options, `a TerminatingRental quote for ${machineId}`, async (api, blockHash) => {
    const tr = (item: string) => storageEntry(api, 'terminatingRental', item);
    const [info, std, extra, avg] = await queryStorage(
      chain,
      [
        [tr('machinesInfo'), machineId],
        [tr('standardGPUPointPrice')],
        [tr('machineExtraPrice'), machineId],
        [storageEntry(api, DBC_PRICE_OCW_SECTIONS, 'avgPrice')],
      ],
      blockHash,
    );
    const infoValue = option(info!);
    if (!infoValue)
      throw new DbcError(
        'MACHINE_NOT_FOUND',
        `Machine ${machineId.slice(0, 8)}… is not a TerminatingRental machine.`,
        {
          details: { machineId },
        },
      );
    const machine = decodeMachineInfo(machineId, infoValue);
    const stdValue = option(std!);
    const avgValue = option(avg!);
    const fee = calcRentFee({
      calcPoint: machine.hardware.calcPoint,
      machineGpus: machine.hardware.gpuNum,
      gpus,
      durationBlocks,
      standardGpuPointPrice: stdValue ? decodeStandardGpuPointPrice(stdValue) : null,
      extraPriceMicroUsdPerGpuDay: num(option(extra!) ?? 0),
      avgPriceMicroUsdPerDbc: avgValue ? num(avgValue) : null,
    });
    return {
      machineId,
      gpus,
      durationBlocks,
      feePlanck: fee.feePlanck,
      priceMicroUsdPerDay: fee.priceMicroUsdPerDay,
      valueMicroUsd: fee.valueMicroUsd,
      avgPriceMicroUsdPerDbc: avgValue ? num(avgValue) : 0,
    };
  });
}
