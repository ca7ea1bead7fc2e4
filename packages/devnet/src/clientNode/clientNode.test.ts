import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';
import { createKeyMulti, cryptoWaitReady, encodeAddress } from '@polkadot/util-crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryChainView, type MemoryChainView } from './memoryChainView.js';
import { type ClientNode, startClientNode } from './server.js';

const MACHINE = 'a'.repeat(64);
const SMALL_MACHINE = 'b'.repeat(64);
const UNKNOWN_MACHINE = 'c'.repeat(64);
const EIGHT_GPUS = { gpuNum: 8, cpuCores: 64, memGb: 512, diskGb: 4000 };
const FOUR_GPUS = { gpuNum: 4, cpuCores: 32, memGb: 256, diskGb: 2000 };

interface Reply {
  status: number;
  headers: Headers;
  json: { errcode: number; message: any };
}

let alice: KeyringPair;
let bob: KeyringPair;
let charlie: KeyringPair;
let dave: KeyringPair;
let chain: MemoryChainView;
let node: ClientNode;

beforeAll(async () => {
  await cryptoWaitReady();
  const sr = new Keyring({ type: 'sr25519', ss58Format: 42 });
  alice = sr.addFromUri('//Alice');
  bob = sr.addFromUri('//Bob');
  charlie = sr.addFromUri('//Charlie');
  dave = new Keyring({ type: 'ed25519', ss58Format: 42 }).addFromUri('//Dave');
});

beforeEach(async () => {
  chain = createMemoryChainView(100);
  chain.addMachine(MACHINE, EIGHT_GPUS);
  chain.addMachine(SMALL_MACHINE, FOUR_GPUS);
  node = await startClientNode({ chain, vmBootMs: 50, vmOpMs: 20 });
});

afterEach(async () => {
  await node.stop();
});

async function restartNode(timings: { vmBootMs: number; vmOpMs?: number }) {
  await node.stop();
  node = await startClientNode({ chain, ...timings });
}

function sign(pair: KeyringPair, message: string): string {
  return u8aToHex(pair.sign(stringToU8a(message)));
}

let nonceCounter = 0;
function walletAuth(pair: KeyringPair) {
  const nonce = `nonce-${Date.now()}-${nonceCounter++}`;
  return { wallet: pair.address, nonce, sign: sign(pair, nonce) };
}

