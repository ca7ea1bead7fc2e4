import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady, mnemonicValidate } from '@polkadot/util-crypto';
import { DbcInputError } from '../errors/families.js';
import type { DbcSigner } from './types.js';

/** Options of `keyringSigner`. */
export interface KeyringSignerOptions {
  /** Key type (default sr25519, as DBC wallets use). */
  type?: 'sr25519' | 'ed25519';
}

/**
 * A signer from a secret URI (`//Alice`, a 12/24-word mnemonic, optionally with `//derivation`)
 * for Node scripts and servers. The secret is used once to derive the key and is never kept,
 * logged or put into an error.
 *
 * @example const alice = await keyringSigner('//Alice');
 */
export async function keyringSigner(secretUri: string, options: KeyringSignerOptions = {}): Promise<DbcSigner> {
  await cryptoWaitReady();
  if (typeof secretUri !== 'string' || secretUri.trim() === '') {
    throw new DbcInputError('INVALID_SECRET', 'No secret was given; pass a mnemonic or a secret URI such as //Alice.');
  }
  const phrase = secretUri.split('//')[0]!.split('///')[0]!.trim();
  if (phrase.includes(' ') && !mnemonicValidate(phrase)) {
    throw new DbcInputError('INVALID_SECRET', 'The mnemonic is not valid (wrong word or checksum).');
  }
  let pair: KeyringPair;
  try {
    pair = new Keyring({ type: options.type ?? 'sr25519', ss58Format: 42 }).addFromUri(secretUri);
  } catch {
    // The original message can echo the secret; it is deliberately not attached as the cause.
    throw new DbcInputError('INVALID_SECRET', 'The secret could not be read as a mnemonic, hex seed or secret URI.');
  }
  return pairSigner(pair);
}

/** Wraps an existing KeyringPair (e.g. from your own keystore). */
export function pairSigner(pair: KeyringPair): DbcSigner {
  return {
    address: pair.address,
    txSigner: { pair },
    source: 'keyring',
    async signMessage(message: string) {
      return u8aToHex(pair.sign(stringToU8a(message)));
    },
  };
}
