import type { ChainView } from './chainView.js';
import { MachineNode, type MachineNodeOptions } from './machineNode.js';

/**
 * The GPU nodes this client node can reach over P2P. The devnet runs one for every machine
 * registered on chain, created the first time a request names it.
 */
export class NodeNetwork {
  private readonly nodes = new Map<string, MachineNode>();

  constructor(
    private readonly chain: ChainView,
    private readonly options: MachineNodeOptions,
  ) {}

  /** The node for `machineId`, or `null` when no such machine is on chain ("create node request failed"). */
  async resolve(machineId: string): Promise<MachineNode | null> {
    if (machineId === '') return null;
    const known = this.nodes.get(machineId);
    let machine;
    try {
      machine = await this.chain.getMachine(machineId);
    } catch {
      // A running node stays reachable while the chain is not; its authority check will fail.
      return known ?? null;
    }
    if (!machine) return known ?? null;
    if (known) {
      known.update(machine);
      return known;
    }
    const node = new MachineNode(machineId, this.chain, machine, this.options);
    this.nodes.set(machineId, node);
    return node;
  }

  /** Nodes that have been reached at least once. */
  all(): MachineNode[] {
    return [...this.nodes.values()];
  }

  /** Machine ids for `mining_nodes` with an empty `peer_nodes_list`. */
  async listMachineIds(): Promise<string[]> {
    const onChain = this.chain.listMachines
      ? await this.chain.listMachines().catch(() => [] as string[])
      : [];
    return [...new Set([...onChain, ...this.nodes.keys()])].sort();
  }

  clear(): void {
    for (const node of this.nodes.values()) node.tasks.clear();
    this.nodes.clear();
  }
}
