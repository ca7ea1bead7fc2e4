import { hexToU8a, isHex, stringToU8a } from '@polkadot/util';
import {
  createKeyMulti,
  decodeAddress,
  ed25519Verify,
  encodeAddress,
  sr25519Verify,
} from '@polkadot/util-crypto';

const SS58_PREFIX = 42;

/**
 * Checks `signature` over the raw UTF-8 bytes of `message` (util::verify_sign).
 *
 * `signatureVerify` from util-crypto is deliberately not used: it also accepts signatures
 * over `<Bytes>message</Bytes>` (what browser extensions' signRaw produce), which the real
 * node rejects, so a devnet pass would hide a production failure.
 */
export function verifyWalletSignature(message: string, signature: string, wallet: string): boolean {
  const signatureHex = signature.startsWith('0x') ? signature : `0x${signature}`;
  if (!isHex(signatureHex) || signatureHex.length !== 2 + 128) return false;
  let publicKey: Uint8Array;
  try {
    publicKey = decodeAddress(wallet);
  } catch {
    return false;
  }
  const messageBytes = stringToU8a(message);
  const signatureBytes = hexToU8a(signatureHex);
  for (const verify of [sr25519Verify, ed25519Verify]) {
    try {
      if (verify(messageBytes, signatureBytes, publicKey)) return true;
    } catch {
      // A key that is not a valid point for this scheme simply fails to verify.
    }
  }
  return false;
}

/** The multisig account of `wallets` at `threshold`, as the node derives it (`create_multisig_account`). */
export function deriveMultisigAddress(wallets: string[], threshold: number): string | null {
  try {
    return encodeAddress(createKeyMulti(wallets, threshold), SS58_PREFIX);
  } catch {
    return null;
  }
}
