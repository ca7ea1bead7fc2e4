import type { DbcChain } from '../../client/connect.js';
import { toDbcAddress } from '../../units/address.js';
import { big, field, fieldIfAny, num, type Value } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';
import type { AccountBalance } from './types.js';

/** Parameters of {@link getBalance}. */
export interface GetBalanceParameters {
  address: string;
}
/** What {@link getBalance} resolves to. */
export type GetBalanceReturnType = AccountBalance;

/**
 * An account's free, reserved, frozen and transferable balance (`system.account`).
 * Transferable follows pallet_balances' `reducible_balance` with DBC's existential deposit of 0:
 * free − max(0, frozen − reserved).
 *
 * @example
 * ```ts
 * const { transferablePlanck } = await getBalance(chain, { address });
 * console.log(formatDbc(transferablePlanck, { symbol: true }));
 * ```
 */
export async function getBalance(chain: DbcChain, params: GetBalanceParameters, options: ReadOptions = {}): Promise<GetBalanceReturnType> {
  const who = toDbcAddress(params.address);
  return read(chain, options, `balance of ${who}`, async (api) => {
    const account = await storageEntry(api, 'system', 'account')(who);
    const data = field(account, 'data');
    const free = big(field(data, 'free'));
    const reserved = big(field(data, 'reserved'));
    const frozen = frozenOf(data);
    const untouchable = frozen > reserved ? frozen - reserved : 0n;
    return {
      freePlanck: free,
      reservedPlanck: reserved,
      frozenPlanck: frozen,
      transferablePlanck: free > untouchable ? free - untouchable : 0n,
      totalPlanck: free + reserved,
      nonce: num(field(account, 'nonce')),
    };
  });
}

/** `frozen` since the fungible-traits balances; `max(miscFrozen, feeFrozen)` before them. */
function frozenOf(data: Value): bigint {
  const frozen = fieldIfAny(data, 'frozen');
  if (frozen !== undefined) return big(frozen);
  const misc = big(field(data, 'miscFrozen'));
  const fee = big(field(data, 'feeFrozen'));
  return misc > fee ? misc : fee;
}
