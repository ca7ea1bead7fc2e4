import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  getAllMachines,
  getRenterOrders,
  keyringSigner,
  parseDbc,
  rentMachineTx,
  transferKeepAliveTx,
  submit,
  type DbcChain,
  type DbcSigner,
} from '@dbc-cloud/chain';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import {
  accessNonceExpiry,
  nonceIssuedAt,
  createNodeClient,
  createVm,
  createVmAdditional,
  getVm,
  listVms,
  walletAuth,
} from '../src/node/index.js';
import {
  createDbcProxy,
  WRAPPED_SIGNATURE_MESSAGE,
  type DbcProxy,
  type DbcProxyOptions,
} from '../src/server/index.js';

const ORIGIN = 'https://gpu.partner.test';
let net: Devnet;
let chain: DbcChain;
let dave: DbcSigner;
let eve: DbcSigner;
let ferdie: DbcSigner;
let charlie: DbcSigner;
/** A 4+ GPU machine where Dave and Eve each rent one GPU per order; a VM needs an order of its own. */
let shared: string;
let daveOrder: number;
let daveOrders: number[];
let eveOrder: number;
/** Another machine with 2+ free GPUs, for the custodial partner. */
let partnerMachine: string;
/** A partner machine of the shared-store test (the custodial test takes partnerMachine's GPUs). */
let secondPartnerMachine: string;
/** Requests that reached the client node (the proxy forwards through a counting relay). */
let nodeHits = 0;
let relayUrl: string;
const servers: Server[] = [];
const proxies: DbcProxy[] = [];

const listen = async (fn: (req: IncomingMessage, res: ServerResponse) => void) => {
  const server = createServer(fn);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

async function startProxy(extra: Partial<DbcProxyOptions> = {}): Promise<{ url: string; proxy: DbcProxy }> {
  const proxy = createDbcProxy({
    chain,
    clientNodeUrl: relayUrl,
    allowedOrigins: [ORIGIN],
    snapshot: { refreshMs: 0 },
    ...extra,
  });
  proxies.push(proxy);
  return { url: await listen((req, res) => void proxy.handler(req, res)), proxy };
}

async function rent(signer: DbcSigner, machineId: string): Promise<number> {
  const r = await submit(chain, rentMachineTx(chain, { machineId, gpus: 1, durationBlocks: 600 }), signer);
  expect(r.ok).toBe(true);
  // The newest order of this renter on the machine (rent ids only grow).
  return Math.max(
    ...(await getRenterOrders(chain, { renter: signer.address }))
      .filter((o) => o.machineId === machineId)
      .map((o) => o.rentId),
  );
}

let nonceSeq = 0;
async function signedBody(
  signer: DbcSigner,
  machineId: string,
  rentOrder: number,
  additional: Record<string, unknown> = {},
) {
  const nonce = `proxytest${Date.now()}${nonceSeq++}`;
  return {
    peer_nodes_list: [machineId],
    additional,
    rent_order: String(rentOrder),
    wallet: signer.address,
    nonce,
    sign: await signer.signMessage(nonce),
  };
}

/**
 * `signer` as a browser extension signs: `u8aWrapBytes(message)`, which leaves an already wrapped
 * message unchanged. `before` runs first and may throw, as a user pressing Cancel.
 */
function extensionLike(signer: DbcSigner, before: (message: string) => Promise<void>): DbcSigner {
  const pair = (signer.txSigner as { pair: { sign(m: Uint8Array): Uint8Array } }).pair;
  return {
    address: signer.address,
    txSigner: signer.txSigner,
    source: 'extension',
    wrapsMessages: true,
    async signMessage(m) {
      await before(m);
      return u8aToHex(pair.sign(u8aWrapBytes(stringToU8a(m))));
    },
  };
}

/** Dave lists his VMs on the shared machine through the proxy with exactly `nonce`, signed raw. */
async function postWithNonce(url: string, nonce: string) {
  return post(url, 'tasks', {
    peer_nodes_list: [shared],
    additional: {},
    rent_order: String(daveOrder),
    wallet: dave.address,
    nonce,
    sign: await dave.signMessage(nonce),
  });
}

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}/dbc/node/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as { errcode: number; message: any },
  };
}

