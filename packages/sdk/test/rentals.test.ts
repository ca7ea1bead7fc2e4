import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  DbcChainError,
  DbcInputError,
  getBalance,
  getBlockNumber,
  getChainTimestamp,
  getRenterOrders,
  getTerminatingLiveMachines,
  keyringSigner,
  parseDbc,
  submitAndCheck,
  transferKeepAliveTx,
  type DbcChain,
  type DbcSigner,
} from '@dbc-cloud/chain';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { createContext, type ClientContext } from '../src/client/context.js';
import { memoryIdempotencyStore, type ExtendIdempotencyRecord, type IdempotencyStore } from '../src/rentals/idempotency.js';
import { createRentalsResource, type RentalEvent, type RentalsResource, type RentMachineParameters, type RentProgress } from '../src/rentals/index.js';
import { createVmsResource } from '../src/vms/index.js';
import { adminRpc, expectRefusedBy } from './helpers/devnetCalls.js';

/** A devnet with client nodes, a direct chain connection for assertions, and fresh funded renters. */
interface RentalsTestNet {
  net: Devnet;
  chain: DbcChain;
  alice: DbcSigner;
  renter(dbc?: number): Promise<DbcSigner>;
  client(signer: DbcSigner, store?: IdempotencyStore): { ctx: ClientContext; rentals: ReturnType<typeof createRentalsResource>; vms: ReturnType<typeof createVmsResource> };
  /** An online, full-time machine with at least `gpus` GPUs that no other test rented. */
  machine(gpus?: number): string;
  admin<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  nonce(address: string): Promise<number>;
  orders(address: string): Promise<number>;
  /** Waits until the test's own chain connection is back after devnet_dropConnections. */
  reconnected(): Promise<void>;
  close(): Promise<void>;
}

async function startRentalsTestNet(): Promise<RentalsTestNet> {
  const net = await startDevnet({ blockTime: 'instant', machines: 30, vmBootMs: 200 });
  const chain = await connect({ endpoints: net.chainUrl });
  const alice = await keyringSigner('//Alice');
  const used = new Set<string>();
  const contexts: ClientContext[] = [];
  let n = 0;
  const admin = <T>(method: string, params: unknown[] = []) => adminRpc<T>(net, method, params);
  return {
    net,
    chain,
    alice,
    admin,
    async renter(dbc = 20_000) {
      const s = await keyringSigner(`//SdkRentals/${++n}`);
      if (dbc > 0) await submitAndCheck(chain, transferKeepAliveTx(chain, { to: s.address, amountPlanck: parseDbc(String(dbc)) }), alice);
      return s;
    },
    client(signer, store) {
      const ctx = createContext({ network: { chain: net.chainUrl, clientNode: net.clientNodeUrl }, signer, idempotencyStore: store });
      contexts.push(ctx);
      return { ctx, rentals: createRentalsResource(ctx), vms: createVmsResource(ctx) };
    },
    machine(gpus = 1) {
      const m = net.genesis.machines.find((x) => x.status === 'online' && !x.timeSlot && x.gpuNum >= gpus && !used.has(x.machineId));
      if (!m) throw new Error('no free seeded machine left');
      used.add(m.machineId);
      return m.machineId;
    },
    async reconnected() {
      for (let i = 0; i < 100 && !chain.isConnected; i++) await new Promise((r) => setTimeout(r, 100));
      await getBlockNumber(chain);
    },
    nonce: async (address) => (await getBalance(chain, { address })).nonce,
    orders: async (address) => (await getRenterOrders(chain, { renter: address })).length,
    async close() {
      await Promise.all(contexts.map((c) => c.close()));
      await chain.disconnect();
      await net.stop();
    },
  };
}

let t: RentalsTestNet;
beforeAll(async () => {
  t = await startRentalsTestNet();
});
afterAll(() => t?.close());
// A test that drops the connections must not break the next one.
afterEach(() => t.reconnected());

const stagesOf = (events: RentProgress[]) => events.map((e) => e.stage);

