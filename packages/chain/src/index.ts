/**
 * @dbc-cloud/chain — a typed, thin layer over `@polkadot/api` for the DeepBrainChain pallets the
 * dbc-cloud SDK uses: typed queries returning domain objects, batched reads, transaction builders,
 * a transaction lifecycle with decoded dispatch errors, and signers.
 *
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './units/index.js';
export { connect, fromApi, type DbcChain, type ConnectOptions, type ChainEvent } from './client/connect.js';
export { MAINNET_ENDPOINTS, DEVNET_ENDPOINTS, endpointsFor, type NetworkName } from './client/endpoints.js';
export {
  submit,
  submitAndCheck,
  findIncluded,
  findEvents,
  chainErrorOf,
  type Tx,
  type TxResult,
  type TxStatus,
  type SubmitOptions,
} from './tx/submit.js';
export { decodeDispatchError, DISPATCH_ERROR_HINTS, type DecodedDispatchError } from './tx/decodeError.js';
export type { DbcSigner } from './signers/types.js';
export { keyringSigner, pairSigner, type KeyringSignerOptions } from './signers/keyring.js';
export { enableExtensions, extensionSigner, type ExtensionAccount } from './signers/extension.js';
