/**
 * @dbc-cloud/sdk — the DeepBrainChain GPU cloud SDK: find a GPU machine, price it with your own
 * markup and term discounts, rent it safely, get a VM with SSH/Jupyter, extend it and end it.
 *
 * @example
 * ```ts
 * import { createDbcClient } from '@dbc-cloud/sdk';
 * const dbc = createDbcClient({ network: 'devnet', signer });
 * ```
 * @packageDocumentation
 */
export { createDbcClient, type DbcClient } from './client/createDbcClient.js';
export type { DbcClientConfig, NetworkConfig, ResolvedNetwork } from './client/config.js';
export type { ClientContext } from './client/context.js';
export { silentLogger, redactingLogger, type DbcLogger } from './client/logger.js';
export * from './machines/index.js';
export * from './pricing/index.js';
export * from './rentals/index.js';
// Both pricing and rentals take durations; pricing's type is the superset (weeks … years).
export type { RentalDuration } from './pricing/index.js';
export * from './vms/index.js';
export * from './wallet/index.js';
export * from './miner/index.js';
export * from './superNodes/index.js';
export * from './node/index.js';
export {
  DbcError,
  DbcInputError,
  DbcChainError,
  DbcTxRejectedError,
  DbcNodeError,
  DbcNetworkError,
  DbcTimeoutError,
  DbcAbortError,
  DbcUnsupportedError,
} from '@dbc-cloud/chain/errors';
// rentals' own duration (minutes/hours/days), taken by `rentals.extend`; named apart from pricing's.
export type { RentalDuration as RentalTermDuration } from './rentals/types.js';
