export type {
  ChainMachine,
  ChainMachineStatus,
  ChainRentOrder,
  ChainRentStatus,
  ChainView,
} from './chainView.js';
export { createPolkadotChainView } from './polkadotChainView.js';
export {
  createMemoryChainView,
  type MemoryChainView,
  type MemoryMachineHardware,
  type MemoryRentInput,
} from './memoryChainView.js';
export { DEFAULT_IMAGE_SERVER, DEFAULT_IMAGES, type NodeImage } from './images.js';
export {
  type ClientNode,
  type ClientNodeLogger,
  type ClientNodeVms,
  startClientNode,
  type StartClientNodeOptions,
  type VmSnapshot,
} from './server.js';
export type { DomainState, TaskStatus, Vm } from './vm.js';
