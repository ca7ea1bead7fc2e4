import { sizeLimitConfig } from '../size-limit-esbuild.mjs';

export default sizeLimitConfig('sdk-browse', 'initial');
