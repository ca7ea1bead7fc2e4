import { getRentOrder, type DbcChain, type RentOrder } from '@dbc-cloud/chain';

/** Why the proxy refused a rent order, as HTTP status and node-style message. */
export interface RentOrderRefusal {
  ok: false;
  status: number;
  message: string;
}

/** Reads and vets the rent order a call names. */
export interface RentOrderCheck {
  /** The order when it exists, is live and is on `machineId`; otherwise why not. */
  check(rentOrder: string, machineId: string): Promise<{ ok: true; order: RentOrder } | RentOrderRefusal>;
  clear(): void;
}

const LIVE = new Set(['renting', 'waitingVerifying']);

/**
 * Vets rent orders on chain. Live orders are cached for `cacheMs` (about a block) so a busy VM page
 * does not cost a chain read per request; refusals are never cached, so a just-made rental works at
 * once.
 */
export function createRentOrderCheck(
  chain: () => Promise<DbcChain>,
  cacheMs: number,
  now: () => number = Date.now,
): RentOrderCheck {
  const cache = new Map<string, { order: RentOrder; until: number }>();
  return {
    async check(rentOrder, machineId) {
      const t = now();
      const cached = cache.get(rentOrder);
      let order = cached && cached.until > t ? cached.order : null;
      if (!order) {
        cache.delete(rentOrder);
        order = await getRentOrder(await chain(), { rentId: BigInt(rentOrder) });
        if (!order)
          return {
            ok: false,
            status: 403,
            message: `check authority failed: machine has already expired (rent order ${rentOrder} does not exist on chain; it ended or was cancelled)`,
          };
      }
      if (order.machineId !== machineId)
        return {
          ok: false,
          status: 403,
          message: `check authority failed: wallet not rented (rent order ${rentOrder} is for another machine)`,
        };
      if (!LIVE.has(order.status))
        return {
          ok: false,
          status: 403,
          message: `check authority failed: machine has already expired (rent order ${rentOrder} is ${order.status})`,
        };
      cache.set(rentOrder, { order, until: t + cacheMs });
      return { ok: true, order };
    },
    clear: () => cache.clear(),
  };
}
