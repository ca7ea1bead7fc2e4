import { badOrigin } from '../chain/errors.js';
import type { CallContext, PalletLogic, Runtime } from '../chain/runtime.js';
import { toBig } from './genericFunc.js';

/**
 * dbc_price_ocw (pallets/dbc-price-ocw/src/lib.rs). Mainnet feeds prices from an offchain worker
 * through `submit_price_unsigned`; the devnet has no offchain worker, so prices come from root.
 */

/** Prices kept for the average (MAX_LEN). */
export const MAX_LEN = 64;
const ONE_DBC = 10n ** 15n;
const U64_MAX = 2n ** 64n - 1n;

/**
 * DbcPrice::get_dbc_amount_by_value: USD×1e6 → planck at AvgPrice (USD×1e6 per DBC).
 * None (null) when AvgPrice is unset or zero; callers turn that into their Overflow error.
 */
export function dbcAmountByValue(rt: Runtime, value: bigint): bigint | null {
  const avg = rt.storage<bigint>('DBCPriceOCW', 'AvgPrice').get();
  if (avg === null || avg === 0n) return null;
  return (value * ONE_DBC) / avg;
}

/** add_price + add_avg_price: a ring of the last 64 prices, averaged only once it is full. */
function submitPrice(rt: Runtime, price: bigint): void {
  const prices = rt.storage<bigint[]>('DBCPriceOCW', 'Prices');
  const list = prices.get() ?? [];
  if (list.length >= MAX_LEN) list.shift();
  list.push(price);
  prices.set(list);
  rt.deposit('DBCPriceOCW', 'AddNewPrice', [price]);

  if (list.length !== MAX_LEN) return;
  let sum = 0n;
  for (const p of list) sum = sum + BigInt(p) > U64_MAX ? U64_MAX : sum + BigInt(p);
  const avg = sum / BigInt(list.length);
  rt.storage('DBCPriceOCW', 'AvgPrice').set(avg);
  rt.deposit('DBCPriceOCW', 'AddAvgPrice', [avg]);
}

const ensureRoot = (ctx: CallContext) => {
  if (ctx.origin !== 'root') throw badOrigin();
};

export const dbcPriceOcwLogic: PalletLogic = {
  name: 'DBCPriceOCW',
  calls: {
    submit_price_unsigned: (ctx, args) => {
      if (ctx.origin !== 'none') throw badOrigin();
      submitPrice(ctx.rt, toBig(args.price));
    },
    submit_price_by_root: (ctx, args) => {
      ensureRoot(ctx);
      submitPrice(ctx.rt, toBig(args.price));
    },
    add_price_url: (ctx, args) => {
      ensureRoot(ctx);
      const urls = ctx.rt.storage<string[]>('DBCPriceOCW', 'PriceURL');
      urls.set([...(urls.get() ?? []), args.newUrl]);
    },
    set_price_update_frequency: (ctx, args) => {
      ensureRoot(ctx);
      const frequency = Number(args.frequency);
      if (frequency === 0) return;
      ctx.rt.storage('DBCPriceOCW', 'PriceUpdateFrequency').set(frequency);
    },
    rm_price_url_by_index: (ctx, args) => {
      ensureRoot(ctx);
      const urls = ctx.rt.storage<string[]>('DBCPriceOCW', 'PriceURL');
      const list = urls.get() ?? [];
      const index = Number(args.index);
      if (index >= list.length) throw ctx.rt.error('DBCPriceOCW', 'IndexOutOfRange');
      list.splice(index, 1);
      if (list.length === 0) urls.remove();
      else urls.set(list);
    },
  },
};
