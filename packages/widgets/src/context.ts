import { createContext } from '@lit/context';
import type { DbcClient } from '@dbc-cloud/sdk';

/**
 * The one SDK client every part of the storefront shares: `<dbc-gpu-market>` provides it, parts
 * consume it (or take a `client` property when used alone).
 */
export const dbcClientContext = createContext<DbcClient | undefined>(Symbol.for('dbc-cloud/client'));
