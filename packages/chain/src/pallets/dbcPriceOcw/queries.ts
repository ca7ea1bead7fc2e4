/** Reads of DBCPriceOCW: the DBC price the chain converts USD prices with. */
import type { DbcChain } from '../../client/connect.js';
import { items, num, option } from '../../utils/codec.js';
import { DBC_PRICE_OCW_SECTIONS, read, storageEntry, type ReadOptions } from '../../utils/read.js';

/** USD × 10^6 per DBC (1,500 = $0.0015), or null before 64 price samples. */
export type GetDbcAvgPriceReturnType = number | null;

/**
 * The average DBC price rents are converted at (`dbcPriceOCW.avgPrice`, the mean of the last 64
 * samples). Null means rents fail with Overflow until the oracle has 64 samples.
 */
export async function getDbcAvgPrice(chain: DbcChain, options: ReadOptions = {}): Promise<GetDbcAvgPriceReturnType> {
  return read(chain, options, 'DBC average price', async (api) => {
    const v = option(await storageEntry(api, DBC_PRICE_OCW_SECTIONS, 'avgPrice')());
    return v ? num(v) : null;
  });
}

/** The last price samples, oldest first, USD × 10^6 per DBC. */
export type GetDbcPriceSamplesReturnType = number[];

/** The oracle's recent samples (`dbcPriceOCW.prices`, up to 64). */
export async function getDbcPriceSamples(chain: DbcChain, options: ReadOptions = {}): Promise<GetDbcPriceSamplesReturnType> {
  return read(chain, options, 'DBC price samples', async (api) => items(await storageEntry(api, DBC_PRICE_OCW_SECTIONS, 'prices')()).map(num));
}
