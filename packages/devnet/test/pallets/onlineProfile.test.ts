import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import type { Codec } from '@polkadot/types/types';
import { DBC } from '../../src/devnet.js';
import { findEvent, startTestNet, type TestNet } from '../harness.js';

const ONE_DAY = 14_400;
const FIXED_FEE = 10n * DBC;
const BOND_STAKE = 10_000n * DBC; // 10 % of the seeded onlineStakePerGpu (100,000 DBC)

let tn: TestNet;
let admin: WsProvider;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

type Plain = Record<string, unknown>;
const plain = (c: Codec) => c.toJSON() as Plain;
/** Machine ids are Vec<u8> of ASCII hex: compare them as text. */
const ids = (list: Array<{ toUtf8(): string }>) => list.map((b) => b.toUtf8());

/** A fresh machine key; its public key's hex is the machine id, as dbc-client derives it. */
function machineKey(uri: string) {
  const pair = keyring.addFromUri(uri);
  return { pair, id: u8aToHex(pair.publicKey).slice(2) };
}

/** bond_machine's msg and sig: machine id ++ stash SS58, signed by the machine key. */
function bondArgs(machine: KeyringPair, machineId: string, stash: string, signer: KeyringPair = machine) {
  const msg = machineId + stash;
  return { msg, sig: u8aToHex(signer.sign(stringToU8a(msg))) };
}

const miner = {
  stash: keyring.addFromUri('//OpTest//stash'),
  controller: keyring.addFromUri('//OpTest//stash//controller'),
};
const machine = machineKey('//OpTest//machine//1');
let room = '';

const roomInfo = (serverRoom: string, telecom: string[] = ['China Telecom']) => ({
  serverRoom,
  uploadNet: 1000,
  downloadNet: 1000,
  longitude: { East: 1_214_700 },
  latitude: { North: 312_300 },
  telecomOperators: telecom,
  isBareMachine: false,
});

type Tx = Parameters<TestNet['send']>[0];

const send = (tx: Tx, signer: KeyringPair) => tn.send(tx, signer);

// The devnet's types are not augmented into @polkadot/api, so storage reads are untyped here.
type Query = Record<string, (...keys: unknown[]) => Promise<any>>;
const op = () => tn.api.query.onlineProfile as unknown as Query;
/** Free and reserved balance of an account (System.Account data). */
const account = async (who: string) => {
  const { data } = (await tn.api.query.system.account(who)).toJSON() as {
    data: { free: string | number; reserved: string | number };
  };
  return { free: BigInt(data.free), reserved: BigInt(data.reserved) };
};
const fund = async (who: string, dbc: bigint) => {
  const r = await send(tn.api.tx.balances.transferKeepAlive(who, dbc * DBC), tn.alice);
  expect(r.error).toBeNull();
};
const verify = (id: string, hardware?: Plain) =>
  admin.send('devnet_verifyMachine', hardware ? [id, hardware] : [id]) as Promise<Plain>;

/** Bonds a machine for a stash whose controller already has a server room. */
async function bondAndAddInfo(
  stash: KeyringPair,
  controller: KeyringPair,
  m: { pair: KeyringPair; id: string },
  serverRoom: string,
) {
  const { msg, sig } = bondArgs(m.pair, m.id, stash.address);
  expect((await send(tn.api.tx.onlineProfile.bondMachine(m.id, msg, sig), controller)).error).toBeNull();
  expect(
    (await send(tn.api.tx.onlineProfile.addMachineInfo(m.id, roomInfo(serverRoom)), controller)).error,
  ).toBeNull();
}

beforeAll(async () => {
  tn = await startTestNet({ machines: 20 });
  admin = new WsProvider(tn.net.chainUrl);
  await admin.isReady;
  await fund(miner.stash.address, 200_000n);
  await fund(miner.controller.address, 1_000n);
});

afterAll(async () => {
  await admin?.disconnect();
  await tn?.close();
});

