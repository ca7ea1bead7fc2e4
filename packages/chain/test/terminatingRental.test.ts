import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getBalance,
  getTerminatingLiveMachines,
  getTerminatingMachineInfo,
  getTerminatingMachineRentedGpus,
  getTerminatingMachineRentOrders,
  getTerminatingRenterOrders,
  getTerminatingRentOrder,
  quoteTerminatingRentFee,
  submitAndCheck,
  terminateRentTx,
  terminatingConfirmRentTx,
  terminatingReletMachineTx,
  terminatingRentMachineTx,
  type DbcSigner,
} from '../src/index.js';
import {
  eventData,
  expectDispatchError,
  expectRejectedBeforeSending,
  startTestChain,
  type TestChain,
} from './helpers/testChain.js';

let t: TestChain;
let machines: string[] = [];
let renters = 0;

async function newRenter(): Promise<DbcSigner> {
  const signer = await t.signer(`//ChainTerminatingTest/${++renters}`);
  await t.fund(signer.address, 20_000);
  return signer;
}

async function rent(renter: DbcSigner, machineId: string, gpus = 1, durationBlocks = 600) {
  const r = await submitAndCheck(
    t.chain,
    terminatingRentMachineTx(t.chain, { machineId, gpus, durationBlocks }),
    renter,
  );
  return { result: r, rentId: Number(String(eventData(r, 'terminatingRental.RentBlockNum')[0])) };
}

beforeAll(async () => {
  t = await startTestChain({ machines: 20 });
  machines = (await getTerminatingLiveMachines(t.chain)).online;
});
afterAll(() => t?.close());

describe('terminating rental', () => {
  it('lists its own registry of online machines with committee hardware', async () => {
    expect(machines).toHaveLength(6);
    const info = (await getTerminatingMachineInfo(t.chain, { machineId: machines[0]! }))!;
    expect(info.status.kind).toBe('online');
    expect(info.hardware.gpuNum).toBeGreaterThan(0);
    expect(info.hardware.calcPoint).toBeGreaterThan(0);
    expect(t.net.genesis.miners.map((m) => m.stash.address)).toContain(info.stash);
    expect(await getTerminatingMachineInfo(t.chain, { machineId: 'ab'.repeat(32) })).toBeNull();
  });

  it('rents, confirms, relets and terminates an order, charging only the elapsed share', async () => {
    const machineId = machines[0]!;
    const renter = await newRenter();
    const quote = await quoteTerminatingRentFee(t.chain, { machineId, gpus: 1, durationBlocks: 600 });
    const { rentId, result } = await rent(renter, machineId);
    const fee = BigInt(String(eventData(result, 'terminatingRental.RentBlockNum')[3]));
    // The quote from TerminatingRental's own prices is exactly what the rent reserved.
    expect(quote.feePlanck).toBe(fee);
    let order = (await getTerminatingRentOrder(t.chain, { rentId }))!;
    expect(order).toMatchObject({
      machineId,
      renter: renter.address,
      status: 'waitingVerifying',
      gpuNum: 1,
      stakeAmountPlanck: fee,
    });
    expect(await getTerminatingMachineRentedGpus(t.chain, { machineId })).toBe(1);
    expect((await getTerminatingMachineRentOrders(t.chain, { machineId })).rentIds).toContain(rentId);
    expect(
      (await getTerminatingRenterOrders(t.chain, { renter: renter.address })).map((o) => o.rentId),
    ).toEqual([rentId]);

    await submitAndCheck(t.chain, terminatingConfirmRentTx(t.chain, { rentId }), renter);
    order = (await getTerminatingRentOrder(t.chain, { rentId }))!;
    expect(order.status).toBe('renting');
    // The fee stays reserved until the order settles.
    expect((await getBalance(t.chain, { address: renter.address })).reservedPlanck).toBe(fee);

    const reletQuote = await quoteTerminatingRentFee(t.chain, { machineId, gpus: 1, durationBlocks: 300 });
    await submitAndCheck(
      t.chain,
      terminatingReletMachineTx(t.chain, { rentId, durationBlocks: 300 }),
      renter,
    );
    const extended = (await getTerminatingRentOrder(t.chain, { rentId }))!;
    expect(extended.rentEndBlock).toBe(order.rentEndBlock + 300);
    expect(extended.stakeAmountPlanck).toBe(fee + reletQuote.feePlanck);

    const before = await getBalance(t.chain, { address: renter.address });
    await submitAndCheck(t.chain, terminateRentTx(t.chain, { rentId }), renter);
    expect(await getTerminatingRentOrder(t.chain, { rentId })).toBeNull();
    const after = await getBalance(t.chain, { address: renter.address });
    expect(after.reservedPlanck).toBe(0n);
    const charged = before.totalPlanck - after.totalPlanck;
    expect(charged).toBeGreaterThan(0n);
    expect(charged).toBeLessThan(extended.stakeAmountPlanck);
  });

  it('fails a confirm after 150 blocks with terminatingRental.ExpiredConfirm (orders are never auto-cancelled)', async () => {
    const renter = await newRenter();
    const { rentId } = await rent(renter, machines[1]!);
    await t.newBlocks(151);
    expect((await getTerminatingRentOrder(t.chain, { rentId }))!.status).toBe('waitingVerifying');
    await expectDispatchError(
      t.chain,
      () => terminatingConfirmRentTx(t.chain, { rentId }),
      renter,
      'terminatingRental.ExpiredConfirm',
    );
  });

  it('fails a rent of more GPUs than the machine has with terminatingRental.GPUNotEnough', async () => {
    const renter = await newRenter();
    const info = (await getTerminatingMachineInfo(t.chain, { machineId: machines[2]! }))!;
    await expectDispatchError(
      t.chain,
      () =>
        terminatingRentMachineTx(t.chain, {
          machineId: machines[2]!,
          gpus: info.hardware.gpuNum + 1,
          durationBlocks: 300,
        }),
      renter,
      'terminatingRental.GPUNotEnough',
    );
  });

  it("fails terminating someone else's order with terminatingRental.NotOrderRenter", async () => {
    const renter = await newRenter();
    const other = await newRenter();
    const { rentId } = await rent(renter, machines[3]!);
    await expectDispatchError(
      t.chain,
      () => terminateRentTx(t.chain, { rentId }),
      other,
      'terminatingRental.NotOrderRenter',
    );
  });

  it('rejects bad input before sending anything', async () => {
    const c = t.chain;
    await expectRejectedBeforeSending(
      c,
      () => terminatingRentMachineTx(c, { machineId: machines[0]!, gpus: 0, durationBlocks: 300 }),
      'INPUT_INVALID_GPU_COUNT',
    );
    await expectRejectedBeforeSending(
      c,
      () => terminatingRentMachineTx(c, { machineId: machines[0]!, gpus: 1, durationBlocks: 299 }),
      'INPUT_INVALID_DURATION',
    );
    await expectRejectedBeforeSending(
      c,
      () => terminatingReletMachineTx(c, { rentId: 0, durationBlocks: 10 }),
      'INPUT_RELET_TOO_SHORT',
    );
    await expectRejectedBeforeSending(c, () => terminateRentTx(c, { rentId: -1 }), 'INPUT_INVALID_RENT_ID');
    await expectRejectedBeforeSending(
      c,
      () => getTerminatingRentOrder(c, { rentId: 0.5 }),
      'INPUT_INVALID_RENT_ID',
    );
  });
});
