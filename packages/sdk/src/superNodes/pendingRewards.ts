import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import type { Amount, CallOptions } from '../wallet/types.js';
import { HISTORY_DEPTH_ERAS, startStakingCall } from './internal/stakingCall.js';
import { stakerShare, validatorPayout } from './internal/rewardMath.js';

/** One unpaid era for a stash. */
export interface PendingReward {
  era: number;
  /** The super node whose payout includes it: pass `{ validator, era }` to `payout`. */
  validator: string;
  role: 'validator' | 'nominator';
  /** Estimated from the era's payout, points, commission and exposure; the paid amount may differ by a few planck. */
  estimated: Amount;
}

/** What `pendingRewards` resolves to. */
export interface PendingRewardsReturnType {
  stash: string;
  total: Amount;
  /** Oldest first; eras older than 84 can no longer be paid. */
  eras: PendingReward[];
}

/**
 * Staking rewards of `stash` in the eras still payable (the last 84) that nobody has paid out
 * yet, as super node and as nominator. Nominator eras are found through the stash's current
 * nominations, so eras earned through super nodes it no longer nominates are not listed.
 *
 * @example
 * ```ts
 * const { total, eras } = await client.superNodes.pendingRewards(myStash);
 * ```
 */
export async function pendingRewards(
  ctx: ClientContext,
  stash: string,
  options: CallOptions = {},
): Promise<PendingRewardsReturnType> {
  let who = '';
  const call = await startStakingCall(ctx, 'read pending rewards', options, (lib) => {
    who = lib.toDbcAddress(String(stash ?? ''));
  });
  const { lib, chain, deadline } = call;
  const [active, validators, nominations] = await Promise.all([
    lib.getActiveEra(chain, deadline.read()),
    lib.getValidators(chain, deadline.read()),
    lib.getNominations(chain, { stash: who }, deadline.read()),
  ]);
  const now = active?.index ?? 0;
  const candidates = [
    ...new Set([...(validators.some((v) => v.stash === who) ? [who] : []), ...(nominations?.targets ?? [])]),
  ];
  const ledgers = new Map(
    await Promise.all(
      candidates.map(
        async (v) => [v, await lib.getStakingLedger(chain, { controller: v }, deadline.read())] as const,
      ),
    ),
  );
  const eras = Array.from(
    { length: Math.min(now, HISTORY_DEPTH_ERAS) },
    (_, i) => now - Math.min(now, HISTORY_DEPTH_ERAS) + i,
  );
  const perEra = await Promise.all(
    eras.map(async (era): Promise<PendingReward[]> => {
      const reward = await lib.getErasValidatorReward(chain, { era }, deadline.read());
      if (!reward) return [];
      const points = await lib.getErasRewardPoints(chain, { era }, deadline.read());
      const found = await Promise.all(
        candidates.map(async (validator): Promise<PendingReward | null> => {
          if (ledgers.get(validator)?.claimedRewards.includes(era) ?? true) return null;
          const exposure = await lib.getErasStakers(chain, { era, validator }, deadline.read());
          const role = validator === who ? 'validator' : 'nominator';
          if (role === 'nominator' && !exposure.others.some((o) => o.who === who)) return null;
          if (role === 'validator' && exposure.totalPlanck === 0n) return null;
          // The commission that era's payout uses, not today's.
          const { commissionPerbill: commission } = await lib.getErasValidatorPrefs(
            chain,
            { era, validator },
            deadline.read(),
          );
          const estimated = stakerShare(
            validatorPayout(reward, points, validator),
            commission,
            exposure,
            who,
            validator,
          );
          return estimated > 0n ? { era, validator, role, estimated: amountOf(lib, estimated) } : null;
        }),
      );
      return found.filter((x): x is PendingReward => x !== null);
    }),
  );
  const list = perEra.flat();
  return {
    stash: who,
    total: amountOf(
      lib,
      list.reduce((s, p) => s + p.estimated.planck, 0n),
    ),
    eras: list,
  };
}
