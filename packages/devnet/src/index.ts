/**
 * @dbc-cloud/devnet — a local DeepBrainChain network (chain JSON-RPC + client nodes) that
 * unmodified `@polkadot/api` code cannot tell apart from the real DBC runtime for the pallets
 * the dbc-cloud SDK uses.
 *
 * @example
 * ```ts
 * import { startDevnet } from '@dbc-cloud/devnet';
 * const net = await startDevnet({ blockTime: 'instant' });
 * // ApiPromise.create({ provider: new WsProvider(net.chainUrl) }) …
 * await net.stop();
 * ```
 * @packageDocumentation
 */
export { startDevnet, createChain, DBC, type Devnet, type DevnetOptions } from './devnet.js';
export { devAccounts, DEV_ACCOUNT_NAMES, type DevAccount } from './accounts.js';
export { buildMetadata } from './metadata/builder.js';
export { startClientNodes, type ClientNodes } from './clientNodes.js';
export {
  startClientNode,
  createPolkadotChainView,
  createMemoryChainView,
  type ChainView,
  type ChainMachine,
  type ChainRentOrder,
  type ClientNode,
  type ClientNodeVms,
  type MemoryChainView,
  type StartClientNodeOptions,
} from './clientNode/index.js';
export type { Blockchain, Block, Header, BlockMode, TxStatus } from './chain/blockchain.js';
export type { GenesisSummary, ChainParams, Miner, SeedAccount } from './seed/genesis.js';
export type { SeedMachine, SeedStatus } from './seed/machines.js';
export { dbcRuntime, RUNTIME_VERSION } from './metadata/runtime.js';
export type { PalletDef, TypeExpr, StorageDef, CallDef, EventDef, ConstantDef, Hasher, VariantFields } from './metadata/types.js';
export type { RuntimeShape } from './metadata/builder.js';
export type { ChainMachineStatus, ChainRentStatus } from './clientNode/chainView.js';
export type { MemoryMachineHardware, MemoryRentInput } from './clientNode/memoryChainView.js';
export type { NodeImage } from './clientNode/images.js';
export type { ClientNodeLogger } from './clientNode/server.js';
export type { Vm } from './clientNode/vm.js';
export type { GpuModel, Place } from './seed/catalog.js';
export type { CheckedExtrinsic } from './chain/extrinsics.js';
export type { Js } from './chain/codec.js';
export type { Hex } from './chain/blockchain.js';
export type { VmDisk, DomainState, OperatingSystem, TaskStatus } from './clientNode/vm.js';
