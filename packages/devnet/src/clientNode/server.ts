import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import type { ChainView } from './chainView.js';
import { clientError, ErrCode, type HttpReply } from './envelope.js';
import { pruneExpiredTasks } from './expiry.js';
import { DEFAULT_IMAGE_SERVER, DEFAULT_IMAGES, ImageCatalog, type NodeImage } from './images.js';
import { NodeNetwork } from './network.js';
import { routeCall } from './router.js';
import { Scheduler } from './scheduler.js';
import type { Vm } from './vm.js';

/** Where the client node reports problems it cannot put into a reply (block processing). */
export interface ClientNodeLogger {
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface StartClientNodeOptions {
  /** The chain the node checks machines and rent orders against. */
  chain: ChainView;
  /** Listen address; the real node's `http_ip` also defaults to 127.0.0.1. */
  host?: string;
  /** Listen port; 0 picks a free one. Real nodes use 5002. */
  port?: number;
  /** Time a new VM takes from "creating" through "starting" to "running". Default 3000. */
  vmBootMs?: number;
  /** Time start, shutdown, power-off, restart, reset and delete take. Default min(500, vmBootMs). */
  vmOpMs?: number;
  /** Images in every machine's `/data`. Default: PyTorch, TensorFlow, MXNet, Jupyter, CUDA and Windows images. */
  images?: NodeImage[];
  /** Image server ids accepted in `additional.image_server`. Default `["devnet"]`. */
  imageServers?: string[];
  /** `ssh_ip` of VMs without a public IP. Default "127.0.0.1". */
  vmHostIp?: string;
  /** Default: silent. */
  logger?: ClientNodeLogger;
}

/** A read-only copy of a VM, for assertions in tests. */
export type VmSnapshot = Readonly<Vm>;

/** Test introspection: every VM on every machine served by this client node. */
export interface ClientNodeVms {
  list(machineId?: string): VmSnapshot[];
  get(taskId: string, machineId?: string): VmSnapshot | undefined;
}

export interface ClientNode {
  /** Origin, e.g. "http://127.0.0.1:39123". */
  url: string;
  /** Base URL of the REST API: `${url}/api/v1`. */
  apiUrl: string;
  port: number;
  vms: ClientNodeVms;
  stop(): Promise<void>;
}

/** `MAX_BODY_SIZE` of the node's libevent server. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const SILENT_LOGGER: ClientNodeLogger = { warn: () => undefined, error: () => undefined };

function snapshot(vm: Vm): VmSnapshot {
  return structuredClone(vm);
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, reply: HttpReply): void {
  response.writeHead(reply.status, reply.headers);
  response.end(reply.body);
}

/**
 * Starts one HTTP server that plays the client node of every machine on the devnet: the
 * machine is chosen per request by `peer_nodes_list[0]`, as a real client node relays to it.
 *
 * @example
 * const node = await startClientNode({ chain, vmBootMs: 50 });
 * await fetch(`${node.apiUrl}/mining_nodes`, { method: 'POST', body: JSON.stringify({ peer_nodes_list: [], additional: {} }) });
 * await node.stop();
 */
export async function startClientNode(options: StartClientNodeOptions): Promise<ClientNode> {
  await cryptoWaitReady();
  const logger = options.logger ?? SILENT_LOGGER;
  const vmBootMs = options.vmBootMs ?? 3000;
  const vmOpMs = options.vmOpMs ?? Math.min(500, vmBootMs);
  const scheduler = new Scheduler();
  const images = new ImageCatalog(
    options.images ?? DEFAULT_IMAGES,
    options.imageServers ?? [DEFAULT_IMAGE_SERVER],
  );
  const network = new NodeNetwork(options.chain, {
    scheduler,
    images,
    timings: { vmBootMs, vmOpMs },
    hostIp: options.vmHostIp ?? '127.0.0.1',
  });

  const server = createServer((request, response) => {
    void (async () => {
      try {
        const body = await readBody(request);
        if (body === null) {
          send(response, {
            status: 413,
            headers: { 'Content-Type': 'text/html', Connection: 'close' },
            body: '',
          });
          return;
        }
        send(
          response,
          await routeCall(
            { network, images },
            { method: request.method ?? '', uri: request.url ?? '', body },
          ),
        );
      } catch (error) {
        logger.error('client node request failed', error);
        if (!response.headersSent)
          send(response, clientError(500, ErrCode.responseError, 'Unhandled request'));
      }
    })();
  });

  // Blocks are handled one at a time so a slow chain read never lets two prunes interleave.
  let pruning = Promise.resolve();
  const unsubscribe = options.chain.onNewBlock((blockNumber) => {
    pruning = pruning.then(async () => {
      for (const node of network.all()) {
        try {
          await pruneExpiredTasks(node, blockNumber);
        } catch (error) {
          logger.warn(`could not prune VMs of machine ${node.machineId} at block ${blockNumber}`, error);
        }
      }
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;

  const vms: ClientNodeVms = {
    list: (machineId) =>
      network
        .all()
        .filter((node) => machineId === undefined || node.machineId === machineId)
        .flatMap((node) => node.tasks.all().map(snapshot)),
    get: (taskId, machineId) => {
      for (const node of network.all()) {
        if (machineId !== undefined && node.machineId !== machineId) continue;
        const vm = node.tasks.get(taskId);
        if (vm) return snapshot(vm);
      }
      return undefined;
    },
  };

  let stopped: Promise<void> | null = null;
  return {
    url,
    apiUrl: `${url}/api/v1`,
    port,
    vms,
    stop() {
      stopped ??= (async () => {
        unsubscribe();
        scheduler.stop();
        await pruning;
        network.clear();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return stopped;
    },
  };
}
