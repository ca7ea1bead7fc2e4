/** An account's balance, all in planck. */
export interface AccountBalance {
  freePlanck: bigint;
  /** Held by pallets: rent fees awaiting confirmation, machine stake. */
  reservedPlanck: bigint;
  /** Locked by staking and vesting (still counted in free). */
  frozenPlanck: bigint;
  /** What the account can send: free minus the part of the locks that reserves do not cover. */
  transferablePlanck: bigint;
  /** free + reserved. */
  totalPlanck: bigint;
  /** The account's transaction count. */
  nonce: number;
}