describe('OnlineProfile miner flow', () => {
  it('pairs a stash with a controller once (ControllerStashBonded, then AlreadyController)', async () => {
    const r = await send(tn.api.tx.onlineProfile.setController(miner.controller.address), miner.stash);
    expect(r.error).toBeNull();
    expect(findEvent(r.events, 'onlineProfile.ControllerStashBonded')!.event.data.map(String)).toEqual([
      miner.controller.address,
      miner.stash.address,
    ]);
    expect((await op().controllerStash(miner.controller.address)).toString()).toBe(miner.stash.address);
    const again = await send(tn.api.tx.onlineProfile.setController(tn.bob.address), miner.stash);
    expect(again.error).toBe('onlineProfile.AlreadyController');
  });

  it('generates a server room for the stash and charges the controller the fixed fee', async () => {
    const before = (await account(miner.controller.address)).free;
    const r = await send(tn.api.tx.onlineProfile.genServerRoom(), miner.controller);
    expect(r.error).toBeNull();
    room = findEvent(r.events, 'onlineProfile.ServerRoomGenerated')!.event.data[1]!.toHex();
    expect(findEvent(r.events, 'genericFunc.TxFeeToTreasury')!.event.data[1]!.toString()).toBe(
      FIXED_FEE.toString(),
    );
    expect((await op().stashServerRooms(miner.stash.address)).toJSON()).toEqual([room]);
    expect((await account(miner.controller.address)).free).toBe(before - FIXED_FEE - r.fee);
  });

  it('rejects bonding messages that are not the machine key signing "machine id ++ stash"', async () => {
    const other = machineKey('//OpTest//machine//other');
    const bond = (id: string, msg: string, sig: string) =>
      send(tn.api.tx.onlineProfile.bondMachine(id, msg, sig), miner.controller);
    const good = bondArgs(machine.pair, machine.id, miner.stash.address);

    expect((await bond(machine.id, good.msg.slice(0, 111), good.sig)).error).toBe('onlineProfile.BadMsgLen');
    const mismatch = bondArgs(other.pair, other.id, miner.stash.address);
    expect((await bond(machine.id, mismatch.msg, mismatch.sig)).error).toBe(
      'onlineProfile.SigMachineIdNotEqualBondedMachineId',
    );
    const wrongStash = bondArgs(machine.pair, machine.id, tn.bob.address);
    expect((await bond(machine.id, wrongStash.msg, wrongStash.sig)).error).toBe(
      'onlineProfile.MachineStashNotEqualControllerStash',
    );
    const forged = bondArgs(machine.pair, machine.id, miner.stash.address, other.pair);
    expect((await bond(machine.id, forged.msg, forged.sig)).error).toBe('onlineProfile.BadSignature');
    const noStash = await send(tn.api.tx.onlineProfile.bondMachine(machine.id, good.msg, good.sig), tn.bob);
    expect(noStash.error).toBe('onlineProfile.NoStashBond');
    expect((await op().machinesInfo(machine.id)).isNone).toBe(true);
  });

  it('bonds a machine: reserves 10 % of one GPU stake on the stash and charges the fixed fee', async () => {
    const stashBefore = await account(miner.stash.address);
    const ctrlBefore = (await account(miner.controller.address)).free;
    const { msg, sig } = bondArgs(machine.pair, machine.id, miner.stash.address);
    expect(msg).toHaveLength(112);
    const r = await send(tn.api.tx.onlineProfile.bondMachine(machine.id, msg, sig), miner.controller);
    expect(r.error).toBeNull();
    const ev = findEvent(r.events, 'onlineProfile.BondMachine')!.event.data;
    expect([ev[0]!.toString(), ev[1]!.toHuman(), ev[2]!.toString()]).toEqual([
      miner.controller.address,
      machine.id,
      BOND_STAKE.toString(),
    ]);
    expect(findEvent(r.events, 'onlineProfile.StakeAdded')).toBeDefined();

    const stashAfter = await account(miner.stash.address);
    expect(stashAfter.reserved - stashBefore.reserved).toBe(BOND_STAKE);
    expect((await account(miner.controller.address)).free).toBe(ctrlBefore - FIXED_FEE - r.fee);
    expect((await op().stashStake(miner.stash.address)).toBigInt()).toBe(BOND_STAKE);

    const m = (await op().machinesInfo(machine.id)).unwrap();
    expect(m.machineStatus.isAddingCustomizeInfo).toBe(true);
    expect([m.initStakePerGpu.toBigInt(), m.stakeAmount.toBigInt()]).toEqual([BOND_STAKE, BOND_STAKE]);
    expect(ids((await op().liveMachines()).bondingMachine)).toContain(machine.id);
    expect(ids(await op().controllerMachines(miner.controller.address))).toEqual([machine.id]);
    expect(ids((await op().stashMachines(miner.stash.address)).totalMachine)).toEqual([machine.id]);
  });

  it('refuses to bond a machine id twice (MachineIdExist)', async () => {
    const { msg, sig } = bondArgs(machine.pair, machine.id, miner.stash.address);
    const r = await send(tn.api.tx.onlineProfile.bondMachine(machine.id, msg, sig), miner.controller);
    expect(r.error).toBe('onlineProfile.MachineIdExist');
  });

  it('validates server-room info: telecom required, room of the stash, controller only', async () => {
    const add = (id: string, room: Plain, who: KeyringPair) =>
      send(tn.api.tx.onlineProfile.addMachineInfo(id, room), who);
    expect((await add(machine.id, roomInfo(room, []), miner.controller)).error).toBe(
      'onlineProfile.TelecomIsNull',
    );
    expect(
      (await add(machine.id, roomInfo(u8aToHex(new Uint8Array(32).fill(7))), miner.controller)).error,
    ).toBe('onlineProfile.ServerRoomNotFound');
    expect((await add(machine.id, roomInfo(room), tn.bob)).error).toBe('onlineProfile.NotMachineController');
    expect((await add('00'.repeat(32), roomInfo(room), miner.controller)).error).toBe(
      'onlineProfile.Unknown',
    );
    // update_machine_info needs info to update first.
    const upd = await send(
      tn.api.tx.onlineProfile.updateMachineInfo(machine.id, roomInfo(room)),
      miner.controller,
    );
    expect(upd.error).toBe('onlineProfile.TelecomIsNull');
  });

  it('adds server-room info: DistributingOrder, then a committee books it in the same block', async () => {
    const r = await send(
      tn.api.tx.onlineProfile.addMachineInfo(machine.id, roomInfo(room)),
      miner.controller,
    );
    expect(r.error).toBeNull();
    expect(findEvent(r.events, 'onlineProfile.MachineInfoAdded')).toBeDefined();
    const m = (await op().machinesInfo(machine.id)).unwrap();
    expect(m.machineInfoDetail.stakerCustomizeInfo.telecomOperators.toHuman()).toEqual(['China Telecom']);
    expect(m.machineInfoDetail.stakerCustomizeInfo.serverRoom.toHex()).toBe(room);
    // The devnet's committee books machines at the end of the block, as online-committee does.
    expect(m.machineStatus.isCommitteeVerifying).toBe(true);
    const l = await op().liveMachines();
    expect(ids(l.bondingMachine)).not.toContain(machine.id);
    expect(ids(l.bookedMachine)).toContain(machine.id);
  });

  it('devnet_verifyMachine confirms the hardware, tops the stake up from the stash and puts the machine Online', async () => {
    const sysBefore = await op().sysInfo();
    const stashBefore = (await account(miner.stash.address)).reserved;
    const res = await verify(machine.id, { gpuNum: 2, gpuType: 'GeForceRTX4090', calc_point: 61_000 });
    expect(res).toMatchObject({ machineId: machine.id, status: 'Online' });
    expect(res.hardware).toMatchObject({
      gpuNum: 2,
      gpuType: 'GeForceRTX4090',
      calcPoint: 61_000,
      isSupport: true,
    });

    const m = await op().machinesInfo(machine.id);
    const mi = m.unwrap();
    expect(mi.machineStatus.isOnline).toBe(true);
    expect(mi.machineInfoDetail.committeeUploadInfo.gpuNum.toNumber()).toBe(2);
    expect(mi.stakeAmount.toBigInt()).toBe(2n * BOND_STAKE);
    expect(mi.onlineHeight.toNumber()).toBe(Number(res.blockNumber));
    expect((await account(miner.stash.address)).reserved - stashBefore).toBe(BOND_STAKE);
    expect(ids((await op().liveMachines()).onlineMachine)).toContain(machine.id);

    const sys = await op().sysInfo();
    expect(sys.totalGpuNum.toNumber()).toBe(sysBefore.totalGpuNum.toNumber() + 2);
    expect(sys.totalStaker.toNumber()).toBe(sysBefore.totalStaker.toNumber() + 1);
    expect(sys.totalCalcPoints.toNumber()).toBeGreaterThan(sysBefore.totalCalcPoints.toNumber() + 61_000);
    expect(sys.totalStake.toBigInt() - sysBefore.totalStake.toBigInt()).toBe(BOND_STAKE);
    const sm = await op().stashMachines(miner.stash.address);
    expect(ids(sm.onlineMachine)).toEqual([machine.id]);
    expect(sm.totalGpuNum.toNumber()).toBe(2);
    const pos = await op().posGPUInfo({ East: 1_214_700 }, { North: 312_300 });
    expect(pos.onlineGpu.toNumber()).toBe(2);
    expect(pos.onlineGpuCalcPoints.toNumber()).toBe(61_000);
  });

  it('devnet_verifyMachine rejects machines that are not waiting for verification', async () => {
    await expect(verify(machine.id)).rejects.toThrow(/not waiting for committee verification/);
    await expect(verify('ab'.repeat(32))).rejects.toThrow(/not bonded/);
    await expect(verify(machine.id, { gpuNum: 'many' })).rejects.toThrow(/gpuNum must be a u32/);
  });

  it('reports the machine offline: StakerReportOffline and out of the online statistics', async () => {
    const r = await send(tn.api.tx.onlineProfile.controllerReportOffline(machine.id), miner.controller);
    expect(r.error).toBeNull();
    expect(findEvent(r.events, 'onlineProfile.ControllerReportOffline')).toBeDefined();
    const status = (await op().machinesInfo(machine.id)).unwrap().machineStatus;
    expect(status.isStakerReportOffline).toBe(true);
    expect(status.asStakerReportOffline[1].isOnline).toBe(true);
    const l = await op().liveMachines();
    expect(ids(l.offlineMachine)).toContain(machine.id);
    expect(ids(l.onlineMachine)).not.toContain(machine.id);
    expect((await op().stashMachines(miner.stash.address)).onlineMachine.length).toBe(0);
    const pos = await op().posGPUInfo({ East: 1_214_700 }, { North: 312_300 });
    expect([pos.onlineGpu.toNumber(), pos.offlineGpu.toNumber()]).toEqual([0, 2]);
    const twice = await send(tn.api.tx.onlineProfile.controllerReportOffline(machine.id), miner.controller);
    expect(twice.error).toBe('onlineProfile.MachineStatusNotAllowed');
  });

  it('reports it back online: reserves the 2 % short-outage slash and restores Online', async () => {
    const stake = (await op().machinesInfo(machine.id)).unwrap().stakeAmount.toBigInt();
    const reservedBefore = (await account(miner.stash.address)).reserved;
    const r = await send(tn.api.tx.onlineProfile.controllerReportOnline(machine.id), miner.controller);
    expect(r.error).toBeNull();
    const slashId = findEvent(r.events, 'onlineProfile.AddSlash')!.event.data[1]!.toString();
    expect(findEvent(r.events, 'onlineProfile.ControllerReportOnline')).toBeDefined();
    const slash = (await op().pendingSlash(slashId)).unwrap();
    expect(slash.slashAmount.toBigInt()).toBe((stake * 2n) / 100n);
    expect(slash.slashReason.isOnlineReportOffline).toBe(true);
    expect(slash.slashExecTime.toNumber()).toBe(slash.slashTime.toNumber() + 2 * ONE_DAY);
    expect((await account(miner.stash.address)).reserved - reservedBefore).toBe((stake * 2n) / 100n);
    expect((await op().machinesInfo(machine.id)).unwrap().machineStatus.isOnline).toBe(true);
    expect(ids((await op().liveMachines()).onlineMachine)).toContain(machine.id);
    expect((await op().stashMachines(miner.stash.address)).totalGpuNum.toNumber()).toBe(2);
  });

  it('verifies a machine on its own verifyAfterBlocks (10) blocks after booking, with catalog hardware', async () => {
    const second = machineKey('//OpTest//machine//2');
    await bondAndAddInfo(miner.stash, miner.controller, second, room);
    expect((await op().machinesInfo(second.id)).unwrap().machineStatus.isCommitteeVerifying).toBe(true);
    await tn.newBlocks(9);
    expect((await op().machinesInfo(second.id)).unwrap().machineStatus.isCommitteeVerifying).toBe(true);
    await tn.newBlocks(1);
    const mi = (await op().machinesInfo(second.id)).unwrap();
    expect(mi.machineStatus.isOnline).toBe(true);
    const hw = mi.machineInfoDetail.committeeUploadInfo;
    expect(hw.gpuNum.toNumber()).toBeGreaterThan(0);
    expect(hw.calcPoint.toNumber()).toBeGreaterThan(0);
    expect(hw.gpuType.toUtf8()).toMatch(/^(GeForceRTX|RTXA|L40|A100|H100)/);
    expect(mi.stakeAmount.toBigInt()).toBe(BOND_STAKE * BigInt(hw.gpuNum.toNumber()));
  });
});

