import { http, HttpResponse, delay } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DbcAbortError, DbcInputError, DbcNetworkError, DbcNodeError, DbcTimeoutError, keyringSigner } from '@dbc-cloud/chain';
import { createNodeClient, createVmAdditional, listImages, retryAfterMs, walletAuth, createVm, getVm } from '../src/node/index.js';

const BASE = 'http://node.test:5002/api/v1';
const MACHINE = 'a'.repeat(64);
const server = setupServer();
let bodies: any[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  bodies = [];
});
afterAll(() => server.close());

const record = async (request: Request) => bodies.push(await request.clone().json());
const node = (opts = {}) => createNodeClient({ baseUrl: BASE, backoffMs: 5, ...opts });

describe('client-node transport', () => {
  it('sends the real envelope (peer_nodes_list, additional, top-level rent_order string, signed nonce)', async () => {
    server.use(
      http.post(`${BASE}/tasks`, async ({ request }) => {
        await record(request);
        return HttpResponse.json({ errcode: 0, message: [{ task_id: 't1', status: 'running', desc: '', create_time: '' }] });
      }),
    );
    const signer = await keyringSigner('//Alice');
    const out = await node().request<unknown[]>('tasks', { machineId: MACHINE, rentOrder: 7n, auth: walletAuth(signer), idempotent: true });
    expect(out).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ peer_nodes_list: [MACHINE], additional: {}, rent_order: '7', wallet: signer.address });
    expect(bodies[0].nonce).toMatch(/^dbc/);
    expect(bodies[0].sign).toMatch(/^0x[0-9a-f]{128}$/);
  });

  it('turns errcode != 0 on HTTP 200 into a typed DbcNodeError without leaking the signature', async () => {
    server.use(http.post(`${BASE}/tasks/t1`, () => HttpResponse.json({ errcode: -3, message: 'check authority failed: wallet not rented' })));
    const signer = await keyringSigner('//Alice');
    const err = await node()
      .request('tasks/t1', { machineId: MACHINE, rentOrder: 1, auth: walletAuth(signer), idempotent: true })
      .catch((e) => e);
    expect(err).toBeInstanceOf(DbcNodeError);
    expect(err.code).toBe('NODE_NOT_RENTER');
    expect(err.errcode).toBe(-3);
    expect(err.httpStatus).toBe(200);
    expect(JSON.stringify(err.details) + err.message).not.toMatch(/0x[0-9a-f]{128}/);
  });

  it('maps a port conflict to NODE_PORT_CONFLICT and does not retry a mutation', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/tasks/start`, () => {
        calls++;
        return HttpResponse.json({ errcode: 1, message: 'port conflict, ssh_port 20022 is used' });
      }),
    );
    const err = await node().request('tasks/start', { machineId: MACHINE }).catch((e) => e);
    expect(err.code).toBe('NODE_PORT_CONFLICT');
    expect(calls).toBe(1);
  });

  it('retries 429 after Retry-After, even for mutations (the node did not process them)', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/tasks/start`, () => {
        calls++;
        if (calls === 1) return new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } });
        return HttpResponse.json({ errcode: 0, message: { task_id: 'x', status: 'creating' } });
      }),
    );
    const out = await node().request<{ task_id: string }>('tasks/start', { machineId: MACHINE });
    expect(out.task_id).toBe('x');
    expect(calls).toBe(2);
  });

  it('retries 500 for idempotent reads and gives up with DbcNetworkError after the retries', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/tasks`, () => {
        calls++;
        return new HttpResponse('oops', { status: 500 });
      }),
    );
    const err = await node({ retries: 2 }).request('tasks', { machineId: MACHINE, idempotent: true }).catch((e) => e);
    expect(err).toBeInstanceOf(DbcNetworkError);
    expect(calls).toBe(3);
  });

  it('does not retry a 500 on a mutation', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/tasks/restart/t1`, () => {
        calls++;
        return new HttpResponse('oops', { status: 500 });
      }),
    );
    await expect(node().request('tasks/restart/t1', { machineId: MACHINE })).rejects.toBeInstanceOf(DbcNetworkError);
    expect(calls).toBe(1);
  });

  it('times out a node that does not answer', async () => {
    server.use(
      http.post(`${BASE}/tasks`, async () => {
        await delay(500);
        return HttpResponse.json({ errcode: 0, message: [] });
      }),
    );
    const err = await node({ retries: 0 }).request('tasks', { machineId: MACHINE, timeoutMs: 50 }).catch((e) => e);
    expect(err).toBeInstanceOf(DbcTimeoutError);
    expect(err.code).toBe('NODE_REQUEST_TIMEOUT');
  });

  it('stops when its AbortSignal fires', async () => {
    server.use(
      http.post(`${BASE}/tasks`, async () => {
        await delay(500);
        return HttpResponse.json({ errcode: 0, message: [] });
      }),
    );
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    await expect(node().request('tasks', { machineId: MACHINE, signal: ac.signal, idempotent: true })).rejects.toBeInstanceOf(DbcAbortError);
  });

  it('rejects a reply that is not the node envelope', async () => {
    server.use(http.post(`${BASE}/tasks`, () => HttpResponse.text('<html>proxy error</html>', { status: 200 })));
    const err = await node().request('tasks', { machineId: MACHINE }).catch((e) => e);
    expect(err.code).toBe('NODE_BAD_RESPONSE');
  });

  it('reads Retry-After in seconds or as an HTTP date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs('999')).toBe(60_000);
    const soon = new Date(Date.now() + 3000).toUTCString();
    expect(retryAfterMs(soon)).toBeGreaterThan(1000);
    expect(retryAfterMs('nonsense')).toBeNull();
    expect(retryAfterMs(undefined)).toBeNull();
  });
});

