import type { Signer } from '@polkadot/types/types';
import { stringToHex } from '@polkadot/util';
import { DbcError } from '../errors/base.js';
import { DbcUnsupportedError } from '../errors/families.js';
import type { DbcSigner } from './types.js';

/** An account a browser wallet extension offers. */
export interface ExtensionAccount {
  address: string;
  name?: string;
  source: string;
}

/** Minimal shape of `@polkadot/extension-dapp`, loaded lazily so Node builds never pull it in. */
interface ExtensionDapp {
  web3Enable(appName: string): Promise<unknown[]>;
  web3Accounts(options?: { ss58Format?: number }): Promise<Array<{ address: string; meta: { name?: string; source: string } }>>;
  web3FromAddress(address: string): Promise<{ signer: Signer }>;
}

let dapp: Promise<ExtensionDapp> | null = null;
function loadDapp(): Promise<ExtensionDapp> {
  dapp ??= import('@polkadot/extension-dapp') as unknown as Promise<ExtensionDapp>;
  return dapp;
}

/**
 * Asks the browser's Polkadot extensions (polkadot.js, Talisman, SubWallet, …) for access under the
 * partner's app name and lists their accounts in DBC format. Throws when no extension is installed
 * or the user refused.
 */
export async function enableExtensions(appName: string): Promise<ExtensionAccount[]> {
  const d = await loadDapp();
  const extensions = await d.web3Enable(appName);
  if (extensions.length === 0) {
    throw new DbcError('WALLET_NOT_AVAILABLE', 'No Polkadot wallet extension is installed, or access was refused.', {
      metaMessages: ['Install the polkadot{.js} extension, Talisman or SubWallet, then allow this site.'],
    });
  }
  const accounts = await d.web3Accounts({ ss58Format: 42 });
  return accounts.map((a) => ({ address: a.address, name: a.meta.name, source: a.meta.source }));
}

/** A signer for one extension account; call `enableExtensions` first. */
export async function extensionSigner(address: string): Promise<DbcSigner> {
  const d = await loadDapp();
  const { signer } = await d.web3FromAddress(address);
  return {
    address,
    txSigner: { signer },
    source: 'extension',
    // polkadot-js, Talisman and SubWallet all sign u8aWrapBytes(data), which leaves wrapped data as is.
    wrapsMessages: true,
    async signMessage(message: string) {
      if (!signer.signRaw) throw new DbcUnsupportedError('SIGN_RAW_UNSUPPORTED', 'This wallet cannot sign messages.');
      const { signature } = await signer.signRaw({ address, data: stringToHex(message), type: 'bytes' });
      return signature as `0x${string}`;
    },
  };
}
