import { decodeAddress, encodeAddress, checkAddress } from '@polkadot/util-crypto';
import { DbcInputError } from '../errors/families.js';
import { DBC_SS58_PREFIX } from './ids.js';

/** True for a valid SS58 address with DBC's prefix (42). */
export function isDbcAddress(value: unknown): value is string {
  return typeof value === 'string' && checkAddress(value, DBC_SS58_PREFIX)[0];
}

/**
 * Validates an account address and returns it in DBC's format (prefix 42). An address of another
 * network (valid SS58, other prefix) is refused with a message that shows its DBC form, since
 * sending to it by mistake is the common error on money paths.
 */
export function toDbcAddress(value: string): string {
  let pub: Uint8Array;
  try {
    pub = decodeAddress(value);
  } catch (cause) {
    throw new DbcInputError('INVALID_ADDRESS', `"${String(value)}" is not a valid SS58 account address.`, {
      cause,
      details: { address: String(value) },
    });
  }
  if (pub.length !== 32) {
    throw new DbcInputError('INVALID_ADDRESS', `"${value}" is not a 32-byte account address.`, { details: { address: value } });
  }
  const [ok] = checkAddress(value, DBC_SS58_PREFIX);
  if (!ok && !/^0x[0-9a-f]{64}$/i.test(value)) {
    const dbcForm = encodeAddress(pub, DBC_SS58_PREFIX);
    throw new DbcInputError('ADDRESS_WRONG_NETWORK', `"${value}" is an address of another network; on DBC this account is ${dbcForm}.`, {
      details: { address: value, dbcAddress: dbcForm },
    });
  }
  return encodeAddress(pub, DBC_SS58_PREFIX);
}
