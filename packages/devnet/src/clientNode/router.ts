/**
 * URI dispatch of the client node (rest_api_service.cpp): prefix matching, per-route path
 * and method checks, envelope validation, then relaying to the GPU node named by
 * `peer_nodes_list[0]`. Checks run in the node's order so the first error matches.
 */
import {
  atoi,
  checkCredentialShape,
  type ClientRequest,
  clientError,
  ErrCode,
  type HttpReply,
  LIBEVENT_ALLOWED_METHODS,
  libeventNotImplemented,
  type NodeReply,
  parseRequestBody,
  relayNodeReply,
} from './envelope.js';
import type { ImageCatalog } from './images.js';
import type { MachineNode } from './machineNode.js';
import type { NodeNetwork } from './network.js';
import {
  changeTaskPassword,
  createTask,
  freeMemory,
  listNodeImages,
  listRentOrders,
  listTasks,
  modifyTask,
  operateTask,
  queryNodeInfo,
  sessionId,
  taskLogs,
  type TaskOperation,
} from './nodeHandlers.js';
import { CLIENT_VERSION } from './nodeInfo.js';

export interface RouterContext {
  network: NodeNetwork;
  images: ImageCatalog;
}

export interface IncomingCall {
  method: string;
  /** Raw request target, query string included, as `evhttp_request_get_uri` returns it. */
  uri: string;
  body: string;
}

const API_PREFIX = '/api/v1';

/** `MAX_NUMBER_OF_LINES`: larger requests are served 99 lines. */
const MAX_LOG_LINES = 100;

const TASK_OPERATIONS: ReadonlySet<string> = new Set([
  'start',
  'shutdown',
  'poweroff',
  'stop',
  'restart',
  'reset',
  'delete',
]);

const IMAGE_TRANSFER_OPERATIONS: ReadonlySet<string> = new Set([
  'download',
  'downloadprogress',
  'download_stop',
  'upload',
  'uploadprogress',
  'upload_stop',
  'delete',
]);

/** Route prefixes in registration order; the first whose prefix matches wins. */
const PREFIXES = [
  'tasks',
  'images',
  'snapshot',
  'disk',
  'mining_nodes',
  'peers',
  'stat',
  'config',
  'monitor',
  'lan',
  'bare_metal',
  'deeplink',
  'rent_orders',
] as const;
type Prefix = (typeof PREFIXES)[number];

/** util::split_path: drops the query, a leading '/', and only a trailing empty segment. */
export function splitPath(path: string): string[] {
  const withoutQuery = path.split('?', 1)[0];
  const trimmed = withoutQuery.startsWith('/') ? withoutQuery.slice(1) : withoutQuery;
  if (trimmed === '') return [];
  const segments = trimmed.split('/');
  if (segments[segments.length - 1] === '') segments.pop();
  return segments;
}

/** util::split_path_into_kvs: `key=value` pairs; anything else is skipped. */
function queryTable(path: string): Map<string, string> {
  const table = new Map<string, string>();
  const start = path.indexOf('?');
  if (start < 0) return table;
  for (const item of path.slice(start + 1).split('&')) {
    const pair = item.split('=');
    if (pair.length === 2 && pair[0] !== '') table.set(pair[0], pair[1]);
  }
  return table;
}

const onlyPost = () => clientError(400, ErrCode.invalidRequest, 'only support POST request');
const invalidRequestsUri = () => clientError(400, ErrCode.invalidRequest, 'invalid requests uri');
const invalidParams = (message: string) => clientError(400, ErrCode.invalidParams, message);
// Handlers that return without replying drop the request object, whose destructor answers.
const unhandled = () => clientError(500, ErrCode.responseError, 'Unhandled request');
const notImplemented = (uri: string) =>
  clientError(
    404,
    ErrCode.methodNotFound,
    `not support uri:${uri} (not implemented by the devnet client node)`,
  );

type Credentials = 'any' | 'wallet' | 'none';