describe('VM calls', () => {
  const params = { image: 'ubuntu-2204.qcow2', gpus: 1, cpuCores: 8, memGb: 32, diskGb: 100, sshPort: 20022, vncPort: 5901 };

  it('sends every tasks/start scalar as a string, as the node requires', () => {
    const a = createVmAdditional(params);
    for (const v of Object.values(a)) if (!Array.isArray(v)) expect(typeof v).toBe('string');
    expect(a).toMatchObject({ image_name: 'ubuntu-2204.qcow2', ssh_port: '20022', gpu_count: '1', mem_size: '32' });
  });

  it.each([
    ['a non-qcow2 image', { image: 'ubuntu.iso' }],
    ['a VNC port below 5900', { vncPort: 22 }],
    ['fractional GPUs', { gpus: 1.5 }],
    ['negative memory', { memGb: -1 }],
    ['a quote in the description', { description: 'my "vm"' }],
    ['a short task id', { taskId: 'abc' }],
  ])('rejects %s before calling the node', (_name, bad) => {
    expect(() => createVmAdditional({ ...params, ...bad })).toThrow(DbcInputError);
  });

  it('creates a VM and reads its connection details', async () => {
    server.use(
      http.post(`${BASE}/tasks/start`, () => HttpResponse.json({ errcode: 0, message: { task_id: 'vm1', status: 'creating', desc: '', create_time: '' } })),
      http.post(`${BASE}/tasks/vm1`, () =>
        HttpResponse.json({
          errcode: 0,
          message: { task_id: 'vm1', status: 'running', ssh_ip: '10.0.0.9', ssh_port: '20022', user_name: 'dbc', login_password: 'pw', vnc_port: '5901', cpu_cores: 8, gpu_count: 1, mem_size: '32G' },
        }),
      ),
    );
    const signer = await keyringSigner('//Alice');
    const t = { machineId: MACHINE, rentOrder: 3, auth: walletAuth(signer) };
    expect((await createVm(node(), t, params)).status).toBe('creating');
    const vm = await getVm(node(), t, 'vm1');
    expect(vm).toMatchObject({ status: 'running', host: '10.0.0.9', sshPort: 20022, user: 'dbc', memGb: 32, gpuCount: 1 });
  });

  it('reads the image list despite the node\'s "image_name:" key', async () => {
    server.use(http.post(`${BASE}/images`, () => HttpResponse.json({ errcode: 0, message: [{ 'image_name:': 'a.qcow2', image_size: 1024 }] })));
    expect(await listImages(node(), MACHINE)).toEqual([{ name: 'a.qcow2', sizeBytes: 1024 }]);
  });
});
