import { sizeLimitConfig } from '../size-limit-esbuild.mjs';

// Everything `import('@dbc-cloud/chain')` needs once a call signs (shared chunks included), as
// built into the browsing app; @polkadot/extension-dapp is a further lazy import and not counted.
export default sizeLimitConfig('sdk-browse', { lazy: 'packages/chain/dist/index.js' });
