import { DbcInputError, DbcUnsupportedError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import type { Amount, CallOptions } from '../wallet/types.js';
import { startMinerCall } from './internal/minerCall.js';

/** Parameters of `stakeRequirement`. */
export interface StakeRequirementParameters {
  /** GPUs in the machine (whole number ≥ 1). */
  gpus: number;
}

/** What `stakeRequirement` resolves to. All amounts are for the whole machine unless "per GPU". */
export interface StakeRequirementReturnType {
  gpus: number;
  /** Reserved from the stash by `bondMachine`: 10 % of one GPU's stake (whatever the GPU count). */
  atBonding: Amount;
  /** Reserved in total once the committee verifies the machine (10 % × gpus); short of it, the machine waits for `fulfill`. */
  toGoOnline: Amount;
  /** The stake the machine grows to: its rewards and rent income are reserved until it holds perGpuCap × gpus. */
  full: Amount;
  /** min(onlineStakePerGpu, DBC worth usdCapPerGpu at the chain's DBC price). */
  perGpuCap: Amount;
  onlineStakePerGpu: Amount;
  /** The USD cap per GPU set on chain. */
  usdCapPerGpu: number;
  /** The chain's average DBC price in USD, or null if it has none (the USD cap then cannot apply). */
  dbcPriceUsd: number | null;
  /** Which limit sets perGpuCap. */
  cappedBy: 'dbc' | 'usd';
  /** The fixed fee `createServerRoom` and `bondMachine` each charge the controller, besides the transaction fee. */
  fixedFee: Amount;
}

/**
 * How much DBC a machine with `gpus` GPUs must pledge: at bonding, to come online, and at full
 * stake, from the chain's stake parameters and DBC price (OnlineStakeParams, DBCPriceOCW.AvgPrice).
 *
 * @example
 * ```ts
 * const { atBonding, toGoOnline } = await client.miner.stakeRequirement({ gpus: 8 });
 * ```
 */
export async function stakeRequirement(
  ctx: ClientContext,
  params: StakeRequirementParameters,
  options: CallOptions = {},
): Promise<StakeRequirementReturnType> {
  const gpus = params?.gpus;
  const { lib, chain, deadline } = await startMinerCall(ctx, 'read the stake requirement', options, () => {
    if (typeof gpus !== 'number' || !Number.isSafeInteger(gpus) || gpus < 1 || gpus > 0xffff_ffff) {
      throw new DbcInputError(
        'INVALID_GPU_COUNT',
        `gpus must be a whole number of at least 1; got ${String(gpus)}.`,
        { details: { gpus: String(gpus) } },
      );
    }
  });
  const [stakeParams, avgPrice, fixedFee] = await Promise.all([
    lib.getOnlineStakeParams(chain, deadline.read()),
    lib.getDbcAvgPrice(chain, deadline.read()),
    lib.getFixedTxFee(chain, deadline.read()),
  ]);
  if (!stakeParams) {
    throw new DbcUnsupportedError(
      'STAKE_PARAMS_UNSET',
      'This chain has no miner stake parameters (onlineStakeParams); machines cannot be bonded yet.',
    );
  }
  const perGpu = stakeParams.onlineStakePerGpuPlanck;
  // online_reward.rs stake_per_gpu_v2: bonding takes 10 % of one GPU's stake.
  const bonding = (perGpu * 10_000n) / 100_000n;
  // dbc_price_ocw get_dbc_amount_by_value: USD×1e6 → planck at the average price (USD×1e6 per DBC).
  const byUsd = avgPrice
    ? (BigInt(stakeParams.onlineStakeUsdLimitMicroUsd) * lib.PLANCK_PER_DBC) / BigInt(avgPrice)
    : null;
  const cap = byUsd !== null && byUsd < perGpu ? byUsd : perGpu;
  const n = BigInt(gpus);
  return {
    gpus,
    atBonding: amountOf(lib, bonding),
    toGoOnline: amountOf(lib, bonding * n),
    full: amountOf(lib, cap * n),
    perGpuCap: amountOf(lib, cap),
    onlineStakePerGpu: amountOf(lib, perGpu),
    usdCapPerGpu: stakeParams.onlineStakeUsdLimitMicroUsd / 1e6,
    dbcPriceUsd: avgPrice ? avgPrice / 1e6 : null,
    cappedBy: byUsd !== null && byUsd < perGpu ? 'usd' : 'dbc',
    fixedFee: amountOf(lib, fixedFee ?? 0n),
  };
}
