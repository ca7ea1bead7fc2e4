import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DbcInputError, DbcNodeError, DbcTimeoutError, DbcUnsupportedError, keyringSigner, type DbcSigner } from '@dbc-cloud/chain';
import { createContext, type ClientContext } from '../src/client/context.js';
import type { DbcLogger } from '../src/client/logger.js';
import { createVmsResource, rentIdOfTaskId, suggestVmResources, vmTaskId, type VmsResource } from '../src/vms/index.js';

const BASE = 'http://node.test:5002/api/v1';
const MACHINE = 'c'.repeat(64);
const server = setupServer();
let signer: DbcSigner;
let ctx: ClientContext;
let vms: VmsResource;
const logged: string[] = [];

const logger: DbcLogger = {
  debug: (m, f) => logged.push(m + JSON.stringify(f ?? {})),
  info: (m, f) => logged.push(m + JSON.stringify(f ?? {})),
  warn: (m, f) => logged.push(m + JSON.stringify(f ?? {})),
  error: (m, f) => logged.push(m + JSON.stringify(f ?? {})),
};

beforeAll(async () => {
  server.listen({ onUnhandledRequest: 'error' });
  signer = await keyringSigner('//Alice');
  // The chain endpoint is never dialled: every call here names its machine or uses a known task id.
  ctx = createContext({ network: { chain: 'ws://127.0.0.1:9', clientNode: BASE }, signer, logger });
  vms = createVmsResource(ctx);
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const detail = (taskId: string, status: string, extra: Record<string, unknown> = {}) => ({
  task_id: taskId,
  os: 'ubuntu',
  ssh_ip: '1.2.3.4',
  ssh_port: '20022',
  user_name: 'dbc',
  login_password: 'S3cretVmPassw0rd',
  cpu_cores: 4,
  gpu_count: 1,
  mem_size: '16G',
  vnc_port: '5901',
  vnc_password: 'vncpass1',
  desc: 'dbc-sdk jupyter=28888 tensorboard=26006',
  create_time: '2026-01-01 00:00:00',
  status,
  ...extra,
});
const params = { rentalId: '5', machineId: MACHINE, image: 'ubuntu-2204.qcow2', gpus: 1, cpuCores: 4, memGb: 16, diskGb: 50, sshPort: 20022 };

describe('vms task ids', () => {
  it('derives a 20–22 character id from the rental and key, the same on every retry', () => {
    const a = vmTaskId(5, 'vm');
    expect(a).toMatch(/^[A-Za-z0-9]{20,22}$/);
    expect(vmTaskId(5, 'vm')).toBe(a);
    expect(vmTaskId(5, 'other')).not.toBe(a);
    expect(vmTaskId(6, 'vm')).not.toBe(a);
    expect(rentIdOfTaskId(a)).toBe(5);
    expect(rentIdOfTaskId(vmTaskId(123_456_789_012, 'k'))).toBe(123_456_789_012);
    expect(rentIdOfTaskId('someoneElsesTaskId0001')).toBeNull();
  });
});

describe('vms against a faulty client node', () => {
  it('times out with VM_CREATE_TIMEOUT, the last status in details, when the node keeps answering "creating"', async () => {
    const taskId = vmTaskId(5, 'vm');
    let polls = 0;
    server.use(
      http.post(`${BASE}/tasks/start`, () => HttpResponse.json({ errcode: 0, message: { task_id: taskId, status: 'creating', desc: '', create_time: '' } })),
      http.post(`${BASE}/tasks/${taskId}`, () => {
        polls++;
        return HttpResponse.json({ errcode: 0, message: detail(taskId, 'creating') });
      }),
    );
    const stages: string[] = [];
    const err = await vms.create({ ...params, timeoutMs: 300, pollIntervalMs: 20, onProgress: (p) => stages.push(p.stage) }).catch((e) => e);
    expect(err).toBeInstanceOf(DbcTimeoutError);
    expect(err.code).toBe('VM_CREATE_TIMEOUT');
    expect(err.details).toMatchObject({ taskId, lastStatus: 'creating' });
    expect(stages).toEqual(['creating']);
    expect(polls).toBeGreaterThan(2);
  });

  it('reports a VM the node puts in an error state as VM_CREATE_FAILED', async () => {
    const taskId = vmTaskId(5, 'broken');
    server.use(http.post(`${BASE}/tasks/${taskId}`, () => HttpResponse.json({ errcode: 0, message: detail(taskId, 'start error') })));
    await expect(vms.waitUntilReady(taskId, { pollIntervalMs: 10, timeoutMs: 1000 })).rejects.toMatchObject({ code: 'VM_CREATE_FAILED' });
  });

  it('uses the existing VM when a retried create hits NODE_TASK_EXISTS, reporting starting then running', async () => {
    const taskId = vmTaskId(5, 'vm');
    const sent: any[] = [];
    let polls = 0;
    server.use(
      http.post(`${BASE}/tasks/start`, async ({ request }) => {
        sent.push(await request.json());
        return HttpResponse.json({ errcode: 1, message: 'task id already existed' });
      }),
      http.post(`${BASE}/tasks/${taskId}`, () => HttpResponse.json({ errcode: 0, message: detail(taskId, ++polls < 2 ? 'starting' : 'running') })),
    );
    const stages: string[] = [];
    const vm = await vms.create({ ...params, pollIntervalMs: 10, onProgress: (p) => stages.push(p.stage) });
    expect(vm).toMatchObject({ taskId, status: 'running', rentalId: '5', machineId: MACHINE, host: '1.2.3.4', sshPort: 20022 });
    expect(stages).toEqual(['creating', 'starting', 'running']);
    expect(sent[0].additional).toMatchObject({ task_id: taskId, ssh_port: '20022', vnc_port: '5901', gpu_count: '1' });
    expect(sent[0].rent_order).toBe('5');
    expect(JSON.stringify(vm)).not.toContain('S3cretVmPassw0rd');
  });

  it('turns HTTP 200 with errcode != 0 into a typed DbcNodeError', async () => {
    const taskId = vmTaskId(5, 'gone');
    server.use(http.post(`${BASE}/tasks/${taskId}`, () => HttpResponse.json({ errcode: -3, message: 'check authority failed: task_id not exist' })));
    const err = await vms.get(taskId).catch((e) => e);
    expect(err).toBeInstanceOf(DbcNodeError);
    expect(err).toMatchObject({ code: 'NODE_TASK_NOT_FOUND', errcode: -3, httpStatus: 200 });
  });

  it('maps a node refusing an action on a running VM to NODE_TASK_STATE, without retrying the mutation', async () => {
    const taskId = vmTaskId(5, 'vm');
    let calls = 0;
    server.use(
      http.post(`${BASE}/tasks/start/${taskId}`, () => {
        calls++;
        return HttpResponse.json({ errcode: 1, message: 'task is running, please close task first' });
      }),
    );
    await expect(vms.start(taskId)).rejects.toMatchObject({ name: 'DbcNodeError', code: 'NODE_TASK_STATE' });
    expect(calls).toBe(1);
  });

  it('waits out 429 Retry-After on a mutation and retries 500 on a read, through the transport', async () => {
    const taskId = vmTaskId(5, 'vm');
    let stops = 0;
    let gets = 0;
    server.use(
      http.post(`${BASE}/tasks/stop/${taskId}`, () =>
        ++stops === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } }) : HttpResponse.json({ errcode: 0, message: 'ok' }),
      ),
      http.post(`${BASE}/tasks/${taskId}`, () => (++gets === 1 ? new HttpResponse('busy', { status: 500 }) : HttpResponse.json({ errcode: 0, message: detail(taskId, 'closed') }))),
    );
    await vms.stop(taskId);
    expect(stops).toBe(2);
    expect((await vms.get(taskId)).status).toBe('closed');
    expect(gets).toBe(2);
  });

  it('gives SSH, Jupyter, TensorBoard and VNC access, and never logs passwords', async () => {
    const taskId = vmTaskId(5, 'vm');
    server.use(
      http.post(`${BASE}/tasks/${taskId}`, () => HttpResponse.json({ errcode: 0, message: detail(taskId, 'running') })),
      http.post(`${BASE}/tasks/passwd/${taskId}`, () => HttpResponse.json({ errcode: 0, message: 'ok' })),
    );
    const info = await vms.connectionInfo(taskId);
    expect(info.ssh).toEqual({ host: '1.2.3.4', port: 20022, user: 'dbc', password: 'S3cretVmPassw0rd', command: 'ssh -p 20022 dbc@1.2.3.4' });
    expect(info.jupyterUrl).toBe('http://1.2.3.4:28888');
    expect(info.tensorboardUrl).toBe('http://1.2.3.4:26006');
    expect(info.vnc).toEqual({ host: '1.2.3.4', port: 5901, password: 'vncpass1' });
    await vms.setPassword(taskId, 'AnotherS3cret!');
    expect(logged.join('\n')).not.toMatch(/S3cretVmPassw0rd|AnotherS3cret|vncpass1|0x[0-9a-f]{128}/);
  });

  it('lists images with sizes as the node prints them', async () => {
    server.use(
      http.post(`${BASE}/images`, () =>
        HttpResponse.json({ errcode: 0, message: [{ 'image_name:': 'ubuntu-2204.qcow2', image_size: '31.2G' }, { image_name: 'win10.qcow2', image_size: '1024' }] }),
      ),
    );
    const images = await vms.images.list(MACHINE);
    expect(images).toEqual([
      { name: 'ubuntu-2204.qcow2', size: '31.2G', sizeBytes: Math.round(31.2 * 2 ** 30) },
      { name: 'win10.qcow2', size: '1024', sizeBytes: 1024 },
    ]);
  });

  it("lists images under a rental with its rent order and the renter's signature, as a partner proxy requires", async () => {
    const bodies: Array<Record<string, unknown>> = [];
    server.use(
      http.post(`${BASE}/images`, async ({ request }) => {
        bodies.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json({ errcode: 0, message: [{ 'image_name:': 'ubuntu-2204.qcow2', image_size: '31.2G' }] });
      }),
    );
    await vms.images.list(MACHINE);
    await vms.images.list(MACHINE, { rentalId: '5' });
    expect(bodies[0]).not.toHaveProperty('rent_order');
    expect(bodies[0]).not.toHaveProperty('sign');
    expect(bodies[1]).toMatchObject({ peer_nodes_list: [MACHINE], rent_order: '5', wallet: expect.any(String), sign: expect.stringMatching(/^0x[0-9a-f]{128}$/) });
  });
});

