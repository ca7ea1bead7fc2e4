import type { DbcChain } from '../../client/connect.js';
import { option } from '../../utils/codec.js';
import { queryStorage, storageEntry, type ChainApi } from '../../utils/read.js';
import { decodeRentOrder } from './decode.js';
import type { RentOrder } from './types.js';

/** Orders by id in one request; ids whose order is gone are left out. */
export async function rentOrdersByIds(
  chain: DbcChain,
  api: ChainApi,
  blockHash: `0x${string}` | undefined,
  entry: { section: string; item: string },
  rentIds: number[],
): Promise<RentOrder[]> {
  const orders = storageEntry(api, entry.section, entry.item);
  const values = await queryStorage(chain, rentIds.map((id) => [orders, id] as const), blockHash);
  return values.flatMap((v, i) => {
    const order = option(v);
    return order ? [decodeRentOrder(rentIds[i]!, order)] : [];
  });
}
