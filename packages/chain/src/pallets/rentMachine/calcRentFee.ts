import { DbcError } from '../../errors/index.js';
import { BLOCKS_PER_DAY } from '../../units/blocks.js';
import { PLANCK_PER_DBC } from '../../units/dbc.js';
import { toGpuCount, toInteger, toU64 } from '../../utils/validate.js';
import type { StandardGpuPointPrice } from '../onlineProfile/types.js';

const U64_MAX = 2n ** 64n - 1n;

/** Parameters of {@link calcRentFee}. */
export interface CalcRentFeeParameters {
  /** The machine's calc points (`hardware.calcPoint`, the whole machine). */
  calcPoint: number | bigint;
  /** The machine's GPU count (`hardware.gpuNum`). */
  machineGpus: number;
  /** GPUs rented. */
  gpus: number;
  /** Rent duration in blocks, after the chain's clamp to `maximumRentalDuration`. */
  durationBlocks: number;
  /** `onlineProfile.standardGPUPointPrice`; null makes the chain fail with GetMachinePriceFailed. */
  standardGpuPointPrice: StandardGpuPointPrice | null;
  /** `onlineProfile.machineExtraPrice`, USD × 10^6 per GPU per day (default 0). */
  extraPriceMicroUsdPerGpuDay?: number | bigint;
  /** `dbcPriceOCW.avgPrice`, USD × 10^6 per DBC; null makes the chain fail with Overflow. */
  avgPriceMicroUsdPerDbc: number | bigint | null;
}

/** What {@link calcRentFee} returns. */
export interface CalcRentFeeReturnType {
  /** The rent fee reserved by rentMachine (excluding the fixed tx fee). */
  feePlanck: bigint;
  /** The standard price share of `gpus` GPUs, USD × 10^6 per day. */
  systemPriceMicroUsdPerDay: bigint;
  /** The miner's extra price for `gpus` GPUs, USD × 10^6 per day. */
  extraPriceMicroUsdPerDay: bigint;
  /** systemPrice + extraPrice. */
  priceMicroUsdPerDay: bigint;
  /** The rent's value in USD × 10^6 before conversion to DBC. */
  valueMicroUsd: bigint;
}

function priceError(code: string, message: string, chainError: string): DbcError {
  return new DbcError(code, message, { details: { chainError }, metaMessages: [`The chain would fail the rent with ${chainError}.`] });
}

function checkedU64(value: bigint, what: string): bigint {
  if (value > U64_MAX) throw priceError('RENT_PRICE_OVERFLOW', `The rent price overflows at ${what}.`, 'rentMachine.Overflow');
  return value;
}

/**
 * The rent fee exactly as the runtime computes it, integer division for integer division:
 * online-profile `get_machine_price` (standard price × calcPoint / gpuPoint, the `gpus/machineGpus`
 * share), plus the extra price per GPU, times duration / 14,400, converted at the average DBC price
 * (dbc-price-ocw `get_dbc_amount_by_value`). Throws where the runtime's checked arithmetic fails.
 *
 * @example
 * ```ts
 * calcRentFee({ calcPoint: 30_000, machineGpus: 1, gpus: 1, durationBlocks: 14_400,
 *   standardGpuPointPrice: { gpuPoint: 1_000, gpuPriceMicroUsdPerDay: 300_000 },
 *   avgPriceMicroUsdPerDbc: 1_500 }).feePlanck // 6_000n × 10^15: $9 a day at $0.0015
 * ```
 */
export function calcRentFee(params: CalcRentFeeParameters): CalcRentFeeReturnType {
  const point = toU64('calcPoint', params.calcPoint);
  const total = toInteger('machineGpus', params.machineGpus);
  const gpus = BigInt(toGpuCount(params.gpus));
  const duration = BigInt(toInteger('durationBlocks', params.durationBlocks));
  const extraPerGpu = toU64('extraPriceMicroUsdPerGpuDay', params.extraPriceMicroUsdPerGpuDay ?? 0);
  const std = params.standardGpuPointPrice;
  if (std === null || total === 0 || std.gpuPoint === 0) {
    throw priceError('RENT_PRICE_UNAVAILABLE', 'The chain has no standard GPU price (or the machine has no GPUs), so it cannot price a rent.', 'rentMachine.GetMachinePriceFailed');
  }
  // get_machine_price: gpu_price × point × 10_000 / gpu_point × need / total / 10_000, in u64.
  let system = checkedU64(BigInt(std.gpuPriceMicroUsdPerDay) * point, 'gpuPrice × calcPoint');
  system = checkedU64(system * 10_000n, 'gpuPrice × calcPoint × 10^4');
  system = checkedU64((system / BigInt(std.gpuPoint)) * gpus, 'the GPU share');
  system = system / BigInt(total) / 10_000n;
  const extra = checkedU64(extraPerGpu * gpus, 'extraPrice × gpus');
  const price = checkedU64(system + extra, 'the daily price');
  const value = checkedU64(price * duration, 'price × duration') / BigInt(BLOCKS_PER_DAY);
  const avg = params.avgPriceMicroUsdPerDbc === null ? 0n : toU64('avgPriceMicroUsdPerDbc', params.avgPriceMicroUsdPerDbc);
  if (avg === 0n) {
    throw priceError('RENT_PRICE_UNAVAILABLE', 'The chain has no average DBC price yet, so it cannot convert the rent to DBC.', 'rentMachine.Overflow');
  }
  return {
    feePlanck: (value * PLANCK_PER_DBC) / avg,
    systemPriceMicroUsdPerDay: system,
    extraPriceMicroUsdPerDay: extra,
    priceMicroUsdPerDay: price,
    valueMicroUsd: value,
  };
}