describe('OnlineProfile stake shortfalls', () => {
  const poor = {
    stash: keyring.addFromUri('//OpTest//poor'),
    controller: keyring.addFromUri('//OpTest//poor//controller'),
  };
  const big = machineKey('//OpTest//machine//big');
  let poorRoom = '';

  it('refuses to bond for a stash that cannot reserve the bonding stake (BalanceNotEnough)', async () => {
    await fund(poor.stash.address, 5_000n);
    await fund(poor.controller.address, 100n);
    expect(
      (await send(tn.api.tx.onlineProfile.setController(poor.controller.address), poor.stash)).error,
    ).toBeNull();
    const { msg, sig } = bondArgs(big.pair, big.id, poor.stash.address);
    const before = (await account(poor.controller.address)).free;
    const r = await send(tn.api.tx.onlineProfile.bondMachine(big.id, msg, sig), poor.controller);
    expect(r.error).toBe('onlineProfile.BalanceNotEnough');
    // The failed call is rolled back, fixed fee included.
    expect((await account(poor.controller.address)).free).toBe(before - r.fee);
  });

  it('leaves a verified machine in WaitingFulfill when the stash cannot cover its GPUs, until fulfill_machine', async () => {
    await fund(poor.stash.address, 10_000n);
    const g = await send(tn.api.tx.onlineProfile.genServerRoom(), poor.controller);
    poorRoom = findEvent(g.events, 'onlineProfile.ServerRoomGenerated')!.event.data[1]!.toHex();
    await bondAndAddInfo(poor.stash, poor.controller, big, poorRoom);
    const res = await verify(big.id, { gpuNum: 4 });
    expect(res.status).toBe('WaitingFulfill');
    expect(ids((await op().liveMachines()).fulfillingMachine)).toContain(big.id);
    expect((await op().machinesInfo(big.id)).unwrap().stakeAmount.toBigInt()).toBe(BOND_STAKE);

    const short = await send(tn.api.tx.onlineProfile.fulfillMachine(big.id), poor.controller);
    expect(short.error).toBe('onlineProfile.BalanceNotEnough');
    await fund(poor.stash.address, 40_000n);
    const r = await send(tn.api.tx.onlineProfile.fulfillMachine(big.id), poor.controller);
    expect(r.error).toBeNull();
    const mi = (await op().machinesInfo(big.id)).unwrap();
    expect(mi.machineStatus.isOnline).toBe(true);
    expect(mi.stakeAmount.toBigInt()).toBe(4n * BOND_STAKE);
    const l = await op().liveMachines();
    expect(ids(l.fulfillingMachine)).not.toContain(big.id);
    expect(ids(l.onlineMachine)).toContain(big.id);
  });

  it('moves every machine to a new controller on stash_reset_controller', async () => {
    const next = keyring.addFromUri('//OpTest//poor//controller2');
    const r = await send(tn.api.tx.onlineProfile.stashResetController(next.address), poor.stash);
    expect(r.error).toBeNull();
    expect(findEvent(r.events, 'onlineProfile.StashResetController')!.event.data.map(String)).toEqual([
      poor.stash.address,
      poor.controller.address,
      next.address,
    ]);
    expect((await op().machinesInfo(big.id)).unwrap().controller.toString()).toBe(next.address);
    expect(ids(await op().controllerMachines(next.address))).toEqual([big.id]);
    expect((await op().controllerMachines(poor.controller.address)).length).toBe(0);
    expect((await op().controllerStash(poor.controller.address)).isNone).toBe(true);
  });
});