async function post(path: string, body: unknown): Promise<Reply> {
  const response = await fetch(`${node.apiUrl}/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, json: JSON.parse(text) };
}

function envelope(
  pair: KeyringPair,
  rentOrder: bigint | number | string,
  additional: Record<string, unknown> = {},
  machine = MACHINE,
) {
  return { peer_nodes_list: [machine], additional, ...walletAuth(pair), rent_order: String(rentOrder) };
}

function rentWhole(renter: string, machine = MACHINE, gpuNum = EIGHT_GPUS.gpuNum) {
  return chain.rent({ machineId: machine, renter, gpuNum, durationBlocks: 3000 }).rentId;
}

const linuxVm = (overrides: Record<string, unknown> = {}) => ({
  image_name: 'ubuntu-2204-cuda12.2-pytorch2.1.qcow2',
  ssh_port: '20022',
  vnc_port: '5901',
  gpu_count: '8',
  cpu_cores: '16',
  mem_size: '64',
  disk_size: '200',
  desc: 'training box',
  ...overrides,
});

async function createVm(pair: KeyringPair, rentOrder: bigint, overrides: Record<string, unknown> = {}) {
  const reply = await post('tasks/start', envelope(pair, rentOrder, linuxVm(overrides)));
  expect(reply.json.errcode, JSON.stringify(reply.json)).toBe(0);
  return reply.json.message.task_id as string;
}

async function statusOf(pair: KeyringPair, rentOrder: bigint, taskId: string): Promise<string> {
  const reply = await post(`tasks/${taskId}`, envelope(pair, rentOrder));
  return reply.json.message.status;
}

async function waitForStatus(pair: KeyringPair, rentOrder: bigint, taskId: string, status: string) {
  await vi.waitFor(async () => expect(await statusOf(pair, rentOrder, taskId)).toBe(status), {
    timeout: 2000,
    interval: 10,
  });
}

describe('request envelope', () => {
  it('rejects a request body that is not JSON with HTTP 400 and errcode -25', async () => {
    const reply = await post('tasks', '{"peer_nodes_list": [');
    expect(reply.status).toBe(400);
    expect(reply.json.errcode).toBe(-25);
    expect(reply.json.message).toMatch(/^json parse error: /);
  });

  it('rejects a body without additional', async () => {
    const reply = await post('tasks', { peer_nodes_list: [MACHINE], ...walletAuth(alice) });
    expect(reply).toMatchObject({ status: 400, json: { errcode: -25, message: 'has no additional' } });
  });

  it('rejects a request that carries no credential before relaying it', async () => {
    const reply = await post('tasks', { peer_nodes_list: [MACHINE], additional: {} });
    expect(reply).toMatchObject({
      status: 400,
      json: { errcode: -25, message: 'wallet_sign and multisig_wallets all invalid' },
    });
  });

  it('answers -32701 when peer_nodes_list names a machine that is not on chain', async () => {
    const reply = await post('tasks', { ...envelope(alice, 1), peer_nodes_list: [UNKNOWN_MACHINE] });
    expect(reply).toMatchObject({
      status: 400,
      json: { errcode: -32701, message: 'create node request failed' },
    });
  });

  it('refuses GET with HTTP 400 and errcode -32600', async () => {
    const response = await fetch(`${node.apiUrl}/tasks`);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errcode: -32600, message: 'only support POST request' });
  });

  it('answers an unknown path with HTTP 404 and errcode -32601', async () => {
    const reply = await post('nope', {});
    expect(reply).toMatchObject({
      status: 404,
      json: { errcode: -32601, message: 'not support uri:/api/v1/nope' },
    });
  });

  it('answers a path outside /api/v1 with errcode -32600', async () => {
    const response = await fetch(`${node.url}/v2/tasks`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      errcode: -32600,
      message: 'request uri is invalid, uri:/v2/tasks',
    });
  });

  it('gives a CORS preflight no answer: OPTIONS gets 501 without Access-Control headers', async () => {
    const response = await fetch(`${node.apiUrl}/tasks`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(501);
    const accessControl = [...response.headers.keys()].filter((name) => name.startsWith('access-control'));
    expect(accessControl).toEqual([]);
  });

  it('marks POST replies with Access-Control-Allow-Origin *', async () => {
    const reply = await post('tasks', { peer_nodes_list: [MACHINE], additional: {} });
    expect(reply.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers an unknown task operation with the node\'s "Unhandled request"', async () => {
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks/hibernate/abc', envelope(alice, rentId));
    expect(reply).toMatchObject({ status: 500, json: { errcode: -32701, message: 'Unhandled request' } });
  });

  it('reports the client version at /api/v1/', async () => {
    const response = await fetch(`${node.apiUrl}/`);
    expect(await response.json()).toEqual({ errcode: 0, message: { client_version: '0.4.1.8' } });
  });
});

describe('authentication', () => {
  it('lets the renter in with wallet, nonce and an sr25519 signature of the nonce (auth A)', async () => {
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks', envelope(alice, rentId));
    expect(reply).toMatchObject({ status: 200, json: { errcode: 0, message: [] } });
  });

  it('accepts the signature as bare hex and from an ed25519 wallet', async () => {
    const rentId = rentWhole(dave.address);
    const auth = walletAuth(dave);
    const reply = await post('tasks', {
      ...envelope(dave, rentId),
      sign: auth.sign.slice(2),
      nonce: auth.nonce,
    });
    expect(reply.json.errcode).toBe(0);
  });

  it('lets a 2-of-3 multisig renter in with two member signatures (auth B)', async () => {
    const wallets = [alice.address, bob.address, charlie.address];
    const multisig = encodeAddress(createKeyMulti(wallets, 2), 42);
    const rentId = rentWhole(multisig);
    const reply = await post('tasks', {
      peer_nodes_list: [MACHINE],
      additional: {},
      rent_order: String(rentId),
      multisig_accounts: { wallets, threshold: '2', signs: [walletAuth(alice), walletAuth(bob)] },
    });
    expect(reply.json).toEqual({ errcode: 0, message: [] });
  });

  it('rejects a multisig threshold sent as a number', async () => {
    const reply = await post('tasks', {
      peer_nodes_list: [MACHINE],
      additional: {},
      multisig_accounts: { wallets: [alice.address], threshold: 1, signs: [walletAuth(alice)] },
    });
    expect(reply).toMatchObject({
      status: 400,
      json: { errcode: -25, message: 'multisig_accounts member threshold is not string' },
    });
  });

  it('hands out one stable session id per renter and accepts it signed instead of a nonce (auth C)', async () => {
    const rentId = rentWhole(alice.address);
    const first = await post('mining_nodes/session_id', envelope(alice, rentId));
    const second = await post('mining_nodes/session_id', envelope(alice, rentId));
    const sessionId = first.json.message.session_id as string;
    expect(sessionId).toMatch(/^[1-9A-HJ-NP-Za-km-z]{40,}$/);
    expect(second.json.message.session_id).toBe(sessionId);

    const reply = await post('tasks', {
      peer_nodes_list: [MACHINE],
      additional: {},
      rent_order: String(rentId),
      session_id: sessionId,
      session_id_sign: sign(alice, sessionId),
    });
    expect(reply.json).toEqual({ errcode: 0, message: [] });
  });

  it('refuses a session id signed by someone else', async () => {
    const rentId = rentWhole(alice.address);
    const sessionId = (await post('mining_nodes/session_id', envelope(alice, rentId))).json.message
      .session_id;
    const reply = await post('tasks', {
      peer_nodes_list: [MACHINE],
      additional: {},
      rent_order: String(rentId),
      session_id: sessionId,
      session_id_sign: sign(bob, sessionId),
    });
    expect(reply.json).toEqual({ errcode: -3, message: 'check authority failed: session_id is invalid' });
  });

  it('does not give out a session id to a caller that authenticated with a session', async () => {
    const rentId = rentWhole(alice.address);
    const sessionId = (await post('mining_nodes/session_id', envelope(alice, rentId))).json.message
      .session_id;
    const reply = await post('mining_nodes/session_id', {
      peer_nodes_list: [MACHINE],
      additional: {},
      rent_order: String(rentId),
      session_id: sessionId,
      session_id_sign: sign(alice, sessionId),
    });
    expect(reply).toMatchObject({ status: 400, json: { errcode: -25 } });
  });

  it('refuses a wallet that does not rent the order', async () => {
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks', envelope(bob, rentId));
    expect(reply).toMatchObject({
      status: 200,
      json: { errcode: -3, message: 'check authority failed: wallet not rented' },
    });
  });

  it("refuses the renter's order when it belongs to another machine", async () => {
    rentWhole(alice.address);
    const otherMachineOrder = rentWhole(alice.address, SMALL_MACHINE, 4);
    const reply = await post('tasks', envelope(alice, otherMachineOrder));
    expect(reply.json).toEqual({ errcode: -3, message: 'check authority failed: wallet not rented' });
  });

  it('refuses a request without rent_order, as the node on the current chain does', async () => {
    rentWhole(alice.address);
    const { rent_order: _omitted, ...withoutOrder } = envelope(alice, 0);
    const reply = await post('tasks', withoutOrder);
    expect(reply.json).toEqual({ errcode: -3, message: 'check authority failed: wallet not rented' });
  });

  it('refuses everyone while the machine is not rented', async () => {
    const reply = await post('tasks', envelope(alice, 1));
    expect(reply).toMatchObject({
      status: 200,
      json: { errcode: -3, message: 'check authority failed: machine is not be rented' },
    });
  });

  it('refuses a signature that does not match the nonce', async () => {
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks', { ...envelope(alice, rentId), sign: sign(alice, 'another nonce') });
    expect(reply.json).toEqual({ errcode: -3, message: 'check authority failed: nonce check failed' });
  });

  it('refuses a signature over the <Bytes>-wrapped nonce that browser extensions produce', async () => {
    const rentId = rentWhole(alice.address);
    const nonce = 'wrapped-nonce';
    const wrapped = u8aToHex(alice.sign(u8aWrapBytes(stringToU8a(nonce))));
    const reply = await post('tasks', { ...envelope(alice, rentId), nonce, sign: wrapped });
    expect(reply.json.message).toBe('check authority failed: nonce check failed');
  });

  it('accepts an extension signature when the nonce is itself <Bytes>-wrapped (extensions sign it unchanged)', async () => {
    const rentId = rentWhole(alice.address);
    const nonce = '<Bytes>dbc-cloud client-node access until 2030-01-01T00:00:00.000Z nonce 0123456789abcdef01234567</Bytes>';
    // u8aWrapBytes leaves wrapped bytes alone, so this is exactly what an extension's signRaw returns.
    const sign = u8aToHex(alice.sign(u8aWrapBytes(stringToU8a(nonce))));
    const reply = await post('tasks', { ...envelope(alice, rentId), nonce, sign });
    expect(reply.json).toEqual({ errcode: 0, message: [] });
  });

  it('rejects rent_order sent as a number', async () => {
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks', { ...envelope(alice, rentId), rent_order: Number(rentId) });
    expect(reply).toMatchObject({ status: 400, json: { errcode: -25, message: 'rent_order is not string' } });
  });
});

describe('creating a VM', () => {
  it('creates a VM that goes creating → starting → running and shows its login details', async () => {
    // A slower boot than the suite's default keeps each phase long enough to observe.
    await restartNode({ vmBootMs: 600 });
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks/start', envelope(alice, rentId, linuxVm()));
    expect(reply.json.errcode).toBe(0);
    expect(reply.json.message).toMatchObject({ desc: 'training box', status: 'creating' });
    expect(reply.json.message.create_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    const taskId = reply.json.message.task_id as string;

    expect(await statusOf(alice, rentId, taskId)).toBe('creating');
    await waitForStatus(alice, rentId, taskId, 'starting');
    await waitForStatus(alice, rentId, taskId, 'running');
    expect(node.vms.get(taskId)?.status).toBe('running');

    const detail = (await post(`tasks/${taskId}`, envelope(alice, rentId))).json.message;
    expect(detail).toMatchObject({
      task_id: taskId,
      os: 'linux',
      ssh_ip: '127.0.0.1',
      ssh_port: '20022',
      user_name: 'dbc',
      vnc_port: '5901',
      cpu_cores: 16,
      gpu_count: 8,
      mem_size: '64G',
      disk_system: '350G',
      rent_order: String(rentId),
      status: 'running',
    });
    expect(detail.login_password).toHaveLength(16);
    expect(detail.vnc_password).toBe(detail.login_password.slice(0, 8));
    expect(detail.disks.map((disk: { name: string; size: string }) => [disk.name, disk.size])).toEqual([
      ['vda', '350G'],
      ['vdb', '200G'],
    ]);
  });

  it('logs in to a Windows VM as Administrator over RDP', async () => {
    const rentId = rentWhole(alice.address);
    const taskId = await createVm(alice, rentId, {
      image_name: 'windows-10-pro-22h2-nvidia.qcow2',
      operation_system: 'windows',
      ssh_port: undefined,
      rdp_port: '23389',
    });
    const detail = (await post(`tasks/${taskId}`, envelope(alice, rentId))).json.message;
    expect(detail).toMatchObject({ os: 'windows', rdp_port: '23389', user_name: 'Administrator' });
    expect(detail).not.toHaveProperty('ssh_port');
  });

  it('rejects numbers where the node expects strings, naming the field', async () => {
    const rentId = rentWhole(alice.address);
    const cpu = await post('tasks/start', envelope(alice, rentId, linuxVm({ cpu_cores: 16 })));
    expect(cpu.json).toEqual({ errcode: 1, message: 'cpu_cores is invalid' });
    const ssh = await post('tasks/start', envelope(alice, rentId, linuxVm({ ssh_port: 20022 })));
    expect(ssh.json).toEqual({ errcode: 1, message: 'ssh_port is empty' });
    const mem = await post('tasks/start', envelope(alice, rentId, linuxVm({ mem_size: 64 })));
    expect(mem.json).toEqual({ errcode: 1, message: 'mem_size is invalid' });
  });

  it('requires an image that exists in /data', async () => {
    const rentId = rentWhole(alice.address);
    const missing = await post(
      'tasks/start',
      envelope(alice, rentId, linuxVm({ image_name: 'centos.qcow2' })),
    );
    expect(missing.json).toEqual({
      errcode: 1,
      message: "'image_name' is not exist (path:/data/centos.qcow2)",
    });
    const none = await post('tasks/start', envelope(alice, rentId, linuxVm({ image_name: undefined })));
    expect(none.json).toEqual({ errcode: 1, message: 'image_name is empty' });
  });

  it('keeps the vnc port within 5900–65535', async () => {
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks/start', envelope(alice, rentId, linuxVm({ vnc_port: '5800' })));
    expect(reply.json).toEqual({ errcode: 1, message: 'vnc_port is invalid (usage: [5900, 65535])' });
  });

  it('uses a caller-chosen task_id once and refuses to create it again', async () => {
    const rentId = rentWhole(alice.address);
    const taskId = 'devnetTask0123456789AB';
    expect(await createVm(alice, rentId, { task_id: taskId })).toBe(taskId);
    const again = await post(
      'tasks/start',
      envelope(
        alice,
        rentId,
        linuxVm({ task_id: taskId, ssh_port: '20023', vnc_port: '5902', gpu_count: '0' }),
      ),
    );
    expect(again.json).toEqual({ errcode: 1, message: 'task id already existed' });
    expect(node.vms.list(MACHINE)).toHaveLength(1);
  });

  it('rejects a task_id that is not 20–22 letters and digits', async () => {
    const rentId = rentWhole(alice.address);
    const short = await post('tasks/start', envelope(alice, rentId, linuxVm({ task_id: 'short' })));
    expect(short.json).toEqual({ errcode: 1, message: 'wrong task id length' });
    const symbols = await post(
      'tasks/start',
      envelope(alice, rentId, linuxVm({ task_id: 'devnet-task-0123456789' })),
    );
    expect(symbols.json).toEqual({
      errcode: 1,
      message: 'task id requires a combination of letters or numbers',
    });
  });

  it('refuses a port that a running VM on the machine already uses', async () => {
    const rentId = rentWhole(alice.address);
    const first = await createVm(alice, rentId, { gpu_count: '4' });
    const sshClash = await post(
      'tasks/start',
      envelope(alice, rentId, linuxVm({ gpu_count: '4', vnc_port: '5902' })),
    );
    expect(sshClash.json).toEqual({ errcode: 1, message: 'port conflict, exist ssh_port = 20022' });
    const vncClash = await post(
      'tasks/start',
      envelope(alice, rentId, linuxVm({ gpu_count: '4', ssh_port: '20023' })),
    );
    expect(vncClash.json).toEqual({ errcode: 1, message: 'port conflict, exist vnc_port = 5901' });

    await waitForStatus(alice, rentId, first, 'running');
    expect((await post(`tasks/stop/${first}`, envelope(alice, rentId))).json.errcode).toBe(0);
    await waitForStatus(alice, rentId, first, 'closed');
    expect(
      (await post('tasks/start', envelope(alice, rentId, linuxVm({ gpu_count: '4' })))).json.errcode,
    ).toBe(0);
  });

  it('refuses GPUs that another running VM of the order holds', async () => {
    const rentId = rentWhole(alice.address);
    await createVm(alice, rentId, { gpu_count: '6' });
    const reply = await post(
      'tasks/start',
      envelope(alice, rentId, linuxVm({ gpu_count: '4', ssh_port: '20023', vnc_port: '5902' })),
    );
    expect(reply.json).toEqual({ errcode: 1, message: 'allocate gpu failed' });
  });

  describe('on an order for part of the machine', () => {
    let rentId: bigint;
    beforeEach(() => {
      rentId = chain.rent({
        machineId: MACHINE,
        renter: alice.address,
        gpuNum: 2,
        durationBlocks: 3000,
      }).rentId;
    });

    it('requires gpu_count to equal the rented GPUs', async () => {
      const fewer = await post(
        'tasks/start',
        envelope(alice, rentId, linuxVm({ gpu_count: '1', cpu_cores: '8' })),
      );
      expect(fewer.json).toEqual({ errcode: 1, message: 'only use the number what you exactly rented' });
      const more = await post(
        'tasks/start',
        envelope(alice, rentId, linuxVm({ gpu_count: '3', cpu_cores: '8' })),
      );
      expect(more.json).toEqual({ errcode: 1, message: 'gpu_count exceeds number of leases' });
      const exact = await post(
        'tasks/start',
        envelope(alice, rentId, linuxVm({ gpu_count: '2', cpu_cores: '16', mem_size: '60' })),
      );
      expect(exact.json.errcode).toBe(0);
    });

    it('caps CPU cores and memory at the rented share of the host', async () => {
      // 2 of 8 GPUs: 64 cores × 2/8 = 16 cores; (512 − 32 reserved) GB × 2/8 = 120 GB.
      const cpu = await post(
        'tasks/start',
        envelope(alice, rentId, linuxVm({ gpu_count: '2', cpu_cores: '17' })),
      );
      expect(cpu.json).toEqual({ errcode: 1, message: 'allocate cpu failed' });
      const mem = await post(
        'tasks/start',
        envelope(alice, rentId, linuxVm({ gpu_count: '2', mem_size: '121' })),
      );
      expect(mem.json).toEqual({ errcode: 1, message: 'allocate mem failed' });
    });

    it('gives the VM the GPUs of the order', async () => {
      const second = chain.rent({
        machineId: MACHINE,
        renter: bob.address,
        gpuNum: 2,
        durationBlocks: 3000,
      }).rentId;
      const taskId = await createVm(bob, second, { gpu_count: '2', cpu_cores: '8', mem_size: '32' });
      expect(node.vms.get(taskId)?.gpuIndex).toEqual([2, 3]);
    });
  });

  it('answers "response parse error" when desc contains a quote, although the VM was created', async () => {
    const rentId = rentWhole(alice.address);
    const reply = await post('tasks/start', envelope(alice, rentId, linuxVm({ desc: 'say "hi"' })));
    expect(reply).toMatchObject({ status: 500, json: { errcode: -1, message: 'response parse error' } });
    expect(node.vms.list(MACHINE)).toHaveLength(1);
  });
});

describe('managing a VM', () => {
  let rentId: bigint;
  let taskId: string;
  beforeEach(async () => {
    // Operations take long enough that their transitional status can be read back.
    await restartNode({ vmBootMs: 50, vmOpMs: 250 });
    rentId = rentWhole(alice.address);
    taskId = await createVm(alice, rentId);
    await waitForStatus(alice, rentId, taskId, 'running');
  });

  const op = (name: string, id = taskId) => post(`tasks/${name}/${id}`, envelope(alice, rentId));

  it('stops a running VM and refuses to stop or reset it once it is off', async () => {
    expect((await op('stop')).json).toEqual({ errcode: 0, message: 'ok' });
    expect(await statusOf(alice, rentId, taskId)).toBe('being poweroff');
    await waitForStatus(alice, rentId, taskId, 'closed');
    expect((await op('stop')).json).toEqual({ errcode: 1, message: 'task is shut_off' });
    expect((await op('shutdown')).json).toEqual({ errcode: 1, message: 'task is shut_off' });
    expect((await op('reset')).json).toEqual({ errcode: 1, message: 'task is shut_off' });
  });

  it('starts a closed VM and refuses to start a running one', async () => {
    expect((await op('start')).json).toEqual({ errcode: 1, message: 'task is running' });
    await op('shutdown');
    await waitForStatus(alice, rentId, taskId, 'closed');
    expect((await op('start')).json.errcode).toBe(0);
    await waitForStatus(alice, rentId, taskId, 'running');
  });

  it('restarts and resets a running VM', async () => {
    expect((await op('restart')).json.errcode).toBe(0);
    expect(await statusOf(alice, rentId, taskId)).toBe('restarting');
    await waitForStatus(alice, rentId, taskId, 'running');
    expect((await op('reset')).json.errcode).toBe(0);
    expect(await statusOf(alice, rentId, taskId)).toBe('resetting');
    await waitForStatus(alice, rentId, taskId, 'running');
  });

  it('deletes a VM so that it is no longer listed or found', async () => {
    expect((await op('delete')).json.errcode).toBe(0);
    await vi.waitFor(() => expect(node.vms.get(taskId)).toBeUndefined(), { timeout: 2000, interval: 10 });
    expect((await post('tasks', envelope(alice, rentId))).json.message).toEqual([]);
    expect((await op('start')).json).toEqual({ errcode: 1, message: 'task not exist' });
    expect((await post(`tasks/${taskId}`, envelope(alice, rentId))).json).toEqual({
      errcode: -3,
      message: 'task_id not exist',
    });
  });

  it("lists and details only the caller's own VMs", async () => {
    const list = (await post('tasks', envelope(alice, rentId))).json.message;
    expect(list).toEqual([
      expect.objectContaining({ task_id: taskId, status: 'running', desc: 'training box' }),
    ]);
    const bobOrder = rentWhole(bob.address, SMALL_MACHINE, 4);
    const onOtherMachine = await post(`tasks/${taskId}`, envelope(bob, bobOrder, {}, SMALL_MACHINE));
    expect(onOtherMachine.json).toEqual({ errcode: -3, message: 'task_id not exist' });
  });

  it('returns the head or tail of the task log', async () => {
    const head = await post(`tasks/logs/${taskId}?flag=head&line_num=2`, envelope(alice, rentId));
    expect(head.json.message.task_id).toBe(taskId);
    expect(head.json.message.log_content).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\| ${taskId} \\| info    \\| rent order: ${rentId}$`,
        ),
      ),
      expect.stringContaining('vga_pci: 0000:'),
    ]);
    const tail = await post(`tasks/logs/${taskId}?flag=tail&line_num=1`, envelope(alice, rentId));
    expect(tail.json.message.log_content).toEqual([expect.stringContaining('create task successful')]);
    const byDefault = await post(`tasks/logs/${taskId}`, envelope(alice, rentId));
    expect(byDefault.json.message.log_content.length).toBeGreaterThan(5);
  });

  it('rejects a log flag other than head or tail before relaying', async () => {
    const reply = await post(`tasks/logs/${taskId}?flag=middle`, envelope(alice, rentId));
    expect(reply).toMatchObject({ status: 400, json: { errcode: -25 } });
  });

  it('changes the login password of a running VM only', async () => {
    const passwd = (additional: Record<string, unknown>) =>
      post(`tasks/passwd/${taskId}`, envelope(alice, rentId, additional));
    expect((await passwd({ username: 'dbc', password: 'n3w-Passw0rd' })).json).toEqual({
      errcode: 0,
      message: 'ok',
    });
    expect((await post(`tasks/${taskId}`, envelope(alice, rentId))).json.message.login_password).toBe(
      'n3w-Passw0rd',
    );
    await op('stop');
    await waitForStatus(alice, rentId, taskId, 'closed');
    expect((await passwd({ username: 'dbc', password: 'other' })).json).toEqual({
      errcode: 1,
      message: 'Only the running task can change the password',
    });
  });

  it('modifies the ssh port at once and the VNC port on the next boot', async () => {
    const modify = (additional: Record<string, unknown>) =>
      post(`tasks/modify/${taskId}`, envelope(alice, rentId, additional));
    expect((await modify({ new_ssh_port: '20100' })).json).toEqual({ errcode: 0, message: 'ok' });
    expect((await modify({ new_vnc_port: '5990' })).json).toEqual({
      errcode: 0,
      message: 'some changes will take effect on the next boot',
    });
    const detail = (await post(`tasks/${taskId}`, envelope(alice, rentId))).json.message;
    expect(detail).toMatchObject({ ssh_port: '20100', vnc_port: '5990' });
  });
});

