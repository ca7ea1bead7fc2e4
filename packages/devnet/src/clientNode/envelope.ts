/**
 * Request and response envelopes of the client node's REST API
 * (`rest_api_service.cpp` `parse_req_params`, `network/http/http_server.cpp`).
 */

/** errcode values the node emits (`common/error.h`). */
export const ErrCode = {
  ok: 0,
  taskError: 1,
  failed: -1,
  authority: -3,
  invalidParams: -25,
  invalidRequest: -32600,
  methodNotFound: -32601,
  responseError: -32701,
} as const;

export interface HttpReply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Body of a GPU-node answer; always relayed with HTTP 200. */
export interface NodeReply {
  errcode: number;
  message: unknown;
}

const JSON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Content-Type': 'application/json',
};

/** An error raised by the client node itself: 4xx/5xx and rapidjson-escaped text. */
export function clientError(status: number, errcode: number, message: string): HttpReply {
  return {
    status,
    headers: { ...JSON_HEADERS },
    body: `${JSON.stringify({ errcode, message }, null, 4)}\r\n`,
  };
}

/**
 * The GPU node builds its JSON by string concatenation without escaping; the client node
 * re-parses it and answers `-1 "response parse error"` when that fails. Serializing the same
 * way keeps the real gotcha: a `"` or `\` in a desc or name breaks the reply even though
 * the action already ran.
 */
