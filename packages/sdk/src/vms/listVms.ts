import { listVms as nodeListVms } from '../node/tasks.js';
import type { RentalId } from '../rentals/types.js';
import type { VmStatus } from './types.js';
import type { VmsContext } from './vmsContext.js';

/** Parameters of {@link listVms}. */
export interface ListVmsParameters {
  rentalId: RentalId;
  /** Skips the chain lookup of the rental's machine. */
  machineId?: string;
  signal?: AbortSignal;
}
/** One row of {@link listVms}. */
export interface VmListItem {
  taskId: string;
  rentalId: string;
  machineId: string;
  status: VmStatus;
  description: string;
  createdAt: string;
}
/** What {@link listVms} resolves to. */
export type ListVmsReturnType = VmListItem[];

/**
 * The renter's VMs under one rental.
 *
 * @example
 * ```ts
 * for (const vm of await dbc.vms.list({ rentalId })) console.log(vm.taskId, vm.status);
 * ```
 */
export async function listVms(v: VmsContext, params: ListVmsParameters): Promise<ListVmsReturnType> {
  const t = await v.rentalTarget(params.rentalId, params.machineId, params.signal);
  const rows = await nodeListVms(v.node(), t);
  return rows.map((r) => {
    v.remember(r.taskId, t);
    return { ...r, rentalId: t.rentalId, machineId: t.machineId };
  });
}
