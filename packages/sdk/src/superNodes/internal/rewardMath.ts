import type { EraRewardPoints, Exposure } from '@dbc-cloud/chain';

const BILLION = 1_000_000_000n;

/**
 * The share of an era's payout one validator's stakers get: reward × its points ÷ all points
 * (pallet_staking do_payout_stakers), in planck.
 */
export function validatorPayout(eraReward: bigint, points: EraRewardPoints, validator: string): bigint {
  const p = BigInt(points.individual[validator] ?? 0);
  return points.total > 0 ? (eraReward * p) / BigInt(points.total) : 0n;
}

/**
 * What `who` gets of a validator's payout: the commission (if `who` is the validator) plus its
 * stake's share of the rest. Integer maths floors where the chain rounds Perbills, so the result
 * can be a few planck off.
 */
export function stakerShare(
  payout: bigint,
  commissionPerbill: number,
  exposure: Exposure,
  who: string,
  validator: string,
): bigint {
  if (exposure.totalPlanck === 0n) return 0n;
  const commission = (payout * BigInt(commissionPerbill)) / BILLION;
  const rest = payout - commission;
  const stake =
    who === validator ? exposure.ownPlanck : (exposure.others.find((o) => o.who === who)?.valuePlanck ?? 0n);
  return (who === validator ? commission : 0n) + (rest * stake) / exposure.totalPlanck;
}
