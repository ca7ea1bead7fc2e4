import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Blockchain, type BlockMode } from './chain/blockchain.js';
import { buildMetadata } from './metadata/builder.js';
import { dbcRuntime } from './metadata/runtime.js';
import { startRpcServer } from './rpc/server.js';
import { devAccounts, type DevAccount } from './accounts.js';
import type { AdminHooks } from './rpc/methods.js';
import { TREASURY_ACCOUNT } from './chain/runtime.js';
import { writeGenesis, type ChainParams, type GenesisSummary } from './seed/genesis.js';
import { PALLETS } from './pallets/index.js';
import { onlineProfileAdminRpc } from './pallets/onlineProfile.js';
import { startClientNodes, type ClientNodes } from './clientNodes.js';

export interface DevnetOptions {
  /** Block production: a block time in ms (default 6000), `'instant'` (a block per transaction batch) or `'manual'`. */
  blockTime?: number | 'instant' | 'manual';
  host?: string;
  /** Chain RPC port (0 = any free port). */
  port?: number;
  /** DBC each dev account gets at genesis (default 1,000,000). */
  endowmentDbc?: bigint;
  chainName?: string;
  /** Machines seeded at genesis (default 200). */
  machines?: number;
  /** Seed of the deterministic generator (default 42). */
  seed?: number;
  /**
   * Number of the genesis block (default 1,200,000, about 83 days of 6 s blocks): the devnet starts
   * "late" so seeded machines can have realistic uptime history; earlier blocks read as pruned.
   */
  genesisNumber?: number;
  /** Overrides of the chain parameters (DBC price, standard GPU price, stake, fixed fee). */
  params?: Partial<ChainParams>;
  /** Chain time of the genesis block, unix ms (default: now, to the minute, so rental end times read true). */
  genesisTime?: number;
  /** Client-node HTTP port (0 = any free port). */
  clientNodePort?: number;
  /** How long a VM takes from `creating` to `running` (default 3000 ms). */
  vmBootMs?: number;
  /** Start no client nodes (chain only). */
  noClientNodes?: boolean;
}

export interface Devnet {
  chainUrl: string;
  chainHttpUrl: string;
  /** Base URL of the client-node API (`…/api/v1`); one server answers for every machine. */
  clientNodeUrl: string;
  /** The running client nodes (null with `noClientNodes`). */
  clientNodes: ClientNodes | null;
  accounts: DevAccount[];
  chain: Blockchain;
  genesis: GenesisSummary;
  stop(): Promise<void>;
}

import { DBC } from './seed/genesis.js';

export { DBC };

export function blockModeOf(blockTime: DevnetOptions['blockTime']): BlockMode {
  if (blockTime === 'instant') return { kind: 'instant' };
  if (blockTime === 'manual') return { kind: 'manual' };
  return { kind: 'interval', ms: blockTime ?? 6000 };
}

/** Builds the chain (metadata, genesis state) without serving it. */
export async function createChain(
  opts: DevnetOptions = {},
): Promise<{ chain: Blockchain; accounts: DevAccount[]; genesis: GenesisSummary }> {
  await cryptoWaitReady();
  const { registry, metadata, hex } = buildMetadata(dbcRuntime);
  const genesisNumber = opts.genesisNumber ?? 1_200_000;
  const genesisTime = opts.genesisTime ?? Math.floor(Date.now() / 60_000) * 60_000;
  const chain = new Blockchain(registry, metadata, hex, blockModeOf(opts.blockTime), genesisNumber, genesisTime);
  const rt = chain.runtime;
  rt.register(...PALLETS);
  rt.blockNumber = genesisNumber;
  const accounts = devAccounts();
  const endowment = (opts.endowmentDbc ?? 1_000_000n) * DBC;
  for (const a of accounts) rt.mint(a.address, endowment);
  rt.mint(TREASURY_ACCOUNT, 1_000_000n * DBC);
  rt.author = accounts[0]!.address;
  const genesis = writeGenesis(rt, { machines: opts.machines ?? 200, seed: opts.seed, genesisNumber, params: opts.params });
  for (const p of PALLETS) p.genesis?.(rt, { genesis, accounts, genesisNumber });
  chain.sealGenesis();
  return { chain, accounts: accounts.map(({ name, uri, address }) => ({ name, uri, address })), genesis };
}

export async function startDevnet(opts: DevnetOptions = {}): Promise<Devnet> {
  const { chain, accounts, genesis } = await createChain(opts);
  const admin: AdminHooks = { extra: { ...onlineProfileAdminRpc } };
  const rpc = await startRpcServer({ chain, chainName: opts.chainName ?? 'DBC Devnet', host: opts.host, port: opts.port, admin });
  chain.start();
  let nodes: ClientNodes | null = null;
  if (!opts.noClientNodes) {
    try {
      nodes = await startClientNodes({ chainUrl: rpc.url, host: opts.host, port: opts.clientNodePort, vmBootMs: opts.vmBootMs });
    } catch (e) {
      chain.stop();
      await rpc.close();
      throw e;
    }
  }
  return {
    chainUrl: rpc.url,
    chainHttpUrl: rpc.httpUrl,
    clientNodeUrl: nodes?.url ?? '',
    clientNodes: nodes,
    accounts,
    chain,
    genesis,
    async stop() {
      await nodes?.stop();
      chain.stop();
      await rpc.close();
    },
  };
}
