import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';

/** The dev accounts every Substrate dev chain has, funded at genesis. */
export const DEV_ACCOUNT_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'] as const;

export interface DevAccount {
  name: string;
  uri: string;
  address: string;
}

/** Derives `//Name` sr25519 accounts (call after cryptoWaitReady). */
export function devAccounts(names: readonly string[] = DEV_ACCOUNT_NAMES): Array<DevAccount & { pair: KeyringPair }> {
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  return names.map((name) => {
    const pair = keyring.addFromUri(`//${name}`);
    return { name, uri: `//${name}`, address: pair.address, pair };
  });
}