/** Envelope checks, then the node lookup, then the GPU node's answer relayed with HTTP 200. */
async function relay(
  context: RouterContext,
  body: string,
  credentials: Credentials,
  run: (node: MachineNode, request: ClientRequest) => Promise<NodeReply>,
  beforeRelay?: (request: ClientRequest) => HttpReply | null,
): Promise<HttpReply> {
  const parsed = parseRequestBody(body);
  if (!parsed.ok) return parsed.reply;
  const request = parsed.request;
  if (request.peerNodeId === '') return invalidParams('peer_nodeid is empty');
  if (credentials !== 'none') {
    const problem = checkCredentialShape(request, credentials === 'any');
    if (problem) return problem;
  }
  const early = beforeRelay?.(request);
  if (early) return early;
  const node = await context.network.resolve(request.peerNodeId);
  if (!node) return clientError(400, ErrCode.responseError, 'create node request failed');
  return relayNodeReply(await run(node, request));
}

function imageServerProblem(context: RouterContext, request: ClientRequest): HttpReply | null {
  const server = request.additional.image_server;
  if (typeof server === 'string' && server !== '' && !context.images.hasServer(server)) {
    return invalidParams('image_server not exist');
  }
  return null;
}

async function routeTasks(context: RouterContext, call: IncomingCall, path: string): Promise<HttpReply> {
  const segments = splitPath(path);
  if (segments.length === 0 || (segments.length === 1 && segments[0] !== 'start')) {
    if (call.method !== 'POST') return onlyPost();
    const taskId = segments[0] ?? '';
    return relay(context, call.body, 'any', (node, request) => listTasks(node, request, taskId));
  }
  if (segments.length === 1) {
    if (call.method !== 'POST') return onlyPost();
    return relay(context, call.body, 'any', createTask);
  }
  if (segments.length > 2) return invalidRequestsUri();

  const [operation, taskId] = segments;
  const known = TASK_OPERATIONS.has(operation) || ['logs', 'modify', 'passwd'].includes(operation);
  if (!known) return unhandled();
  if (call.method !== 'POST') return onlyPost();

  if (operation === 'logs') {
    const query = queryTable(path);
    let flag = query.get('flag') ?? '';
    let lineText = query.get('line_num') ?? '';
    if (flag === '') {
      flag = 'tail';
      lineText = '100';
    } else if (flag === 'head' || flag === 'tail') {
      if (lineText === '') lineText = '100';
    } else {
      return invalidParams('head_or_tail is invalid"');
    }
    let lines = atoi(lineText);
    if (lines > MAX_LOG_LINES) lines = MAX_LOG_LINES - 1;
    else if (lines <= 0) return invalidParams('invalid line num');
    if (taskId === '') return invalidParams('task_id is empty');
    const direction = flag as 'head' | 'tail';
    return relay(context, call.body, 'any', (node, request) =>
      taskLogs(node, request, taskId, direction, lines),
    );
  }

  if (taskId === '') return invalidParams('task_id is empty');
  if (operation === 'modify') {
    return relay(context, call.body, 'any', (node, request) => modifyTask(node, request, taskId));
  }
  if (operation === 'passwd') {
    return relay(context, call.body, 'any', (node, request) => changeTaskPassword(node, request, taskId));
  }
  // restart?force_reboot=true destroys and starts the domain instead of rebooting it; the
  // devnet's outcome is the same either way.
  const taskOperation = operation as TaskOperation;
  return relay(context, call.body, 'any', (node, request) =>
    operateTask(node, request, taskOperation, taskId),
  );
}

async function listMiningNodes(context: RouterContext): Promise<HttpReply> {
  const ids = await context.network.listMachineIds();
  return relayNodeReply({
    errcode: ErrCode.ok,
    message: {
      mining_nodes: ids.map((id) => ({
        node_id: id,
        name: `devnet-${id.slice(0, 8)}`,
        version: CLIENT_VERSION,
      })),
    },
  });
}

