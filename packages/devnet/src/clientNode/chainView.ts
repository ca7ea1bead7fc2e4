/**
 * The slice of the DBC chain a client node reads. The real node polls the chain's
 * JSON-RPC (`onlineProfile_getMachineInfo`, `rentMachine_getRentOrder`, …); the devnet
 * takes this interface instead so tests can drive the chain from memory and the devnet
 * binary can back it with `createPolkadotChainView(api)`.
 */

/** Machine status as the client node classifies it (`HttpDBCChainClient::request_machine_status`). */
export type ChainMachineStatus = 'online' | 'rented' | 'offline' | 'verifying' | 'other';

/** What the node needs to know about one machine: its status and committee-verified hardware. */
export interface ChainMachine {
  status: ChainMachineStatus;
  gpuNum: number;
  cpuCores: number;
  memGb: number;
  diskGb: number;
}

/** `rentMachine.rentInfo` status, spelled as the runtime enum. */
export type ChainRentStatus = 'WaitingVerifying' | 'Renting' | 'RentExpired';

/** One `rentMachine.rentInfo` entry. */
export interface ChainRentOrder {
  rentId: bigint;
  machineId: string;
  /** SS58 (prefix 42) address of the renter. */
  renter: string;
  rentStatus: ChainRentStatus;
  /** Block number at which the rental ends. */
  rentEnd: number;
  gpuNum: number;
  gpuIndex: number[];
}

/** Read-only view of the chain used by the client node. */
export interface ChainView {
  /** `null` when the machine is not registered on chain. */
  getMachine(machineId: string): Promise<ChainMachine | null>;
  /** `null` when the order does not exist (never created, or deleted after it ended). */
  getRentOrder(rentId: bigint | number): Promise<ChainRentOrder | null>;
  /** Live order ids of a machine (`rentMachine.machineRentOrder`). */
  getMachineRentOrders(machineId: string): Promise<bigint[]>;
  bestNumber(): Promise<number>;
  /** Calls `cb` with each new best block number; returns an unsubscribe function. */
  onNewBlock(cb: (blockNumber: number) => void): () => void;
  /**
   * Machine ids the P2P network would know, for `mining_nodes` with an empty `peer_nodes_list`.
   * Optional: without it that listing is empty.
   */
  listMachines?(): Promise<string[]>;
}