describe('rentals.rent', () => {
  it('validates, rents, checks the node and confirms, reporting every stage; then runs a VM on it and extends it', async () => {
    const renter = await t.renter();
    const { rentals, vms } = t.client(renter);
    const machineId = t.machine(2);
    const progress: RentProgress[] = [];
    const nonce = await t.nonce(renter.address);
    const rental = await rentals.rent({ machineId, gpus: 1, duration: { minutes: 50 }, roundUp: true, onProgress: (p) => progress.push(p) });
    expect(stagesOf(progress)).toEqual(['validating', 'signing', 'submitted', 'in-block', 'checking-node', 'confirming', 'confirmed']);
    expect(rental).toMatchObject({ machineId, gpus: 1, status: 'renting', market: 'rentMachine', renter: renter.address });
    expect(rental.endBlock - rental.startBlock).toBe(600);
    expect(rental.gpuIndexes).toHaveLength(1);
    // endsAt follows the chain's clock, not the test machine's.
    const chainNow = await getChainTimestamp(t.chain);
    expect(Math.abs(rental.endsAt.getTime() - (chainNow + rental.remainingBlocks * 6_000))).toBeLessThanOrEqual(12_000);
    expect(await t.nonce(renter.address)).toBe(nonce + 2);
    expect((await rentals.list()).map((r) => r.id)).toEqual([rental.id]);
    expect(await rentals.get(rental.id)).toMatchObject({ id: rental.id, status: 'renting' });

    const images = await vms.images.list(machineId, {});
    expect(images.length).toBeGreaterThan(0);
    expect(images[0]!.sizeBytes).toBeGreaterThan(0);
    const vmProgress: string[] = [];
    const vm = await vms.create({
      rentalId: rental.id,
      image: images[0]!.name,
      gpus: 1,
      cpuCores: 2,
      memGb: 8,
      diskGb: 50,
      sshPort: 20022,
      jupyterPort: 28888,
      pollIntervalMs: 50,
      onProgress: (p) => vmProgress.push(p.stage),
    });
    expect(vm).toMatchObject({ status: 'running', rentalId: rental.id, machineId });
    expect(vmProgress[0]).toBe('creating');
    expect(vmProgress.at(-1)).toBe('running');
    expect(vm.taskId).toMatch(/^[A-Za-z0-9]{20,22}$/);
    expect(t.net.clientNodes!.vms.list(machineId).map((x) => x.taskId)).toEqual([vm.taskId]);

    // A retried create finds the same VM instead of making a second one.
    const again = await vms.create({ rentalId: rental.id, image: images[0]!.name, gpus: 1, cpuCores: 2, memGb: 8, diskGb: 50, sshPort: 20022, pollIntervalMs: 50 });
    expect(again.taskId).toBe(vm.taskId);
    expect(t.net.clientNodes!.vms.list(machineId)).toHaveLength(1);

    const info = await vms.connectionInfo(vm.taskId);
    expect(info.ssh).toMatchObject({ port: 20022, user: 'dbc' });
    expect(info.ssh!.command).toBe(`ssh -p 20022 dbc@${info.ssh!.host}`);
    expect(info.ssh!.password.length).toBeGreaterThan(0);
    expect(info.jupyterUrl).toBe(`http://${info.ssh!.host}:28888`);
    expect(info.tensorboardUrl).toBeUndefined();
    expect((await vms.list({ rentalId: rental.id })).map((x) => x.taskId)).toEqual([vm.taskId]);

    await vms.stop(vm.taskId);
    for (let i = 0; i < 50 && (await vms.get(vm.taskId)).status !== 'closed'; i++) await new Promise((r) => setTimeout(r, 50));
    await vms.start(vm.taskId);
    expect(typeof (await vms.logs(vm.taskId))).toBe('string');

    const extended = await rentals.extend(rental.id, { duration: { hours: 1 } });
    expect(extended.endBlock).toBe(rental.endBlock + 600);
    await expect(rentals.end(rental.id)).rejects.toMatchObject({ name: 'DbcUnsupportedError', code: 'RENTAL_CANNOT_END_EARLY' });
  });

  it('rents a terminating-rental machine without a node check, extends it and ends it early', async () => {
    const renter = await t.renter();
    const { rentals } = t.client(renter);
    const machineId = (await getTerminatingLiveMachines(t.chain)).online[1]!;
    const progress: RentProgress[] = [];
    const rental = await rentals.rent({ machineId, gpus: 1, durationBlocks: 600, onProgress: (p) => progress.push(p) });
    expect(rental).toMatchObject({ market: 'terminatingRental', status: 'renting', id: `t${rental.rentId}` });
    expect(stagesOf(progress)).not.toContain('checking-node');
    const extended = await rentals.extend(rental.id, 300);
    expect(extended.endBlock).toBe(rental.endBlock + 300);
    const ended = await rentals.end(rental.id);
    expect(ended.rentalId).toBe(rental.id);
    expect(await rentals.get(rental.id)).toBeNull();
  });
});

