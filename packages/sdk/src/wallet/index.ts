/**
 * The wallet: balances, transfers, fee estimates and the accounts a user can sign with.
 *
 * @module
 */
import type { ClientContext } from '../client/context.js';
import { memoizeLoad } from '../client/memoizeLoad.js';
import type { EstimateFeeParameters, EstimateFeeReturnType } from './estimateFee.js';
import type { GetBalanceReturnType } from './getBalance.js';
import type { ListAccountsParameters, ListAccountsReturnType } from './listAccounts.js';
import type { TransferParameters, TransferReturnType } from './transfer.js';
import type { CallOptions, TxCallOptions } from './types.js';

export type { Amount, CallOptions, TxCallOptions, TxProgress, TxReceipt } from './types.js';
export type { GetBalanceReturnType } from './getBalance.js';
export type { TransferParameters, TransferReturnType } from './transfer.js';
export type { EstimateFeeParameters, EstimateFeeReturnType } from './estimateFee.js';
export type { ListAccountsParameters, ListAccountsReturnType, WalletAccount } from './listAccounts.js';
export type { AmountInput } from './internal/amounts.js';

/** `client.wallet`: balances and transfers of DBC. */
export interface WalletResource {
  /** Free, reserved, locked, transferable and total balance of `address` (default: the signer's). */
  balance(address?: string, options?: CallOptions): Promise<GetBalanceReturnType>;
  /**
   * Sends DBC from the signer after checking the address, the amount and the balance (fee
   * included); with `idempotencyKey` a retry never sends twice.
   */
  transfer(params: TransferParameters, options?: TxCallOptions): Promise<TransferReturnType>;
  /** The estimated fee of a transfer, without sending it. */
  estimateFee(params: EstimateFeeParameters, options?: CallOptions): Promise<EstimateFeeReturnType>;
  /** The signer's account and, in browsers, the wallet extensions' accounts. */
  accounts(params?: ListAccountsParameters, options?: CallOptions): Promise<ListAccountsReturnType>;
}

/**
 * Creates `client.wallet` over a client context. Idempotency records go to the context's
 * `idempotencyStore` (in memory by default: use a durable one on servers).
 *
 * The wallet code is loaded by the first call, through a dynamic import that bundlers split into a
 * lazy chunk; the resource and its state (idempotency store, key locks) are created once, then.
 */
export function createWalletResource(ctx: ClientContext): WalletResource {
  const impl = memoizeLoad(() => import('./walletResource.js').then((m) => m.walletResource(ctx)));
  return {
    balance: async (address, options) => (await impl()).balance(address, options),
    transfer: async (params, options) => (await impl()).transfer(params, options),
    estimateFee: async (params, options) => (await impl()).estimateFee(params, options),
    accounts: async (params, options) => (await impl()).accounts(params, options),
  };
}