function concatenateLikeNode(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(concatenateLikeNode).join(',')}]`;
  const members = Object.entries(value as Record<string, unknown>).map(
    ([key, member]) => `"${key}":${concatenateLikeNode(member)}`,
  );
  return `{${members.join(', ')}}`;
}

/** Relays a GPU-node answer the way `reply_comm_rest_succ2` does. */
export function relayNodeReply(reply: NodeReply): HttpReply {
  const text = concatenateLikeNode({ errcode: reply.errcode, message: reply.message });
  try {
    JSON.parse(text);
  } catch {
    return clientError(500, ErrCode.failed, 'response parse error');
  }
  return { status: 200, headers: { ...JSON_HEADERS }, body: `${text}\r\n` };
}

export function nodeOk(message: unknown = 'ok'): NodeReply {
  return { errcode: ErrCode.ok, message };
}

export function nodeError(errcode: number, message: string): NodeReply {
  return { errcode, message };
}

/**
 * libevent's default `allowed_methods` is GET|POST|HEAD|PUT|DELETE; anything else
 * (OPTIONS, PATCH, …) never reaches DBC code and gets libevent's HTML 501 page, without
 * any Access-Control header. That is why browser preflights fail against a real node.
 */
export function libeventNotImplemented(): HttpReply {
  return {
    status: 501,
    headers: { 'Content-Type': 'text/html', Connection: 'close' },
    body:
      '<html><head><title>501 Not Implemented</title></head>' +
      '<body><h1>501 Not Implemented</h1></body></html>',
  };
}

export const LIBEVENT_ALLOWED_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'POST',
  'HEAD',
  'PUT',
  'DELETE',
]);

export interface MultisigSign {
  wallet: string;
  nonce: string;
  sign: string;
}

export interface MultisigAccounts {
  wallets: string[];
  /** `atoi` of the string the caller sent. */
  threshold: number;
  signs: MultisigSign[];
}

/** The parsed request envelope (`req_body`). Absent strings are empty, as in the node. */
export interface ClientRequest {
  peerNodeId: string;
  peerNodesListEmpty: boolean;
  additional: Record<string, unknown>;
  wallet: string;
  nonce: string;
  sign: string;
  multisig: MultisigAccounts | null;
  sessionId: string;
  sessionIdSign: string;
  rentOrder: string;
}

export type ParsedRequest = { ok: true; request: ClientRequest } | { ok: false; reply: HttpReply };

function invalidParams(message: string): ParsedRequest {
  return { ok: false, reply: clientError(400, ErrCode.invalidParams, message) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// rapidjson would assert on a non-string here; treating it as empty keeps the server up.
function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** C `atoi`: leading whitespace, optional sign, digits; anything else stops the scan. */
export function atoi(text: string): number {
  const match = /^[\t\n\v\f\r ]*([+-]?\d+)/.exec(text);
  if (!match) return 0;
  const value = Number.parseInt(match[1], 10);
  return value | 0;
}

function jsonParseError(error: unknown, text: string): string {
  const position = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  const offset = position ? Number(position[1]) : text.length;
  const reason = text.trim() === '' ? 'The document is empty.' : 'Invalid value.';
  return `json parse error: ${reason}(${offset})`;
}

/** Parses and validates the request body like `parse_req_params`. */
export function parseRequestBody(body: string): ParsedRequest {
  if (body.length === 0) return invalidParams('http request body is empty');
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (error) {
    return invalidParams(jsonParseError(error, body));
  }
  if (!isObject(doc)) return invalidParams('invalid json');

  if (!('peer_nodes_list' in doc)) return invalidParams('has no peer_nodes_list');
  const peers = doc.peer_nodes_list;
  if (!Array.isArray(peers)) return invalidParams('peer_nodes_list is not array');

  if (!('additional' in doc)) return invalidParams('has no additional');
  if (!isObject(doc.additional)) return invalidParams('additional is not object');

  for (const key of ['wallet', 'nonce', 'sign'] as const) {
    if (key in doc && typeof doc[key] !== 'string') return invalidParams(`${key} is not string`);
  }

  let multisig: MultisigAccounts | null = null;
  if ('multisig_accounts' in doc) {
    const accounts = doc.multisig_accounts;
    if (!isObject(accounts)) return invalidParams('multisig_accounts is not object');
    if (!('wallets' in accounts)) return invalidParams('multisig_accounts has no member wallets');
    if (!Array.isArray(accounts.wallets))
      return invalidParams('multisig_accounts member wallets is not array');
    if (!('threshold' in accounts)) return invalidParams('multisig_accounts has no member threshold');
    if (typeof accounts.threshold !== 'string') {
      return invalidParams('multisig_accounts member threshold is not string');
    }
    if (!('signs' in accounts)) return invalidParams('multisig_accounts has no member signs');
    if (!Array.isArray(accounts.signs)) return invalidParams('multisig_accounts member signs is not array');
    multisig = {
      wallets: accounts.wallets.map(asString),
      threshold: atoi(accounts.threshold),
      signs: accounts.signs.map((item: unknown) => {
        const sign = isObject(item) ? item : {};
        return { wallet: asString(sign.wallet), nonce: asString(sign.nonce), sign: asString(sign.sign) };
      }),
    };
  }

  for (const key of ['session_id', 'session_id_sign', 'rent_order'] as const) {
    if (key in doc && typeof doc[key] !== 'string') return invalidParams(`${key} is not string`);
  }

  return {
    ok: true,
    request: {
      peerNodeId: peers.length > 0 ? asString(peers[0]) : '',
      peerNodesListEmpty: peers.length === 0,
      additional: doc.additional,
      wallet: asString(doc.wallet),
      nonce: asString(doc.nonce),
      sign: asString(doc.sign),
      multisig,
      sessionId: asString(doc.session_id),
      sessionIdSign: asString(doc.session_id_sign),
      rentOrder: asString(doc.rent_order),
    },
  };
}

function hasWalletSign(request: ClientRequest): boolean {
  return request.wallet !== '' && request.nonce !== '' && request.sign !== '';
}

// rest_api_service's check_multisig_wallets: a shape check only, signatures are verified on the GPU node.
function hasMultisigShape(request: ClientRequest): boolean {
  const multisig = request.multisig;
  if (!multisig) return false;
  if (multisig.threshold > multisig.wallets.length || multisig.threshold > multisig.signs.length)
    return false;
  return multisig.signs.every(
    (item) =>
      multisig.wallets.includes(item.wallet) && item.wallet !== '' && item.nonce !== '' && item.sign !== '',
  );
}

/**
 * The client node rejects a request without any usable credential before relaying it.
 * `allowSession` is false for `mining_nodes/session_id`, which needs a wallet signature.
 */
export function checkCredentialShape(request: ClientRequest, allowSession: boolean): HttpReply | null {
  const hasSession = allowSession && request.sessionId !== '' && request.sessionIdSign !== '';
  if (hasSession || hasWalletSign(request) || hasMultisigShape(request)) return null;
  return clientError(400, ErrCode.invalidParams, 'wallet_sign and multisig_wallets all invalid');
}
