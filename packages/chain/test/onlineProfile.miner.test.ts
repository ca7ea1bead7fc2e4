import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMachineInfoTx,
  bondMachineTx,
  claimRewardsTx,
  controllerReportOfflineTx,
  controllerReportOnlineTx,
  fulfillMachineTx,
  genServerRoomTx,
  getBlockNumber,
  getControllerMachines,
  getControllerStash,
  getLiveMachines,
  getMachineExtraPrice,
  getMachineInfo,
  getMachineRentalMode,
  getStashController,
  getStashMachines,
  getStashRentReceiver,
  getStashServerRooms,
  machineExitTx,
  offlineMachineChangeHardwareInfoTx,
  restakeOnlineMachineTx,
  setControllerTx,
  setMachineExtraPriceTx,
  setMachineRentalModeTx,
  setRentReceiverTx,
  setWeeklyScheduleTx,
  signMachineBonding,
  stashResetControllerTx,
  submitAndCheck,
  updateMachineInfoTx,
  type DbcSigner,
  type MachineStakerInfoInput,
} from '../src/index.js';
import { eventData, expectRejectedBeforeSending, startTestChain, type TestChain } from './helpers/testChain.js';

const DAY = 14_400;
/** Late enough that some seeded machines have been online for over a year (restake, exit). */
const GENESIS = 420 * DAY;

let t: TestChain;
let stash: DbcSigner;
let firstController: DbcSigner;
let controller: DbcSigner;
let room: `0x${string}`;
let machineId: string;

const place = (serverRoom: `0x${string}`): MachineStakerInfoInput => ({
  serverRoom,
  uploadMbps: 1000,
  downloadMbps: 500,
  longitude: 121.47,
  latitude: 31.23,
  telecomOperators: ['China Telecom'],
});

/** Bonds a machine key to the test stash and declares its server room. */
async function bondAndDeclare(machineKey: string): Promise<string> {
  const bond = await signMachineBonding({ machineKey, stash: stash.address });
  await submitAndCheck(t.chain, bondMachineTx(t.chain, bond), controller);
  await submitAndCheck(t.chain, addMachineInfoTx(t.chain, { machineId: bond.machineId, info: place(room) }), controller);
  return bond.machineId;
}

/** A seeded miner's controller and one of its online machines that fits `pred`. */
async function seededOnline(pred: (info: NonNullable<Awaited<ReturnType<typeof getMachineInfo>>>, now: number) => boolean) {
  const now = await getBlockNumber(t.chain);
  for (const m of t.net.genesis.machines.filter((x) => x.status === 'online')) {
    const info = (await getMachineInfo(t.chain, { machineId: m.machineId }))!;
    if (info.status.kind === 'online' && pred(info, now)) {
      return { info, controller: await t.signer(t.net.genesis.miners[m.miner]!.controller.uri) };
    }
  }
  throw new Error('no seeded machine fits');
}

beforeAll(async () => {
  t = await startTestChain({ machines: 40, genesisNumber: GENESIS });
  [stash, firstController, controller] = await Promise.all(['//ChainMiner', '//ChainMiner//c1', '//ChainMiner//c2'].map((u) => t.signer(u)));
  await t.fund(stash.address, 400_000);
  await t.fund(controller.address, 1_000);
});
afterAll(() => t?.close());

