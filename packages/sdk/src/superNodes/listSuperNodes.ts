import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import type { Amount, CallOptions } from '../wallet/types.js';
import { startStakingCall } from './internal/stakingCall.js';
import { validatorPayout } from './internal/rewardMath.js';

/** One super node (validator candidate) and the figures nominators compare. */
export interface SuperNode {
  stash: string;
  /** Share of each era's payout the node keeps before sharing, in percent (0–100). */
  commissionPercent: number;
  /** Refuses new nominations. */
  blocked: boolean;
  /** Elected to validate in the active era (only elected nodes earn). */
  elected: boolean;
  /** Stake behind it in the active era (own + nominators); its own bond when not elected. */
  totalStake: Amount;
  /** Its own bonded stake (active, not unlocking). */
  ownStake: Amount;
  /** Accounts nominating it now (elected or not). */
  nominatorCount: number;
  /** Reward points it earned in the last ended era (20 per authored block). */
  eraPoints: number;
  /**
   * Estimated yearly return for a nominator, in percent, after commission: the node's share of
   * the last ended era's payout (ErasValidatorReward × its points ÷ all points) × (1 − commission)
   * ÷ the stake behind it that era, × 365 eras (one era is a day), without compounding. Null when
   * the last era paid nothing or the node was not elected then. Past eras do not promise future ones.
   */
  estimatedApyPercent: number | null;
}

/** What `listSuperNodes` resolves to: largest total stake first. */
export type ListSuperNodesReturnType = SuperNode[];

/**
 * Every super node with its commission, stake, nominators, last-era points and an estimated APY.
 *
 * @example
 * ```ts
 * const nodes = await client.superNodes.list();
 * const best = nodes.filter((n) => !n.blocked).sort((a, b) => (b.estimatedApyPercent ?? 0) - (a.estimatedApyPercent ?? 0));
 * ```
 */
export async function listSuperNodes(
  ctx: ClientContext,
  options: CallOptions = {},
): Promise<ListSuperNodesReturnType> {
  const { lib, chain, deadline } = await startStakingCall(ctx, 'list the super nodes', options);
  const [validators, nominators, active] = await Promise.all([
    lib.getValidators(chain, deadline.read()),
    lib.getNominators(chain, deadline.read()),
    lib.getActiveEra(chain, deadline.read()),
  ]);
  const era = active?.index ?? 0;
  const lastEra = era > 0 ? era - 1 : null;
  const [reward, points] =
    lastEra === null
      ? [null, null]
      : await Promise.all([
          lib.getErasValidatorReward(chain, { era: lastEra }, deadline.read()),
          lib.getErasRewardPoints(chain, { era: lastEra }, deadline.read()),
        ]);
  const nodes = await Promise.all(
    validators.map(async (v): Promise<SuperNode> => {
      const [now, before, ledger] = await Promise.all([
        lib.getErasStakers(chain, { era, validator: v.stash }, deadline.read()),
        lastEra === null
          ? null
          : lib.getErasStakers(chain, { era: lastEra, validator: v.stash }, deadline.read()),
        lib.getStakingLedger(chain, { controller: v.stash }, deadline.read()),
      ]);
      const own = ledger?.activePlanck ?? 0n;
      const elected = now.totalPlanck > 0n;
      let apy: number | null = null;
      if (reward && points && before && before.totalPlanck > 0n) {
        const payout = validatorPayout(reward, points, v.stash);
        const toStakers = (payout * BigInt(1_000_000_000 - v.commissionPerbill)) / 1_000_000_000n;
        // Scaled to keep 6 significant decimals through the bigint division.
        apy =
          payout > 0n
            ? (Number((toStakers * 1_000_000n) / before.totalPlanck) / 1_000_000) * 365 * 100
            : null;
      }
      return {
        stash: v.stash,
        commissionPercent: v.commissionPerbill / 10_000_000,
        blocked: v.blocked,
        elected,
        totalStake: amountOf(lib, elected ? now.totalPlanck : own),
        ownStake: amountOf(lib, own),
        nominatorCount: nominators.filter((n) => n.targets.includes(v.stash)).length,
        eraPoints: points?.individual[v.stash] ?? 0,
        estimatedApyPercent: apy,
      };
    }),
  );
  return nodes.sort((a, b) =>
    b.totalStake.planck > a.totalStake.planck ? 1 : b.totalStake.planck < a.totalStake.planck ? -1 : 0,
  );
}