const vmParams = (taskId?: string) =>
  createVmAdditional({
    image: 'ubuntu-2204-cuda12.2.qcow2',
    gpus: 1,
    cpuCores: 1,
    memGb: 1,
    diskGb: 10,
    sshPort: 20000 + nonceSeq++,
    vncPort: 6000 + nonceSeq++,
    taskId,
  });

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 20, vmBootMs: 100 });
  chain = await connect({ endpoints: net.chainUrl });
  [dave, eve, ferdie, charlie] = await Promise.all(
    ['//Dave', '//Eve', '//Ferdie', '//Charlie'].map((u) => keyringSigner(u)),
  );
  const timeSlot = new Set(net.genesis.machines.filter((m) => m.timeSlot).map((m) => m.machineId));
  const { machines } = await getAllMachines(chain);
  const free = machines.filter(
    (m) => m.status.kind === 'online' && !timeSlot.has(m.machineId) && !m.hardware.bareMetal,
  );
  shared = free.find((m) => m.freeGpus >= 4)!.machineId;
  partnerMachine = free.find((m) => m.freeGpus >= 2 && m.machineId !== shared)!.machineId;
  secondPartnerMachine = free.find(
    (m) => m.freeGpus >= 1 && m.machineId !== shared && m.machineId !== partnerMachine,
  )!.machineId;
  daveOrders = [await rent(dave, shared), await rent(dave, shared), await rent(dave, shared)];
  daveOrder = daveOrders[0]!;
  eveOrder = await rent(eve, shared);
  relayUrl = await listen(async (req, res) => {
    nodeHits++;
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const r = await fetch(`${net.clientNodeUrl}${req.url}`, {
      method: req.method,
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat(chunks),
    });
    res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await r.arrayBuffer()));
  });
});

afterAll(async () => {
  for (const p of proxies) await p.close();
  for (const s of servers) await new Promise((r) => s.close(r));
  await chain?.disconnect();
  await net?.stop();
});

describe('createDbcProxy: options and bad input', () => {
  it('refuses options without a client node or with origins that are not origins', () => {
    expect(() => createDbcProxy({ chain, allowedOrigins: [ORIGIN] })).toThrow(
      /clientNodeUrl or clientNodeFor/,
    );
    expect(() =>
      createDbcProxy({ chain, clientNodeUrl: relayUrl, allowedOrigins: ['gpu.partner.test/path'] }),
    ).toThrow(/allowedOrigins/);
    expect(() =>
      createDbcProxy({
        chain,
        clientNodeUrl: relayUrl,
        allowedOrigins: [],
        rateLimit: { perWalletPerMinute: 0 },
      }),
    ).toThrow(/perWalletPerMinute/);
  });

  it('answers a body that is not JSON, a missing rent_order or missing credentials with an envelope, before the node', async () => {
    const { url } = await startProxy();
    const hits = nodeHits;
    const notJson = await fetch(`${url}/dbc/node/tasks`, {
      method: 'POST',
      body: '{oops',
      headers: { origin: ORIGIN },
    });
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errcode: number }).errcode).toBe(-25);
    const { rent_order: _r, ...noOrder } = await signedBody(dave, shared, daveOrder);
    expect((await post(url, 'tasks', noOrder)).json.message).toMatch(/rent_order/);
    const { sign: _s, ...unsigned } = await signedBody(dave, shared, daveOrder);
    expect((await post(url, 'tasks', unsigned)).status).toBe(401);
    expect((await fetch(`${url}/dbc/node/tasks`, { headers: { origin: ORIGIN } })).status).toBe(400);
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
    expect(nodeHits).toBe(hits);
  });
});

describe('createDbcProxy: CORS', () => {
  it('answers a preflight from an allowed origin, echoing it, and refuses other origins with 403', async () => {
    const { url } = await startProxy();
    const ok = await fetch(`${url}/dbc/node/tasks`, {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(ok.headers.get('vary')).toBe('Origin');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    const bad = await fetch(`${url}/dbc/node/tasks`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.test' },
    });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('access-control-allow-origin')).toBeNull();
    const hits = nodeHits;
    const refused = await post(url, 'tasks', await signedBody(dave, shared, daveOrder), {
      origin: 'https://evil.test',
    });
    expect(refused.status).toBe(403);
    expect(nodeHits).toBe(hits);
  });
});