describe('rentals idempotency', () => {
  it('rents once for two calls with the same key (one order, one Rent, balance moved once)', async () => {
    const renter = await t.renter();
    const { rentals } = t.client(renter);
    const machineId = t.machine();
    const nonce = await t.nonce(renter.address);
    const free = (await getBalance(t.chain, { address: renter.address })).freePlanck;
    const [a, b] = await Promise.all([
      rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'order-1' }),
      rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'order-1' }),
    ]);
    const c = await rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'order-1' });
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    expect(await t.nonce(renter.address)).toBe(nonce + 2);
    expect(await t.orders(renter.address)).toBe(1);
    const afterOnce = (await getBalance(t.chain, { address: renter.address })).freePlanck;
    await rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'order-1' });
    expect((await getBalance(t.chain, { address: renter.address })).freePlanck).toBe(afterOnce);
    expect(afterOnce).toBeLessThan(free);
  });

  it('refuses a key reused for a different rental before sending', async () => {
    const renter = await t.renter();
    const { rentals } = t.client(renter);
    const machineId = t.machine(2);
    await rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'k' });
    const nonce = await t.nonce(renter.address);
    await expect(rentals.rent({ machineId, gpus: 2, durationBlocks: 300, idempotencyKey: 'k' })).rejects.toMatchObject({ code: 'INPUT_IDEMPOTENCY_KEY_REUSED' });
    expect(await t.nonce(renter.address)).toBe(nonce);
  });

  it('after a crash between submit and confirm (only the tx hash recorded), a retry reconciles from chain and confirms instead of renting again', async () => {
    const renter = await t.renter();
    const machineId = t.machine();
    const inner = memoryIdempotencyStore();
    // The process "dies" the moment it would record the rent id: only txHash + startBlock are stored.
    let crashed = false;
    const crashing: IdempotencyStore = {
      get: (k) => inner.get(k),
      async set(r) {
        if (r.rentId !== undefined && !crashed) {
          crashed = true;
          throw new Error('process crashed');
        }
        await inner.set(r);
      },
    };
    const nonce = await t.nonce(renter.address);
    await expect(t.client(renter, crashing).rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'crash-1' })).rejects.toThrow('process crashed');
    const saved = (await inner.get('crash-1'))!;
    expect(saved.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(saved.rentId).toBeUndefined();
    expect(await t.nonce(renter.address)).toBe(nonce + 1);
    const unconfirmed = await t.client(renter).rentals.list();
    expect(unconfirmed.map((r) => r.status)).toEqual(['waiting-confirm']);

    const progress: RentProgress[] = [];
    const restarted = t.client(renter, inner);
    const rental = await restarted.rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'crash-1', onProgress: (p) => progress.push(p) });
    expect(stagesOf(progress)).toContain('reconciling');
    expect(stagesOf(progress)).not.toContain('signing');
    expect(rental).toMatchObject({ id: unconfirmed[0]!.id, status: 'renting' });
    expect(await t.nonce(renter.address)).toBe(nonce + 2);
    expect(await t.orders(renter.address)).toBe(1);
    expect((await inner.get('crash-1'))!.confirmed).toBe(true);
  });

  it('sends a fresh attempt when the recorded transaction never left (its nonce is unused)', async () => {
    const renter = await t.renter();
    const machineId = t.machine();
    const store = memoryIdempotencyStore();
    const startBlock = await getBlockNumber(t.chain);
    const nonce = await t.nonce(renter.address);
    await store.set({ key: 'never-sent', machineId, gpus: 1, durationBlocks: 300, renter: renter.address, market: 'rentMachine', startBlock, txHash: `0x${'ab'.repeat(32)}`, nonce, createdAt: Date.now() });
    const rental = await t.client(renter, store).rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'never-sent' });
    expect(rental.status).toBe('renting');
    expect(await t.orders(renter.address)).toBe(1);
    expect(await t.nonce(renter.address)).toBe(nonce + 2);
  });

  it('stays one rent when the WebSocket drops while the rent transaction is in flight', async () => {
    const renter = await t.renter();
    const { ctx, rentals } = t.client(renter);
    const machineId = t.machine();
    const nonce = await t.nonce(renter.address);
    let drop: Promise<unknown> | null = null;
    const rental = await rentals.rent({
      machineId,
      gpus: 1,
      durationBlocks: 300,
      idempotencyKey: 'drop-1',
      onProgress: (p) => {
        if (p.stage === 'submitted') drop ??= t.admin('devnet_dropConnections');
      },
    });
    expect(await drop).toBeGreaterThan(0);
    expect(rental.status).toBe('renting');
    // The drop lands 10 ms after the admin call answers; let every connection come back.
    await new Promise((r) => setTimeout(r, 200));
    await t.reconnected();
    const chain = await ctx.chain();
    for (let i = 0; i < 100 && !chain.isConnected; i++) await new Promise((r) => setTimeout(r, 100));
    const again = await rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'drop-1' });
    expect(again.id).toBe(rental.id);
    expect(await t.orders(renter.address)).toBe(1);
    expect(await t.nonce(renter.address)).toBe(nonce + 2);
  });
});