async function routeMiningNodes(
  context: RouterContext,
  call: IncomingCall,
  path: string,
): Promise<HttpReply> {
  const segments = splitPath(path);
  if (segments.length === 0) {
    if (call.method !== 'POST') return onlyPost();
    const parsed = parseRequestBody(call.body);
    if (!parsed.ok) return parsed.reply;
    if (parsed.request.peerNodesListEmpty) return listMiningNodes(context);
    const problem = imageServerProblem(context, parsed.request);
    if (problem) return problem;
    const node = await context.network.resolve(parsed.request.peerNodeId);
    if (!node) return clientError(400, ErrCode.responseError, 'create node request failed');
    return relayNodeReply(await queryNodeInfo(node));
  }
  if (segments.length === 1 && segments[0] === 'session_id') {
    if (call.method !== 'POST') return onlyPost();
    return relay(context, call.body, 'wallet', sessionId);
  }
  if (segments.length === 1 && segments[0] === 'free_memory') {
    if (call.method !== 'POST') return onlyPost();
    return relay(context, call.body, 'any', freeMemory);
  }
  return invalidRequestsUri();
}

async function routeImages(
  context: RouterContext,
  call: IncomingCall,
  path: string,
  uri: string,
): Promise<HttpReply> {
  const segments = splitPath(path);
  if (segments.length === 0) {
    if (call.method !== 'POST') return onlyPost();
    const parsed = parseRequestBody(call.body);
    if (!parsed.ok) return parsed.reply;
    const request = parsed.request;
    if (request.peerNodeId === '') {
      const server = request.additional.image_server;
      if (typeof server !== 'string' || !context.images.hasServer(server)) {
        return invalidParams('image_server not exist');
      }
      return relayNodeReply({ errcode: ErrCode.ok, message: context.images.list() });
    }
    return relay(context, call.body, 'none', listNodeImages, (req) => imageServerProblem(context, req));
  }
  if (segments.length === 1 && segments[0] === 'servers') {
    if (call.method !== 'POST') return onlyPost();
    if (call.body === '') return invalidParams('http request body is empty');
    try {
      const doc: unknown = JSON.parse(call.body);
      if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return invalidParams('invalid json');
    } catch {
      return invalidParams('json parse error: Invalid value.');
    }
    return relayNodeReply({ errcode: ErrCode.ok, message: { image_server: [...context.images.servers] } });
  }
  if (segments.length === 1 && IMAGE_TRANSFER_OPERATIONS.has(segments[0])) return notImplemented(uri);
  return invalidRequestsUri();
}

async function routeRentOrders(context: RouterContext, call: IncomingCall, path: string): Promise<HttpReply> {
  if (splitPath(path).length > 1) return invalidRequestsUri();
  if (call.method !== 'POST') return onlyPost();
  return relay(context, call.body, 'none', (node) => listRentOrders(node));
}

function matchPrefix(uri: string): { prefix: Prefix; path: string } | null {
  for (const prefix of PREFIXES) {
    const full = `${API_PREFIX}/${prefix}`;
    if (uri.startsWith(full)) return { prefix, path: uri.slice(full.length) };
  }
  return null;
}

/** Answers one HTTP request the way a DBC client node does. */
export async function routeCall(context: RouterContext, call: IncomingCall): Promise<HttpReply> {
  if (!LIBEVENT_ALLOWED_METHODS.has(call.method)) return libeventNotImplemented();
  const { uri } = call;
  if (!uri.startsWith(API_PREFIX)) {
    return clientError(400, ErrCode.invalidRequest, `request uri is invalid, uri:${uri}`);
  }
  if (uri === `${API_PREFIX}/`) {
    return relayNodeReply({ errcode: ErrCode.ok, message: { client_version: CLIENT_VERSION } });
  }
  const match = matchPrefix(uri);
  if (!match) return clientError(404, ErrCode.methodNotFound, `not support uri:${uri}`);

  switch (match.prefix) {
    case 'tasks':
      return routeTasks(context, call, match.path);
    case 'mining_nodes':
      return routeMiningNodes(context, call, match.path);
    case 'images':
      return routeImages(context, call, match.path, uri);
    case 'rent_orders':
      return routeRentOrders(context, call, match.path);
    case 'stat':
    case 'config':
      return unhandled();
    default:
      return notImplemented(uri);
  }
}