describe('createDbcProxy: client-node calls', () => {
  it("forwards a renter's tasks/start and tasks/<id>, so the SDK's node client works through the proxy", async () => {
    const { url } = await startProxy();
    const node = createNodeClient({ baseUrl: `${url}/dbc/node`, retries: 0 });
    const target = { machineId: shared, rentOrder: daveOrder, auth: walletAuth(dave) };
    const created = await createVm(node, target, {
      image: 'ubuntu-2204-cuda12.2.qcow2',
      gpus: 1,
      cpuCores: 1,
      memGb: 1,
      diskGb: 10,
      sshPort: 20022,
      vncPort: 5901,
    });
    expect(created.status).toBe('creating');
    const vm = await getVm(node, target, created.taskId);
    expect(vm.taskId).toBe(created.taskId);
    expect((await listVms(node, target)).map((v) => v.taskId)).toContain(created.taskId);
  });

  it('refuses a wallet that does not rent the order before anything reaches the node', async () => {
    const { url } = await startProxy();
    const hits = nodeHits;
    const r = await post(url, 'tasks', await signedBody(ferdie, shared, daveOrder));
    expect(r.status).toBe(403);
    expect(r.json.errcode).toBe(-3);
    expect(r.json.message).toMatch(/wallet not rented/);
    const wrongMachine = await post(
      url,
      'tasks',
      await signedBody(dave, net.genesis.machines.find((m) => m.machineId !== shared)!.machineId, daveOrder),
    );
    expect(wrongMachine.json.message).toMatch(/another machine/);
    const gone = await post(url, 'tasks', await signedBody(dave, shared, 999_999));
    expect(gone.json.message).toMatch(/does not exist/);
    expect(nodeHits).toBe(hits);
  });

  it('refuses a replayed nonce with 401 and errcode -3', async () => {
    const { url } = await startProxy();
    const body = await signedBody(dave, shared, daveOrder);
    expect((await post(url, 'tasks', body)).json.errcode).toBe(0);
    const hits = nodeHits;
    const replay = await post(url, 'tasks', body);
    expect(replay.status).toBe(401);
    expect(replay.json).toEqual({ errcode: -3, message: 'nonce already used' });
    expect(nodeHits).toBe(hits);
  });

  it('refuses a signature that does not verify for the wallet, without logging it', async () => {
    const lines: string[] = [];
    const log = (m: string, f?: Record<string, unknown>) => void lines.push(m + JSON.stringify(f ?? {}));
    const { url } = await startProxy({ logger: { debug: log, info: log, warn: log, error: log } });
    const body = await signedBody(dave, shared, daveOrder);
    body.sign = await ferdie.signMessage(body.nonce);
    const r = await post(url, 'tasks', body);
    expect(r.status).toBe(401);
    expect(r.json.message).toMatch(/nonce check failed/);
    const good = await signedBody(dave, shared, daveOrder);
    expect((await post(url, 'tasks', good)).json.errcode).toBe(0);
    expect(lines.join('\n')).not.toContain(good.sign.slice(2));
    expect(lines.join('\n')).toContain(dave.address);
  });

  it('answers 404 for client-node paths outside the allow-list', async () => {
    const { url } = await startProxy();
    const hits = nodeHits;
    for (const path of ['disk/list/abc', 'lan', 'bare_metal', 'tasks/foo/bar', 'rent_orders', 'tasks/stop']) {
      const r = await post(url, path, await signedBody(dave, shared, daveOrder));
      expect(r.status, path).toBe(404);
      expect(r.json.errcode).toBe(-32601);
    }
    expect(nodeHits).toBe(hits);
  });

  it("refuses another wallet's task on the same machine, whether created through the proxy or directly", async () => {
    const { url } = await startProxy();
    const created = await post(
      url,
      'tasks/start',
      await signedBody(dave, shared, daveOrders[1]!, vmParams()),
    );
    expect(created.json, JSON.stringify(created.json)).toMatchObject({ errcode: 0 });
    const taskId = created.json.message.task_id as string;
    // Eve rents a GPU of the same machine: the node alone would let her stop Dave's VM by id.
    for (const path of [`tasks/stop/${taskId}`, `tasks/${taskId}`, `tasks/delete/${taskId}`]) {
      const r = await post(url, path, await signedBody(eve, shared, eveOrder));
      expect(r.status, path).toBe(403);
      expect(r.json.message).toMatch(/task_id not exist/);
    }
    // A task the proxy never saw is checked against the node's own list for the wallet.
    const direct = createNodeClient({ baseUrl: net.clientNodeUrl, retries: 0 });
    const outside = await createVm(
      direct,
      { machineId: shared, rentOrder: daveOrders[2]!, auth: walletAuth(dave) },
      {
        image: 'ubuntu-2204-cuda12.2.qcow2',
        gpus: 1,
        cpuCores: 1,
        memGb: 1,
        diskGb: 10,
        sshPort: 20500,
        vncPort: 6500,
      },
    );
    expect(
      (
        await post(
          url,
          `tasks/logs/${outside.taskId}?flag=tail&line_num=5`,
          await signedBody(eve, shared, eveOrder),
        )
      ).status,
    ).toBe(403);
    const mine = await post(url, `tasks/${outside.taskId}`, await signedBody(dave, shared, daveOrder));
    expect(mine.json.errcode).toBe(0);
    expect(mine.json.message.task_id).toBe(outside.taskId);
  });

  it('rate-limits each wallet with 429 and Retry-After', async () => {
    const { url } = await startProxy({ rateLimit: { perWalletPerMinute: 2 } });
    expect((await post(url, 'tasks', await signedBody(dave, shared, daveOrder))).status).toBe(200);
    expect((await post(url, 'tasks', await signedBody(dave, shared, daveOrder))).status).toBe(200);
    const limited = await post(url, 'tasks', await signedBody(dave, shared, daveOrder));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another wallet has its own allowance.
    expect((await post(url, 'tasks', await signedBody(eve, shared, eveOrder))).status).toBe(200);
  });

  it('verifies a <Bytes>-wrapped signature and, without nodeAuth, explains that a raw signature is needed', async () => {
    const { url } = await startProxy();
    const body = await signedBody(dave, shared, daveOrder);
    const pair = (dave.txSigner as { pair: { sign(m: Uint8Array): Uint8Array } }).pair;
    body.sign = u8aToHex(pair.sign(u8aWrapBytes(stringToU8a(body.nonce))));
    const hits = nodeHits;
    const r = await post(url, 'tasks', body);
    expect(r.status).toBe(401);
    expect(r.json).toEqual({ errcode: -3, message: WRAPPED_SIGNATURE_MESSAGE });
    expect(nodeHits).toBe(hits);
    // Wrapped bytes signed by someone else are a bad signature, not a wrapped one.
    body.nonce = `${body.nonce}x`;
    body.sign = u8aToHex(pair.sign(u8aWrapBytes(stringToU8a('other'))));
    expect((await post(url, 'tasks', body)).json.message).toMatch(/nonce check failed/);
  });

  it('lets a browser wallet (wrapsMessages) through with one signed access nonce, reused until it expires', async () => {
    const { url } = await startProxy();
    const signed: string[] = [];
    const auth = walletAuth(extensionLike(dave, async (m) => void signed.push(m)));
    const body = async () => ({
      peer_nodes_list: [shared],
      additional: {},
      rent_order: String(daveOrder),
      ...(await auth()),
    });
    // The same nonce is also accepted by the node itself, which checks the signature over its raw bytes.
    const direct = await listVms(createNodeClient({ baseUrl: net.clientNodeUrl, retries: 0 }), {
      machineId: shared,
      rentOrder: daveOrder,
      auth,
    });
    expect(Array.isArray(direct)).toBe(true);
    for (let i = 0; i < 3; i++)
      expect((await post(url, 'tasks', await body())).json).toMatchObject({ errcode: 0 });
    expect(signed).toHaveLength(1);
    expect(signed[0]).toMatch(
      /^<Bytes>dbc-cloud client-node access until \d{4}-.*Z nonce [0-9a-f]{24}<\/Bytes>$/,
    );
    expect(accessNonceExpiry(signed[0]!)! - Date.now()).toBeGreaterThan(29 * 60_000);

    // An access nonce that expired, or that claims more than 24 hours, is refused even when well signed.
    const at = (ms: number) =>
      `<Bytes>dbc-cloud client-node access until ${new Date(ms).toISOString()} nonce ${'ab'.repeat(12)}</Bytes>`;
    for (const [nonce, message] of [
      [at(Date.now() - 1000), /expired/],
      [at(Date.now() + 25 * 3600_000), /more than 24 hours/],
    ] as const) {
      const r = await postWithNonce(url, nonce);
      expect(r.status).toBe(401);
      expect(r.json.message).toMatch(message);
    }
  });

  it('refuses an SDK nonce older than the nonce memory (a replay after the cache forgot it) or from the future', async () => {
    const { url } = await startProxy();
    const at = (ms: number) => `dbc${ms.toString(36)}${'cd'.repeat(12)}`;
    const send = (nonce: string) => postWithNonce(url, nonce);
    expect(nonceIssuedAt(at(1_700_000_000_000))).toBe(1_700_000_000_000);
    const old = await send(at(Date.now() - 11 * 60_000));
    expect(old.status).toBe(401);
    expect(old.json.message).toMatch(/too old/);
    expect((await send(at(Date.now() + 5 * 60_000))).json.message).toMatch(/from the future/);
    expect((await send(at(Date.now() - 60_000))).json).toMatchObject({ errcode: 0 });
  });

  it('shares used nonces between proxy instances through a nonceStore, so a replay on another instance is refused', async () => {
    // What a Redis SET NX PX does, asynchronously.
    const seen = new Map<string, number>();
    const nonceStore = {
      use: async (wallet: string, nonce: string, ttlMs: number) => {
        const key = `${wallet}:${nonce}`;
        if ((seen.get(key) ?? 0) > Date.now()) return false;
        seen.set(key, Date.now() + ttlMs);
        return true;
      },
    };
    const a = await startProxy({ nonceStore });
    const b = await startProxy({ nonceStore });
    const body = await signedBody(dave, shared, daveOrder);
    expect((await post(a.url, 'tasks', body)).json).toMatchObject({ errcode: 0 });
    const replay = await post(b.url, 'tasks', body);
    expect(replay.status).toBe(401);
    expect(replay.json.message).toBe('nonce already used');
    expect([...seen.values()][0]! - Date.now()).toBeGreaterThan(9 * 60_000);
  });

  it('makes a browser wallet sign again after a refusal, and shares one pending signature between concurrent calls', async () => {
    let refuse = true;
    let count = 0;
    const auth = walletAuth(
      extensionLike(dave, async () => {
        count++;
        await new Promise((r) => setTimeout(r, 20));
        if (refuse) throw new Error('Cancelled');
      }),
    );
    await expect(auth()).rejects.toThrow('Cancelled');
    refuse = false;
    const [a, b] = await Promise.all([auth(), auth()]);
    expect(a).toBe(b);
    expect(count).toBe(2);
  });

  it("with custodial nodeAuth, re-signs a verified user's call on the partner's order and shows the user only its own tasks", async () => {
    const charlieOwnOrder = await rent(charlie, partnerMachine);
    const partnerOrder = await rent(charlie, partnerMachine);
    const allowed = new Set([ferdie.address]);
    const { url } = await startProxy({
      nodeAuth: { signer: charlie, canUse: ({ wallet }) => allowed.has(wallet) },
    });
    const direct = createNodeClient({ baseUrl: net.clientNodeUrl, retries: 0 });
    await createVm(
      direct,
      { machineId: partnerMachine, rentOrder: charlieOwnOrder, auth: walletAuth(charlie) },
      {
        image: 'ubuntu-2204-cuda12.2.qcow2',
        gpus: 1,
        cpuCores: 1,
        memGb: 1,
        diskGb: 10,
        sshPort: 21000,
        vncPort: 7000,
      },
    );
    const wrapped = async (additional: Record<string, unknown> = {}) => {
      const body = await signedBody(ferdie, partnerMachine, partnerOrder, additional);
      body.sign = u8aToHex(
        (ferdie.txSigner as { pair: { sign(m: Uint8Array): Uint8Array } }).pair.sign(
          u8aWrapBytes(stringToU8a(body.nonce)),
        ),
      );
      return body;
    };
    // The node lists Charlie's own VM too; the proxy hides it from Ferdie.
    expect((await post(url, 'tasks', await wrapped())).json).toEqual({ errcode: 0, message: [] });
    const created = await post(url, 'tasks/start', await wrapped(vmParams()));
    expect(created.json, JSON.stringify(created.json)).toMatchObject({ errcode: 0 });
    const listed = await post(url, 'tasks', await wrapped());
    expect(listed.json.message.map((t: { task_id: string }) => t.task_id)).toEqual([
      created.json.message.task_id,
    ]);
    expect((await post(url, 'mining_nodes/session_id', await wrapped())).status).toBe(403);
    const stranger = await post(url, 'tasks', await signedBody(dave, partnerMachine, partnerOrder));
    expect(stranger.json.message).toMatch(/wallet not rented/);
  });

  it('with a shared taskStore, a custodial user manages through one instance the VM it created through another', async () => {
    const partnerOrder = await rent(charlie, secondPartnerMachine);
    const nodeAuth = {
      signer: charlie,
      canUse: ({ wallet }: { wallet: string }) => wallet === ferdie.address,
    };
    const owners = new Map<string, string>();
    // What a Redis hash would hold, behind async calls.
    const taskStore = {
      ownerOf: async (m: string, t: string) => owners.get(`${m}/${t}`),
      record: async (m: string, t: string, w: string) => void owners.set(`${m}/${t}`, w),
      forget: async (m: string, t: string) => void owners.delete(`${m}/${t}`),
      tasksOf: async (m: string, w: string) =>
        new Set(
          [...owners]
            .filter(([k, v]) => v === w && k.startsWith(`${m}/`))
            .map(([k]) => k.slice(m.length + 1)),
        ),
    };
    const a = await startProxy({ nodeAuth, taskStore });
    const b = await startProxy({ nodeAuth, taskStore });
    const lonely = await startProxy({ nodeAuth });
    const created = await post(
      a.url,
      'tasks/start',
      await signedBody(ferdie, secondPartnerMachine, partnerOrder, vmParams()),
    );
    expect(created.json, JSON.stringify(created.json)).toMatchObject({ errcode: 0 });
    const taskId = created.json.message.task_id as string;
    expect(owners.get(`${secondPartnerMachine}/${taskId}`)).toBe(ferdie.address);
    // Another instance with the shared store knows the owner; one with its own memory cannot tell.
    const detail = await post(
      b.url,
      `tasks/${taskId}`,
      await signedBody(ferdie, secondPartnerMachine, partnerOrder),
    );
    expect(detail.json).toMatchObject({ errcode: 0, message: { task_id: taskId } });
    const refused = await post(
      lonely.url,
      `tasks/${taskId}`,
      await signedBody(ferdie, secondPartnerMachine, partnerOrder),
    );
    expect(refused.status).toBe(403);
    expect(
      (
        await post(b.url, 'tasks', await signedBody(ferdie, secondPartnerMachine, partnerOrder))
      ).json.message.map((t: { task_id: string }) => t.task_id),
    ).toEqual([taskId]);
  });

  it('works as Express/Connect middleware, mounted, after a JSON body parser, passing other paths on', async () => {
    const proxy = createDbcProxy({
      chain,
      clientNodeUrl: relayUrl,
      allowedOrigins: [ORIGIN],
      snapshot: false,
    });
    proxies.push(proxy);
    type Req = IncomingMessage & { body?: unknown; originalUrl?: string };
    type Mw = (req: Req, res: ServerResponse, next: (err?: unknown) => void) => void;
    // A minimal connect-like app: app.use([mount,] fn), run in order, with originalUrl and mount stripping.
    const stack: Array<{ mount: string; fn: Mw }> = [];
    const use = (mount: string, fn: Mw) => stack.push({ mount, fn });
    const app = (req: Req, res: ServerResponse) => {
      req.originalUrl = req.url;
      let i = 0;
      const next = (err?: unknown) => {
        req.url = req.originalUrl;
        if (err) return void ((res.statusCode = 500), res.end(String(err)));
        const layer = stack[i++];
        if (!layer) return void ((res.statusCode = 404), res.end('fallthrough'));
        if (!req.originalUrl!.startsWith(layer.mount)) return next();
        req.url = req.originalUrl!.slice(layer.mount.length) || '/';
        layer.fn(req, res, next);
      };
      next();
    };
    use('', async (req, _res, next) => {
      if (req.method !== 'POST') return next();
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      req.body = JSON.parse(Buffer.concat(chunks).toString());
      next();
    });
    use('/dbc', proxy.middleware() as Mw);
    const url = await listen((req, res) => app(req, res));
    const r = await post(url, 'tasks', await signedBody(dave, shared, daveOrder));
    expect(r.json.errcode).toBe(0);
    expect(r.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const other = await fetch(`${url}/health`);
    expect(await other.text()).toBe('fallthrough');
  });
});

describe('createDbcProxy: machine snapshot', () => {
  it('serves the snapshot with ETag, 304 on If-None-Match, and a delta after a rent changes a machine', async () => {
    const { url, proxy } = await startProxy();
    const first = await fetch(`${url}/dbc/machines/snapshot`, { headers: { origin: ORIGIN } });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const etag = first.headers.get('etag')!;
    const block = Number(first.headers.get('x-dbc-block'));
    expect(etag).toMatch(/^".+"$/);
    expect(block).toBeGreaterThan(0);
    const snap = (await first.json()) as { m: unknown[][] };
    expect(snap.m.length).toBeGreaterThanOrEqual(20);
    const again = await fetch(`${url}/dbc/machines/snapshot`, {
      headers: { origin: ORIGIN, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);

    const target = (await getAllMachines(chain)).machines.find(
      (m) =>
        m.status.kind === 'online' &&
        m.freeGpus >= 1 &&
        m.machineId !== shared &&
        m.machineId !== partnerMachine &&
        !net.genesis.machines.find((s) => s.machineId === m.machineId)?.timeSlot,
    )!;
    await rent(eve, target.machineId);
    const refreshed = await proxy.refreshSnapshot();
    expect(refreshed.blockNumber).toBeGreaterThan(block);
    const delta = await fetch(`${url}/dbc/machines/snapshot?sinceBlock=${block}`, {
      headers: { origin: ORIGIN },
    });
    expect(Number(delta.headers.get('x-dbc-block'))).toBe(refreshed.blockNumber);
    const body = (await delta.json()) as {
      fromBlock: number;
      toBlock: number;
      changed: unknown[][];
      removed: string[];
    };
    expect(body.fromBlock).toBe(block);
    expect(body.toBlock).toBe(refreshed.blockNumber);
    expect(body.removed).toEqual([]);
    const row = body.changed.find((r) => r[0] === target.machineId)!;
    // Column 3 of a compact row is rentedGpus.
    expect(row[3]).toBe(target.rentedGpus + 1);
    expect(body.changed.length).toBeLessThan(snap.m.length);
    // An unknown base gets the full snapshot.
    const full = (await (await fetch(`${url}/dbc/machines/snapshot?sinceBlock=5`)).json()) as {
      m?: unknown[];
    };
    expect(full.m).toBeDefined();
  });

  it('refreshes in the background as blocks arrive', async () => {
    const { url } = await startProxy({ snapshot: { onNewBlocks: true, refreshMs: 0 } });
    const before = Number((await fetch(`${url}/dbc/machines/snapshot`)).headers.get('x-dbc-block'));
    expect(
      (
        await submit(
          chain,
          transferKeepAliveTx(chain, { to: dave.address, amountPlanck: parseDbc('1') }),
          ferdie,
        )
      ).ok,
    ).toBe(true);
    await expect
      .poll(async () => Number((await fetch(`${url}/dbc/machines/snapshot`)).headers.get('x-dbc-block')), {
        timeout: 10_000,
      })
      .toBeGreaterThan(before);
  });
});
