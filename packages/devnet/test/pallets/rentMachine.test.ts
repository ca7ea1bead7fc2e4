import type { KeyringPair } from '@polkadot/keyring/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedMachine } from '../../src/seed/machines.js';
import { findEvent, startTestNet, type TestNet } from '../harness.js';

/**
 * RentMachine against the running devnet through @polkadot/api: the rent price formula
 * (online-profile traits.rs get_machine_price, rent-machine lib.rs rent_machine_by_block,
 * dbc-price-ocw get_dbc_amount_by_value), the fee split on confirm, the errors in upstream order,
 * and the on_finalize hooks that expire unconfirmed and finished orders without events.
 */

const ONE_DAY = 14_400n;
const ONE_DBC = 10n ** 15n;

let t: TestNet;
let api: TestNet['api'];
const used = new Set<string>();
let renterCount = 0;

/** `Perbill * n` as sp_arithmetic rounds it (nearest, ties down). */
function perbillMul(parts: bigint, n: bigint): bigint {
  const b = 1_000_000_000n;
  const rem = (n % b) * parts;
  return (n / b) * parts + rem / b + (rem % b > b / 2n ? 1n : 0n);
}

/** A seeded machine no other test has touched. */
function pick(pred: (m: SeedMachine) => boolean): SeedMachine {
  const m = t.net.genesis.machines.find((x) => !used.has(x.machineId) && pred(x));
  if (!m) throw new Error('no seeded machine fits');
  used.add(m.machineId);
  return m;
}
const freeMachine = (minGpus: number) =>
  pick((m) => m.status === 'online' && !m.timeSlot && m.gpuNum >= minGpus);

