import { badOrigin, DispatchFailure } from '../chain/errors.js';
import type { CallContext, PalletLogic } from '../chain/runtime.js';
import type { Js } from '../chain/codec.js';

/** MultiAddress → SS58 (only the Id form is meaningful on DBC). */
export function lookupAddress(ctx: CallContext, dest: Js): string {
  if (typeof dest === 'string') return dest;
  if (dest && typeof dest === 'object' && 'Id' in dest) return dest.Id as string;
  void ctx;
  throw new DispatchFailure('CannotLookup', 'CannotLookup');
}

const ensureRoot = (ctx: CallContext) => {
  if (ctx.origin !== 'root') throw badOrigin();
};

const transfer = (ctx: CallContext, args: Record<string, Js>) => {
  const to = lookupAddress(ctx, args.dest!);
  ctx.rt.transfer(ctx.who, to, BigInt(args.value as bigint));
};

/** pallet_balances (polkadot-v0.9.43): transfers and root balance management. */
export const balancesLogic: PalletLogic = {
  name: 'Balances',
  calls: {
    transfer_allow_death: transfer,
    transfer_keep_alive: transfer,
    transfer: transfer,
    transfer_all: (ctx, args) => {
      const to = lookupAddress(ctx, args.dest!);
      ctx.rt.transfer(ctx.who, to, ctx.rt.usable(ctx.who));
    },
    force_transfer: (ctx, args) => {
      ensureRoot(ctx);
      const from = lookupAddress(ctx, args.source!);
      const to = lookupAddress(ctx, args.dest!);
      ctx.rt.transfer(from, to, BigInt(args.value as bigint));
    },
    force_set_balance: (ctx, args) => {
      ensureRoot(ctx);
      const who = lookupAddress(ctx, args.who!);
      const target = BigInt(args.newFree as bigint);
      const free = ctx.rt.account(who).data.free;
      if (target > free) ctx.rt.mint(who, target - free);
      else ctx.rt.withdraw(who, free - target);
      ctx.rt.deposit('Balances', 'BalanceSet', [who, target]);
    },
  },
};
