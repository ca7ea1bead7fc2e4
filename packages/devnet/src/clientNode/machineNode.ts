import { type Authority, checkAuthority } from './auth.js';
import type { ChainMachine, ChainMachineStatus, ChainView } from './chainView.js';
import type { ClientRequest } from './envelope.js';
import type { ImageCatalog } from './images.js';
import { RentOrderBook } from './rentOrders.js';
import { hostResources, type HostResources } from './resources.js';
import type { Scheduler } from './scheduler.js';
import { WalletSessions } from './sessions.js';
import { TaskManager, type TaskTimings } from './taskManager.js';

export interface MachineNodeOptions {
  scheduler: Scheduler;
  images: ImageCatalog;
  timings: TaskTimings;
  /** Address VMs are reached at (`ssh_ip`); the real node reports its public IP. */
  hostIp: string;
}

/**
 * The GPU node ("client node" with a machine) behind one machine id: its VMs, its session
 * ids and its cache of rent orders. The hardware comes from the committee's report on chain.
 */
export class MachineNode {
  readonly orders: RentOrderBook;
  readonly sessions = new WalletSessions();
  readonly tasks: TaskManager;
  private machine: ChainMachine;

  constructor(
    readonly machineId: string,
    private readonly chain: ChainView,
    machine: ChainMachine,
    readonly options: MachineNodeOptions,
  ) {
    this.machine = machine;
    this.orders = new RentOrderBook(machineId, chain);
    this.tasks = new TaskManager(
      machineId,
      () => this.host(),
      this.orders,
      options.scheduler,
      options.timings,
    );
  }

  /** Last hardware and status read from the chain. */
  get hardware(): ChainMachine {
    return this.machine;
  }

  update(machine: ChainMachine): void {
    this.machine = machine;
  }

  host(): HostResources {
    return hostResources(this.machine);
  }

  /** Re-reads the machine; `unknown` when the chain cannot be read or no longer has it. */
  async status(): Promise<ChainMachineStatus | 'unknown'> {
    try {
      const machine = await this.chain.getMachine(this.machineId);
      if (!machine) return 'unknown';
      this.machine = machine;
      return machine.status;
    } catch {
      return 'unknown';
    }
  }

  async authorize(request: ClientRequest): Promise<Authority> {
    const machineStatus = await this.status();
    return checkAuthority(request, { machineStatus, orders: this.orders, sessions: this.sessions });
  }
}
