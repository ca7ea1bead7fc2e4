import type { ChainMachine, ChainMachineStatus, ChainRentOrder, ChainView } from './chainView.js';

export interface MemoryMachineHardware {
  gpuNum: number;
  cpuCores: number;
  memGb: number;
  diskGb: number;
}

export interface MemoryRentInput {
  machineId: string;
  /** SS58 address of the renter (a multisig account works too). */
  renter: string;
  gpuNum: number;
  durationBlocks: number;
  /** Leave the order WaitingVerifying, as before `confirmRent`. Default false. */
  unconfirmed?: boolean;
}

/**
 * A chain held in memory, for exercising the client node without a running devnet chain.
 * It follows the rentMachine pallet's rules that the node depends on: an order takes the
 * lowest free GPU indexes, the machine shows Rented while any order lives, and at its
 * rentEnd an order is deleted and the machine returns Online after its last order.
 */
export interface MemoryChainView extends ChainView {
  addMachine(machineId: string, hardware: MemoryMachineHardware, status?: ChainMachineStatus): void;
  setMachineStatus(machineId: string, status: ChainMachineStatus): void;
  rent(input: MemoryRentInput): ChainRentOrder;
  /** Changes an order in place, e.g. `{ rentEnd }` for a relet. */
  updateOrder(rentId: bigint, patch: Partial<Omit<ChainRentOrder, 'rentId'>>): void;
  /** Deletes an order now, as the chain does for an unconfirmed one after 150 blocks. */
  removeOrder(rentId: bigint): void;
  /** Moves to block `blockNumber`, ends due orders, then notifies `onNewBlock` subscribers. */
  setBlock(blockNumber: number): void;
  readonly blockNumber: number;
}

export function createMemoryChainView(initialBlock = 1): MemoryChainView {
  const machines = new Map<string, ChainMachine>();
  const orders = new Map<bigint, ChainRentOrder>();
  const subscribers = new Set<(blockNumber: number) => void>();
  let blockNumber = initialBlock;
  let nextRentId = 1n;

  const ordersOf = (machineId: string) =>
    [...orders.values()].filter((order) => order.machineId === machineId);

  const settleMachine = (machineId: string) => {
    const machine = machines.get(machineId);
    if (!machine || (machine.status !== 'rented' && machine.status !== 'online')) return;
    machine.status = ordersOf(machineId).length > 0 ? 'rented' : 'online';
  };

  const requireMachine = (machineId: string) => {
    const machine = machines.get(machineId);
    if (!machine) throw new Error(`machine ${machineId} is not on the memory chain`);
    return machine;
  };

  return {
    get blockNumber() {
      return blockNumber;
    },

    async getMachine(machineId) {
      const machine = machines.get(machineId);
      return machine ? { ...machine } : null;
    },

    async getRentOrder(rentId) {
      const order = orders.get(BigInt(rentId));
      return order ? { ...order, gpuIndex: [...order.gpuIndex] } : null;
    },

    async getMachineRentOrders(machineId) {
      return ordersOf(machineId).map((order) => order.rentId);
    },

    async bestNumber() {
      return blockNumber;
    },

    onNewBlock(cb) {
      subscribers.add(cb);
      return () => subscribers.delete(cb);
    },

    async listMachines() {
      return [...machines.keys()];
    },

    addMachine(machineId, hardware, status = 'online') {
      machines.set(machineId, { ...hardware, status });
    },

    setMachineStatus(machineId, status) {
      requireMachine(machineId).status = status;
    },

    rent({ machineId, renter, gpuNum, durationBlocks, unconfirmed = false }) {
      const machine = requireMachine(machineId);
      if (machine.status !== 'online' && machine.status !== 'rented') {
        throw new Error(`machine ${machineId} is ${machine.status}, not rentable`);
      }
      const used = new Set(ordersOf(machineId).flatMap((order) => order.gpuIndex));
      const free = Array.from({ length: machine.gpuNum }, (_, index) => index).filter(
        (index) => !used.has(index),
      );
      if (gpuNum < 1 || gpuNum > free.length) {
        throw new Error(`machine ${machineId} has ${free.length} free GPUs; asked for ${gpuNum}`);
      }
      const order: ChainRentOrder = {
        rentId: nextRentId++,
        machineId,
        renter,
        rentStatus: unconfirmed ? 'WaitingVerifying' : 'Renting',
        rentEnd: blockNumber + durationBlocks,
        gpuNum,
        gpuIndex: free.slice(0, gpuNum),
      };
      orders.set(order.rentId, order);
      machine.status = 'rented';
      return { ...order, gpuIndex: [...order.gpuIndex] };
    },

    updateOrder(rentId, patch) {
      const order = orders.get(rentId);
      if (!order) throw new Error(`rent order ${rentId} does not exist`);
      Object.assign(order, patch);
    },

    removeOrder(rentId) {
      const order = orders.get(rentId);
      if (!order) return;
      orders.delete(rentId);
      settleMachine(order.machineId);
    },

    setBlock(next) {
      blockNumber = next;
      for (const order of [...orders.values()]) {
        if (order.rentEnd <= blockNumber) {
          orders.delete(order.rentId);
          settleMachine(order.machineId);
        }
      }
      for (const subscriber of subscribers) subscriber(blockNumber);
    },
  };
}
