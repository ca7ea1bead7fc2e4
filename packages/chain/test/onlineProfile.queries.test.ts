import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DbcInputError,
  getBalance,
  getBlockNumber,
  getChainTimestamp,
  getControllerMachines,
  getControllerStash,
  getDbcAvgPrice,
  getDbcPriceSamples,
  getFixedTxFee,
  getLiveMachines,
  getMachineEra,
  getMachineExtraPrice,
  getMachineInfo,
  getMachineRentalMode,
  getMachineRentedGpus,
  getMachines,
  getOnlineStakeParams,
  getPosGpuInfo,
  getRentalModes,
  getStandardGpuPointPrice,
  getStashController,
  getStashMachines,
  getStashRentReceiver,
  getStashServerRooms,
  getStashStake,
  getSysInfo,
  PLANCK_PER_DBC,
  type MachineInfo,
} from '../src/index.js';
import { expectRejectedBeforeSending, startTestChain, type TestChain } from './helpers/testChain.js';

type SeedMachine = TestChain['net']['genesis']['machines'][number];

let t: TestChain;
const seeded = (status: SeedMachine['status']) => t.net.genesis.machines.filter((m) => m.status === status);
const signedDegrees = (c: Record<string, number>) => {
  const [dir, value] = Object.entries(c)[0]!;
  return ((dir === 'West' || dir === 'South' ? -1 : 1) * value) / 10_000;
};
const statusKind = { online: 'online', rented: 'rented', offline: 'stakerReportOffline', verifying: 'committeeVerifying' } as const;

function expectMatchesSeed(info: MachineInfo, m: SeedMachine) {
  const miner = t.net.genesis.miners[m.miner]!;
  expect(info.machineId).toBe(m.machineId);
  expect(info.controller).toBe(miner.controller.address);
  expect(info.stash).toBe(miner.stash.address);
  expect(info.status.kind).toBe(statusKind[m.status]);
  expect(info.hardware).toEqual({
    gpuType: m.gpu.gpuType,
    gpuNum: m.gpuNum,
    cudaCore: m.gpu.cudaCore,
    gpuMemGb: m.gpu.memGb,
    calcPoint: m.calcPoint,
    sysDiskGb: m.sysDiskGb,
    dataDiskGb: m.dataDiskGb,
    cpuType: m.cpuType,
    cpuCores: m.cpuCoreNum,
    cpuRateMhz: m.cpuRateMhz,
    memGb: m.memGb,
    randStr: 'devnet',
    isSupport: true,
  });
  expect(info.staker).toMatchObject({
    serverRoom: miner.serverRooms[m.miner % 2],
    uploadMbps: m.uploadMbps,
    downloadMbps: m.downloadMbps,
    telecomOperators: m.place.telecom,
    isBareMachine: m.isBareMachine,
  });
  expect(info.staker.longitude).toBeCloseTo(signedDegrees(m.longitude), 10);
  expect(info.staker.latitude).toBeCloseTo(signedDegrees(m.latitude), 10);
  expect(info.staker.longitude).toBeCloseTo(m.place.lon, 0);
  expect(info.staker.longitudeRaw.value).toBe(Object.values(m.longitude)[0]);
  expect(info).toMatchObject({
    bondingHeight: m.bondingHeight,
    onlineHeight: m.onlineHeight,
    lastOnlineHeight: m.lastOnlineHeight,
    totalRentedDurationBlocks: m.totalRentedDuration,
    totalRentedTimes: m.totalRentedTimes,
  });
  const perGpu = t.net.genesis.params.onlineStakePerGpuDbc * PLANCK_PER_DBC;
  expect(info.stakeAmountPlanck).toBe(m.status === 'verifying' ? perGpu / 10n : perGpu * BigInt(m.gpuNum));
  expect(info.initStakePerGpuPlanck).toBe(perGpu / 10n);
  expect(info.totalRentFeePlanck + info.totalBurnFeePlanck).toBeGreaterThanOrEqual(0n);
}

beforeAll(async () => {
  t = await startTestChain({ machines: 120 });
});
afterAll(() => t?.close());