/** The hashes of the transactions waiting in the devnet's pool. */
async function pool(): Promise<string[]> {
  return (await t.chain.api.rpc.author.pendingExtrinsics()).map((x) => x.hash.toHex());
}

/** Runs `fn` with blocks made only by devnet_newBlocks, so a transaction can wait in the pool. */
async function withManualBlocks<T>(fn: () => Promise<T>): Promise<T> {
  await t.admin('devnet_setBlockMode', ['manual']);
  try {
    return await fn();
  } finally {
    await t.admin('devnet_setBlockMode', ['instant']);
  }
}

async function untilInPool(): Promise<string[]> {
  for (let i = 0; i < 200; i++) {
    const hashes = await pool();
    if (hashes.length > 0) return hashes;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no transaction reached the pool');
}

describe('rentals.extend idempotency', () => {
  /** A fresh renter with a confirmed RentMachine rental, and what the chain says about both. */
  async function rented(store: IdempotencyStore, rentKey?: string) {
    const renter = await t.renter();
    const { rentals } = t.client(renter, store);
    const rental = await rentals.rent({ machineId: t.machine(), gpus: 1, durationBlocks: 300, idempotencyKey: rentKey });
    expect(rental.status).toBe('renting');
    return { renter, rentals, rental };
  }
  const freeOf = async (address: string) => (await getBalance(t.chain, { address })).freePlanck;
  const endOnChain = async (signer: DbcSigner, id: string) => (await t.client(signer).rentals.get(id))!.endBlock;

  it('extends once for retries with the same key (even the rent\'s own key): same rental back, end and balance moved once', async () => {
    const store = memoryIdempotencyStore();
    const { renter, rentals, rental } = await rented(store, 'order-9');
    const nonce = await t.nonce(renter.address);
    const free = await freeOf(renter.address);

    // The rent's key names another record (extend:order-9), so it extends instead of being refused.
    const [a, b] = await Promise.all([
      rentals.extend(rental.id, { durationBlocks: 600, idempotencyKey: 'order-9' }),
      rentals.extend(rental.id, { durationBlocks: 600, idempotencyKey: 'order-9' }),
    ]);
    expect(a.endBlock).toBe(rental.endBlock + 600);
    expect(b).toMatchObject({ id: rental.id, endBlock: a.endBlock });
    const paidOnce = await freeOf(renter.address);
    expect(paidOnce).toBeLessThan(free);
    expect(await t.nonce(renter.address)).toBe(nonce + 1);

    // A later retry, through another client over the same store (a restarted server).
    const c = await t.client(renter, store).rentals.extend(rental.id, { durationBlocks: 600, idempotencyKey: 'order-9' });
    expect(c).toMatchObject({ id: rental.id, endBlock: a.endBlock });
    expect(await endOnChain(renter, rental.id)).toBe(rental.endBlock + 600);
    expect(await t.nonce(renter.address)).toBe(nonce + 1);
    expect(await freeOf(renter.address)).toBe(paidOnce);
    expect(await store.get('order-9')).toMatchObject({ kind: 'rent', rentId: String(rental.rentId) });
    const rec = (await store.get('extend:order-9')) as ExtendIdempotencyRecord;
    expect(rec).toMatchObject({ kind: 'extend', rentalId: rental.id, durationBlocks: 600, renter: renter.address, nonce });
    expect(rec.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(rec.blockNumber).toBeGreaterThan(rec.startBlock!);
  });

  it('after a dropped connection and a timeout with the relet still in the pool, a retry sends nothing; once it is in a block, the retry returns it (paid once)', async () => {
    const store = memoryIdempotencyStore();
    const { renter, rentals, rental } = await rented(store);
    const nonce = await t.nonce(renter.address);
    const free = await freeOf(renter.address);
    await withManualBlocks(async () => {
      const first = rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: 'ext-drop', timeoutMs: 1_500 }).catch((e) => e);
      const [hash] = await untilInPool();
      expect(await t.admin('devnet_dropConnections')).toBeGreaterThan(0);
      const err = await first;
      // Unknown outcome, reported as such: the transaction is still in the pool.
      expect(['TX_TIMEOUT', 'TX_UNKNOWN_AFTER_DISCONNECT']).toContain(err.code);
      await t.reconnected();
      const rec = (await store.get('extend:ext-drop'))!;
      expect(rec).toMatchObject({ txHash: hash, nonce });
      expect(rec.failed).toBeUndefined();

      // Retried while the relet still waits: nothing new is signed or sent.
      await expect(rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: 'ext-drop', timeoutMs: 1_000 })).rejects.toMatchObject({
        name: 'DbcTimeoutError',
        code: 'TX_TIMEOUT',
      });
      expect(await pool()).toEqual([hash]);
      expect(await t.nonce(renter.address)).toBe(nonce);

      await t.admin('devnet_newBlocks', [1]);
      const extended = await rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: 'ext-drop' });
      expect(extended.endBlock).toBe(rental.endBlock + 300);
      expect((await store.get('extend:ext-drop')) as ExtendIdempotencyRecord).toMatchObject({ txHash: hash, blockNumber: expect.any(Number) });
    });
    expect(await pool()).toEqual([]);
    expect(await endOnChain(renter, rental.id)).toBe(rental.endBlock + 300);
    expect(await t.nonce(renter.address)).toBe(nonce + 1);
    const paid = await freeOf(renter.address);
    expect(paid).toBeLessThan(free);
    // And a last retry once everything is settled moves nothing.
    await rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: 'ext-drop' });
    expect(await freeOf(renter.address)).toBe(paid);
    expect(await t.nonce(renter.address)).toBe(nonce + 1);
  });

  it('stays one extension when the connection drops while the relet is in flight', async () => {
    const inner = memoryIdempotencyStore();
    const { renter, rental } = await rented(inner);
    // Cuts every connection as the signed relet is recorded, i.e. as it is sent: the block comes
    // while the client is reading it.
    let drop: Promise<unknown> | null = null;
    const dropping: IdempotencyStore = {
      get: (k) => inner.get(k),
      async set(r) {
        await inner.set(r);
        if (r.kind === 'extend' && r.txHash) drop ??= t.admin('devnet_dropConnections');
      },
    };
    const { rentals } = t.client(renter, dropping);
    const nonce = await t.nonce(renter.address);
    const first = await rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: 'ext-inflight' }).catch((e) => e);
    expect(await drop).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    await t.reconnected();
    // The first call settles it from the chain (it does not send again): the extension it made.
    expect(first).toMatchObject({ id: rental.id, endBlock: rental.endBlock + 300 });
    const again = await rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: 'ext-inflight' });
    expect(again.endBlock).toBe(rental.endBlock + 300);
    expect(await endOnChain(renter, rental.id)).toBe(rental.endBlock + 300);
    expect(await t.nonce(renter.address)).toBe(nonce + 1);
  });

  it('after a crash between the relet\'s inclusion and recording it, a retry reconciles from the chain instead of paying again', async () => {
    const inner = memoryIdempotencyStore();
    const { renter, rental } = await rented(inner);
    let crashed = false;
    const crashing: IdempotencyStore = {
      get: (k) => inner.get(k),
      async set(r) {
        if (r.kind === 'extend' && r.blockNumber !== undefined && !crashed) {
          crashed = true;
          throw new Error('process crashed');
        }
        await inner.set(r);
      },
    };
    const nonce = await t.nonce(renter.address);
    await expect(t.client(renter, crashing).rentals.extend(rental.id, { duration: { hours: 1 }, idempotencyKey: 'ext-crash' })).rejects.toThrow('process crashed');
    const saved = (await inner.get('extend:ext-crash')) as ExtendIdempotencyRecord;
    expect(saved.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(saved.blockNumber).toBeUndefined();
    expect(await t.nonce(renter.address)).toBe(nonce + 1);
    const paid = await freeOf(renter.address);

    const restarted = t.client(renter, inner).rentals;
    const extended = await restarted.extend(rental.id, { duration: { hours: 1 }, idempotencyKey: 'ext-crash' });
    expect(extended.endBlock).toBe(rental.endBlock + 600);
    expect(await endOnChain(renter, rental.id)).toBe(rental.endBlock + 600);
    expect(await t.nonce(renter.address)).toBe(nonce + 1);
    expect(await freeOf(renter.address)).toBe(paid);
    expect(((await inner.get('extend:ext-crash')) as ExtendIdempotencyRecord).blockNumber).toBeGreaterThan(0);
  });

  it('refuses a key reused with another duration or another rental (INPUT_IDEMPOTENCY_KEY_REUSED), sending nothing', async () => {
    const store = memoryIdempotencyStore();
    const { renter, rentals, rental } = await rented(store);
    const other = await rentals.rent({ machineId: t.machine(), gpus: 1, durationBlocks: 300 });
    await rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: 'ext-k' });
    const err = await expectRefusedBy(t.chain, renter, () => rentals.extend(rental.id, { durationBlocks: 600, idempotencyKey: 'ext-k' }), 'INPUT_IDEMPOTENCY_KEY_REUSED');
    expect(err).toBeInstanceOf(DbcInputError);
    expect((err as DbcInputError).details).toMatchObject({ key: 'ext-k', rentalId: rental.id, durationBlocks: 300 });
    await expectRefusedBy(t.chain, renter, () => rentals.extend(other.id, { durationBlocks: 300, idempotencyKey: 'ext-k' }), 'INPUT_IDEMPOTENCY_KEY_REUSED');
    await expectRefusedBy(t.chain, renter, () => rentals.extend(rental.id, { durationBlocks: 300, idempotencyKey: '' }), 'INPUT_INVALID_IDEMPOTENCY_KEY');
    expect(await endOnChain(renter, rental.id)).toBe(rental.endBlock + 300);
    expect(await endOnChain(renter, other.id)).toBe(other.endBlock);
  });
});

