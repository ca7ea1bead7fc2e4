import type { NodeEnvelope } from '../node/errors.js';

/** A client node's answer, kept as bytes so it reaches the browser unchanged. */
export interface NodeAnswer {
  status: number;
  contentType: string;
  body: Buffer;
  /** The parsed envelope, when the body is one. */
  envelope: NodeEnvelope | null;
}

/** Parameters of {@link forwardToNode}. */
export interface ForwardToNodeParameters {
  /** Client-node API base, e.g. `http://10.0.0.5:5002/api/v1`. */
  baseUrl: string;
  /** Path under the base, e.g. `tasks/start`. */
  path: string;
  /** Query string including its `?`, or empty. */
  search: string;
  body: Buffer | string;
  timeoutMs: number;
}

/** POSTs a call to a client node and returns its answer; network faults and timeouts throw. */
export async function forwardToNode(p: ForwardToNodeParameters): Promise<NodeAnswer> {
  const res = await fetch(`${p.baseUrl.replace(/\/+$/, '')}/${p.path}${p.search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // A copy typed as plain bytes: fetch's BodyInit does not take a Buffer over a shared ArrayBuffer.
    body: typeof p.body === 'string' ? p.body : new Uint8Array(p.body),
    signal: AbortSignal.timeout(p.timeoutMs),
  });
  const body = Buffer.from(await res.arrayBuffer());
  let envelope: NodeEnvelope | null = null;
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8'));
    if (parsed && typeof parsed === 'object' && typeof (parsed as NodeEnvelope).errcode === 'number')
      envelope = parsed as NodeEnvelope;
  } catch {
    // Not JSON: relayed as it is, without post-processing.
  }
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? 'application/json',
    body,
    envelope,
  };
}
