import { ApiPromise, WsProvider } from '@polkadot/api';
import { createPolkadotChainView, startClientNode, type ClientNodeVms } from './clientNode/index.js';

export interface ClientNodes {
  /** `http://host:port/api/v1` */
  url: string;
  /** Introspection of the VMs the nodes run (tests, demos). */
  vms: ClientNodeVms;
  stop(): Promise<void>;
}

/**
 * Starts the client-node API for every machine of a chain, reading the chain only through its
 * JSON-RPC, as real client nodes do — so it also runs against another chain (a fork of mainnet).
 */
export async function startClientNodes(opts: {
  chainUrl: string;
  host?: string;
  port?: number;
  vmBootMs?: number;
}): Promise<ClientNodes> {
  const api = await ApiPromise.create({ provider: new WsProvider(opts.chainUrl, 1000), noInitWarn: true, throwOnConnect: true });
  const node = await startClientNode({
    chain: createPolkadotChainView(api),
    host: opts.host,
    port: opts.port,
    vmBootMs: opts.vmBootMs,
  });
  return {
    url: node.apiUrl,
    vms: node.vms,
    async stop() {
      await node.stop();
      await api.disconnect();
    },
  };
}
