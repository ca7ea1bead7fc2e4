import { badOrigin } from '../chain/errors.js';
import { TREASURY_ACCOUNT, type CallContext, type PalletLogic, type Runtime } from '../chain/runtime.js';
import type { Js } from '../chain/codec.js';

/**
 * generic_func (pallets/generic-func/src/lib.rs): the fixed fee DBC charges on rent/bond calls,
 * donations to the treasury and DBC burning. Also home of the `Currency` trait semantics
 * (pallet_balances v0.9.43) that the DBC pallets rely on and that differ from the devnet's
 * transaction-level balance helpers.
 */

const ensureRoot = (ctx: CallContext) => {
  if (ctx.origin !== 'root') throw badOrigin();
};

/** Call arguments arrive as JS values from extrinsics, or as JSON numbers/strings from the admin RPC. */
export const toBig = (v: Js | undefined): bigint => BigInt(typeof v === 'bigint' ? v : String(v ?? 0));

export const freeBalance = (rt: Runtime, who: string): bigint => rt.account(who).data.free;

/**
 * Currency::can_reserve: the free balance must stay at or above the frozen amount after reserving
 * (`ensure_can_withdraw` with WithdrawReasons::RESERVE).
 */
export function canReserve(rt: Runtime, who: string, amount: bigint): boolean {
  if (amount === 0n) return true;
  const { free, frozen } = rt.account(who).data;
  return free >= amount && free - amount >= frozen;
}

/** Currency::transfer: zero amounts and self-transfers are no-ops without an event. */
export function currencyTransfer(rt: Runtime, from: string, to: string, amount: bigint): void {
  if (amount === 0n || from === to) return;
  rt.transfer(from, to, amount);
}

/**
 * Currency::slash (free balance only; locks are ignored) resolved by the runtime's OnUnbalanced
 * for GenericFunc (the treasury): Balances.Slashed, then Balances.Deposit into the treasury.
 */
function slashToTreasury(rt: Runtime, who: string, amount: bigint): void {
  const info = rt.account(who);
  if (amount === 0n || info.data.free + info.data.reserved === 0n) return;
  const actual = amount < info.data.free ? amount : info.data.free;
  info.data.free -= actual;
  rt.storage('System', 'Account').set(who, info);
  rt.deposit('Balances', 'Slashed', [who, actual]);
  rt.depositInto(TREASURY_ACCOUNT, actual);
}

/**
 * generic_func::pay_fixed_tx_fee: slashes FixedTxFee from `who` into the treasury. Returns false
 * (Err(())) when the fee is unset or the free balance is short; callers map that to their own
 * PayTxFeeFailed.
 */
export function payFixedTxFee(rt: Runtime, who: string): boolean {
  const fee = rt.storage<bigint>('GenericFunc', 'FixedTxFee').get();
  if (fee === null) return false;
  if (freeBalance(rt, who) < fee) return false;
  slashToTreasury(rt, who, fee);
  rt.deposit('GenericFunc', 'TxFeeToTreasury', [who, fee]);
  return true;
}

/** generic_func::do_destroy_dbc: burns up to `amount`, always leaving FixedTxFee behind. */
function doDestroyDbc(rt: Runtime, who: string, amount: bigint): void {
  const free = freeBalance(rt, who);
  const fixed = rt.storage<bigint>('GenericFunc', 'FixedTxFee').get();
  if (fixed === null) throw rt.error('GenericFunc', 'UnknownFixedTxFee');
  if (free <= fixed) return;
  const max = free - fixed;
  const burn = max > amount ? amount : max;
  // make_free_balance_be + burn: the account shrinks and so does the total issuance.
  const info = rt.account(who);
  info.data.free = free - burn;
  rt.storage('System', 'Account').set(who, info);
  rt.deposit('Balances', 'BalanceSet', [who, info.data.free]);
  rt.storage<bigint>('Balances', 'TotalIssuance').mutate((v) => (v > burn ? v - burn : 0n));
  rt.storage<bigint>('GenericFunc', 'TotalDestroy').mutate(who, (v) => v + burn);
  rt.deposit('GenericFunc', 'DestroyDBC', [who, burn]);
}

export const genericFuncLogic: PalletLogic = {
  name: 'GenericFunc',
  calls: {
    set_fixed_tx_fee: (ctx, args) => {
      ensureRoot(ctx);
      ctx.rt.storage('GenericFunc', 'FixedTxFee').set(toBig(args.txFee));
    },
    deposit_into_treasury: (ctx, args) => {
      const who = ctx.who;
      const amount = toBig(args.amount);
      // Currency::can_slash compares against the free balance.
      if (amount > 0n && freeBalance(ctx.rt, who) < amount)
        throw ctx.rt.error('GenericFunc', 'FreeBalanceNotEnough');
      slashToTreasury(ctx.rt, who, amount);
      ctx.rt.deposit('GenericFunc', 'DonateToTreasury', [who, amount]);
    },
    set_auto_destroy: (ctx, args) => {
      ensureRoot(ctx);
      const frequency = Number(args.frequency);
      if (frequency === 0) ctx.rt.storage('GenericFunc', 'DestroyHook').remove();
      else ctx.rt.storage('GenericFunc', 'DestroyHook').set([args.who, frequency]);
    },
    destroy_free_dbc: (ctx, args) => doDestroyDbc(ctx.rt, ctx.who, toBig(args.amount)),
    force_destroy_free_dbc: (ctx, args) => {
      ensureRoot(ctx);
      doDestroyDbc(ctx.rt, String(args.who), toBig(args.amount));
    },
  },
  // on_initialize: the auto-destroy hook burns the configured account's free balance every
  // `frequency` blocks.
  onInitialize(rt, block) {
    const hook = rt.storage<[string, number]>('GenericFunc', 'DestroyHook').get();
    if (!hook || hook[1] === 0 || block % hook[1] !== 0) return;
    try {
      doDestroyDbc(rt, hook[0], freeBalance(rt, hook[0]));
    } catch {
      // auto_destroy discards the result (`let _ =`).
    }
  },
};