describe('rentals.rent while its transaction waits in the pool', () => {
  it('a retry after the timeout sends nothing until the rent is in a block, then confirms that one rent', async () => {
    const renter = await t.renter();
    const { rentals } = t.client(renter);
    const machineId = t.machine();
    const nonce = await t.nonce(renter.address);
    await withManualBlocks(async () => {
      const err = await rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'rent-pending', timeoutMs: 1_000 }).catch((e) => e);
      expect(err).toMatchObject({ code: 'TX_TIMEOUT' });
      const [hash] = await pool();
      expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
      await expect(rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'rent-pending', timeoutMs: 1_000 })).rejects.toMatchObject({
        code: 'TX_TIMEOUT',
      });
      expect(await pool()).toEqual([hash]);
      expect(await t.nonce(renter.address)).toBe(nonce);
      await t.admin('devnet_newBlocks', [1]);
    });
    const rental = await rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'rent-pending' });
    expect(rental.status).toBe('renting');
    expect(await t.orders(renter.address)).toBe(1);
    expect(await t.nonce(renter.address)).toBe(nonce + 2);
  });
});

describe('rentals confirm window', () => {
  it('reports RENT_CONFIRM_WINDOW_MISSED when 151 blocks passed before confirming, and a retry does not rent again', async () => {
    const renter = await t.renter();
    const { rentals } = t.client(renter);
    const machineId = t.machine();
    const rental = await rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'late', confirm: false });
    expect(rental.status).toBe('waiting-confirm');
    expect(rental.confirmDeadlineBlock).toBe(rental.startBlock + 150);
    await t.admin('devnet_newBlocks', [151]);
    const nonce = await t.nonce(renter.address);
    const err = await rentals.confirm(rental.id).catch((e) => e);
    expect(err).toBeInstanceOf(DbcChainError);
    expect(err.code).toBe('RENT_CONFIRM_WINDOW_MISSED');
    expect(err.details).toMatchObject({ rentalId: rental.id, deadlineBlock: rental.startBlock + 150 });
    await expect(rentals.rent({ machineId, gpus: 1, durationBlocks: 300, idempotencyKey: 'late' })).rejects.toMatchObject({ code: 'RENT_CONFIRM_WINDOW_MISSED' });
    expect(await t.nonce(renter.address)).toBe(nonce);
    expect(await t.orders(renter.address)).toBe(0);
  });
});

