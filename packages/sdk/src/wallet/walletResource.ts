// The implementation behind `createWalletResource` (./index.ts), which imports this module on
// first use: transfers, fee estimates and transaction sending stay out of the bundle of an app that
// only browses and quotes.
import type { ClientContext } from '../client/context.js';
import { memoryIdempotencyStore } from '../idempotency/records.js';
import { estimateFee } from './estimateFee.js';
import { getBalance } from './getBalance.js';
import type { WalletResource } from './index.js';
import { listAccounts } from './listAccounts.js';
import { transfer, type WalletState } from './transfer.js';

/** `client.wallet` with its state (idempotency store, key locks), built once per resource. */
export function walletResource(ctx: ClientContext): WalletResource {
  const state: WalletState = { store: ctx.config.idempotencyStore ?? memoryIdempotencyStore(), locks: new Map() };
  return {
    balance: (address, options) => getBalance(ctx, address, options),
    transfer: (params, options) => transfer(ctx, state, params, options),
    estimateFee: (params, options) => estimateFee(ctx, params, options),
    accounts: (params, options) => listAccounts(ctx, params, options),
  };
}
