/** Domain types of Staking (DBC's pallet_staking, polkadot-v0.9.43 + dbc.patch). Amounts in planck. */

/** Where staking rewards go: re-bonded, to the stash, the controller, another account, or nowhere. */
export type RewardDestination = 'staked' | 'stash' | 'controller' | 'none' | { account: string };

/** Part of a bond being released. */
export interface UnlockChunk {
  valuePlanck: bigint;
  /** The era from which `withdrawUnbonded` releases it. */
  era: number;
}

/** A bonded account's ledger (keyed by controller, which is the stash for new bonds). */
export interface StakingLedger {
  stash: string;
  totalPlanck: bigint;
  /** The part that counts for staking (total minus unlocking). */
  activePlanck: bigint;
  unlocking: UnlockChunk[];
  /** Eras whose rewards have been paid out for this stash as a validator. */
  claimedRewards: number[];
}

/** A validator's terms. */
export interface ValidatorPrefs {
  /** Parts per billion of the era reward the validator keeps before sharing (10^9 = 100 %). */
  commissionPerbill: number;
  /** Refuses new nominations. */
  blocked: boolean;
}

/** A validator candidate and its terms. */
export interface Validator extends ValidatorPrefs {
  stash: string;
}

/** Whom a nominator backs. */
export interface Nominations {
  targets: string[];
  submittedInEra: number;
  suppressed: boolean;
}

/** A nominator and its nominations. */
export interface Nominator extends Nominations {
  stash: string;
}

/** The era validators are working in. */
export interface ActiveEra {
  index: number;
  /** Unix ms the era started, null until its first block is finalized. */
  startMs: number | null;
}

/** Who backs a validator in an era, and with how much. */
export interface Exposure {
  totalPlanck: bigint;
  ownPlanck: bigint;
  others: Array<{ who: string; valuePlanck: bigint }>;
}

/** Points earned in an era (20 per authored block), per validator stash. */
export interface EraRewardPoints {
  total: number;
  individual: Record<string, number>;
}

/** The smallest bonds that can validate or nominate. */
export interface StakingMinimums {
  minValidatorBondPlanck: bigint;
  minNominatorBondPlanck: bigint;
}
