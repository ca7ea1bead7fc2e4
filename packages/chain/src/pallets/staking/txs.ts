/**
 * Staking transaction builders, with the argument shapes of DBC's runtime (spec 400+: `bond` has
 * no controller argument; the stash is its own controller). Amounts are planck.
 */
import type { DbcChain } from '../../client/connect.js';
import { DbcInputError } from '../../errors/index.js';
import type { Tx } from '../../tx/submit.js';
import { toDbcAddress } from '../../units/address.js';
import { txMethod } from '../../utils/tx.js';
import { toBool, toEra, toInteger, toPlanck } from '../../utils/validate.js';
import { rewardDestinationToChain } from './decode.js';
import type { RewardDestination } from './types.js';

const st = (chain: DbcChain, method: string) => txMethod(chain, 'staking', method);

/** nominate's limit (MaxNominations). */
export const MAX_NOMINATIONS = 16;

function toPayee(payee: unknown): RewardDestination {
  if (payee === 'staked' || payee === 'stash' || payee === 'controller' || payee === 'none') return payee;
  if (payee && typeof payee === 'object' && 'account' in payee) return { account: toDbcAddress(String((payee as { account: unknown }).account)) };
  throw new DbcInputError('INVALID_PAYEE', `payee must be "staked", "stash", "controller", "none" or { account }; got ${JSON.stringify(payee)}.`);
}

/** Parameters of {@link bondTx}. */
export interface BondTxParameters {
  valuePlanck: bigint | number;
  payee: RewardDestination;
}
/** Stash: bonds `valuePlanck` (locked; released 14 eras after unbonding). */
export function bondTx(chain: DbcChain, params: BondTxParameters): Tx {
  return st(chain, 'bond')(toPlanck('valuePlanck', params.valuePlanck), rewardDestinationToChain(toPayee(params.payee)));
}

/** Parameters of {@link bondExtraTx}. */
export interface BondExtraTxParameters {
  amountPlanck: bigint | number;
}
/** Stash: adds free balance to the bond. */
export function bondExtraTx(chain: DbcChain, params: BondExtraTxParameters): Tx {
  return st(chain, 'bondExtra')(toPlanck('amountPlanck', params.amountPlanck));
}

/** Parameters of {@link unbondTx}. */
export interface UnbondTxParameters {
  amountPlanck: bigint | number;
}
/** Controller: schedules part of the bond for release after the bonding duration (≤ 32 chunks). */
export function unbondTx(chain: DbcChain, params: UnbondTxParameters): Tx {
  return st(chain, 'unbond')(toPlanck('amountPlanck', params.amountPlanck));
}

/** Parameters of {@link withdrawUnbondedTx}. */
export interface WithdrawUnbondedTxParameters {
  /** The stash's slashing spans (0 unless it was slashed). */
  numSlashingSpans?: number;
}
/** Controller: unlocks the chunks whose era has come. */
export function withdrawUnbondedTx(chain: DbcChain, params: WithdrawUnbondedTxParameters = {}): Tx {
  return st(chain, 'withdrawUnbonded')(toInteger('numSlashingSpans', params.numSlashingSpans ?? 0));
}

/** Parameters of {@link rebondTx}. */
export interface RebondTxParameters {
  amountPlanck: bigint | number;
}
/** Controller: moves unlocking funds back into the active bond. */
export function rebondTx(chain: DbcChain, params: RebondTxParameters): Tx {
  return st(chain, 'rebond')(toPlanck('amountPlanck', params.amountPlanck));
}

/** Parameters of {@link validateTx}. */
export interface ValidateTxParameters {
  /** Parts per billion: 100_000_000 = 10 %. */
  commissionPerbill: number;
  blocked?: boolean;
}
/** Controller: declares the stash a validator candidate (a "super node"). */
export function validateTx(chain: DbcChain, params: ValidateTxParameters): Tx {
  return st(chain, 'validate')({
    commission: toInteger('commissionPerbill', params.commissionPerbill, { max: 1_000_000_000 }),
    blocked: toBool('blocked', params.blocked ?? false),
  });
}

/** Parameters of {@link nominateTx}. */
export interface NominateTxParameters {
  /** 1–16 validator stashes. */
  targets: string[];
}
/** Controller: backs validators with the stash's bond. */
export function nominateTx(chain: DbcChain, params: NominateTxParameters): Tx {
  if (!Array.isArray(params.targets) || params.targets.length === 0 || params.targets.length > MAX_NOMINATIONS) {
    throw new DbcInputError('INVALID_TARGETS', `Nominate between 1 and ${MAX_NOMINATIONS} validators.`, {
      details: { count: Array.isArray(params.targets) ? params.targets.length : null },
    });
  }
  return st(chain, 'nominate')(params.targets.map((t) => ({ Id: toDbcAddress(t) })));
}

/** Controller: stops validating or nominating (the bond stays). */
export function chillTx(chain: DbcChain): Tx {
  return st(chain, 'chill')();
}

/** Parameters of {@link payoutStakersTx}. */
export interface PayoutStakersTxParameters {
  validator: string;
  /** An ended era within the last 84. */
  era: number;
}
/** Anyone: pays a validator and its nominators their rewards for an era. */
export function payoutStakersTx(chain: DbcChain, params: PayoutStakersTxParameters): Tx {
  return st(chain, 'payoutStakers')(toDbcAddress(params.validator), toEra(params.era));
}

/** Parameters of {@link setPayeeTx}. */
export interface SetPayeeTxParameters {
  payee: RewardDestination;
}
/** Controller: changes where rewards go. */
export function setPayeeTx(chain: DbcChain, params: SetPayeeTxParameters): Tx {
  return st(chain, 'setPayee')(rewardDestinationToChain(toPayee(params.payee)));
}
