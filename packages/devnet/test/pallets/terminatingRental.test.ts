import type { KeyringPair } from '@polkadot/keyring/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { terminatingRentalMachineId } from '../../src/pallets/terminatingRental.js';
import { findEvent, startTestNet, type TestNet } from '../harness.js';

/**
 * TerminatingRental against the running devnet through @polkadot/api: its own machine registry
 * and prices, the fee held in reserve until the order ends or is terminated, the pro-rata charge
 * of terminate_rent (no event), and upstream's missing cleanup of unconfirmed orders.
 */

const ONE_DAY = 14_400n;
const ONE_DBC = 10n ** 15n;
const BILLION = 1_000_000_000n;

let t: TestNet;
let api: TestNet['api'];
let renterCount = 0;

/** `Perbill * n` (nearest, ties down) and Perbill::from_rational (rounds down). */
const perbillMul = (parts: bigint, n: bigint) => {
  const rem = (n % BILLION) * parts;
  return (n / BILLION) * parts + rem / BILLION + (rem % BILLION > BILLION / 2n ? 1n : 0n);
};
const fromRational = (p: bigint, q: bigint) => (q === 0n || p >= q ? BILLION : (p * BILLION) / q);

/** Seeded machine `i`: 0 = 8×RTX4090 fully staked, 1 = 4×RTX3090, 3 = 1×RTX4080 with no stake yet. */
const machine = (i: number) => ({
  id: terminatingRentalMachineId(i),
  miner: t.net.genesis.miners[i % t.net.genesis.miners.length]!,
});

async function newRenter(dbc = 50_000n): Promise<KeyringPair> {
  const pair = t.pair(`//TerminatingRentalTest/${++renterCount}`);
  expect(
    (await t.send(api.tx.balances.transferKeepAlive(pair.address, dbc * ONE_DBC), t.alice)).error,
  ).toBeNull();
  return pair;
}

async function account(address: string) {
  const { data } = (await api.query.system.account(address)) as any;
  return { free: data.free.toBigInt() as bigint, reserved: data.reserved.toBigInt() as bigint };
}
const total = async (address: string) => {
  const a = await account(address);
  return a.free + a.reserved;
};
const info = async (id: string): Promise<any> =>
  ((await api.query.terminatingRental.machinesInfo(id)) as any).unwrap();
const order = async (rentId: bigint): Promise<any> =>
  (await api.query.terminatingRental.rentOrder(rentId)) as any;
const ids = (v: any): bigint[] => v.map((x: any) => x.toBigInt());
const blockOf = async (hash: string) => (await api.rpc.chain.getHeader(hash)).number.toNumber();
const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();

/** The fee from TerminatingRental's own stored price, the machine's calc points and extra price. */
async function quote(id: string, gpus: number, duration: number): Promise<bigint> {
  const std: any = (await api.query.terminatingRental.standardGPUPointPrice()).unwrap();
  const avg = ((await api.query.dbcPriceOCW.avgPrice()) as any).unwrap().toBigInt();
  const extra = BigInt((await api.query.terminatingRental.machineExtraPrice(id)).toString());
  const hw = (await info(id)).machineInfoDetail.committeeUploadInfo;
  const system =
    (((std.gpuPrice.toBigInt() * hw.calcPoint.toBigInt() * 10_000n) / std.gpuPoint.toBigInt()) *
      BigInt(gpus)) /
    BigInt(hw.gpuNum.toNumber()) /
    10_000n;
  return ((((system + extra * BigInt(gpus)) * BigInt(duration)) / ONE_DAY) * ONE_DBC) / avg;
}

function eventData(events: EventRecord[], name: string): any[] {
  const e = findEvent(events, name);
  expect(e, `${name} event`).toBeDefined();
  return [...e!.event.data] as any[];
}

async function rent(renter: KeyringPair, id: string, gpus: number, duration: number) {
  const r = await t.send(api.tx.terminatingRental.rentMachine(id, gpus, duration), renter);
  expect(r.error).toBeNull();
  const data = eventData(r.events, 'terminatingRental.RentBlockNum');
  return {
    ...r,
    rentId: data[0].toBigInt() as bigint,
    rentFee: data[3].toBigInt() as bigint,
    start: await blockOf(r.blockHash),
  };
}

