// The implementation behind `createSuperNodesResource` (./index.ts), which imports this module on
// first use: staking stays out of the bundle of an app that only browses and quotes.
import type { ClientContext } from '../client/context.js';
import { bond } from './bond.js';
import { bondExtra } from './bondExtra.js';
import { chill } from './chill.js';
import type { SuperNodesResource } from './index.js';
import { listSuperNodes } from './listSuperNodes.js';
import { nominate } from './nominate.js';
import { payout } from './payout.js';
import { pendingRewards } from './pendingRewards.js';
import { unbond } from './unbond.js';
import { validate } from './validate.js';
import { withdraw } from './withdraw.js';

/** `client.superNodes` over a client context. */
export function superNodesResource(ctx: ClientContext): SuperNodesResource {
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
