import type { ClientContext } from '../client/context.js';
import { amountOf } from './internal/amounts.js';
import { startDeadline } from './internal/deadline.js';
import type { Amount, CallOptions } from './types.js';

/** What `getBalance` resolves to. */
export interface GetBalanceReturnType {
  address: string;
  /** Free balance: spendable, plus whatever staking locks inside it. */
  free: Amount;
  /** Held by pallets: machine stake, rent fees awaiting confirmation. */
  reserved: Amount;
  /** Locked by staking (bonded DBC) or vesting; counted inside `free`. */
  locked: Amount;
  /** What can be sent now: free minus the part of the locks that reserves do not cover. */
  transferable: Amount;
  /** free + reserved. */
  total: Amount;
}

/**
 * An account's balance; without an address, the configured signer's.
 *
 * @example
 * ```ts
 * const { transferable } = await client.wallet.balance();
 * console.log(`${transferable.dbc} DBC available`);
 * ```
 */
export async function getBalance(
  ctx: ClientContext,
  address?: string,
  options: CallOptions = {},
): Promise<GetBalanceReturnType> {
  const deadline = startDeadline('read the balance', options);
  const lib = await ctx.chainLib();
  const who = lib.toDbcAddress(address ?? ctx.signer('read your balance without an address').address);
  const chain = await deadline.race(ctx.chain(deadline.signal));
  const b = await lib.getBalance(chain, { address: who }, deadline.read());
  return {
    address: who,
    free: amountOf(lib, b.freePlanck),
    reserved: amountOf(lib, b.reservedPlanck),
    locked: amountOf(lib, b.frozenPlanck),
    transferable: amountOf(lib, b.transferablePlanck),
    total: amountOf(lib, b.totalPlanck),
  };
}