beforeAll(async () => {
  t = await startTestNet({ machines: 40, noClientNodes: true });
  api = t.api;
});
afterAll(async () => {
  await t?.close();
});

describe('the TerminatingRental registry at genesis', () => {
  it('has six Online machines of its own, distinct from OnlineProfile machines, and its own prices', async () => {
    const live: any = await api.query.terminatingRental.liveMachines();
    const online = live.onlineMachine.map((x: any) => x.toUtf8());
    expect(online).toHaveLength(6);
    expect(online).toEqual([...online].sort());
    for (const id of online) {
      expect(((await api.query.onlineProfile.machinesInfo(id)) as any).isNone).toBe(true);
      expect((await info(id)).machineStatus.isOnline).toBe(true);
    }
    expect(((await api.query.terminatingRental.standardGPUPointPrice()) as any).isSome).toBe(true);
    expect(((await api.query.terminatingRental.rentFeePot()) as any).unwrap().toString()).toBe(
      t.net.genesis.rentFeePot.address,
    );
  });
});

describe('rent, confirm, relet and terminate', () => {
  const m = () => machine(0);
  let renter: KeyringPair;
  let rentId: bigint;
  let rentFee: bigint;
  let start: number;
  let reletFee: bigint;

  it('renting reserves the quoted fee and emits RentBlockNum with the machine’s GPU total', async () => {
    renter = await newRenter();
    const expected = await quote(m().id, 2, 600);
    const before = await account(renter.address);
    const r = await rent(renter, m().id, 2, 600);
    ({ rentId, rentFee, start } = r);
    const [, who, machineId, fee, duration, gpuNum] = eventData(r.events, 'terminatingRental.RentBlockNum');
    expect([
      who.toString(),
      machineId.toUtf8(),
      fee.toBigInt(),
      duration.toNumber(),
      gpuNum.toNumber(),
    ]).toEqual([renter.address, m().id, expected, 600, 8]);
    const fixed = eventData(r.events, 'genericFunc.TxFeeToTreasury')[1].toBigInt();
    const after = await account(renter.address);
    expect(after.reserved - before.reserved).toBe(expected);
    expect(before.free - after.free).toBe(expected + fixed + r.fee);
    expect(((await api.query.terminatingRental.renterTotalStake(renter.address)) as any).toBigInt()).toBe(
      expected,
    );

    const o = (await order(rentId)).unwrap();
    expect(o.rentStatus.isWaitingVerifying).toBe(true);
    expect(o.gpuIndex.map((i: any) => i.toNumber())).toEqual([0, 1]);
    expect([o.rentStart.toNumber(), o.rentEnd.toNumber()]).toEqual([start, start + 600]);
    expect(ids(await api.query.terminatingRental.userRented(renter.address))).toEqual([rentId]);
    expect(ids(await api.query.terminatingRental.pendingRentEnding(start + 600))).toContain(rentId);
    expect(ids(await api.query.terminatingRental.pendingConfirming(start + 150))).toContain(rentId);
    expect(Number((await api.query.terminatingRental.machineRentedGPU(m().id)).toString())).toBe(2);
    expect((await info(m().id)).machineStatus.isRented).toBe(true);
  });

  it('confirming keeps the fee reserved and moves the machine to the rented list', async () => {
    const stash = m().miner.stash.address;
    const smBefore: any = await api.query.terminatingRental.stashMachines(stash);
    const before = await account(renter.address);
    const r = await t.send(api.tx.terminatingRental.confirmRent(rentId), renter);
    expect(r.error).toBeNull();
    const [who, machineId, fee, duration] = eventData(r.events, 'terminatingRental.ConfirmReletBlockNum');
    expect([who.toString(), machineId.toUtf8(), fee.toBigInt(), duration.toNumber()]).toEqual([
      renter.address,
      m().id,
      rentFee,
      600,
    ]);
    expect((await account(renter.address)).reserved).toBe(before.reserved);

    const o = (await order(rentId)).unwrap();
    expect(o.rentStatus.isRenting).toBe(true);
    expect(o.stakeAmount.toBigInt()).toBe(rentFee);
    const live: any = await api.query.terminatingRental.liveMachines();
    expect(live.rentedMachine.map((x: any) => x.toUtf8())).toEqual([m().id]);
    expect((await info(m().id)).renters.map((x: any) => x.toString())).toEqual([renter.address]);
    const sm: any = await api.query.terminatingRental.stashMachines(stash);
    expect(sm.totalRentedGpu.toNumber() - smBefore.totalRentedGpu.toNumber()).toBe(8);
  });

  it('confirming twice, or someone else’s order, fails with NoOrderExist', async () => {
    expect((await t.send(api.tx.terminatingRental.confirmRent(rentId), renter)).error).toBe(
      'terminatingRental.NoOrderExist',
    );
    expect((await t.send(api.tx.terminatingRental.confirmRent(rentId), t.bob)).error).toBe(
      'terminatingRental.NoOrderExist',
    );
  });

  it('relet shorter than 100 blocks fails with ReletTooShort; by someone else with NoOrderExist', async () => {
    expect((await t.send(api.tx.terminatingRental.reletMachine(rentId, 99), renter)).error).toBe(
      'terminatingRental.ReletTooShort',
    );
    expect((await t.send(api.tx.terminatingRental.reletMachine(rentId, 300), t.bob)).error).toBe(
      'terminatingRental.NoOrderExist',
    );
  });

  it('relet adds the extension’s fee to the reserve and moves the order end', async () => {
    const expected = await quote(m().id, 2, 300);
    const before = await account(renter.address);
    const r = await t.send(api.tx.terminatingRental.reletMachine(rentId, 300), renter);
    expect(r.error).toBeNull();
    const [id, who, machineId, fee, duration, gpuNum] = eventData(
      r.events,
      'terminatingRental.ReletBlockNum',
    );
    expect([
      id.toBigInt(),
      who.toString(),
      machineId.toUtf8(),
      fee.toBigInt(),
      duration.toNumber(),
      gpuNum.toNumber(),
    ]).toEqual([rentId, renter.address, m().id, expected, 300, 2]);
    reletFee = expected;
    expect((await account(renter.address)).reserved - before.reserved).toBe(expected);
    const o = (await order(rentId)).unwrap();
    expect([o.rentEnd.toNumber(), o.stakeAmount.toBigInt()]).toEqual([start + 900, rentFee + expected]);
    expect(ids(await api.query.terminatingRental.pendingRentEnding(start + 600))).not.toContain(rentId);
    expect(ids(await api.query.terminatingRental.pendingRentEnding(start + 900))).toContain(rentId);
  });

  it('terminating someone else’s order fails with NotOrderRenter', async () => {
    expect((await t.send(api.tx.terminatingRental.terminateRent(rentId), t.bob)).error).toBe(
      'terminatingRental.NotOrderRenter',
    );
  });

  it('terminating charges the elapsed share pro rata (5 % to the pot, the rest to the stash) and emits no event', async () => {
    await t.newBlocks(200);
    const stash = m().miner.stash.address;
    const pot = t.net.genesis.rentFeePot.address;
    const held = rentFee + reletFee;
    const [renterBefore, stashBefore, potBefore] = await Promise.all([
      account(renter.address),
      account(stash),
      total(pot),
    ]);

    const r = await t.send(api.tx.terminatingRental.terminateRent(rentId), renter);
    expect(r.error).toBeNull();
    expect(r.events.filter((e) => e.event.section === 'terminatingRental')).toEqual([]);
    const elapsed = BigInt((await blockOf(r.blockHash)) - start);
    const charge = perbillMul(fromRational(elapsed, 900n), held);
    const burn = perbillMul(50_000_000n, charge);
    expect(charge).toBeGreaterThan(0n);
    expect(charge).toBeLessThan(held);

    const renterAfter = await account(renter.address);
    expect(renterBefore.reserved - renterAfter.reserved).toBe(held);
    expect(renterBefore.free + renterBefore.reserved - (renterAfter.free + renterAfter.reserved)).toBe(
      charge + r.fee,
    );
    expect((await total(pot)) - potBefore).toBe(burn);
    // Machine 0 is staked to the cap already, so the stash keeps all of it free.
    const stashAfter = await account(stash);
    expect([stashAfter.free - stashBefore.free, stashAfter.reserved - stashBefore.reserved]).toEqual([
      charge - burn,
      0n,
    ]);

    expect((await order(rentId)).isNone).toBe(true);
    const gpuOrder: any = await api.query.terminatingRental.machineRentOrder(m().id);
    expect([gpuOrder.rentOrder.length, gpuOrder.usedGpu.length]).toEqual([0, 0]);
    // As upstream: the GPU count, the machine status and the renter's order list are left as they were.
    expect(Number((await api.query.terminatingRental.machineRentedGPU(m().id)).toString())).toBe(2);
    expect((await info(m().id)).machineStatus.isRented).toBe(true);
    expect(ids(await api.query.terminatingRental.userRented(renter.address))).toEqual([rentId]);
  });
});