/** A fresh account funded by //Alice (Alice authors the blocks, so her balance moves with every fee). */
async function newRenter(dbc = 20_000n): Promise<KeyringPair> {
  const pair = t.pair(`//RentMachineTest/${++renterCount}`);
  const r = await t.send(api.tx.balances.transferKeepAlive(pair.address, dbc * ONE_DBC), t.alice);
  expect(r.error).toBeNull();
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

const machineInfo = async (id: string): Promise<any> =>
  ((await api.query.onlineProfile.machinesInfo(id)) as any).unwrap();
const rentInfo = async (rentId: bigint): Promise<any> =>
  (await api.query.rentMachine.rentInfo(rentId)) as any;
const rentedGpu = async (id: string) =>
  Number((await api.query.onlineProfile.machineRentedGPU(id)).toString());
const bestNumber = async () => (await api.rpc.chain.getHeader()).number.toNumber();

/** The rent fee computed here from the chain's stored prices, calc points and extra price. */
async function quote(id: string, gpus: number, duration: number): Promise<bigint> {
  const std: any = (await api.query.onlineProfile.standardGPUPointPrice()).unwrap();
  const avg = ((await api.query.dbcPriceOCW.avgPrice()) as any).unwrap().toBigInt();
  const extra = BigInt((await api.query.onlineProfile.machineExtraPrice(id)).toString());
  const info = await machineInfo(id);
  const calcPoint = info.machineInfoDetail.committeeUploadInfo.calcPoint.toBigInt();
  const totalGpus = BigInt(info.machineInfoDetail.committeeUploadInfo.gpuNum.toNumber());
  const system =
    (((std.gpuPrice.toBigInt() * calcPoint * 10_000n) / std.gpuPoint.toBigInt()) * BigInt(gpus)) /
    totalGpus /
    10_000n;
  const usd = ((system + extra * BigInt(gpus)) * BigInt(duration)) / ONE_DAY;
  return (usd * ONE_DBC) / avg;
}

function eventData(events: EventRecord[], name: string): any[] {
  const e = findEvent(events, name);
  expect(e, `${name} event`).toBeDefined();
  return [...e!.event.data] as any[];
}

async function rent(renter: KeyringPair, id: string, gpus: number, duration: number) {
  const r = await t.send(api.tx.rentMachine.rentMachine(id, gpus, duration), renter);
  expect(r.error).toBeNull();
  const [rentId, , , , , fee] = eventData(r.events, 'rentMachine.Rent');
  return { ...r, rentId: rentId.toBigInt() as bigint, rentFee: fee.toBigInt() as bigint };
}

beforeAll(async () => {
  t = await startTestNet({ machines: 40, noClientNodes: true });
  api = t.api;
});
afterAll(async () => {
  await t?.close();
});

describe('renting a machine', () => {
  let machine: SeedMachine;
  let renter: KeyringPair;
  let rentId: bigint;
  let rentFee: bigint;
  let rentBlock: number;

  it('reserves the formula price, charges the fixed fee, takes the lowest free GPU and marks the machine Rented', async () => {
    machine = pick((m) => m.status === 'online' && !m.timeSlot && m.gpuNum >= 2 && m.extraPrice > 0);
    renter = await newRenter();
    const expected = await quote(machine.machineId, 1, 600);
    const fixedFee = ((await api.query.genericFunc.fixedTxFee()) as any).unwrap().toBigInt();
    const before = await account(renter.address);

    const r = await rent(renter, machine.machineId, 1, 600);
    ({ rentId, rentFee } = r);
    rentBlock = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();

    const [, who, machineId, gpuNum, duration, fee] = eventData(r.events, 'rentMachine.Rent');
    expect([who.toString(), machineId.toUtf8(), gpuNum.toNumber(), duration.toNumber()]).toEqual([
      renter.address,
      machine.machineId,
      1,
      600,
    ]);
    expect(fee.toBigInt()).toBe(expected);
    const [payer, fixed] = eventData(r.events, 'genericFunc.TxFeeToTreasury');
    expect([payer.toString(), fixed.toBigInt()]).toEqual([renter.address, fixedFee]);

    const after = await account(renter.address);
    expect(after.reserved - before.reserved).toBe(expected);
    expect(before.free - after.free).toBe(expected + fixedFee + r.fee);
    expect(((await api.query.rentMachine.userTotalStake(renter.address)) as any).toBigInt()).toBe(expected);

    const order = (await rentInfo(rentId)).unwrap();
    expect(order.rentStatus.isWaitingVerifying).toBe(true);
    expect(order.stakeAmount.toBigInt()).toBe(expected);
    expect([order.rentStart.toNumber(), order.rentEnd.toNumber(), order.confirmRent.toNumber()]).toEqual([
      rentBlock,
      rentBlock + 600,
      0,
    ]);
    expect(order.gpuIndex.map((i: any) => i.toNumber())).toEqual([0]);

    expect(await rentedGpu(machine.machineId)).toBe(1);
    expect((await machineInfo(machine.machineId)).machineStatus.isRented).toBe(true);
    expect(
      ((await api.query.rentMachine.userOrder(renter.address)) as any).map((x: any) => x.toBigInt()),
    ).toEqual([rentId]);
    expect(
      ((await api.query.rentMachine.confirmingOrder(rentBlock + 150)) as any).map((x: any) => x.toBigInt()),
    ).toContain(rentId);
    expect(
      ((await api.query.rentMachine.rentEnding(rentBlock + 600)) as any).map((x: any) => x.toBigInt()),
    ).toContain(rentId);
    const gpuOrder: any = await api.query.rentMachine.machineRentOrder(machine.machineId);
    expect(gpuOrder.usedGpu.map((i: any) => i.toNumber())).toEqual([0]);
    // Not yet confirmed: the machine is still on the live online list.
    const live: any = await api.query.onlineProfile.liveMachines();
    expect(live.onlineMachine.map((x: any) => x.toUtf8())).toContain(machine.machineId);
  });

  it('a second renter on the same machine gets the next GPU index', async () => {
    const second = await newRenter();
    const r = await rent(second, machine.machineId, 1, 300);
    expect((await rentInfo(r.rentId)).unwrap().gpuIndex.map((i: any) => i.toNumber())).toEqual([1]);
    const gpuOrder: any = await api.query.rentMachine.machineRentOrder(machine.machineId);
    expect(gpuOrder.usedGpu.map((i: any) => i.toNumber())).toEqual([0, 1]);
    expect(gpuOrder.rentOrder.map((i: any) => i.toBigInt())).toEqual([rentId, r.rentId]);
    expect(await rentedGpu(machine.machineId)).toBe(2);
  });

  it('confirming an order of someone else fails with NoOrderExist', async () => {
    const stranger = await newRenter(10n);
    const r = await t.send(api.tx.rentMachine.confirmRent(rentId), stranger);
    expect(r.error).toBe('rentMachine.NoOrderExist');
  });

  it('confirming pays the fee: 5 % to the rent fee pot, the rest to the stash, and books the machine as rented', async () => {
    const stash = t.net.genesis.miners[machine.miner]!.stash.address;
    const pot = t.net.genesis.rentFeePot.address;
    const percent = BigInt(((await api.query.onlineProfile.rentFeeDestroyPercent()) as any).toNumber());
    const toDestroy = perbillMul(percent, rentFee);
    const [renterBefore, stashBefore, potBefore] = await Promise.all([
      account(renter.address),
      total(stash),
      total(pot),
    ]);
    const [sysBefore, stashMachinesBefore, infoBefore]: any[] = await Promise.all([
      api.query.onlineProfile.sysInfo(),
      api.query.onlineProfile.stashMachines(stash),
      machineInfo(machine.machineId),
    ]);
    const { longitude, latitude } = infoBefore.machineInfoDetail.stakerCustomizeInfo;
    const posBefore: any = await api.query.onlineProfile.posGPUInfo(longitude, latitude);

    const r = await t.send(api.tx.rentMachine.confirmRent(rentId), renter);
    expect(r.error).toBeNull();
    const confirmBlock = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
    const [id, who, machineId, gpuNum, duration, fee] = eventData(r.events, 'rentMachine.ConfirmRent');
    expect([
      id.toBigInt(),
      who.toString(),
      machineId.toUtf8(),
      gpuNum.toNumber(),
      duration.toNumber(),
      fee.toBigInt(),
    ]).toEqual([rentId, renter.address, machine.machineId, 1, 600, rentFee]);

    const renterAfter = await account(renter.address);
    expect(renterBefore.reserved - renterAfter.reserved).toBe(rentFee);
    expect(renterBefore.free - renterAfter.free).toBe(r.fee);
    expect((await total(pot)) - potBefore).toBe(toDestroy);
    expect((await total(stash)) - stashBefore).toBe(rentFee - toDestroy);
    expect(((await api.query.rentMachine.userTotalStake(renter.address)) as any).toBigInt()).toBe(0n);

    const order = (await rentInfo(rentId)).unwrap();
    expect(order.rentStatus.isRenting).toBe(true);
    expect(order.stakeAmount.toBigInt()).toBe(0n);
    expect(order.confirmRent.toNumber()).toBe(confirmBlock);
    const history: any = await api.query.rentMachine.machineRenterRentedOrders(
      machine.machineId,
      renter.address,
    );
    expect(
      history.map((h: any) => [h.rentId.toBigInt(), h.rentStart.toNumber(), h.rentEnd.toNumber()]),
    ).toEqual([[rentId, rentBlock, rentBlock + 600]]);

    const info = await machineInfo(machine.machineId);
    expect(info.renters.map((x: any) => x.toString())).toContain(renter.address);
    expect(info.totalRentedTimes.toBigInt()).toBe(infoBefore.totalRentedTimes.toBigInt() + 1n);
    expect(info.totalRentFee.toBigInt() - infoBefore.totalRentFee.toBigInt()).toBe(rentFee - toDestroy);
    expect(info.totalBurnFee.toBigInt() - infoBefore.totalBurnFee.toBigInt()).toBe(toDestroy);
    const live: any = await api.query.onlineProfile.liveMachines();
    expect(live.rentedMachine.map((x: any) => x.toUtf8())).toContain(machine.machineId);
    expect(live.onlineMachine.map((x: any) => x.toUtf8())).not.toContain(machine.machineId);
    // The first confirm books the machine's whole GPU count as rented.
    const sys: any = await api.query.onlineProfile.sysInfo();
    expect(sys.totalRentedGpu.toNumber() - sysBefore.totalRentedGpu.toNumber()).toBe(machine.gpuNum);
    expect(sys.totalRentFee.toBigInt() - sysBefore.totalRentFee.toBigInt()).toBe(rentFee - toDestroy);
    const sm: any = await api.query.onlineProfile.stashMachines(stash);
    expect(sm.totalRentedGpu.toNumber() - stashMachinesBefore.totalRentedGpu.toNumber()).toBe(machine.gpuNum);
    const pos: any = await api.query.onlineProfile.posGPUInfo(longitude, latitude);
    expect(pos.rentedGpu.toNumber() - posBefore.rentedGpu.toNumber()).toBe(machine.gpuNum);
  });

  it('relet for less than 100 blocks fails with ReletTooShort', async () => {
    const r = await t.send(api.tx.rentMachine.reletMachine(rentId, 99), renter);
    expect(r.error).toBe('rentMachine.ReletTooShort');
  });

  it('relet pays the extension at once and moves the order end', async () => {
    const stash = t.net.genesis.miners[machine.miner]!.stash.address;
    const expected = await quote(machine.machineId, 1, 300);
    const [renterBefore, stashBefore] = await Promise.all([total(renter.address), total(stash)]);
    const r = await t.send(api.tx.rentMachine.reletMachine(rentId, 300), renter);
    expect(r.error).toBeNull();
    const [id, who, machineId, gpuNum, duration, fee] = eventData(r.events, 'rentMachine.Relet');
    expect([
      id.toBigInt(),
      who.toString(),
      machineId.toUtf8(),
      gpuNum.toNumber(),
      duration.toNumber(),
      fee.toBigInt(),
    ]).toEqual([rentId, renter.address, machine.machineId, 1, 300, expected]);
    expect(renterBefore - (await total(renter.address))).toBe(expected + r.fee);
    expect((await total(stash)) - stashBefore).toBe(expected - perbillMul(50_000_000n, expected));
    expect((await rentInfo(rentId)).unwrap().rentEnd.toNumber()).toBe(rentBlock + 900);
    expect(
      ((await api.query.rentMachine.rentEnding(rentBlock + 600)) as any).map((x: any) => x.toBigInt()),
    ).not.toContain(rentId);
    expect(
      ((await api.query.rentMachine.rentEnding(rentBlock + 900)) as any).map((x: any) => x.toBigInt()),
    ).toContain(rentId);
  });

  it('relet by someone else fails with NotMachineRenter', async () => {
    const r = await t.send(api.tx.rentMachine.reletMachine(rentId, 300), t.bob);
    expect(r.error).toBe('rentMachine.NotMachineRenter');
  });
});

describe('rent validation, in upstream order', () => {
  it('more GPUs than are free fails with GPUNotEnough', async () => {
    const m = pick((x) => x.status === 'rented' && x.rentals.reduce((a, b) => a + b, 0) < x.gpuNum);
    const free = m.gpuNum - m.rentals.reduce((a, b) => a + b, 0);
    const r = await t.send(api.tx.rentMachine.rentMachine(m.machineId, free + 1, 300), t.bob);
    expect(r.error).toBe('rentMachine.GPUNotEnough');
    // The free ones can still be had, starting at the first index the seeded orders left over.
    const ok = await rent(await newRenter(), m.machineId, free, 300);
    expect((await rentInfo(ok.rentId)).unwrap().gpuIndex.map((i: any) => i.toNumber())).toEqual(
      Array.from({ length: free }, (_, k) => m.gpuNum - free + k),
    );
  });

  it('a duration that is not a multiple of 300 blocks fails with OnlyHalfHourAllowed', async () => {
    // The call fails, so any online machine will do.
    const m = t.net.genesis.machines.find((x) => x.status === 'online' && !x.timeSlot)!;
    const r = await t.send(api.tx.rentMachine.rentMachine(m.machineId, 1, 450), t.bob);
    expect(r.error).toBe('rentMachine.OnlyHalfHourAllowed');
  });

  it('an offline machine fails with MachineNotRentable', async () => {
    const m = pick((x) => x.status === 'offline');
    const r = await t.send(api.tx.rentMachine.rentMachine(m.machineId, 1, 300), t.bob);
    expect(r.error).toBe('rentMachine.MachineNotRentable');
  });

  it('an unknown machine id fails with Unknown (machines_info(..).ok_or(Unknown))', async () => {
    const r = await t.send(api.tx.rentMachine.rentMachine('ff'.repeat(32), 1, 300), t.bob);
    expect(r.error).toBe('rentMachine.Unknown');
  });

  it('a zero duration is accepted and does nothing', async () => {
    const m = freeMachine(1);
    const bob = await total(t.bob.address);
    const r = await t.send(api.tx.rentMachine.rentMachine(m.machineId, 1, 0), t.bob);
    expect(r.error).toBeNull();
    expect(findEvent(r.events, 'rentMachine.Rent')).toBeUndefined();
    expect(bob - (await total(t.bob.address))).toBe(r.fee);
    expect(await rentedGpu(m.machineId)).toBe(0);
  });

  it('a renter who cannot reserve the fee fails with InsufficientValue and keeps the fixed fee', async () => {
    const m = freeMachine(1);
    expect(await quote(m.machineId, 1, 300)).toBeGreaterThan(20n * ONE_DBC);
    const poor = await newRenter(20n);
    const before = await account(poor.address);
    const r = await t.send(api.tx.rentMachine.rentMachine(m.machineId, 1, 300), poor);
    expect(r.error).toBe('rentMachine.InsufficientValue');
    const after = await account(poor.address);
    expect(after.reserved).toBe(0n);
    expect(before.free - after.free).toBe(r.fee);
  });

  it('durations over MaximumRentalDuration (60 days) are clamped', async () => {
    const m = freeMachine(1);
    // A seeded renter: 60 days of a GPU can cost more than a dev account holds.
    const rich = t.pair(t.net.genesis.renters[7]!.uri);
    const r = await rent(rich, m.machineId, 1, 61 * 14_400);
    const [, , , , duration, fee] = eventData(r.events, 'rentMachine.Rent');
    expect(duration.toNumber()).toBe(60 * 14_400);
    expect(fee.toBigInt()).toBe(await quote(m.machineId, 1, 60 * 14_400));
  });
});

describe('on_finalize hooks', () => {
  it('an order not confirmed within 150 blocks is deleted and its reserve returned, without events', async () => {
    const m = freeMachine(1);
    const renter = await newRenter();
    const before = await account(renter.address);
    const r = await rent(renter, m.machineId, 1, 300);
    const start = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();

    await t.newBlocks(start + 150 - (await bestNumber()));
    const cleanup = await api.at(await api.rpc.chain.getBlockHash(start + 150));
    const events: any = await cleanup.query.system.events();
    expect(events.filter((e: any) => e.phase.isFinalization).map((e: any) => e.event.section)).not.toContain(
      'rentMachine',
    );

    expect((await rentInfo(r.rentId)).isNone).toBe(true);
    const after = await account(renter.address);
    expect(after.reserved).toBe(before.reserved);
    expect(before.free - after.free).toBe(
      r.fee + ((await api.query.genericFunc.fixedTxFee()) as any).unwrap().toBigInt(),
    );
    expect(((await api.query.rentMachine.userTotalStake(renter.address)) as any).toBigInt()).toBe(0n);
    expect(((await api.query.rentMachine.userOrder(renter.address)) as any).length).toBe(0);
    expect(((await api.query.rentMachine.rentEnding(start + 300)) as any).length).toBe(0);
    expect(await rentedGpu(m.machineId)).toBe(0);
    expect((await machineInfo(m.machineId)).machineStatus.isOnline).toBe(true);

    // The order is gone, so a late confirm finds nothing (ExpiredConfirm needs the order to survive).
    const late = await t.send(api.tx.rentMachine.confirmRent(r.rentId), renter);
    expect(late.error).toBe('rentMachine.Unknown');
  });

  it('a confirm on the 150th block after renting is still in time', async () => {
    const m = freeMachine(1);
    const renter = await newRenter();
    const r = await rent(renter, m.machineId, 1, 300);
    const start = (await api.rpc.chain.getHeader(r.blockHash)).number.toNumber();
    await t.newBlocks(start + 149 - (await bestNumber()));
    const c = await t.send(api.tx.rentMachine.confirmRent(r.rentId), renter);
    expect(c.error).toBeNull();
    expect((await api.rpc.chain.getHeader(c.blockHash)).number.toNumber()).toBe(start + 150);
  });

  it('at rent end the order is deleted, its GPUs freed and the machine is Online again', async () => {
    const m = freeMachine(2);
    const stash = t.net.genesis.miners[m.miner]!.stash.address;
    const renter = await newRenter();
    const infoBefore = await machineInfo(m.machineId);
    const { longitude, latitude } = infoBefore.machineInfoDetail.stakerCustomizeInfo;

    const a = await rent(renter, m.machineId, 1, 300);
    const b = await rent(renter, m.machineId, 1, 600);
    expect((await t.send(api.tx.rentMachine.confirmRent(a.rentId), renter)).error).toBeNull();
    expect((await t.send(api.tx.rentMachine.confirmRent(b.rentId), renter)).error).toBeNull();
    const endA = (await rentInfo(a.rentId)).unwrap().rentEnd.toNumber();
    const endB = (await rentInfo(b.rentId)).unwrap().rentEnd.toNumber();

    await t.newBlocks(endA - (await bestNumber()));
    expect((await rentInfo(a.rentId)).isNone).toBe(true);
    expect(await rentedGpu(m.machineId)).toBe(1);
    // Another Renting order is left, so the machine stays Rented and the renter stays listed.
    const mid = await machineInfo(m.machineId);
    expect(mid.machineStatus.isRented).toBe(true);
    expect(mid.renters.map((x: any) => x.toString())).toContain(renter.address);
    expect(
      ((await api.query.rentMachine.machineRentOrder(m.machineId)) as any).usedGpu.map((i: any) =>
        i.toNumber(),
      ),
    ).toEqual([1]);

    await t.newBlocks(endB - (await bestNumber()));
    expect((await rentInfo(b.rentId)).isNone).toBe(true);
    expect(await rentedGpu(m.machineId)).toBe(0);
    // online-profile traits.rs inserts the 0, and FRAME stores a ValueQuery set to its default: the
    // entry stays listed, as on mainnet (code that treats "has an entry" as "is rented" would be wrong).
    const rentedKeys = await api.query.onlineProfile.machineRentedGPU.keys();
    expect(rentedKeys.map((k: any) => k.args[0].toUtf8())).toContain(m.machineId);
    const info = await machineInfo(m.machineId);
    expect(info.machineStatus.isOnline).toBe(true);
    expect(info.lastOnlineHeight.toNumber()).toBe(endB);
    expect(info.renters.map((x: any) => x.toString())).not.toContain(renter.address);
    // total_rented_duration grows by each order's GPU share of its duration.
    expect(info.totalRentedDuration.toNumber() - infoBefore.totalRentedDuration.toNumber()).toBe(
      Number(
        perbillMul(BigInt(Math.floor(1e9 / m.gpuNum)), 300n) +
          perbillMul(BigInt(Math.floor(1e9 / m.gpuNum)), 600n),
      ),
    );
    const live: any = await api.query.onlineProfile.liveMachines();
    expect(live.onlineMachine.map((x: any) => x.toUtf8())).toContain(m.machineId);
    expect(live.rentedMachine.map((x: any) => x.toUtf8())).not.toContain(m.machineId);
    const gpuOrder: any = await api.query.rentMachine.machineRentOrder(m.machineId);
    expect([gpuOrder.rentOrder.length, gpuOrder.usedGpu.length]).toEqual([0, 0]);
    expect(((await api.query.rentMachine.userOrder(renter.address)) as any).length).toBe(0);

    // Seeded orders end along the way too, so compare the totals across the ending block only.
    const at = async (n: number) => api.at(await api.rpc.chain.getBlockHash(n));
    const [pre, post] = await Promise.all([at(endB - 1), at(endB)]);
    expect(((await pre.query.rentMachine.rentEnding(endB)) as any).map((x: any) => x.toBigInt())).toEqual([
      b.rentId,
    ]);
    const rented = async (view: typeof pre) => {
      const [sys, sm, pos]: any[] = await Promise.all([
        view.query.onlineProfile.sysInfo(),
        view.query.onlineProfile.stashMachines(stash),
        view.query.onlineProfile.posGPUInfo(longitude, latitude),
      ]);
      return [sys.totalRentedGpu.toNumber(), sm.totalRentedGpu.toNumber(), pos.rentedGpu.toNumber()];
    };
    const [before, after] = await Promise.all([rented(pre), rented(post)]);
    expect(before.map((v, i) => v - after[i]!)).toEqual([m.gpuNum, m.gpuNum, m.gpuNum]);
    // The rent history stays.
    const history: any = await api.query.rentMachine.machineRenterRentedOrders(m.machineId, renter.address);
    expect(history.length).toBe(2);
  });
});

describe('rent income and the machine stake', () => {
  it('tops a stash machine below the stake cap up from the rent before paying the stash', async () => {
    const m = freeMachine(1);
    const stash = t.net.genesis.miners[m.miner]!.stash.address;
    // Set-up: the stash's machines sit 3 DBC below stake_per_gpu × GPUs (as after an upgrade of the cap).
    const infos = t.net.chain.runtime.storage<any>('OnlineProfile', 'MachinesInfo');
    const stashMachines: any = await api.query.onlineProfile.stashMachines(stash);
    const first = stashMachines.onlineMachine.map((x: any) => x.toUtf8())[0] as string;
    infos.mutate(first, (v: any) => {
      v.stakeAmount -= 3n * ONE_DBC;
    });
    const renter = await newRenter();
    const r = await rent(renter, m.machineId, 1, 3000);
    const stashBefore = await account(stash);
    const stakeBefore = ((await api.query.onlineProfile.stashStake(stash)) as any).toBigInt();
    const c = await t.send(api.tx.rentMachine.confirmRent(r.rentId), renter);
    expect(c.error).toBeNull();
    const toStash = r.rentFee - perbillMul(50_000_000n, r.rentFee);
    expect(toStash).toBeGreaterThan(3n * ONE_DBC);
    const [machineId, pre, added] = eventData(c.events, 'onlineProfile.MachineAddStake');
    expect([machineId.toUtf8(), added.toBigInt()]).toEqual([first, 3n * ONE_DBC]);
    expect((await machineInfo(first)).stakeAmount.toBigInt()).toBe(pre.toBigInt() + 3n * ONE_DBC);
    const stashAfter = await account(stash);
    expect(stashAfter.reserved - stashBefore.reserved).toBe(3n * ONE_DBC);
    expect(stashAfter.free - stashBefore.free).toBe(toStash - 3n * ONE_DBC);
    expect(((await api.query.onlineProfile.stashStake(stash)) as any).toBigInt() - stakeBefore).toBe(
      3n * ONE_DBC,
    );
  });
});

describe('root and owner calls', () => {
  it('set_rent_fee_pot is root only and moves the destroyed share', async () => {
    const bad = await t.send(api.tx.rentMachine.setRentFeePot(t.bob.address), t.bob);
    expect(bad.error).toBe('BadOrigin');
    const pot = t.pair('//OtherRentFeePot');
    await t.root('RentMachine', 'set_rent_fee_pot', { potAddr: pot.address });
    expect(((await api.query.rentMachine.rentFeePot()) as any).unwrap().toString()).toBe(pot.address);
    const m = freeMachine(1);
    const renter = await newRenter();
    const r = await rent(renter, m.machineId, 1, 300);
    expect((await t.send(api.tx.rentMachine.confirmRent(r.rentId), renter)).error).toBeNull();
    expect(await total(pot.address)).toBe(perbillMul(50_000_000n, r.rentFee));
    await t.root('RentMachine', 'set_rent_fee_pot', { potAddr: t.net.genesis.rentFeePot.address });
  });

  it('bond_evm_address binds for the machine controller, refuses others, and reports unknown machines as Other', async () => {
    const m = t.net.genesis.machines[0]!;
    const controller = t.pair(t.net.genesis.miners[m.miner]!.controller.uri);
    const evm = '0x' + '12'.repeat(20);
    const ok = await t.send(api.tx.rentMachine.bondEvmAddress(m.machineId, evm), controller);
    expect(ok.error).toBeNull();
    const [address, who] = eventData(ok.events, 'rentMachine.SetEvmAddress');
    expect([address.toHex(), who.toString()]).toEqual([evm, controller.address]);
    expect(((await api.query.rentMachine.evmAddress2Account(evm)) as any).unwrap().toString()).toBe(
      controller.address,
    );
    expect((await t.send(api.tx.rentMachine.bondEvmAddress(m.machineId, evm), t.bob)).error).toBe(
      'rentMachine.NotMachineOwner',
    );
    expect((await t.send(api.tx.rentMachine.bondEvmAddress('ee'.repeat(32), evm), t.bob)).error).toBe(
      'Other',
    );
  });

  it('GenericFunc.set_fixed_tx_fee (root) changes the fixed fee of the next rent', async () => {
    await t.root('GenericFunc', 'set_fixed_tx_fee', { txFee: (25n * ONE_DBC).toString() });
    const m = freeMachine(1);
    const r = await rent(await newRenter(), m.machineId, 1, 300);
    expect(eventData(r.events, 'genericFunc.TxFeeToTreasury')[1].toBigInt()).toBe(25n * ONE_DBC);
    await t.root('GenericFunc', 'set_fixed_tx_fee', { txFee: (10n * ONE_DBC).toString() });
  });

  it('DBCPriceOCW.submit_price_by_root adds a price and re-averages the last 64, which re-prices rents', async () => {
    const prices = ((await api.query.dbcPriceOCW.prices()) as any).map((p: any) => p.toBigInt()) as bigint[];
    expect(prices).toHaveLength(64);
    await t.root('DBCPriceOCW', 'submit_price_by_root', { price: 3000 });
    const next = [...prices.slice(1), 3000n];
    const avg = next.reduce((a, b) => a + b, 0n) / 64n;
    expect(((await api.query.dbcPriceOCW.prices()) as any).map((p: any) => p.toBigInt())).toEqual(next);
    expect(((await api.query.dbcPriceOCW.avgPrice()) as any).unwrap().toBigInt()).toBe(avg);
    const m = freeMachine(1);
    const r = await rent(await newRenter(), m.machineId, 1, 300);
    expect(r.rentFee).toBe(await quote(m.machineId, 1, 300));
  });
});

describe('TimeSlot machines', () => {
  it('rents only for ≥ 2 h inside the weekly schedule (08–20 UTC), else fails with OutOfRentalSchedule', async () => {
    const m = pick((x) => x.status === 'online' && x.timeSlot);
    const now = Number(((await api.query.timestamp.now()) as any).toBigInt());
    const hour = new Date(now).getUTCHours();
    if (hour >= 8 && hour < 18) t.net.chain.setTime(Date.UTC(2026, 0, 2, 2));
    const r = await t.send(api.tx.rentMachine.rentMachine(m.machineId, 1, 1200), t.bob);
    expect(r.error).toBe('rentMachine.OutOfRentalSchedule');

    // Inside the window: at least 2 hours, ending by 20:00.
    t.net.chain.setTime(Date.UTC(2026, 0, 2, 10));
    const short = await t.send(api.tx.rentMachine.rentMachine(m.machineId, 1, 600), t.bob);
    expect(short.error).toBe('rentMachine.OutOfRentalSchedule');
    const late = await t.send(api.tx.rentMachine.rentMachine(m.machineId, 1, 12 * 600), t.bob);
    expect(late.error).toBe('rentMachine.OutOfRentalSchedule');
    const ok = await rent(await newRenter(), m.machineId, 1, 1200);
    expect(ok.rentFee).toBe(await quote(m.machineId, 1, 1200));
  });
});