describe('vms bad input (nothing is sent)', () => {
  it.each([
    ['a malformed task id', () => vms.get('not a task!'), 'INPUT_INVALID_TASK_ID'],
    ['a task id of unknown rental', () => vms.get('someoneElsesTaskId0001'), 'INPUT_VM_RENTAL_UNKNOWN'],
    ['a malformed rental id', () => vms.list({ rentalId: 'abc', machineId: MACHINE }), 'INPUT_INVALID_RENTAL_ID'],
    ['an image that is not a qcow2', () => vms.create({ ...params, image: 'ubuntu.iso' }), 'INPUT_INVALID_VM_PARAMS'],
    ['zero CPU cores', () => vms.create({ ...params, cpuCores: 0 }), 'INPUT_INVALID_VM_PARAMS'],
    ['a Jupyter port out of range', () => vms.create({ ...params, jupyterPort: 70000 }), 'INPUT_INVALID_VM_PARAMS'],
    ['a malformed machine id for images', () => vms.images.list('xyz'), 'INPUT_INVALID_MACHINE_ID'],
  ])('rejects %s', async (_n, call, code) => {
    const err = await call().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DbcInputError);
    expect((err as DbcInputError).code).toBe(code);
  });

  it('refuses VMs on a terminating rental, which client nodes do not serve', async () => {
    await expect(vms.list({ rentalId: 't3', machineId: MACHINE })).rejects.toBeInstanceOf(DbcUnsupportedError);
  });
});

describe('suggestVmResources', () => {
  const machine = { gpu: { count: 4 }, cpu: { cores: 32 }, ramGb: 256 };
  it('offers the rented share of the cores and of the memory the node leaves to VMs', () => {
    expect(suggestVmResources(machine, 4)).toEqual({ cpuCores: 32, memGb: 224 });
    expect(suggestVmResources(machine, 1)).toEqual({ cpuCores: 8, memGb: 56 });
    // At 64 GB and below the node keeps nothing back.
    expect(suggestVmResources({ gpu: { count: 1 }, cpu: { cores: 8 }, ramGb: 64 }, 1)).toEqual({ cpuCores: 8, memGb: 64 });
  });
  it.each([0, 5, 1.5])('refuses %s GPUs', (gpus) => {
    expect(() => suggestVmResources(machine, gpus)).toThrow(expect.objectContaining({ code: 'INPUT_INVALID_GPU_COUNT' }));
  });
});
