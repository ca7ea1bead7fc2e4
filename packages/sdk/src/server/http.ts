import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NodeEnvelope } from '../node/errors.js';

/** A request as Express/Connect hand it over: maybe mounted (`originalUrl`), maybe with a parsed body. */
export type ProxyRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

/** Thrown while reading a request; carries the HTTP status and envelope to answer with. */
export class ProxyHttpError extends Error {
  constructor(
    readonly status: number,
    readonly envelope: NodeEnvelope<string>,
    readonly headers: Record<string, string> = {},
  ) {
    super(envelope.message);
  }
}

/** Answers with the client-node envelope shape, so the SDK's node client reads proxy refusals like node errors. */
export function sendEnvelope(
  res: ServerResponse,
  status: number,
  envelope: NodeEnvelope,
  headers: Record<string, string> = {},
): void {
  sendBody(res, status, JSON.stringify(envelope), {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
}

/** Writes a complete response unless one was already sent. */
export function sendBody(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.statusCode = status;
  res.end(body);
}

/**
 * The request body as bytes. A body that a framework already parsed (express.json()) is taken as
 * it is: the stream is consumed by then, and re-serializing is safe because signatures cover the
 * nonce, not the body.
 */
export async function readBody(req: ProxyRequest, maxBytes: number): Promise<Buffer> {
  if (req.body !== undefined && (req.readableEnded || req.complete)) {
    if (Buffer.isBuffer(req.body)) return req.body;
    if (typeof req.body === 'string') return Buffer.from(req.body);
    return Buffer.from(JSON.stringify(req.body));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > maxBytes)
      throw new ProxyHttpError(413, {
        errcode: -25,
        message: `request body is larger than ${maxBytes} bytes`,
      });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** The request's path and query as the client sent it, before any framework mount stripped a prefix. */
export function requestUrl(req: ProxyRequest): URL {
  return new URL(req.originalUrl ?? req.url ?? '/', 'http://proxy.invalid');
}