describe('rent end', () => {
  it('an unconfirmed order is never cancelled: a late confirm fails with ExpiredConfirm', async () => {
    const m = machine(1);
    const renter = await newRenter();
    const r = await rent(renter, m.id, 1, 300);
    await t.newBlocks(r.start + 151 - (await bestNumber()));
    expect((await order(r.rentId)).unwrap().rentStatus.isWaitingVerifying).toBe(true);
    expect((await t.send(api.tx.terminatingRental.confirmRent(r.rentId), renter)).error).toBe(
      'terminatingRental.ExpiredConfirm',
    );

    // At its end the whole reserve is charged anyway, and the machine is free again.
    const stash = m.miner.stash.address;
    const [renterBefore, stashBefore] = await Promise.all([account(renter.address), total(stash)]);
    await t.newBlocks(r.start + 300 - (await bestNumber()));
    const renterAfter = await account(renter.address);
    expect(renterBefore.reserved - renterAfter.reserved).toBe(r.rentFee);
    expect(renterBefore.free - renterAfter.free).toBe(0n);
    expect((await total(stash)) - stashBefore).toBe(r.rentFee - perbillMul(50_000_000n, r.rentFee));
    expect((await order(r.rentId)).isNone).toBe(true);
    expect(Number((await api.query.terminatingRental.machineRentedGPU(m.id)).toString())).toBe(0);
    expect((await info(m.id)).machineStatus.isOnline).toBe(true);
    expect(ids(await api.query.terminatingRental.userRented(renter.address))).toEqual([]);
  });

  it('a confirmed order that runs out pays the stash, which stakes it while the machine is below the cap', async () => {
    const m = machine(3);
    const stash = m.miner.stash.address;
    expect((await info(m.id)).stakeAmount.toBigInt()).toBe(0n);
    const renter = await newRenter();
    const r = await rent(renter, m.id, 1, 600);
    expect((await t.send(api.tx.terminatingRental.confirmRent(r.rentId), renter)).error).toBeNull();
    const stashBefore = await account(stash);

    await t.newBlocks(r.start + 600 - (await bestNumber()));
    const toStash = r.rentFee - perbillMul(50_000_000n, r.rentFee);
    const stashAfter = await account(stash);
    expect([stashAfter.free - stashBefore.free, stashAfter.reserved - stashBefore.reserved]).toEqual([
      0n,
      toStash,
    ]);
    const after = await info(m.id);
    expect(after.stakeAmount.toBigInt()).toBe(toStash);
    expect(after.machineStatus.isOnline).toBe(true);
    expect(after.renters.length).toBe(0);
    expect(after.totalRentedDuration.toNumber()).toBe(600);
    const live: any = await api.query.terminatingRental.liveMachines();
    expect(live.onlineMachine.map((x: any) => x.toUtf8())).toContain(m.id);
    expect((await account(renter.address)).reserved).toBe(0n);
  });
});

describe('rent validation', () => {
  it('more GPUs than are free fails with GPUNotEnough', async () => {
    const r = await t.send(api.tx.terminatingRental.rentMachine(machine(2).id, 3, 300), t.bob);
    expect(r.error).toBe('terminatingRental.GPUNotEnough');
  });

  it('a duration that is not a multiple of 300 blocks fails with OnlyAllowIntegerMultipleOfHour', async () => {
    const r = await t.send(api.tx.terminatingRental.rentMachine(machine(2).id, 1, 450), t.bob);
    expect(r.error).toBe('terminatingRental.OnlyAllowIntegerMultipleOfHour');
  });

  it('a machine outside the TerminatingRental registry fails with Unknown', async () => {
    const opMachine = t.net.genesis.machines.find((x) => x.status === 'online')!.machineId;
    expect((await t.send(api.tx.terminatingRental.rentMachine(opMachine, 1, 300), t.bob)).error).toBe(
      'terminatingRental.Unknown',
    );
  });
});