describe('a new miner', () => {
  it('pairs the stash with a controller, then moves to another controller', async () => {
    await submitAndCheck(t.chain, setControllerTx(t.chain, { controller: firstController.address }), stash);
    expect(await getStashController(t.chain, { stash: stash.address })).toBe(firstController.address);
    await submitAndCheck(t.chain, stashResetControllerTx(t.chain, { newController: controller.address }), stash);
    expect(await getStashController(t.chain, { stash: stash.address })).toBe(controller.address);
    expect(await getControllerStash(t.chain, { controller: controller.address })).toBe(stash.address);
    expect(await getControllerStash(t.chain, { controller: firstController.address })).toBeNull();
  });

  it('generates a server room for the stash', async () => {
    const r = await submitAndCheck(t.chain, genServerRoomTx(t.chain), controller);
    room = String(eventData(r, 'onlineProfile.ServerRoomGenerated')[1]) as `0x${string}`;
    expect(await getStashServerRooms(t.chain, { stash: stash.address })).toEqual([room]);
  });

  it('bonds a machine signed by its key and declares its room and position', async () => {
    const bond = await signMachineBonding({ machineKey: '//ChainMachine/1', stash: stash.address });
    machineId = bond.machineId;
    await submitAndCheck(t.chain, bondMachineTx(t.chain, bond), controller);
    let info = (await getMachineInfo(t.chain, { machineId }))!;
    expect(info).toMatchObject({ stash: stash.address, controller: controller.address, status: { kind: 'addingCustomizeInfo' } });
    expect(info.stakeAmountPlanck).toBe(info.initStakePerGpuPlanck);

    await submitAndCheck(t.chain, addMachineInfoTx(t.chain, { machineId, info: place(room) }), controller);
    info = (await getMachineInfo(t.chain, { machineId }))!;
    expect(['distributingOrder', 'committeeVerifying']).toContain(info.status.kind);
    expect(info.staker).toMatchObject({ serverRoom: room, uploadMbps: 1000, downloadMbps: 500, longitude: 121.47, latitude: 31.23, telecomOperators: ['China Telecom'] });
    expect(info.staker.longitudeRaw).toEqual({ direction: 'east', value: 1_214_700 });
    expect(await getControllerMachines(t.chain, { controller: controller.address })).toEqual([machineId]);
  });

  it('comes online once the committee verifies its hardware (devnet_verifyMachine)', async () => {
    await t.admin('devnet_verifyMachine', [machineId, { gpuNum: 1, gpuType: 'GeForceRTX4090', calcPoint: 31_000 }]);
    const info = (await getMachineInfo(t.chain, { machineId }))!;
    expect(info.status.kind).toBe('online');
    expect(info.hardware).toMatchObject({ gpuNum: 1, gpuType: 'GeForceRTX4090', calcPoint: 31_000 });
    expect((await getLiveMachines(t.chain)).online).toContain(machineId);
    expect((await getStashMachines(t.chain, { stash: stash.address })).onlineMachines).toEqual([machineId]);
  });

  it('updates the declared network and position', async () => {
    await submitAndCheck(t.chain, updateMachineInfoTx(t.chain, { machineId, info: { ...place(room), uploadMbps: 2000, longitude: -0.13, latitude: 51.51 } }), controller);
    expect((await getMachineInfo(t.chain, { machineId }))!.staker).toMatchObject({ uploadMbps: 2000, longitude: -0.13, latitude: 51.51 });
  });

  it('sets an extra price, a time-slot schedule and back to full time', async () => {
    await submitAndCheck(t.chain, setMachineExtraPriceTx(t.chain, { machineId, extraPriceMicroUsdPerGpuDay: 500_000 }), controller);
    expect(await getMachineExtraPrice(t.chain, { machineId })).toBe(500_000);
    await submitAndCheck(t.chain, setMachineRentalModeTx(t.chain, { machineId, mode: 'timeSlot' }), stash);
    const ranges = [
      { startHour: 14, endHour: 18 },
      { startHour: 8, endHour: 12 },
    ];
    await submitAndCheck(t.chain, setWeeklyScheduleTx(t.chain, { machineId, weekday: 1, ranges }), controller);
    const mode = await getMachineRentalMode(t.chain, { machineId });
    expect(mode.mode).toBe('timeSlot');
    expect(mode.weeklySchedule[1]).toEqual([ranges[1], ranges[0]]);
    await submitAndCheck(t.chain, setMachineRentalModeTx(t.chain, { machineId, mode: 'fullTime' }), controller);
    expect((await getMachineRentalMode(t.chain, { machineId })).mode).toBe('fullTime');
  });

  it('redirects rent income to a receiver and back to the stash', async () => {
    await submitAndCheck(t.chain, setRentReceiverTx(t.chain, { receiver: t.alice.address }), stash);
    expect(await getStashRentReceiver(t.chain, { stash: stash.address })).toBe(t.alice.address);
    await submitAndCheck(t.chain, setRentReceiverTx(t.chain, { receiver: null }), stash);
    expect(await getStashRentReceiver(t.chain, { stash: stash.address })).toBeNull();
  });

  it('reports the machine offline and back online', async () => {
    const r = await submitAndCheck(t.chain, controllerReportOfflineTx(t.chain, { machineId }), controller);
    const info = (await getMachineInfo(t.chain, { machineId }))!;
    expect(info.status).toEqual({ kind: 'stakerReportOffline', sinceBlock: r.blockNumber, previous: { kind: 'online' } });
    expect((await getLiveMachines(t.chain)).offline).toContain(machineId);
    await submitAndCheck(t.chain, controllerReportOnlineTx(t.chain, { machineId }), controller);
    expect((await getMachineInfo(t.chain, { machineId }))!.status).toEqual({ kind: 'online' });
  });

  it('waits for stake when the stash cannot cover a verified machine, until fulfillMachine', async () => {
    const second = await bondAndDeclare('//ChainMachine/2');
    // 64 GPUs × the bonding stake per GPU (10,000 DBC) is more than the stash has free.
    await t.admin('devnet_verifyMachine', [second, { gpuNum: 64 }]);
    expect((await getMachineInfo(t.chain, { machineId: second }))!.status.kind).toBe('waitingFulfill');
    await t.fund(stash.address, 300_000);
    await submitAndCheck(t.chain, fulfillMachineTx(t.chain, { machineId: second }), controller);
    const info = (await getMachineInfo(t.chain, { machineId: second }))!;
    expect(info.status.kind).toBe('online');
    expect(info.stakeAmountPlanck).toBe(info.initStakePerGpuPlanck * 64n);
  });
});

