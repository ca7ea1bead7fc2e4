import { cryptoWaitReady } from '@polkadot/util-crypto';
import { Blockchain, type BlockMode } from './chain/blockchain.js';
import { buildMetadata } from './metadata/builder.js';
import { dbcRuntime } from './metadata/runtime.js';
import { balancesLogic } from './pallets/balances.js';
import { systemLogic } from './pallets/system.js';
import { startRpcServer } from './rpc/server.js';
import { devAccounts, type DevAccount } from './accounts.js';
import type { AdminHooks } from './rpc/methods.js';

export interface DevnetOptions {
  /** Block production: a block time in ms (default 6000), `'instant'` (a block per transaction batch) or `'manual'`. */
  blockTime?: number | 'instant' | 'manual';
  host?: string;
  /** Chain RPC port (0 = any free port). */
  port?: number;
  /** DBC each dev account gets at genesis (default 1,000,000). */
  endowmentDbc?: bigint;
  chainName?: string;
}

export interface Devnet {
  chainUrl: string;
  chainHttpUrl: string;
  accounts: DevAccount[];
  chain: Blockchain;
  stop(): Promise<void>;
}

export const DBC = 10n ** 15n;

export function blockModeOf(blockTime: DevnetOptions['blockTime']): BlockMode {
  if (blockTime === 'instant') return { kind: 'instant' };
  if (blockTime === 'manual') return { kind: 'manual' };
  return { kind: 'interval', ms: blockTime ?? 6000 };
}

/** Builds the chain (metadata, genesis state) without serving it. */
export async function createChain(opts: DevnetOptions = {}): Promise<{ chain: Blockchain; accounts: DevAccount[] }> {
  await cryptoWaitReady();
  const { registry, metadata, hex } = buildMetadata(dbcRuntime);
  const chain = new Blockchain(registry, metadata, hex, blockModeOf(opts.blockTime));
  chain.runtime.register(systemLogic, balancesLogic);
  const accounts = devAccounts();
  const endowment = (opts.endowmentDbc ?? 1_000_000n) * DBC;
  for (const a of accounts) chain.runtime.mint(a.address, endowment);
  chain.runtime.author = accounts[0]!.address;
  chain.sealGenesis();
  return { chain, accounts: accounts.map(({ name, uri, address }) => ({ name, uri, address })) };
}

export async function startDevnet(opts: DevnetOptions = {}): Promise<Devnet> {
  const { chain, accounts } = await createChain(opts);
  const admin: AdminHooks = {};
  const rpc = await startRpcServer({ chain, chainName: opts.chainName ?? 'DBC Devnet', host: opts.host, port: opts.port, admin });
  chain.start();
  return {
    chainUrl: rpc.url,
    chainHttpUrl: rpc.httpUrl,
    accounts,
    chain,
    async stop() {
      chain.stop();
      await rpc.close();
    },
  };
}
