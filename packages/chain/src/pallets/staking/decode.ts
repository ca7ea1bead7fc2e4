/** Decoders from Staking's storage values to the domain types in ./types.ts. */
import { DbcError } from '../../errors/index.js';
import { address, big, bool, field, fieldIfAny, items, mapEntries, num, option, variant, type Value } from '../../utils/codec.js';
import type { EraRewardPoints, Exposure, Nominations, RewardDestination, StakingLedger, ValidatorPrefs } from './types.js';

/** A StakingLedger value. */
export function decodeLedger(c: Value): StakingLedger {
  // pallet-staking renamed the field after v0.9.43; accept both spellings.
  const claimed = fieldIfAny(c, 'claimedRewards') ?? field(c, 'legacyClaimedRewards');
  return {
    stash: address(field(c, 'stash')),
    totalPlanck: big(field(c, 'total')),
    activePlanck: big(field(c, 'active')),
    unlocking: items(field(c, 'unlocking')).map((u) => ({ valuePlanck: big(field(u, 'value')), era: num(field(u, 'era')) })),
    claimedRewards: items(claimed).map(num),
  };
}

/** A RewardDestination enum. */
export function decodeRewardDestination(c: Value): RewardDestination {
  const { type, value } = variant(c);
  switch (type) {
    case 'Staked':
      return 'staked';
    case 'Stash':
      return 'stash';
    case 'Controller':
      return 'controller';
    case 'None':
      return 'none';
    case 'Account':
      return { account: address(value) };
    default:
      throw new DbcError('CHAIN_UNEXPECTED_SHAPE', `Unknown RewardDestination variant ${type}.`, { details: { variant: type } });
  }
}

/** The chain enum value for a RewardDestination. */
export function rewardDestinationToChain(payee: RewardDestination): Record<string, unknown> {
  if (typeof payee === 'object') return { Account: payee.account };
  return { [payee.charAt(0).toUpperCase() + payee.slice(1)]: null };
}

/** A ValidatorPrefs value. */
export function decodeValidatorPrefs(c: Value): ValidatorPrefs {
  return { commissionPerbill: num(field(c, 'commission')), blocked: bool(field(c, 'blocked')) };
}

/** A Nominations value. */
export function decodeNominations(c: Value): Nominations {
  return {
    targets: items(field(c, 'targets')).map(address),
    submittedInEra: num(field(c, 'submittedIn')),
    suppressed: bool(field(c, 'suppressed')),
  };
}

/** An Exposure value. */
export function decodeExposure(c: Value): Exposure {
  return {
    totalPlanck: big(field(c, 'total')),
    ownPlanck: big(field(c, 'own')),
    others: items(field(c, 'others')).map((o) => ({ who: address(field(o, 'who')), valuePlanck: big(field(o, 'value')) })),
  };
}

/** An EraRewardPoints value (BTreeMap of points per validator). */
export function decodeEraRewardPoints(c: Value): EraRewardPoints {
  return {
    total: num(field(c, 'total')),
    individual: Object.fromEntries(mapEntries(field(c, 'individual')).map(([k, v]) => [address(k), num(v)])),
  };
}

/** ActiveEraInfo: `start` is Option<u64>. */
export function decodeActiveEra(c: Value): { index: number; startMs: number | null } {
  const start = option(field(c, 'start'));
  return { index: num(field(c, 'index')), startMs: start ? num(start) : null };
}
