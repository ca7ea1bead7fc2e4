/**
 * Super nodes (DBC's validators): browse them, bond DBC, run one or nominate, and collect rewards.
 *
 * @module
 */
import type { ClientContext } from '../client/context.js';
import { memoizeLoad } from '../client/memoizeLoad.js';
import type { CallOptions, TxCallOptions } from '../wallet/types.js';
import type { BondParameters, BondReturnType } from './bond.js';
import type { BondExtraParameters, BondExtraReturnType } from './bondExtra.js';
import type { ChillReturnType } from './chill.js';
import type { ListSuperNodesReturnType } from './listSuperNodes.js';
import type { NominateReturnType } from './nominate.js';
import type { PayoutParameters, PayoutReturnType } from './payout.js';
import type { PendingRewardsReturnType } from './pendingRewards.js';
import type { UnbondParameters, UnbondReturnType } from './unbond.js';
import type { ValidateParameters, ValidateReturnType } from './validate.js';
import type { WithdrawReturnType } from './withdraw.js';

export { MAX_NOMINATIONS } from './limits.js';
export type { SuperNode, ListSuperNodesReturnType } from './listSuperNodes.js';
export type { BondParameters, BondReturnType, RewardPayee } from './bond.js';
export type { BondExtraParameters, BondExtraReturnType } from './bondExtra.js';
export type { ValidateParameters, ValidateReturnType } from './validate.js';
export type { NominateReturnType } from './nominate.js';
export type { ChillReturnType } from './chill.js';
export type { UnbondParameters, UnbondReturnType } from './unbond.js';
export type { WithdrawReturnType } from './withdraw.js';
export type { PayoutParameters, PayoutReturnType } from './payout.js';
export type { PendingReward, PendingRewardsReturnType } from './pendingRewards.js';

/** `client.superNodes`: staking with DBC's validators. Each call acts for the configured signer's stash. */
export interface SuperNodesResource {
  /** Every super node with commission, stake, nominators, last-era points and estimated APY. */
  list(options?: CallOptions): Promise<ListSuperNodesReturnType>;
  /** Bonds (locks) DBC for staking. */
  bond(params: BondParameters, options?: TxCallOptions): Promise<BondReturnType>;
  /** Adds DBC to an existing bond. */
  bondExtra(params: BondExtraParameters, options?: TxCallOptions): Promise<BondExtraReturnType>;
  /** Runs the stash as a super node with a commission. */
  validate(params: ValidateParameters, options?: TxCallOptions): Promise<ValidateReturnType>;
  /** Backs 1–16 super nodes with the bond. */
  nominate(targets: string[], options?: TxCallOptions): Promise<NominateReturnType>;
  /** Stops validating or nominating (the bond stays). */
  chill(options?: TxCallOptions): Promise<ChillReturnType>;
  /** Schedules part of the bond for release after 14 eras. */
  unbond(params: UnbondParameters, options?: TxCallOptions): Promise<UnbondReturnType>;
  /** Releases unbonded DBC whose 14 eras have passed. */
  withdraw(options?: TxCallOptions): Promise<WithdrawReturnType>;
  /** Pays a super node and its nominators for an ended era. */
  payout(params: PayoutParameters, options?: TxCallOptions): Promise<PayoutReturnType>;
  /** Unpaid eras of a stash with estimated amounts. */
  pendingRewards(stash: string, options?: CallOptions): Promise<PendingRewardsReturnType>;
}

/**
 * Creates `client.superNodes` over a client context. The staking code is loaded by the first call,
 * through a dynamic import that bundlers split into a lazy chunk.
 */
export function createSuperNodesResource(ctx: ClientContext): SuperNodesResource {
  const impl = memoizeLoad(() => import('./superNodesResource.js').then((m) => m.superNodesResource(ctx)));
  return {
    list: async (options) => (await impl()).list(options),
    bond: async (params, options) => (await impl()).bond(params, options),
    bondExtra: async (params, options) => (await impl()).bondExtra(params, options),
    validate: async (params, options) => (await impl()).validate(params, options),
    nominate: async (targets, options) => (await impl()).nominate(targets, options),
    chill: async (options) => (await impl()).chill(options),
    unbond: async (params, options) => (await impl()).unbond(params, options),
    withdraw: async (options) => (await impl()).withdraw(options),
    payout: async (params, options) => (await impl()).payout(params, options),
    pendingRewards: async (stash, options) => (await impl()).pendingRewards(stash, options),
  };
}
