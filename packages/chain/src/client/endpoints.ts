/** Public DBC mainnet RPC endpoints, tried in order with fallback (DeepBrainChain-MainChain docs). */
export const MAINNET_ENDPOINTS = ['wss://info1.dbcwallet.io', 'wss://info.dbcwallet.io'] as const;

/** The local devnet started by `npx dbc-devnet` / `npm start`. */
export const DEVNET_ENDPOINTS = ['ws://127.0.0.1:9944'] as const;

/** A network with built-in endpoints. */
export type NetworkName = 'mainnet' | 'devnet';

/** The endpoints of a named network, in fallback order. */
export function endpointsFor(network: NetworkName): string[] {
  return network === 'mainnet' ? [...MAINNET_ENDPOINTS] : [...DEVNET_ENDPOINTS];
}
