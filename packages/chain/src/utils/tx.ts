import type { SubmittableExtrinsicFunction } from '@polkadot/api/types';
import type { DbcChain } from '../client/connect.js';
import { DbcUnsupportedError } from '../errors/index.js';

type TxSections = Record<string, Record<string, SubmittableExtrinsicFunction<'promise'>> | undefined>;

/** A call by the names polkadot.js decorates (`rentMachine`, `rentMachine`), or DbcUnsupportedError. */
export function txMethod(chain: DbcChain, section: string, method: string): SubmittableExtrinsicFunction<'promise'> {
  const fn = (chain.api.tx as unknown as TxSections)[section]?.[method];
  if (!fn) {
    throw new DbcUnsupportedError('CALL_UNSUPPORTED', `This chain has no ${section}.${method} call; is it a DBC node of spec 411 or later?`, {
      details: { section, method },
    });
  }
  return fn;
}
