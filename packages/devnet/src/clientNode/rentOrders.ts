import type { ChainRentOrder, ChainRentStatus, ChainView } from './chainView.js';

/** Rent status as the node stores it (the chain RPC's camelCase JSON). */
export type NodeRentStatus = 'waitingVerifying' | 'renting' | 'rentExpired';

/** A rent order as one GPU node remembers it (`RentOrderManager`, `db_rent_order`). */
export interface KnownRentOrder {
  id: string;
  renter: string;
  rentEnd: number;
  rentStatus: NodeRentStatus;
  gpuNum: number;
  gpuIndex: number[];
}

export type RentCheck = 'renting' | 'expired' | 'none';

const NODE_RENT_STATUS: Record<ChainRentStatus, NodeRentStatus> = {
  WaitingVerifying: 'waitingVerifying',
  Renting: 'renting',
  RentExpired: 'rentExpired',
};

/** The node passes the id into a JSON-RPC call verbatim, so only a plain decimal finds an order. */
const DECIMAL_ID = /^(0|[1-9]\d*)$/;

/** The `rent_orders` reply lists at most this many orders (the loop breaks after 50). */
const LISTED_ORDERS = 51;

function toKnownOrder(order: ChainRentOrder): KnownRentOrder {
  return {
    id: order.rentId.toString(),
    renter: order.renter,
    rentEnd: order.rentEnd,
    rentStatus: NODE_RENT_STATUS[order.rentStatus],
    gpuNum: order.gpuNum,
    gpuIndex: [...order.gpuIndex],
  };
}

/**
 * The node's cache of rent orders for its machine, refreshed from the chain on every
 * authenticated call and on every block.
 */
export class RentOrderBook {
  private readonly orders = new Map<string, KnownRentOrder>();

  constructor(
    private readonly machineId: string,
    private readonly chain: ChainView,
  ) {}

  /** Re-reads one order from the chain (`UpdateRentOrder`). Chain failures keep the cached copy. */
  async refresh(rentOrder: string): Promise<void> {
    if (!DECIMAL_ID.test(rentOrder)) return;
    let order: ChainRentOrder | null;
    try {
      order = await this.chain.getRentOrder(BigInt(rentOrder));
    } catch {
      return;
    }
    if (order && order.machineId === this.machineId) {
      this.orders.set(rentOrder, toKnownOrder(order));
      return;
    }
    const previous = this.orders.get(rentOrder);
    // The real node keeps a deleted order's last status ("renting") forever, which would let
    // a former renter back in once someone else rents the machine; the devnet marks it expired.
    if (!order && previous && previous.rentStatus !== 'rentExpired') {
      this.orders.set(rentOrder, { ...previous, rentStatus: 'rentExpired' });
    }
  }

  /** Re-reads every live order of the machine plus every order still cached as active. */
  async refreshAll(): Promise<void> {
    const live = await this.chain.getMachineRentOrders(this.machineId).then(
      (ids) => ids.map((id) => id.toString()),
      () => [] as string[],
    );
    const active = [...this.orders.values()]
      .filter((order) => order.rentStatus !== 'rentExpired')
      .map((o) => o.id);
    for (const id of new Set([...live, ...active])) await this.refresh(id);
  }

  /** `GetRentStatus`: is `wallet` the renter of an active order `rentOrder` on this machine? */
  check(rentOrder: string, wallet: string): RentCheck {
    const order = this.orders.get(rentOrder);
    if (!order || order.renter !== wallet) return 'none';
    if (order.rentStatus === 'rentExpired') return 'expired';
    return 'renting';
  }

  /** The order if `wallet` rents it, whatever its status. */
  find(rentOrder: string, wallet: string): KnownRentOrder | undefined {
    const order = this.orders.get(rentOrder);
    return order && order.renter === wallet ? order : undefined;
  }

  /** Orders as `rent_orders` lists them: keyed by id string, in string order. */
  list(): KnownRentOrder[] {
    return [...this.orders.values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, LISTED_ORDERS);
  }
}