describe('machine queries', () => {
  it('reads every field of a machine as the devnet seeded it, in every status', async () => {
    for (const status of ['online', 'rented', 'offline', 'verifying'] as const) {
      const m = seeded(status)[0]!;
      const info = await getMachineInfo(t.chain, { machineId: m.machineId });
      expectMatchesSeed(info!, m);
    }
  });

  it('decodes an offline machine as stakerReportOffline with the block and the status before it', async () => {
    const m = seeded('offline')[0]!;
    const info = await getMachineInfo(t.chain, { machineId: m.machineId });
    expect(info!.status).toMatchObject({ kind: 'stakerReportOffline', previous: { kind: 'online' } });
    const since = (info!.status as { sinceBlock: number }).sinceBlock;
    expect(since).toBeLessThan(await getBlockNumber(t.chain));
  });

  it('lists the renters of a rented machine', async () => {
    const m = seeded('rented')[0]!;
    const info = await getMachineInfo(t.chain, { machineId: m.machineId });
    const renters = t.net.genesis.renters.map((r) => r.address);
    expect(info!.renters.length).toBeGreaterThan(0);
    for (const r of info!.renters) expect(renters).toContain(r);
  });

  it('returns null for a machine id nobody bonded, and accepts a 0x-prefixed id', async () => {
    expect(await getMachineInfo(t.chain, { machineId: 'ab'.repeat(32) })).toBeNull();
    const m = seeded('online')[0]!;
    expect((await getMachineInfo(t.chain, { machineId: `0x${m.machineId}` }))!.machineId).toBe(m.machineId);
  });

  it('rejects a malformed machine id before sending anything', async () => {
    await expectRejectedBeforeSending(t.chain, () => getMachineInfo(t.chain, { machineId: 'abc' }), 'INPUT_INVALID_MACHINE_ID');
    await expectRejectedBeforeSending(t.chain, () => getMachines(t.chain, { machineIds: ['ab'.repeat(32), 'xyz'] }), 'INPUT_INVALID_MACHINE_ID');
  });

  it('counts rented GPUs and reads the extra price of each machine', async () => {
    for (const m of [...seeded('rented').slice(0, 3), ...seeded('online').slice(0, 3)]) {
      expect(await getMachineRentedGpus(t.chain, { machineId: m.machineId })).toBe(m.rentals.reduce((a, b) => a + b, 0));
      expect(await getMachineExtraPrice(t.chain, { machineId: m.machineId })).toBe(m.extraPrice);
    }
  });

  it('reads the rental mode with the weekly schedule of time-slot machines', async () => {
    const slot = t.net.genesis.machines.find((m) => m.timeSlot)!;
    expect(slot).toBeDefined();
    const mode = await getMachineRentalMode(t.chain, { machineId: slot.machineId });
    expect(mode.mode).toBe('timeSlot');
    expect(mode.weeklySchedule).toHaveLength(7);
    for (const day of mode.weeklySchedule) expect(day).toEqual([{ startHour: 8, endHour: 20 }]);
    const full = await getMachineRentalMode(t.chain, { machineId: seeded('online').find((m) => !m.timeSlot)!.machineId });
    expect(full.mode).toBe('fullTime');
    expect(full.weeklySchedule.every((d) => d.length === 0)).toBe(true);
    // All modes in one read: exactly the seeded time-slot machines are timeSlot.
    const modes = await getRentalModes(t.chain);
    const timeSlot = Object.entries(modes).filter(([, m]) => m === 'timeSlot').map(([id]) => id).sort();
    expect(timeSlot).toEqual(t.net.genesis.machines.filter((m) => m.timeSlot).map((m) => m.machineId).sort());
  });

  it('reads several machines with one request, null where no machine exists', async () => {
    const ids = [seeded('rented')[0]!.machineId, 'cd'.repeat(32), seeded('online')[0]!.machineId];
    const before = t.chain.stats.requests;
    const rows = await getMachines(t.chain, { machineIds: ids });
    expect(t.chain.stats.requests - before).toBe(1);
    expect(rows[1]).toBeNull();
    const rented = seeded('rented')[0]!;
    expect(rows[0]).toMatchObject({ machineId: rented.machineId, rentedGpus: rented.gpuNum - rows[0]!.freeGpus });
    expect(rows[0]!.rentedGpus).toBe(rented.rentals.reduce((a, b) => a + b, 0));
    expect(rows[2]!.extraPriceMicroUsdPerGpuDay).toBe(seeded('online')[0]!.extraPrice);
    expectMatchesSeed(rows[2]!, seeded('online')[0]!);
  });
});