describe('rent expiry', () => {
  it('shuts a VM down when its rental ends and deletes it 43,200 blocks later', async () => {
    const rentId = chain.rent({
      machineId: MACHINE,
      renter: alice.address,
      gpuNum: 8,
      durationBlocks: 300,
    }).rentId;
    const taskId = await createVm(alice, rentId);
    await waitForStatus(alice, rentId, taskId, 'running');

    chain.setBlock(399);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(node.vms.get(taskId)?.status).toBe('running');

    chain.setBlock(400);
    await vi.waitFor(() => expect(node.vms.get(taskId)?.status).toBe('closed'), {
      timeout: 2000,
      interval: 10,
    });
    expect(node.vms.get(taskId)?.logs.at(-1)).toContain('close task successful');

    chain.setBlock(400 + 43_199);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(node.vms.get(taskId)).toBeDefined();

    chain.setBlock(400 + 43_200);
    await vi.waitFor(() => expect(node.vms.get(taskId)).toBeUndefined(), { timeout: 2000, interval: 10 });
  });

  it('shuts a VM down when its unconfirmed order is dropped by the chain', async () => {
    const order = chain.rent({
      machineId: MACHINE,
      renter: alice.address,
      gpuNum: 8,
      durationBlocks: 3000,
      unconfirmed: true,
    });
    const taskId = await createVm(alice, order.rentId);
    chain.removeOrder(order.rentId);
    chain.setBlock(250);
    await vi.waitFor(() => expect(node.vms.get(taskId)?.status).toBe('closed'), {
      timeout: 2000,
      interval: 10,
    });
  });
});

