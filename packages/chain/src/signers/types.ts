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
   * nonces and session ids. Returns 0x-hex. Browser extensions wrap what they sign in `<Bytes>…</Bytes>`,
   * which real client nodes reject; the SDK's proxy accepts both forms.
   */
  signMessage(message: string): Promise<`0x${string}`>;
  /** Where the key lives, for UIs and logs (never the key). */
  readonly source: 'keyring' | 'extension' | 'custom';
}