describe('network queries', () => {
  it('lists live machines per state as seeded', async () => {
    const live = await getLiveMachines(t.chain);
    const ids = (s: SeedMachine['status']) => seeded(s).map((m) => m.machineId).sort();
    expect(live.online).toEqual(ids('online'));
    expect(live.rented).toEqual(ids('rented'));
    expect(live.offline).toEqual(ids('offline'));
    expect(live.booked).toEqual(ids('verifying'));
    expect(live.bonding).toEqual([]);
  });

  it('sums GPUs, rented GPUs, calc points, stakers and stake in sysInfo', async () => {
    const sys = await getSysInfo(t.chain);
    const active = t.net.genesis.machines.filter((m) => m.status === 'online' || m.status === 'rented');
    expect(sys.totalGpuNum).toBe(active.reduce((a, m) => a + m.gpuNum, 0));
    // The runtime counts every GPU of a rented machine as rented, and calc points as grades
    // (rented machines score extra), so these are at least the plain sums.
    expect(sys.totalRentedGpu).toBe(seeded('rented').reduce((a, m) => a + m.gpuNum, 0));
    expect(sys.totalCalcPoints).toBeGreaterThanOrEqual(active.reduce((a, m) => a + m.calcPoint, 0));
    expect(sys.totalStaker).toBe(new Set(t.net.genesis.machines.map((m) => m.miner)).size);
    expect(sys.totalStakePlanck).toBeGreaterThan(0n);
  });

  it('groups GPUs by position in posGPUInfo, with signed degrees', async () => {
    const pos = await getPosGpuInfo(t.chain);
    const placed = t.net.genesis.machines.filter((m) => m.status !== 'verifying');
    expect(pos.reduce((a, p) => a + p.onlineGpu + p.offlineGpu, 0)).toBe(placed.reduce((a, m) => a + m.gpuNum, 0));
    const m = placed[0]!;
    const here = pos.find((p) => p.longitude === signedDegrees(m.longitude) && p.latitude === signedDegrees(m.latitude));
    expect(here).toBeDefined();
  });

  it('reads the price and stake parameters, the DBC price and the fixed fee', async () => {
    const { params } = t.net.genesis;
    expect(await getStandardGpuPointPrice(t.chain)).toEqual({
      gpuPoint: params.standardGpuPointPrice.gpuPoint,
      gpuPriceMicroUsdPerDay: params.standardGpuPointPrice.gpuPrice,
    });
    expect(await getOnlineStakeParams(t.chain)).toMatchObject({ onlineStakePerGpuPlanck: params.onlineStakePerGpuDbc * PLANCK_PER_DBC });
    expect(await getDbcAvgPrice(t.chain)).toBe(params.avgPrice);
    const samples = await getDbcPriceSamples(t.chain);
    expect(samples).toHaveLength(64);
    expect(samples.every((p) => p === params.avgPrice)).toBe(true);
    expect(await getFixedTxFee(t.chain)).toBe(params.fixedTxFeeDbc * PLANCK_PER_DBC);
    expect(await getMachineEra(t.chain)).toBe(Math.floor(1_200_000 / 14_400));
  });

  it('reads the block number and the chain clock, now and at an earlier block', async () => {
    const now = await getBlockNumber(t.chain);
    expect(now).toBeGreaterThanOrEqual(1_200_000);
    await t.newBlocks(2);
    expect(await getBlockNumber(t.chain)).toBe(now + 2);
    expect(await getBlockNumber(t.chain, { at: now })).toBe(now);
    const ts = await getChainTimestamp(t.chain);
    expect(ts - (await getChainTimestamp(t.chain, { at: now }))).toBe(2 * 6_000);
  });

  it('rejects a malformed block reference before sending anything', async () => {
    await expectRejectedBeforeSending(t.chain, () => getBlockNumber(t.chain, { at: -1 }), 'INPUT_INVALID_BLOCK');
    await expectRejectedBeforeSending(t.chain, () => getBlockNumber(t.chain, { at: '0x12' as `0x${string}` }), 'INPUT_INVALID_BLOCK');
    await expect(getBlockNumber(t.chain, { at: 99_000_000 })).rejects.toBeInstanceOf(DbcInputError);
  });
});

describe('miner queries', () => {
  it('reads a miner’s controller pairing, machines, rooms, stake and totals', async () => {
    const m = seeded('online')[0]!;
    const miner = t.net.genesis.miners[m.miner]!;
    const mine = t.net.genesis.machines.filter((x) => x.miner === m.miner);
    expect(await getStashController(t.chain, { stash: miner.stash.address })).toBe(miner.controller.address);
    expect(await getControllerStash(t.chain, { controller: miner.controller.address })).toBe(miner.stash.address);
    expect(await getControllerMachines(t.chain, { controller: miner.controller.address })).toEqual(mine.map((x) => x.machineId).sort());
    expect(await getStashServerRooms(t.chain, { stash: miner.stash.address })).toEqual(miner.serverRooms);
    const stashMachines = await getStashMachines(t.chain, { stash: miner.stash.address });
    expect(stashMachines.totalMachines).toEqual(mine.map((x) => x.machineId).sort());
    expect(stashMachines.onlineMachines).toEqual(mine.filter((x) => x.status === 'online' || x.status === 'rented').map((x) => x.machineId).sort());
    expect(stashMachines.totalGpuNum).toBe(mine.filter((x) => x.status === 'online' || x.status === 'rented').reduce((a, x) => a + x.gpuNum, 0));
    const stake = await getStashStake(t.chain, { stash: miner.stash.address });
    const infos = await getMachines(t.chain, { machineIds: mine.map((x) => x.machineId) });
    expect(stake).toBe(infos.reduce((a, x) => a + x!.stakeAmountPlanck, 0n));
    // Reserved also holds stake of the stash's terminating-rental machines.
    expect((await getBalance(t.chain, { address: miner.stash.address })).reservedPlanck).toBeGreaterThanOrEqual(stake);
    expect(await getStashRentReceiver(t.chain, { stash: miner.stash.address })).toBeNull();
  });

  it('answers null and empty lists for accounts that are not miners', async () => {
    expect(await getStashController(t.chain, { stash: t.alice.address })).toBeNull();
    expect(await getControllerMachines(t.chain, { controller: t.alice.address })).toEqual([]);
    expect((await getStashMachines(t.chain, { stash: t.alice.address })).totalMachines).toEqual([]);
  });

  it('rejects an address of another network before sending anything', async () => {
    await expectRejectedBeforeSending(
      t.chain,
      () => getStashMachines(t.chain, { stash: 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F' }),
      'INPUT_ADDRESS_WRONG_NETWORK',
    );
  });
});
