import { DbcInputError, DbcUnsupportedError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { walletAuth, type NodeAuth } from '../node/auth.js';
import type { NodeClient } from '../node/client.js';
import type { NodeTarget } from '../node/tasks.js';
import { formatRentalId, parseRentalId } from '../rentals/rentalId.js';
import type { RentalId } from '../rentals/types.js';
import { rentIdOfTaskId } from './taskId.js';
import type { VmRef } from './types.js';

/** Options of `createVmsResource`. */
export interface VmsOptions {
  /**
   * How to authenticate to client nodes: `sessionAuth(sessionId, sign)` for custodial partners.
   * Default: the configured signer signs a fresh nonce per request (`walletAuth`).
   */
  auth?: NodeAuth;
}

/** A VM call's target and the rental it belongs to. */
export interface ResolvedTarget extends NodeTarget {
  rentalId: string;
  rentId: number;
}

/** What the vms operations share: the node, auth, and which machine each rental and VM is on. */
export interface VmsContext {
  readonly ctx: ClientContext;
  node(): NodeClient;
  auth(): NodeAuth;
  /** The node target of a rental (machine looked up on chain once, then remembered). */
  rentalTarget(rentalId: RentalId, machineId?: string, signal?: AbortSignal): Promise<ResolvedTarget>;
  /** The node target and task id of a VM reference. */
  vmTarget(ref: VmRef, signal?: AbortSignal): Promise<ResolvedTarget & { taskId: string }>;
  /** Remembers which rental a task id belongs to. */
  remember(taskId: string, target: ResolvedTarget): void;
}

export function createVmsContext(ctx: ClientContext, options: VmsOptions = {}): VmsContext {
  const machines = new Map<number, string>();
  const tasks = new Map<string, number>();
  let auth: NodeAuth | null = options.auth ?? null;

  const rentalTarget: VmsContext['rentalTarget'] = async (rentalId, machineId, signal) => {
    const { market, rentId } = parseRentalId(rentalId);
    if (market !== 'rentMachine')
      throw new DbcUnsupportedError('VMS_TERMINATING_RENTAL', `Rental ${String(rentalId)} is a TerminatingRental rental; client nodes run VMs for RentMachine rentals only.`);
    let machine = machineId ?? machines.get(rentId);
    if (!machine) {
      const [chain, lib] = await Promise.all([ctx.chain(signal), ctx.chainLib()]);
      const order = await lib.getRentOrder(chain, { rentId }, { signal });
      if (!order) throw new DbcInputError('RENTAL_NOT_FOUND', `Rental ${rentId} does not exist (it ended or was cancelled), so it has no VMs.`, { details: { rentalId: String(rentalId) } });
      machine = order.machineId;
    }
    machines.set(rentId, machine);
    return { machineId: machine, rentOrder: rentId, auth: vmsAuth(), signal, rentalId: formatRentalId(market, rentId), rentId };
  };

  function vmsAuth(): NodeAuth {
    auth ??= walletAuth(ctx.signer('manage VMs'));
    return auth;
  }

  return {
    ctx,
    node: () => ctx.node(),
    auth: vmsAuth,
    rentalTarget,
    async vmTarget(ref, signal) {
      const taskId = typeof ref === 'string' ? ref : ref.taskId;
      if (typeof taskId !== 'string' || !/^[A-Za-z0-9]{1,64}$/.test(taskId))
        throw new DbcInputError('INVALID_TASK_ID', `"${String(taskId)}" is not a VM task id.`, { details: { taskId: String(taskId) } });
      if (typeof ref !== 'string') return { ...(await rentalTarget(ref.rentalId, ref.machineId, signal)), taskId };
      const rentId = tasks.get(taskId) ?? rentIdOfTaskId(taskId);
      if (rentId === null)
        throw new DbcInputError('VM_RENTAL_UNKNOWN', `Which rental VM ${taskId} belongs to is not known here; pass { taskId, rentalId }.`, { details: { taskId } });
      return { ...(await rentalTarget(rentId, undefined, signal)), taskId };
    },
    remember(taskId, target) {
      tasks.set(taskId, target.rentId);
      machines.set(target.rentId, target.machineId);
    },
  };
}