describe('OnlineProfile machine settings', () => {
  const setOk = async (tx: Tx, event: string, who: KeyringPair = miner.controller) => {
    const r = await send(tx, who);
    expect(r.error).toBeNull();
    expect(findEvent(r.events, `onlineProfile.${event}`)).toBeDefined();
  };

  it('sets an extra price up to $10,000 per GPU per day (ExtraPriceTooHigh beyond)', async () => {
    await setOk(
      tn.api.tx.onlineProfile.setMachineExtraPrice(machine.id, 2_000_000),
      'MachineExtraPriceSet',
      miner.stash,
    );
    expect((await op().machineExtraPrice(machine.id)).toNumber()).toBe(2_000_000);
    const high = await send(
      tn.api.tx.onlineProfile.setMachineExtraPrice(machine.id, 10_000_000_001n),
      miner.controller,
    );
    expect(high.error).toBe('onlineProfile.ExtraPriceTooHigh');
    const stranger = await send(tn.api.tx.onlineProfile.setMachineExtraPrice(machine.id, 1), tn.bob);
    expect(stranger.error).toBe('onlineProfile.NotMachineController');
  });

  it('switches the rental mode, except while the machine is rented', async () => {
    await setOk(tn.api.tx.onlineProfile.setMachineRentalMode(machine.id, 'TimeSlot'), 'MachineRentalModeSet');
    expect((await op().machineRentalModeStorage(machine.id)).toString()).toBe('TimeSlot');
    let rented = tn.net.genesis.machines[0]!;
    for (const m of tn.net.genesis.machines)
      if ((await op().machinesInfo(m.machineId)).unwrapOr(null)?.machineStatus.isRented) {
        rented = m;
        break;
      }
    expect((await op().machinesInfo(rented.machineId)).unwrap().machineStatus.isRented).toBe(true);
    const owner = tn.pair(tn.net.genesis.miners[rented.miner]!.controller.uri);
    const r = await send(tn.api.tx.onlineProfile.setMachineRentalMode(rented.machineId, 'TimeSlot'), owner);
    expect(r.error).toBe('onlineProfile.MachineStatusNotAllowed');
  });

  it('accepts up to 10 disjoint whole-hour ranges per weekday and rejects anything else (InvalidScheduleArgs)', async () => {
    const weekly = (weekday: number, ranges: Array<{ startHour: number; endHour: number }>) =>
      send(tn.api.tx.onlineProfile.setWeeklySchedule(machine.id, weekday, ranges), miner.controller);
    await setOk(
      tn.api.tx.onlineProfile.setWeeklySchedule(machine.id, 1, [
        { startHour: 8, endHour: 12 },
        { startHour: 14, endHour: 24 },
      ]),
      'WeeklyScheduleSet',
    );
    const week = (await op().weeklySchedule(machine.id)).toJSON() as unknown[];
    expect(week[1]).toEqual([
      { startHour: 8, endHour: 12 },
      { startHour: 14, endHour: 24 },
    ]);
    expect(week[2]).toEqual([]);
    const bad = 'onlineProfile.InvalidScheduleArgs';
    expect((await weekly(7, [])).error).toBe(bad);
    expect((await weekly(2, [{ startHour: 10, endHour: 10 }])).error).toBe(bad);
    expect((await weekly(2, [{ startHour: 20, endHour: 25 }])).error).toBe(bad);
    expect(
      (
        await weekly(2, [
          { startHour: 8, endHour: 12 },
          { startHour: 11, endHour: 13 },
        ])
      ).error,
    ).toBe(bad);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ startHour: i * 2, endHour: i * 2 + 1 }));
    expect((await weekly(2, eleven)).error).toBe(bad);
  });

  it('sets, rejects out-of-window, and clears a specific date schedule', async () => {
    const now = Number((await tn.api.query.timestamp.now()).toString());
    const today = Math.floor(now / 86_400_000);
    const date = (d: number, ranges: Array<{ startHour: number; endHour: number }>) =>
      send(tn.api.tx.onlineProfile.setSpecificDateSchedule(machine.id, d, ranges), miner.controller);
    expect((await date(today + 400, [{ startHour: 0, endHour: 24 }])).error).toBe(
      'onlineProfile.InvalidScheduleArgs',
    );
    expect((await date(today - 31, [{ startHour: 0, endHour: 24 }])).error).toBe(
      'onlineProfile.InvalidScheduleArgs',
    );
    await setOk(
      tn.api.tx.onlineProfile.setSpecificDateSchedule(machine.id, today + 1, [{ startHour: 6, endHour: 18 }]),
      'SpecificDateScheduleSet',
    );
    expect(plain(await op().specificDateSchedule(machine.id, today + 1))).toEqual([
      { startHour: 6, endHour: 18 },
    ]);
    await setOk(tn.api.tx.onlineProfile.clearSpecificDate(machine.id, today + 1), 'SpecificDateCleared');
    expect((await op().specificDateSchedule(machine.id, today + 1)).length).toBe(0);
  });

  it('sets and resets the stash rent receiver, never the all-zero account', async () => {
    await setOk(tn.api.tx.onlineProfile.setRentReceiver(tn.bob.address), 'RentReceiverChanged', miner.stash);
    expect((await op().stashRentReceiver(miner.stash.address)).toString()).toBe(tn.bob.address);
    const zero = keyring.encodeAddress(new Uint8Array(32));
    expect((await send(tn.api.tx.onlineProfile.setRentReceiver(zero), miner.stash)).error).toBe(
      'onlineProfile.InvalidRentReceiver',
    );
    await setOk(tn.api.tx.onlineProfile.setRentReceiver(null), 'RentReceiverChanged', miner.stash);
    expect((await op().stashRentReceiver(miner.stash.address)).isNone).toBe(true);
  });
});