describe('rentals bad input (nothing is sent)', () => {
  let renter: DbcSigner;
  let rentals: RentalsResource;
  let nonce: number;
  let machineId: string;
  beforeAll(async () => {
    renter = await t.renter();
    rentals = t.client(renter).rentals;
    nonce = await t.nonce(renter.address);
    machineId = t.machine();
  });
  afterAll(async () => {
    expect(await t.nonce(renter.address)).toBe(nonce);
  });
  const gpusOf = (id: string) => t.net.genesis.machines.find((m) => m.machineId === id)!.gpuNum;

  it.each([
    ['an unknown machine', () => ({ machineId: 'ab'.repeat(32), gpus: 1, durationBlocks: 300 }), 'INPUT_MACHINE_NOT_FOUND', /does not exist/],
    ['a malformed machine id', () => ({ machineId: 'not-a-machine', gpus: 1, durationBlocks: 300 }), 'INPUT_INVALID_MACHINE_ID', /64 hex/],
    ['zero GPUs', () => ({ machineId, gpus: 0, durationBlocks: 300 }), 'INPUT_INVALID_GPU_COUNT', /at least 1/],
    ['fractional GPUs', () => ({ machineId, gpus: 1.5, durationBlocks: 300 }), 'INPUT_INVALID_GPU_COUNT', /whole number/],
    ['more GPUs than are free', () => ({ machineId, gpus: gpusOf(machineId) + 1, durationBlocks: 300 }), 'INPUT_GPU_NOT_ENOUGH', /has \d+ free GPUs?; you asked for \d+\./],
    ['a zero duration', () => ({ machineId, gpus: 1, durationBlocks: 0 }), 'INPUT_INVALID_DURATION', /positive/],
    ['a rent shorter than 30 minutes', () => ({ machineId, gpus: 1, duration: { minutes: 0 } }), 'INPUT_RENT_TOO_SHORT', /shortest rental/],
    ['a rent of 299 blocks even with roundUp off', () => ({ machineId, gpus: 1, duration: { minutes: 29.9 } }), 'INPUT_INVALID_DURATION', /half hours/],
    ['a duration that is not a multiple of 300 without roundUp', () => ({ machineId, gpus: 1, durationBlocks: 450 }), 'INPUT_INVALID_DURATION', /roundUp: true/],
    ['a rent longer than 60 days', () => ({ machineId, gpus: 1, duration: { days: 61 } }), 'INPUT_RENT_TOO_LONG', /60 days/],
    ['both durationBlocks and duration', () => ({ machineId, gpus: 1, durationBlocks: 300, duration: { hours: 1 } }), 'INPUT_INVALID_DURATION', /not both/],
  ])('rejects %s before sending a transaction', async (_name, params, code, message) => {
    const err = await rentals.rent(params() as RentMachineParameters).catch((e) => e);
    expect(err).toBeInstanceOf(DbcInputError);
    expect(err.code).toBe(code);
    expect(err.shortMessage).toMatch(message);
  });

  it('rejects an offline machine before sending a transaction', async () => {
    const offline = t.net.genesis.machines.find((m) => m.status === 'offline' || m.status === 'verifying')!;
    await expect(rentals.rent({ machineId: offline.machineId, gpus: 1, durationBlocks: 300 })).rejects.toMatchObject({ code: 'INPUT_MACHINE_NOT_RENTABLE' });
  });

  it('rejects a renter who cannot pay the rent fee, the 10 DBC fixed fee and the transaction fees', async () => {
    const poor = await t.renter(5);
    const poorNonce = await t.nonce(poor.address);
    const err = await t.client(poor).rentals.rent({ machineId, gpus: 1, durationBlocks: 300 }).catch((e) => e);
    expect(err.code).toBe('INPUT_INSUFFICIENT_BALANCE');
    expect(err.shortMessage).toMatch(/fixed fee 10/);
    expect(await t.nonce(poor.address)).toBe(poorNonce);
  });

  it('rejects a rent with no client node configured unless checkNode is false', async () => {
    const ctx = createContext({ network: { chain: t.net.chainUrl }, signer: renter });
    try {
      await expect(createRentalsResource(ctx).rent({ machineId, gpus: 1, durationBlocks: 300 })).rejects.toMatchObject({ code: 'CONFIG_NO_CLIENT_NODE' });
    } finally {
      await ctx.close();
    }
  });

  it.each([
    ['too short an extension', '0', 50, 'INPUT_RELET_TOO_SHORT'],
    ['a malformed rental id', 'x-1', 300, 'INPUT_INVALID_RENTAL_ID'],
    ['an unknown rental', '987654', 300, 'INPUT_RENTAL_NOT_FOUND'],
    ['an unknown terminating rental', 't987654', 300, 'INPUT_RENTAL_NOT_FOUND'],
    ['a fractional duration', '0', 150.5, 'INPUT_INVALID_DURATION'],
  ])('extend rejects %s before sending', async (_n, id, blocks, code) => {
    await expect(rentals.extend(id, blocks)).rejects.toMatchObject({ code });
  });

  it('extend rejects an extension past 60 days from now, and an unconfirmed rental', async () => {
    const other = await t.renter();
    const r = t.client(other).rentals;
    const rental = await r.rent({ machineId: t.machine(), gpus: 1, durationBlocks: 300, confirm: false });
    const n = await t.nonce(other.address);
    await expect(r.extend(rental.id, 600)).rejects.toMatchObject({ code: 'INPUT_RENTAL_NOT_CONFIRMED' });
    await r.confirm(rental.id);
    await expect(r.extend(rental.id, { duration: { days: 60 } })).rejects.toMatchObject({ code: 'INPUT_RENT_TOO_LONG' });
    expect(await t.nonce(other.address)).toBe(n + 1);
  });

  it.each([
    ['a RentMachine rental', '0', 'RENTAL_CANNOT_END_EARLY'],
    ['a malformed id', 'tt1', 'INPUT_INVALID_RENTAL_ID'],
    ['an unknown terminating rental', 't424242', 'INPUT_RENTAL_NOT_FOUND'],
  ])('end rejects %s before sending', async (_n, id, code) => {
    await expect(rentals.end(id)).rejects.toMatchObject({ code });
  });
});

