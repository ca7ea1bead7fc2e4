import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BLOCKS_PER_DAY,
  calcRentFee,
  confirmRentTx,
  getDbcAvgPrice,
  getMachineExtraPrice,
  getMachineInfo,
  getMachineRentedGpus,
  getMachineRenterHistory,
  getMachineRentOrders,
  getMaxRentalDuration,
  getRentFeePot,
  getRentOrder,
  getRenterOrders,
  getRenterRentIds,
  getStandardGpuPointPrice,
  parseDbc,
  quoteRentFee,
  reletMachineTx,
  rentMachineTx,
  submit,
  submitAndCheck,
  type DbcSigner,
} from '../src/index.js';
import { eventData, expectDispatchError, expectRejectedBeforeSending, startTestChain, type TestChain } from './helpers/testChain.js';

type SeedMachine = TestChain['net']['genesis']['machines'][number];

let t: TestChain;
const used = new Set<string>();
let renters = 0;

/** A seeded online, full-time machine no other test has rented. */
function freeMachine(minGpus = 1): SeedMachine {
  const m = t.net.genesis.machines.find((x) => x.status === 'online' && !x.timeSlot && x.gpuNum >= minGpus && !used.has(x.machineId));
  if (!m) throw new Error('no free seeded machine left');
  used.add(m.machineId);
  return m;
}

async function newRenter(dbc = 50_000): Promise<DbcSigner> {
  const signer = await t.signer(`//ChainRentTest/${++renters}`);
  await t.fund(signer.address, dbc);
  return signer;
}

beforeAll(async () => {
  t = await startTestChain({ machines: 40 });
});
afterAll(() => t?.close());

describe('rent order queries', () => {
  it('reads the seeded orders by id, by renter and by machine', async () => {
    const { genesis } = t.net;
    expect(genesis.rentOrders).toBeGreaterThan(0);
    const rented = genesis.machines.filter((m) => m.status === 'rented');
    const orders = await Promise.all(Array.from({ length: genesis.rentOrders }, (_, rentId) => getRentOrder(t.chain, { rentId })));
    expect(orders.every((o) => o?.status === 'renting')).toBe(true);
    for (const m of rented) {
      const mine = orders.filter((o) => o!.machineId === m.machineId);
      expect(mine.map((o) => o!.gpuNum)).toEqual(m.rentals);
      const byMachine = await getMachineRentOrders(t.chain, { machineId: m.machineId });
      expect(byMachine.rentIds).toEqual(mine.map((o) => o!.rentId));
      expect(byMachine.usedGpus.sort()).toEqual(mine.flatMap((o) => o!.gpuIndex).sort());
    }
    const order = orders[0]!;
    expect(order.confirmedBlock).toBeGreaterThan(order.rentStartBlock);
    expect((order.rentEndBlock - order.rentStartBlock) % 300).toBeGreaterThanOrEqual(0);
    expect(await getRenterRentIds(t.chain, { renter: order.renter })).toContain(order.rentId);
    const byRenter = await getRenterOrders(t.chain, { renter: order.renter });
    expect(byRenter.find((o) => o.rentId === order.rentId)).toEqual(order);
    const history = await getMachineRenterHistory(t.chain, { machineId: order.machineId, renter: order.renter });
    expect(history).toContainEqual({ rentId: order.rentId, rentStartBlock: order.rentStartBlock, rentEndBlock: order.rentEndBlock });
  });

  it('returns null for an order that does not exist, and nothing for an account without orders', async () => {
    expect(await getRentOrder(t.chain, { rentId: 999_999 })).toBeNull();
    expect(await getRenterOrders(t.chain, { renter: t.alice.address })).toEqual([]);
  });

  it('reads the rent fee pot and the maximum rental duration', async () => {
    expect(await getRentFeePot(t.chain)).toBe(t.net.genesis.rentFeePot.address);
    expect(await getMaxRentalDuration(t.chain)).toEqual({ days: 60, blocks: 60 * BLOCKS_PER_DAY });
  });
});

