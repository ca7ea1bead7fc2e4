import type { VmStatus } from '../node/tasks.js';
import type { RentalId } from '../rentals/types.js';

export type { VmStatus };

/** A VM on a rented machine, in the SDK's terms. Its password is not here: see `connectionInfo`. */
export interface Vm {
  taskId: string;
  /** The rental it runs under. */
  rentalId: string;
  machineId: string;
  status: VmStatus;
  os: string;
  /** Address to connect to (the machine's public IP). */
  host: string;
  sshPort?: number;
  rdpPort?: number;
  user: string;
  cpuCores: number;
  gpuCount: number;
  memGb: number;
  createdAt: string;
  description: string;
}

/** Which VM: its task id (enough for VMs created or listed through this client) or the id with its rental. */
export type VmRef = string | { taskId: string; rentalId: RentalId; machineId?: string };

/** Stages of creating a VM, as the node reports them. */
export type VmProgress = { stage: 'creating' | 'starting' | 'running' | (string & {}); taskId: string };

/** How to reach a VM. Secrets (passwords) are in here: show them to the renter, never log them. */
export interface VmConnectionInfo {
  ssh?: { host: string; port: number; user: string; password: string; command: string };
  rdp?: { host: string; port: number; user: string; password: string };
  /** When the VM was created with a `jupyterPort`. */
  jupyterUrl?: string;
  /** When the VM was created with a `tensorboardPort`. */
  tensorboardUrl?: string;
  vnc: { host: string; port: number; password: string };
}

/** An image a machine can boot VMs from. */
export interface VmImage {
  name: string;
  /** As the node prints it, e.g. "31.2G". */
  size: string;
  sizeBytes: number;
}
