/** Reads of GenericFunc. */
import type { DbcChain } from '../../client/connect.js';
import { big, option } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';

/** Planck, or null when root has not set it (calls that charge it then fail). */
export type GetFixedTxFeeReturnType = bigint | null;

/**
 * The fixed fee (`genericFunc.fixedTxFee`, 10 DBC on mainnet) charged on top of the transaction
 * fee by rentMachine, bondMachine and genServerRoom, and never refunded.
 */
export async function getFixedTxFee(chain: DbcChain, options: ReadOptions = {}): Promise<GetFixedTxFeeReturnType> {
  return read(chain, options, 'fixed transaction fee', async (api) => {
    const v = option(await storageEntry(api, 'genericFunc', 'fixedTxFee')());
    return v ? big(v) : null;
  });
}