describe('quoteRentFee', () => {
  it('reads every input in one request and prices exactly as calcRentFee does', async () => {
    const m = t.net.genesis.machines.find((x) => x.status === 'online' && !x.timeSlot && x.extraPrice > 0) ?? freeMachine();
    const before = t.chain.stats.requests;
    const q = await quoteRentFee(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 600 });
    expect(t.chain.stats.requests - before).toBe(1);
    const expected = calcRentFee({
      calcPoint: m.calcPoint,
      machineGpus: m.gpuNum,
      gpus: 1,
      durationBlocks: 600,
      standardGpuPointPrice: await getStandardGpuPointPrice(t.chain),
      extraPriceMicroUsdPerGpuDay: await getMachineExtraPrice(t.chain, { machineId: m.machineId }),
      avgPriceMicroUsdPerDbc: await getDbcAvgPrice(t.chain),
    });
    expect(q.feePlanck).toBe(expected.feePlanck);
    expect(q.fixedTxFeePlanck).toBe(parseDbc('10'));
    expect(q.totalPlanck).toBe(q.feePlanck + q.fixedTxFeePlanck);
    expect(q).toMatchObject({ gpus: 1, durationBlocks: 600, isRentable: true, rentalMode: 'fullTime', status: { kind: 'online' } });
  });

  it('clamps the duration to the chain maximum, as the chain does silently', async () => {
    const m = t.net.genesis.machines.find((x) => x.status === 'online')!;
    const q = await quoteRentFee(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 90 * BLOCKS_PER_DAY });
    expect(q.requestedDurationBlocks).toBe(90 * BLOCKS_PER_DAY);
    expect(q.durationBlocks).toBe(60 * BLOCKS_PER_DAY);
  });

  it('says when a machine cannot take the rent', async () => {
    const offline = t.net.genesis.machines.find((x) => x.status === 'offline')!;
    expect((await quoteRentFee(t.chain, { machineId: offline.machineId, gpus: 1, durationBlocks: 300 })).isRentable).toBe(false);
    const online = t.net.genesis.machines.find((x) => x.status === 'online')!;
    expect((await quoteRentFee(t.chain, { machineId: online.machineId, gpus: online.gpuNum + 1, durationBlocks: 300 })).isRentable).toBe(false);
    await expect(quoteRentFee(t.chain, { machineId: 'ef'.repeat(32), gpus: 1, durationBlocks: 300 })).rejects.toMatchObject({ code: 'MACHINE_NOT_FOUND' });
  });
});

