import { sizeLimitConfig } from '../size-limit-esbuild.mjs';

export default sizeLimitConfig('widgets-define', 'initial');
