import { hexToU8a, isHex, stringToU8a, u8aWrapBytes } from '@polkadot/util';
import { decodeAddress, ed25519Verify, sr25519Verify } from '@polkadot/util-crypto';

/**
 * What a wallet signed: `raw` (the message's UTF-8 bytes, which client nodes accept) or `wrapped`
 * (`<Bytes>message</Bytes>`, what browser extensions' signRaw produces, which client nodes reject).
 */
export type SignatureForm = 'raw' | 'wrapped';

/**
 * Verifies an sr25519 or ed25519 signature of `wallet` over `message`, in either form, and says which
 * form it was; null when it does not verify. `signatureVerify` from util-crypto is not used because it
 * hides which form matched, and the proxy must know: only raw signatures can be forwarded.
 */
export function verifyWalletSignature(
  message: string,
  signature: string,
  wallet: string,
): SignatureForm | null {
  const hex = signature.startsWith('0x') ? signature : `0x${signature}`;
  if (!isHex(hex) || hex.length !== 2 + 128) return null;
  let publicKey: Uint8Array;
  try {
    publicKey = decodeAddress(wallet);
  } catch {
    return null;
  }
  if (publicKey.length !== 32) return null;
  const sig = hexToU8a(hex);
  const raw = stringToU8a(message);
  const forms: Array<[SignatureForm, Uint8Array]> = [
    ['raw', raw],
    ['wrapped', u8aWrapBytes(raw)],
  ];
  for (const [form, bytes] of forms) {
    for (const verify of [sr25519Verify, ed25519Verify]) {
      try {
        if (verify(bytes, sig, publicKey)) return form;
      } catch {
        // A key that is not a valid point for this scheme simply does not verify.
      }
    }
  }
  return null;
}
