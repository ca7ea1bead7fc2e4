/**
 * Which wallet owns which VM task on which machine, as seen through the proxy. Client nodes check a
 * task's owner only on list and detail: any renter of the machine can stop, reset or delete another
 * renter's VM by id. The proxy closes that gap with this registry.
 */
export interface ProxyTaskStore {
  /** The wallet that owns the task, or undefined when it is not known. */
  ownerOf(machineId: string, taskId: string): string | undefined | Promise<string | undefined>;
  record(machineId: string, taskId: string, wallet: string): void | Promise<void>;
  forget(machineId: string, taskId: string): void | Promise<void>;
  /** The task ids `wallet` owns on `machineId`. */
  tasksOf(machineId: string, wallet: string): Set<string> | Promise<Set<string>>;
}

/** The in-memory registry, which can also be cleared (the proxy's default). */
export interface TaskOwnership extends ProxyTaskStore {
  ownerOf(machineId: string, taskId: string): string | undefined;
  tasksOf(machineId: string, wallet: string): Set<string>;
  clear(): void;
}

/** An in-memory registry (restarting the proxy forgets it; unknown ids are re-verified with the node). */
export function createTaskOwnership(): TaskOwnership {
  const owners = new Map<string, string>();
  const key = (machineId: string, taskId: string) => `${machineId}/${taskId}`;
  return {
    ownerOf: (machineId, taskId) => owners.get(key(machineId, taskId)),
    record: (machineId, taskId, wallet) => void owners.set(key(machineId, taskId), wallet),
    forget: (machineId, taskId) => void owners.delete(key(machineId, taskId)),
    tasksOf(machineId, wallet) {
      const out = new Set<string>();
      const prefix = `${machineId}/`;
      for (const [k, w] of owners) if (w === wallet && k.startsWith(prefix)) out.add(k.slice(prefix.length));
      return out;
    },
    clear: () => owners.clear(),
  };
}