describe('images, nodes and orders', () => {
  it('lists a node\'s images under the key "image_name:", colon included', async () => {
    const reply = await post('images', { peer_nodes_list: [MACHINE], additional: {} });
    expect(reply.json.errcode).toBe(0);
    expect(reply.json.message).toContainEqual({
      'image_name:': 'ubuntu-2204-cuda12.2-pytorch2.1.qcow2',
      image_size: '31.2G',
    });
    expect(reply.json.message[0]).not.toHaveProperty('image_name');
  });

  it('lists an image server with the correct image_name key and needs a known server', async () => {
    const reply = await post('images', { peer_nodes_list: [], additional: { image_server: 'devnet' } });
    expect(reply.json.message).toContainEqual({
      image_name: 'windows-10-pro-22h2-nvidia.qcow2',
      image_size: '46.3G',
    });
    const unknown = await post('images', { peer_nodes_list: [], additional: { image_server: 'elsewhere' } });
    expect(unknown).toMatchObject({ status: 400, json: { errcode: -25, message: 'image_server not exist' } });
  });

  it('lists the mining nodes when peer_nodes_list is empty', async () => {
    const reply = await post('mining_nodes', { peer_nodes_list: [], additional: {} });
    expect(reply.json.message.mining_nodes).toEqual([
      expect.objectContaining({ node_id: MACHINE, version: '0.4.1.8' }),
      expect.objectContaining({ node_id: SMALL_MACHINE }),
    ]);
  });

  it('describes one node without authentication', async () => {
    const rentId = rentWhole(alice.address);
    await createVm(alice, rentId, { gpu_count: '3' });
    const info = (await post('mining_nodes', { peer_nodes_list: [MACHINE], additional: {} })).json.message;
    expect(info).toMatchObject({
      version: '0.4.1.8',
      ip: '*.0.*.1',
      gpu: { gpu_count: '8', gpu_used: '3' },
      mem: { size: '480G' },
      disk_data: [expect.objectContaining({ path: '/data', size: '4000G' })],
    });
    expect(info.cpu.cores).toBe('64');
    expect(info.images[0]).toHaveProperty('image_name');
  });

  it("lists the machine's rent orders with the node's field names", async () => {
    const rentId = chain.rent({
      machineId: MACHINE,
      renter: alice.address,
      gpuNum: 2,
      durationBlocks: 600,
    }).rentId;
    const reply = await post('rent_orders', { peer_nodes_list: [MACHINE], additional: {} });
    expect(reply.json.message.rent_orders).toEqual([
      {
        id: String(rentId),
        renter: alice.address,
        rent_end: '700',
        rent_status: 'renting',
        gpu_nums: '2',
        gpu_index: [0, 1],
      },
    ]);
  });
});

describe('lifecycle of the server', () => {
  it('stops cleanly with VMs still booting', async () => {
    const rentId = rentWhole(alice.address);
    await createVm(alice, rentId);
    await node.stop();
    await expect(fetch(`${node.apiUrl}/tasks`, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect(node.vms.list()).toEqual([]);
  });
});