describe('OnlineProfile rewards, exit and parameters', () => {
  it('accrues online rewards at era boundaries and pays them, restaking toward the cap, on claim_rewards', async () => {
    const best = (await tn.api.rpc.chain.getHeader()).number.toNumber();
    // Online in the next era's snapshot now; that era's reward releases early in the era after it.
    const target = (Math.floor(best / ONE_DAY) + 2) * ONE_DAY + 70;
    await tn.newBlocks(target - best);
    const sm = await op().stashMachines(miner.stash.address);
    const canClaim = sm.canClaimReward.toBigInt();
    expect(canClaim).toBeGreaterThan(0n);
    expect(sm.totalEarnedReward.toBigInt()).toBeGreaterThan(canClaim);
    const era = (await op().currentEra()).toNumber();
    expect((await op().erasMachineReward(era - 1, machine.id)).toBigInt()).toBeGreaterThan(0n);

    const reservedBefore = (await account(miner.stash.address)).reserved;
    const r = await send(tn.api.tx.onlineProfile.claimRewards(), miner.controller);
    expect(r.error).toBeNull();
    expect(findEvent(r.events, 'onlineProfile.ClaimReward')!.event.data.map(String)).toEqual([
      miner.stash.address,
      canClaim.toString(),
    ]);
    // Claimed rewards fill the machines' stake up to 100,000 DBC per GPU first.
    expect(findEvent(r.events, 'onlineProfile.MachineAddStake')).toBeDefined();
    expect((await account(miner.stash.address)).reserved - reservedBefore).toBe(canClaim);
    const after = await op().stashMachines(miner.stash.address);
    expect(after.canClaimReward.toBigInt()).toBe(0n);
    expect(after.totalClaimedReward.toBigInt()).toBe(canClaim);
  });

  it('refuses machine_exit before a year online (TimeNotAllowed) and restake before a year (TooFastToReStake)', async () => {
    const exit = await send(tn.api.tx.onlineProfile.machineExit(machine.id), miner.controller);
    expect(exit.error).toBe('onlineProfile.TimeNotAllowed');
    const restake = await send(tn.api.tx.onlineProfile.restakeOnlineMachine(machine.id), miner.controller);
    expect(restake.error).toBe('onlineProfile.TooFastToReStake');
    expect((await send(tn.api.tx.onlineProfile.machineExit(machine.id), tn.bob)).error).toBe(
      'onlineProfile.NotMachineController',
    );
  });

  it('lets a machine online for a year and idle for 10 days exit: stake returned, machine deleted', async () => {
    const best = (await tn.api.rpc.chain.getHeader()).number.toNumber();
    const era = (await op().currentEra()).toNumber();
    const seeded = tn.net.genesis.machines.filter((m) => m.status === 'online');
    let pick: { id: string; controller: string; stash: string; gpus: number; stake: bigint } | null = null;
    for (const m of seeded) {
      const mi = (await op().machinesInfo(m.machineId)).unwrap();
      if (
        mi.machineStatus.isOnline &&
        best - mi.lastOnlineHeight.toNumber() >= 10 * ONE_DAY &&
        mi.rewardDeadline.toNumber() <= era + 365
      ) {
        const owner = tn.net.genesis.miners[m.miner]!;
        pick = {
          id: m.machineId,
          controller: owner.controller.uri,
          stash: owner.stash.address,
          gpus: m.gpuNum,
          stake: mi.stakeAmount.toBigInt(),
        };
        break;
      }
    }
    expect(pick).not.toBeNull();
    const { id, controller, stash, gpus, stake } = pick!;
    const sysBefore = await op().sysInfo();
    const reservedBefore = (await account(stash)).reserved;
    const r = await send(tn.api.tx.onlineProfile.machineExit(id), tn.pair(controller));
    expect(r.error).toBeNull();
    expect(findEvent(r.events, 'onlineProfile.MachineExit')).toBeDefined();
    expect(findEvent(r.events, 'onlineProfile.StakeReduced')!.event.data[1]!.toString()).toBe(
      stake.toString(),
    );
    expect(reservedBefore - (await account(stash)).reserved).toBe(stake);
    expect((await op().machinesInfo(id)).isNone).toBe(true);
    expect(ids((await op().liveMachines()).onlineMachine)).not.toContain(id);
    expect(ids(await op().controllerMachines(tn.pair(controller).address))).not.toContain(id);
    // Its id stays with the stash: the rest of its reward still releases.
    expect(ids((await op().stashMachines(stash)).totalMachine)).toContain(id);
    const sys = await op().sysInfo();
    expect(sys.totalGpuNum.toNumber()).toBe(sysBefore.totalGpuNum.toNumber() - gpus);
    expect(sysBefore.totalStake.toBigInt() - sys.totalStake.toBigInt()).toBe(stake);
  });

  it('takes stake parameters and prices from Root only', async () => {
    const signed = await send(
      tn.api.tx.onlineProfile.setStandardGpuPointPrice({ gpuPoint: 1000, gpuPrice: 250_000 }),
      tn.alice,
    );
    expect(signed.error).toBe('BadOrigin');
    await tn.root('OnlineProfile', 'set_standard_gpu_point_price', {
      pointPrice: { gpuPoint: 1000, gpuPrice: 250_000 },
    });
    expect(plain(await op().standardGPUPointPrice())).toEqual({ gpuPoint: 1000, gpuPrice: 250_000 });
    await tn.root('OnlineProfile', 'set_rentfee_destroy_percent', { percent: 100_000_000 });
    expect((await op().rentFeeDestroyPercent()).toNumber()).toBe(100_000_000);
    const params = plain(await op().onlineStakeParams());
    await tn.root('OnlineProfile', 'set_online_stake_params', {
      onlineStakeParamsInfo: { ...params, onlineStakePerGpu: (50_000n * DBC).toString() },
    });
    expect((await op().onlineStakeParams()).unwrap().onlineStakePerGpu.toBigInt()).toBe(50_000n * DBC);
  });
});
