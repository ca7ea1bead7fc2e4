import { createMachinesResource, type MachinesResource } from '../machines/index.js';
import { createMinerResource, type MinerResource } from '../miner/index.js';
import { createPricingResource, type PricingResource } from '../pricing/index.js';
import { createRentalsResource, type RentalsResource } from '../rentals/index.js';
import { createSuperNodesResource, type SuperNodesResource } from '../superNodes/index.js';
import { createVmsResource, type VmsResource } from '../vms/index.js';
import { createWalletResource, type WalletResource } from '../wallet/index.js';
import type { DbcClientConfig, ResolvedNetwork } from './config.js';
import { createContext, type ClientContext } from './context.js';

/** The SDK's entry point: every resource over one network, signer and partner configuration. */
export interface DbcClient {
  /** Search, filter and sort GPU machines (cached snapshot, batched chain reads or the proxy's light path). */
  readonly machines: MachinesResource;
  /** Quotes: chain price + partner markup + term discounts, with a full breakdown. */
  readonly pricing: PricingResource;
  /** Rent (idempotent, validated, confirmed), list, extend, end and watch rentals. */
  readonly rentals: RentalsResource;
  /** VMs on rented machines through their client nodes: create, wait, connect, manage. */
  readonly vms: VmsResource;
  /** Balances, transfers, fee estimates, accounts. */
  readonly wallet: WalletResource;
  /** Miner pledging: stake requirement, bond, verification status, shelve/unshelve, rewards, exit. */
  readonly miner: MinerResource;
  /** Super-node (validator) staking: list, bond, validate, nominate, payouts. */
  readonly superNodes: SuperNodesResource;
  /** The resolved endpoints. */
  readonly network: ResolvedNetwork;
  /** Closes the chain connection if one was opened. */
  close(): Promise<void>;
}

/**
 * Creates a DBC client. Nothing connects until a call needs it, and browsing through a snapshot
 * URL (the partner proxy's light read path) never loads chain code. Only `machines` and `pricing`
 * are loaded up front: `rentals`, `vms`, `wallet`, `miner`, `superNodes` and the client-node
 * transport load on their first call (dynamic imports, which bundlers split into lazy chunks).
 *
 * @example
 * ```ts
 * import { createDbcClient } from '@dbc-cloud/sdk';
 * const dbc = createDbcClient({ network: 'devnet', signer: await keyringSigner('//Alice') });
 * const { items } = await dbc.machines.search({ gpuModels: ['RTX 4090'], minFreeGpus: 1, sort: 'price' });
 * ```
 */
export function createDbcClient(config: DbcClientConfig = {}): DbcClient {
  const ctx: ClientContext = createContext(config);
  const machines = createMachinesResource(ctx);
  return {
    machines,
    pricing: createPricingResource(ctx),
    rentals: createRentalsResource(ctx),
    vms: createVmsResource(ctx),
    wallet: createWalletResource(ctx),
    miner: createMinerResource(ctx),
    superNodes: createSuperNodesResource(ctx),
    network: ctx.network,
    close: () => ctx.close(),
  };
}