describe('renting', () => {
  it('rents, confirms and relets a GPU, paying exactly the quoted fee', async () => {
    const m = freeMachine(2);
    const renter = await newRenter();
    const quote = await quoteRentFee(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 600 });
    const rent = await submitAndCheck(t.chain, rentMachineTx(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 600 }), renter);
    const [rentId, who, machineId, gpus, duration, fee] = eventData(rent, 'rentMachine.Rent') as Array<{ toString(): string }>;
    expect([who!.toString(), machineId!.toString(), Number(gpus!.toString()), Number(duration!.toString())]).toEqual([
      renter.address,
      `0x${Buffer.from(m.machineId).toString('hex')}`,
      1,
      600,
    ]);
    expect(BigInt(fee!.toString())).toBe(quote.feePlanck);
    const id = Number(rentId!.toString());
    let order = (await getRentOrder(t.chain, { rentId: id }))!;
    expect(order).toMatchObject({ machineId: m.machineId, renter: renter.address, status: 'waitingVerifying', confirmedBlock: null, gpuNum: 1, gpuIndex: [0] });
    expect(order.stakeAmountPlanck).toBe(quote.feePlanck);
    expect(order.rentEndBlock - order.rentStartBlock).toBe(600);
    expect(await getMachineRentedGpus(t.chain, { machineId: m.machineId })).toBe(1);
    expect((await getMachineInfo(t.chain, { machineId: m.machineId }))!.status.kind).toBe('rented');

    const confirm = await submitAndCheck(t.chain, confirmRentTx(t.chain, { rentId: id }), renter);
    order = (await getRentOrder(t.chain, { rentId: id }))!;
    expect(order).toMatchObject({ status: 'renting', confirmedBlock: confirm.blockNumber, stakeAmountPlanck: 0n });
    expect(await getRenterRentIds(t.chain, { renter: renter.address })).toEqual([id]);

    await submitAndCheck(t.chain, reletMachineTx(t.chain, { rentId: id, durationBlocks: 300 }), renter);
    expect((await getRentOrder(t.chain, { rentId: id }))!.rentEndBlock).toBe(order.rentEndBlock + 300);
  });

  it('fails a rent of more GPUs than are free with rentMachine.GPUNotEnough', async () => {
    const m = freeMachine();
    const renter = await newRenter();
    await expectDispatchError(t.chain, () => rentMachineTx(t.chain, { machineId: m.machineId, gpus: m.gpuNum + 1, durationBlocks: 300 }), renter, 'rentMachine.GPUNotEnough');
  });

  it('fails a rent of an offline machine with rentMachine.MachineNotRentable', async () => {
    const m = t.net.genesis.machines.find((x) => x.status === 'offline')!;
    const renter = await newRenter();
    await expectDispatchError(t.chain, () => rentMachineTx(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 300 }), renter, 'rentMachine.MachineNotRentable');
  });

  it('fails a rent the renter cannot pay for with rentMachine.InsufficientValue', async () => {
    const m = freeMachine();
    const poor = await newRenter(25);
    await expectDispatchError(t.chain, () => rentMachineTx(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 300 }), poor, 'rentMachine.InsufficientValue');
  });

  it('decodes the errors the builders prevent when a raw extrinsic reaches the chain', async () => {
    const m = freeMachine();
    const renter = await newRenter();
    await expectDispatchError(t.chain, () => t.chain.api.tx.rentMachine!.rentMachine!(m.machineId, 1, 100), renter, 'rentMachine.OnlyHalfHourAllowed');
    const rent = await submitAndCheck(t.chain, rentMachineTx(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 300 }), renter);
    const rentId = Number((eventData(rent, 'rentMachine.Rent')[0] as { toString(): string }).toString());
    await submitAndCheck(t.chain, confirmRentTx(t.chain, { rentId }), renter);
    await expectDispatchError(t.chain, () => t.chain.api.tx.rentMachine!.reletMachine!(rentId, 50), renter, 'rentMachine.ReletTooShort');
  });

  it("fails someone else's confirm with NoOrderExist and relet with NotMachineRenter", async () => {
    const m = freeMachine();
    const renter = await newRenter();
    const other = await newRenter();
    const rent = await submitAndCheck(t.chain, rentMachineTx(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 300 }), renter);
    const rentId = Number((eventData(rent, 'rentMachine.Rent')[0] as { toString(): string }).toString());
    await expectDispatchError(t.chain, () => confirmRentTx(t.chain, { rentId }), other, 'rentMachine.NoOrderExist');
    await submitAndCheck(t.chain, confirmRentTx(t.chain, { rentId }), renter);
    await expectDispatchError(t.chain, () => reletMachineTx(t.chain, { rentId, durationBlocks: 300 }), other, 'rentMachine.NotMachineRenter');
  });

  it('cancels an order not confirmed within 150 blocks; confirming it then finds no order', async () => {
    const m = freeMachine();
    const renter = await newRenter();
    const rent = await submitAndCheck(t.chain, rentMachineTx(t.chain, { machineId: m.machineId, gpus: 1, durationBlocks: 300 }), renter);
    const rentId = Number((eventData(rent, 'rentMachine.Rent')[0] as { toString(): string }).toString());
    await t.newBlocks(151);
    expect(await getRentOrder(t.chain, { rentId })).toBeNull();
    // The on_finalize hook deletes the order at rentStart + 150, before ExpiredConfirm could apply.
    const r = await submit(t.chain, confirmRentTx(t.chain, { rentId }), renter);
    expect(r.error?.name).toBe('rentMachine.Unknown');
  });

  it('rejects bad input before sending anything', async () => {
    const id = t.net.genesis.machines[0]!.machineId;
    const c = t.chain;
    await expectRejectedBeforeSending(c, () => rentMachineTx(c, { machineId: 'nope', gpus: 1, durationBlocks: 300 }), 'INPUT_INVALID_MACHINE_ID');
    for (const gpus of [0, -1, 1.5, Number.NaN]) {
      await expectRejectedBeforeSending(c, () => rentMachineTx(c, { machineId: id, gpus, durationBlocks: 300 }), 'INPUT_INVALID_GPU_COUNT');
    }
    for (const durationBlocks of [0, 100, 450, -300, 300.5]) {
      await expectRejectedBeforeSending(c, () => rentMachineTx(c, { machineId: id, gpus: 1, durationBlocks }), 'INPUT_INVALID_DURATION');
    }
    await expectRejectedBeforeSending(c, () => confirmRentTx(c, { rentId: -1 }), 'INPUT_INVALID_RENT_ID');
    await expectRejectedBeforeSending(c, () => confirmRentTx(c, { rentId: 1.5 }), 'INPUT_INVALID_RENT_ID');
    await expectRejectedBeforeSending(c, () => reletMachineTx(c, { rentId: 1, durationBlocks: 99 }), 'INPUT_RELET_TOO_SHORT');
    await expectRejectedBeforeSending(c, () => quoteRentFee(c, { machineId: id, gpus: 0, durationBlocks: 300 }), 'INPUT_INVALID_GPU_COUNT');
    await expectRejectedBeforeSending(c, () => getRentOrder(c, { rentId: -5 }), 'INPUT_INVALID_RENT_ID');
  });
});
