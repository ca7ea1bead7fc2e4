import type { DbcChain, DbcSigner } from '@dbc-cloud/chain';
import { DbcError } from '@dbc-cloud/chain/errors';
import { createNodeClient, type NodeClient } from '../node/client.js';
import { resolveNetwork, type DbcClientConfig, type ResolvedNetwork } from './config.js';
import { redactingLogger, silentLogger, type DbcLogger } from './logger.js';

/**
 * What every resource of the client shares: the resolved network, a lazily connected chain (chain
 * code is loaded only when first needed, so browsing through the light read path never loads
 * `@polkadot/api`), the client-node transport, the signer and the logger.
 */
export interface ClientContext {
  readonly config: DbcClientConfig;
  readonly network: ResolvedNetwork;
  readonly logger: DbcLogger;
  /** Connects on first use (dynamic import of @dbc-cloud/chain) and reuses the connection. */
  chain(signal?: AbortSignal): Promise<DbcChain>;
  /** The client-node transport, or a DbcError when no client-node URL is configured. */
  node(): NodeClient;
  /** The configured signer, or a DbcError saying a signer is needed for `what`. */
  signer(what: string): DbcSigner;
  /** Loads the chain package (for calls that need its functions, e.g. quoteRentFee). */
  chainLib(): Promise<typeof import('@dbc-cloud/chain')>;
  close(): Promise<void>;
}

export function createContext(config: DbcClientConfig): ClientContext {
  const network = resolveNetwork(config.network);
  const logger = redactingLogger(config.logger ?? silentLogger);
  let chainPromise: Promise<DbcChain> | null = null;
  let lib: Promise<typeof import('@dbc-cloud/chain')> | null = null;
  let nodeClient: NodeClient | null = null;
  const chainLib = () => (lib ??= import('@dbc-cloud/chain'));
  return {
    config,
    network,
    logger,
    chainLib,
    chain(signal) {
      chainPromise ??= chainLib()
        .then((c) => c.connect({ endpoints: network.chain, signal }))
        .then((c) => {
          logger.info('connected to the DBC chain', { endpoints: network.chain });
          return c;
        })
        .catch((e) => {
          chainPromise = null;
          throw e;
        });
      return chainPromise;
    },
    node() {
      if (!network.clientNode)
        throw new DbcError('CONFIG_NO_CLIENT_NODE', 'No client-node URL is configured; set network.clientNode (in browsers: your proxy).');
      nodeClient ??= createNodeClient({ baseUrl: network.clientNode, http: config.http });
      return nodeClient;
    },
    signer(what) {
      if (!config.signer)
        throw new DbcError('CONFIG_NO_SIGNER', `A signer is needed to ${what}; pass one to createDbcClient({ signer }).`);
      return config.signer;
    },
    async close() {
      if (chainPromise) await (await chainPromise).disconnect().catch(() => undefined);
      chainPromise = null;
    },
  };
}
