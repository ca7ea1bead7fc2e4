import type { IncomingMessage, ServerResponse } from 'node:http';

/** Normalizes an origin for comparison: browsers send `scheme://host[:port]` without a path. */
const normalize = (origin: string) => origin.trim().replace(/\/+$/, '').toLowerCase();

/** The proxy's CORS policy: an exact allow-list of origins. */
export interface CorsPolicy {
  /** `true` for an allowed origin, `false` for another one, `null` when the request has no Origin (not a cross-origin browser call). */
  check(req: IncomingMessage): boolean | null;
  /** Adds the headers an allowed origin's response needs. */
  apply(req: IncomingMessage, res: ServerResponse): void;
  /** Answers an OPTIONS preflight: 204 for allowed origins, 403 otherwise. */
  preflight(req: IncomingMessage, res: ServerResponse): void;
}

/** Creates the CORS policy for `allowedOrigins`. */
export function createCorsPolicy(allowedOrigins: readonly string[]): CorsPolicy {
  const allowed = new Set(allowedOrigins.map(normalize));
  const originOf = (req: IncomingMessage) =>
    typeof req.headers.origin === 'string' ? req.headers.origin : null;
  const check = (req: IncomingMessage) => {
    const origin = originOf(req);
    return origin === null ? null : allowed.has(normalize(origin));
  };
  const apply = (req: IncomingMessage, res: ServerResponse) => {
    // Vary on every response, so a shared cache never serves one origin's answer to another.
    res.setHeader('Vary', 'Origin');
    const origin = originOf(req);
    if (origin === null || !allowed.has(normalize(origin))) return;
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Expose-Headers', 'ETag, X-Dbc-Block, Retry-After');
  };
  return {
    check,
    apply,
    preflight(req, res) {
      res.setHeader('Vary', 'Origin');
      if (check(req) !== true) {
        res.statusCode = 403;
        res.end();
        return;
      }
      apply(req, res);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, if-none-match');
      res.setHeader('Access-Control-Max-Age', '600');
      res.statusCode = 204;
      res.end();
    },
  };
}
