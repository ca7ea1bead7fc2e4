import { DEVNET, MAINNET, type NetworkConfig } from '../client/config.js';
import { CliUsageError } from './errors.js';
import type { OptionSpec } from './spec.js';

/** Flags every command accepts, before or after the command words. */
export const GLOBAL_OPTIONS: Record<string, OptionSpec> = {
  network: {
    type: 'string',
    valueName: 'devnet|mainnet',
    description: 'Which DBC network (default devnet).',
  },
  chain: {
    type: 'string',
    valueName: 'url',
    description: 'Chain WebSocket endpoint, overriding the network default.',
  },
  'client-node': {
    type: 'string',
    valueName: 'url',
    description: 'Client-node API base (…/api/v1), needed for rentals and VMs.',
  },
  json: {
    type: 'boolean',
    description: 'Print one JSON document (amounts in planck as strings) instead of text.',
  },
  'key-file': {
    type: 'string',
    valueName: 'path',
    description: 'File holding the signing mnemonic or secret URI (else env DBC_SECRET).',
  },
  yes: {
    type: 'boolean',
    short: 'y',
    description: 'Skip confirmation prompts of money-moving commands (needed without a TTY).',
  },
  help: { type: 'boolean', short: 'h', description: 'Show help for the command.' },
};

/** Global flags whose value is the next word: the command resolver skips that word. */
export const GLOBAL_VALUE_FLAGS = new Set(
  Object.entries(GLOBAL_OPTIONS).flatMap(([name, o]) =>
    o.type === 'string' ? [`--${name}`, ...(o.short ? [`-${o.short}`] : [])] : [],
  ),
);

/** The global flags as a command sees them. */
export interface GlobalFlags {
  json: boolean;
  yes: boolean;
  keyFile?: string;
  network: NetworkConfig;
}

/**
 * The client's network from `--network`, `--chain` and `--client-node`: the named network's
 * endpoints, each replaced by its flag when given.
 */
export function networkFromFlags(
  network: string | undefined,
  chain: string | undefined,
  clientNode: string | undefined,
): NetworkConfig {
  if (network !== undefined && network !== 'devnet' && network !== 'mainnet') {
    throw new CliUsageError(
      `--network must be devnet or mainnet; got "${network}". Use --chain and --client-node for other endpoints.`,
      'dbc --help',
    );
  }
  const name = network ?? 'devnet';
  if (chain === undefined && clientNode === undefined) return name;
  const base: { chain: string[]; clientNode?: string } = name === 'mainnet' ? MAINNET : DEVNET;
  return { chain: chain ?? base.chain, clientNode: clientNode ?? base.clientNode };
}
