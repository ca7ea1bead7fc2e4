import type { KeyringPair } from '@polkadot/keyring/types';
import type { Signer } from '@polkadot/types/types';

/**
 * Anything that can sign for one DBC account: a Node keyring pair, a browser extension account,
 * or your own implementation (HSM, custody service). Private keys never leave it.
 */
export interface DbcSigner {
  /** SS58 address (prefix 42). */
  readonly address: string;
  /** How polkadot.js signs transactions: a KeyringPair, or an injected `Signer` for `address`. */
  readonly txSigner: { pair: KeyringPair } | { signer: Signer };
  /**
   * Signs the raw UTF-8 bytes of `message` (no `<Bytes>` wrapper), as the DBC client node verifies
   * nonces and session ids. Returns 0x-hex. Browser extensions wrap what they sign in `<Bytes>…</Bytes>`
   * (see `wrapsMessages`).
   */
  signMessage(message: string): Promise<`0x${string}`>;
  /**
   * True when `signMessage` signs `<Bytes>message</Bytes>` rather than the message itself, as every
   * browser extension's `signRaw` does, while a message that is already wrapped is signed unchanged.
   * Client nodes verify raw bytes only, so for such signers the SDK makes its client-node nonces
   * `<Bytes>…</Bytes>` strings itself: the signature is then over the nonce's exact bytes.
   */
  readonly wrapsMessages?: boolean;
  /** Where the key lives, for UIs and logs (never the key). */
  readonly source: 'keyring' | 'extension' | 'custom';
}
