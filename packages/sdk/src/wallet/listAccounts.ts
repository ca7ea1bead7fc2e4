import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { startDeadline } from './internal/deadline.js';
import type { CallOptions } from './types.js';

/** Parameters of `listAccounts`. */
export interface ListAccountsParameters {
  /**
   * Also ask the browser's wallet extensions (polkadot{.js}, Talisman, SubWallet) for their accounts.
   * Default: only when no signer is configured and the code runs in a browser. The extension
   * shows the user a permission prompt the first time.
   */
  extensions?: boolean;
  /** The name the extension shows the user; default the partner name, else "dbc-cloud". */
  appName?: string;
}

/** An account the user can act with. */
export interface WalletAccount {
  address: string;
  name?: string;
  /** `signer` for the configured signer, otherwise the extension's id (e.g. `polkadot-js`). */
  source: string;
}

/** What `listAccounts` resolves to. */
export type ListAccountsReturnType = WalletAccount[];

/**
 * The accounts available to sign: the configured signer's, and in browsers the wallet
 * extensions' accounts (loaded only when this is called, so merely creating a client never
 * prompts the user).
 *
 * @example
 * ```ts
 * const [first] = await client.wallet.accounts({ appName: 'My GPU Cloud' });
 * ```
 */
export async function listAccounts(
  ctx: ClientContext,
  params: ListAccountsParameters = {},
  options: CallOptions = {},
): Promise<ListAccountsReturnType> {
  const deadline = startDeadline('list the wallet accounts', options);
  if (params.extensions !== undefined && typeof params.extensions !== 'boolean') {
    throw new DbcInputError(
      'INVALID_BOOLEAN',
      `extensions must be true or false; got ${String(params.extensions)}.`,
    );
  }
  if (params.appName !== undefined && (typeof params.appName !== 'string' || params.appName.trim() === '')) {
    throw new DbcInputError(
      'INVALID_APP_NAME',
      'appName must be a non-empty string, the name wallet extensions show the user.',
    );
  }
  const accounts: WalletAccount[] = [];
  if (ctx.config.signer) accounts.push({ address: ctx.config.signer.address, source: 'signer' });
  const inBrowser = typeof window !== 'undefined' && typeof document !== 'undefined';
  const askExtensions = params.extensions ?? (!ctx.config.signer && inBrowser);
  if (askExtensions) {
    const lib = await ctx.chainLib();
    const appName = params.appName?.trim() ?? ctx.config.partner?.name ?? 'dbc-cloud';
    for (const a of await deadline.race(lib.enableExtensions(appName))) {
      if (!accounts.some((x) => x.address === a.address))
        accounts.push({ address: a.address, name: a.name, source: a.source });
    }
  }
  return accounts;
}
