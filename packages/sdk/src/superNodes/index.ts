/**
 * Super nodes (DBC's validators): browse them, bond DBC, run one or nominate, and collect rewards.
 *
 * @module
 */
import type { ClientContext } from '../client/context.js';
import type { CallOptions, TxCallOptions } from '../wallet/types.js';
import { bond, type BondParameters, type BondReturnType } from './bond.js';
import { bondExtra, type BondExtraParameters, type BondExtraReturnType } from './bondExtra.js';
import { chill, type ChillReturnType } from './chill.js';
import { listSuperNodes, type ListSuperNodesReturnType } from './listSuperNodes.js';
import { nominate, type NominateReturnType } from './nominate.js';
import { payout, type PayoutParameters, type PayoutReturnType } from './payout.js';
import { pendingRewards, type PendingRewardsReturnType } from './pendingRewards.js';
import { unbond, type UnbondParameters, type UnbondReturnType } from './unbond.js';
import { validate, type ValidateParameters, type ValidateReturnType } from './validate.js';
import { withdraw, type WithdrawReturnType } from './withdraw.js';

export { MAX_NOMINATIONS } from './nominate.js';
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

/** Creates `client.superNodes` over a client context. */
export function createSuperNodesResource(ctx: ClientContext): SuperNodesResource {
  return {
    list: (options) => listSuperNodes(ctx, options),
    bond: (params, options) => bond(ctx, params, options),
    bondExtra: (params, options) => bondExtra(ctx, params, options),
    validate: (params, options) => validate(ctx, params, options),
    nominate: (targets, options) => nominate(ctx, targets, options),
    chill: (options) => chill(ctx, options),
    unbond: (params, options) => unbond(ctx, params, options),
    withdraw: (options) => withdraw(ctx, options),
    payout: (params, options) => payout(ctx, params, options),
    pendingRewards: (stash, options) => pendingRewards(ctx, stash, options),
  };
}