describe('rentals.watch', () => {
  it('reports confirmed, expiring and ended by following new blocks', async () => {
    const renter = await t.renter();
    const { rentals } = t.client(renter);
    const events: RentalEvent[] = [];
    const errors: unknown[] = [];
    const rental = await rentals.rent({ machineId: t.machine(), gpus: 1, durationBlocks: 300, confirm: false });
    const stop = rentals.watch({ expiringLeadBlocks: 600, onError: (e) => errors.push(e) }, (e) => events.push(e));
    const until = async (type: string) => {
      for (let i = 0; i < 100 && !events.some((e) => e.type === type); i++) {
        await t.admin('devnet_newBlocks', [1]);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    for (let i = 0; i < 3; i++) {
      await t.admin('devnet_newBlocks', [1]);
      await new Promise((r) => setTimeout(r, 100));
    }
    await rentals.confirm(rental.id);
    await until('rental.confirmed');
    await until('rental.expiring');
    await t.admin('devnet_newBlocks', [300]);
    await until('rental.ended');
    stop();
    expect(errors).toEqual([]);
    expect(events.map((e) => e.type)).toEqual(['rental.confirmed', 'rental.expiring', 'rental.ended']);
    expect(events.every((e) => e.rental.id === rental.id)).toBe(true);
  });
});