describe('a seeded miner', () => {
  it('claims released rewards to the stash', async () => {
    const miner = t.net.genesis.miners[0]!;
    const before = await getStashMachines(t.chain, { stash: miner.stash.address });
    expect(before.canClaimRewardPlanck).toBeGreaterThan(0n);
    const r = await submitAndCheck(t.chain, claimRewardsTx(t.chain), await t.signer(miner.controller.uri));
    expect(BigInt(String(eventData(r, 'onlineProfile.ClaimReward')[1]))).toBe(before.canClaimRewardPlanck);
    const after = await getStashMachines(t.chain, { stash: miner.stash.address });
    expect(after.canClaimRewardPlanck).toBe(0n);
    expect(after.totalClaimedRewardPlanck).toBe(before.totalClaimedRewardPlanck + before.canClaimRewardPlanck);
  });

  it('restakes a machine online for over a year', async () => {
    const { info, controller: c } = await seededOnline((i, now) => now - i.lastMachineRestakeHeight >= 365 * DAY);
    const r = await submitAndCheck(t.chain, restakeOnlineMachineTx(t.chain, { machineId: info.machineId }), c);
    expect(eventData(r, 'onlineProfile.MachineRestaked')).toHaveLength(3);
    expect((await getMachineInfo(t.chain, { machineId: info.machineId }))!.lastMachineRestakeHeight).toBe(r.blockNumber);
  });

  it('takes an online machine offline to re-verify changed hardware', async () => {
    const { info, controller: c } = await seededOnline(() => true);
    await submitAndCheck(t.chain, offlineMachineChangeHardwareInfoTx(t.chain, { machineId: info.machineId }), c);
    expect((await getMachineInfo(t.chain, { machineId: info.machineId }))!.status).toMatchObject({ kind: 'stakerReportOffline', previous: { kind: 'online' } });
  });

  it('exits a machine online for a year and idle for 10 days', async () => {
    const { info, controller: c } = await seededOnline((i, now) => now - i.lastOnlineHeight >= 10 * DAY && now - i.onlineHeight > 365 * DAY);
    await submitAndCheck(t.chain, machineExitTx(t.chain, { machineId: info.machineId }), c);
    expect(await getMachineInfo(t.chain, { machineId: info.machineId })).toBeNull();
  });
});

describe('input checks', () => {
  it('rejects malformed miner input before sending anything', async () => {
    const c = t.chain;
    const id = 'ab'.repeat(32);
    const bond = await signMachineBonding({ machineKey: '//ChainMachine/9', stash: stash.address });
    await expectRejectedBeforeSending(c, () => bondMachineTx(c, { ...bond, msg: bond.msg.slice(1) }), 'INPUT_INVALID_BONDING_MESSAGE');
    await expectRejectedBeforeSending(c, () => bondMachineTx(c, { ...bond, sig: '0x1234' }), 'INPUT_INVALID_SIGNATURE');
    await expectRejectedBeforeSending(c, () => addMachineInfoTx(c, { machineId: id, info: { ...place(room), telecomOperators: [] } }), 'INPUT_INVALID_TELECOM_OPERATORS');
    await expectRejectedBeforeSending(c, () => addMachineInfoTx(c, { machineId: id, info: { ...place('0x12'), uploadMbps: 1 } }), 'INPUT_INVALID_SERVER_ROOM');
    await expectRejectedBeforeSending(c, () => addMachineInfoTx(c, { machineId: id, info: { ...place(room), latitude: 95 } }), 'INPUT_INVALID_COORDINATE');
    await expectRejectedBeforeSending(c, () => addMachineInfoTx(c, { machineId: id, info: { ...place(room), uploadMbps: -1 } }), 'INPUT_INVALID_NUMBER');
    await expectRejectedBeforeSending(c, () => setMachineExtraPriceTx(c, { machineId: id, extraPriceMicroUsdPerGpuDay: 10_000_000_001 }), 'INPUT_INVALID_NUMBER');
    await expectRejectedBeforeSending(c, () => setMachineRentalModeTx(c, { machineId: id, mode: 'sometimes' as 'fullTime' }), 'INPUT_INVALID_RENTAL_MODE');
    await expectRejectedBeforeSending(
      c,
      () => setWeeklyScheduleTx(c, { machineId: id, weekday: 1, ranges: [{ startHour: 8, endHour: 12 }, { startHour: 11, endHour: 13 }] }),
      'INPUT_INVALID_SCHEDULE',
    );
    await expectRejectedBeforeSending(c, () => setWeeklyScheduleTx(c, { machineId: id, weekday: 7, ranges: [] }), 'INPUT_INVALID_NUMBER');
    await expectRejectedBeforeSending(c, () => setRentReceiverTx(c, { receiver: 'nope' }), 'INPUT_INVALID_ADDRESS');
    await expectRejectedBeforeSending(c, () => setControllerTx(c, { controller: '' }), 'INPUT_INVALID_ADDRESS');
    await expectRejectedBeforeSending(c, () => machineExitTx(c, { machineId: 'zz' }), 'INPUT_INVALID_MACHINE_ID');
  });
});
