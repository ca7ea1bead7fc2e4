import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  getBalance,
  getMachineInfo,
  keyringSigner,
  parseDbc,
  type DbcChain,
  type DbcSigner,
} from '@dbc-cloud/chain';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { createContext, type ClientContext } from '../src/client/context.js';
import { createMinerResource, type MinerResource } from '../src/miner/index.js';
import { adminRpc, fundWith, expectRefusedBy } from './helpers/devnetCalls.js';

const DAY = 14_400;
let net: Devnet;
let observer: DbcChain;
let alice: DbcSigner;
let stash: DbcSigner;
let controller: DbcSigner;
let asStash: MinerResource;
let asController: MinerResource;
let serverRoom: `0x${string}`;
let machineId: string;
const contexts: ClientContext[] = [];

function minerFor(signer?: DbcSigner): MinerResource {
  const ctx = createContext({ network: { chain: net.chainUrl }, signer });
  contexts.push(ctx);
  return createMinerResource(ctx);
}

const admin = <T = unknown>(method: string, params: unknown[] = []) => adminRpc<T>(net, method, params);

const fund = (address: string, dbc: string) => fundWith(net, alice, contexts, address, dbc);

/** Expects a DbcInputError with `code` and checks that `signer` sent nothing (nonce unchanged). */
const expectRefused = (signer: DbcSigner, fn: () => Promise<unknown>, code: string) =>
  expectRefusedBy(observer, signer, fn, code);

const place = (room: `0x${string}`) => ({
  serverRoom: room,
  uploadMbps: 1000,
  downloadMbps: 800,
  longitude: -73.99,
  latitude: 40.73,
  telecomOperators: ['Verizon'],
});

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 20, noClientNodes: true });
  observer = await connect({ endpoints: net.chainUrl });
  [alice, stash, controller] = await Promise.all(
    ['//Alice', '//SdkMiner', '//SdkMiner//ctrl'].map((u) => keyringSigner(u)),
  );
  await fund(stash.address, '25000');
  await fund(controller.address, '1000');
  asStash = minerFor(stash);
  asController = minerFor(controller);
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await observer?.disconnect();
  await net?.stop();
});

describe('miner.stakeRequirement', () => {
  it('states the stake at bonding, to go online and at full stake, capped per GPU', async () => {
    const r = await minerFor().stakeRequirement({ gpus: 2 });
    // Devnet: 100,000 DBC per GPU; the $7,700 cap at $0.0015 is ~5.1 M DBC, so the DBC figure caps.
    expect(r.onlineStakePerGpu.planck).toBe(parseDbc('100000'));
    expect(r.atBonding.planck).toBe(parseDbc('10000'));
    expect(r.toGoOnline.planck).toBe(parseDbc('20000'));
    expect(r.full.planck).toBe(parseDbc('200000'));
    expect(r).toMatchObject({
      gpus: 2,
      cappedBy: 'dbc',
      usdCapPerGpu: 7700,
      dbcPriceUsd: 0.0015,
      fixedFee: { dbc: '10' },
    });
  });

  it('rejects a GPU count that is not a positive whole number', async () => {
    const miner = minerFor();
    for (const gpus of [0, -1, 1.5, Number.NaN]) {
      await expect(miner.stakeRequirement({ gpus })).rejects.toMatchObject({
        code: 'INPUT_INVALID_GPU_COUNT',
      });
    }
  });
});

describe('a new miner, end to end', () => {
  it('pairs the stash with a controller', async () => {
    const r = await asStash.setController({ controller: controller.address });
    expect(r).toMatchObject({ stash: stash.address, controller: controller.address });
    await expectRefused(
      stash,
      () => asStash.setController({ controller: alice.address }),
      'INPUT_CONTROLLER_ALREADY_SET',
    );
    await expectRefused(stash, () => asStash.setController({ controller: 'nope' }), 'INPUT_INVALID_ADDRESS');
  });

  it('creates a server room and returns its id from the event', async () => {
    await expectRefused(stash, () => asStash.createServerRoom(), 'INPUT_NOT_A_CONTROLLER');
    const before = await getBalance(observer, { address: controller.address });
    const r = await asController.createServerRoom();
    serverRoom = r.serverRoom;
    expect(serverRoom).toMatch(/^0x[0-9a-f]{64}$/);
    expect(r.stash).toBe(stash.address);
    const after = await getBalance(observer, { address: controller.address });
    expect(after.freePlanck).toBe(before.freePlanck - r.fee.planck - parseDbc('10'));
  });

  it('bonds a machine signed by its own key and reserves the bonding stake from the stash', async () => {
    const machineKey = await keyringSigner('//SdkMachine/1');
    await expectRefused(
      controller,
      () => asController.bondMachine({ machineKey: 'seed' as never, stash: stash.address }),
      'INPUT_INVALID_MACHINE_KEY',
    );
    await expectRefused(
      controller,
      () => asController.bondMachine({ machineKey, stash: alice.address }),
      'INPUT_STASH_MISMATCH',
    );
    const reservedBefore = (await getBalance(observer, { address: stash.address })).reservedPlanck;
    const r = await asController.bondMachine({ machineKey, stash: stash.address });
    machineId = r.machineId;
    expect(machineId).toMatch(/^[0-9a-f]{64}$/);
    expect(r.stake.planck).toBe(parseDbc('10000'));
    expect((await getBalance(observer, { address: stash.address })).reservedPlanck).toBe(
      reservedBefore + parseDbc('10000'),
    );
    expect(await asController.status(machineId)).toMatchObject({
      stage: 'bonded',
      stash: stash.address,
      controller: controller.address,
      gpus: 0,
    });
    await expectRefused(
      controller,
      () => asController.bondMachine({ machineKey, stash: stash.address }),
      'INPUT_MACHINE_ALREADY_BONDED',
    );
  });

  it('declares the room, bandwidth and position in degrees, stored as West/North × 10^4', async () => {
    await expectRefused(
      controller,
      () => asController.addMachineInfo({ machineId, ...place(serverRoom), latitude: 95 }),
      'INPUT_INVALID_COORDINATE',
    );
    await expectRefused(
      controller,
      () => asController.addMachineInfo({ machineId, ...place(serverRoom), telecomOperators: [] }),
      'INPUT_INVALID_TELECOM_OPERATORS',
    );
    await expectRefused(
      controller,
      () => asController.addMachineInfo({ machineId, ...place(`0x${'12'.repeat(32)}`) }),
      'INPUT_UNKNOWN_SERVER_ROOM',
    );
    await expectRefused(
      controller,
      () => asController.addMachineInfo({ ...place(serverRoom), machineId: 'xyz' }),
      'INPUT_INVALID_MACHINE_ID',
    );
    await expectRefused(
      stash,
      () => asStash.addMachineInfo({ machineId, ...place(serverRoom) }),
      'INPUT_NOT_MACHINE_CONTROLLER',
    );
    const r = await asController.addMachineInfo({ machineId, ...place(serverRoom) });
    expect(['info-added', 'verifying']).toContain(r.stage);
    const info = (await getMachineInfo(observer, { machineId }))!;
    expect(info.staker.longitudeRaw).toEqual({ direction: 'west', value: 739_900 });
    expect(info.staker.latitudeRaw).toEqual({ direction: 'north', value: 407_300 });
    expect(info.staker).toMatchObject({
      uploadMbps: 1000,
      downloadMbps: 800,
      telecomOperators: ['Verizon'],
      isBareMachine: false,
    });
    expect((await asController.status(machineId))!.nextStep).toMatch(/committee/);
  });

  it('is online once the committee verifies it (devnet_verifyMachine)', async () => {
    await admin('devnet_verifyMachine', [
      machineId,
      { gpuNum: 1, gpuType: 'GeForceRTX4090', calcPoint: 31_000 },
    ]);
    const s = (await asController.status(machineId))!;
    expect(s).toMatchObject({
      stage: 'online',
      gpus: 1,
      stake: { planck: parseDbc('10000') },
      offline: null,
    });
    expect(s.onlineSinceBlock).toBeGreaterThan(0);
  });

  it('shelves the machine for maintenance and brings it back', async () => {
    await expectRefused(controller, () => asController.unshelve(machineId), 'INPUT_MACHINE_STAGE');
    const off = await asController.shelve(machineId);
    expect(off.stage).toBe('shelved');
    expect((await asController.status(machineId))!.offline).toEqual({
      sinceBlock: off.blockNumber,
      returnsTo: 'online',
    });
    await expectRefused(controller, () => asController.shelve(machineId), 'INPUT_MACHINE_STAGE');
    const on = await asController.unshelve(machineId);
    expect(on.stage).toBe('online');
  });

  it('refuses machines it does not control and machines that do not exist', async () => {
    const seeded = net.genesis.machines.find((m) => m.status === 'online')!.machineId;
    await expectRefused(controller, () => asController.shelve(seeded), 'INPUT_NOT_MACHINE_CONTROLLER');
    await expectRefused(controller, () => asController.shelve('ab'.repeat(32)), 'INPUT_MACHINE_NOT_FOUND');
    await expectRefused(controller, () => asController.fulfill(machineId), 'INPUT_MACHINE_STAGE');
    expect(await minerFor().status('ab'.repeat(32))).toBeNull();
  });

  it('refuses to exit before a year online, explaining the upstream rule, without sending', async () => {
    const e = await expectRefused(
      controller,
      () => asController.exit(machineId),
      'INPUT_MACHINE_EXIT_TOO_EARLY',
    );
    expect(e.message).toMatch(/machines can exit after 365 days online and 10 days idle/);
    expect(e.message).toMatch(/in about \d+ day/);
  });

  it('has nothing to claim at first, then claims the reward released after an era boundary', async () => {
    await expectRefused(controller, () => asController.claimRewards(), 'INPUT_NOTHING_TO_CLAIM');
    const best = (await observer.api.rpc.chain.getHeader()).number.toNumber();
    // A machine earns from the era after it came online; that era's reward releases early in the next.
    await admin('devnet_newBlocks', [(Math.floor(best / DAY) + 2) * DAY + 70 - best]);
    const earnings = await minerFor().earnings(stash.address);
    expect(earnings.claimable.planck).toBeGreaterThan(0n);
    expect(earnings.totalEarned.planck).toBeGreaterThanOrEqual(earnings.claimable.planck);
    const balanceBefore = await getBalance(observer, { address: stash.address });
    const r = await asController.claimRewards();
    expect(r.claimed.planck).toBe(earnings.claimable.planck);
    const balanceAfter = await getBalance(observer, { address: stash.address });
    expect(balanceAfter.totalPlanck).toBe(balanceBefore.totalPlanck + r.claimed.planck);
    expect((await minerFor().earnings(stash.address)).claimable.planck).toBe(0n);
  });

  it("reports the stash's earnings and each machine's reward factors", async () => {
    const e = await minerFor().earnings(stash.address);
    expect(e.stash).toBe(stash.address);
    expect(e.lastEraReward.planck).toBeGreaterThan(0n);
    const m = e.machines.find((x) => x.machineId === machineId)!;
    expect(m).toMatchObject({
      stage: 'online',
      gpus: 1,
      calcPoints: 31_000,
      fixedIp: null,
      isBareMachine: false,
      rentedBonus: false,
    });
    expect(m.interruptions).toEqual({ count: null, offlineNow: false, offlineSinceBlock: null });
    expect(m.onlineDays).toBeGreaterThan(1);
    expect(m.uninterruptedHours).toBeGreaterThan(24);
    expect(m.fullStake.planck).toBe(parseDbc('100000'));
    expect(m.lastEraReward.planck).toBeGreaterThan(0n);
    await expect(minerFor().earnings('nope')).rejects.toMatchObject({ code: 'INPUT_INVALID_ADDRESS' });
  });

  it('waits for stake when the stash cannot cover a verified machine, refusing fulfill until it can', async () => {
    const machineKey = await keyringSigner('//SdkMachine/2');
    const { machineId: second } = await asController.bondMachine({ machineKey, stash: stash.address });
    await asController.addMachineInfo({ machineId: second, ...place(serverRoom) });
    // 8 GPUs × 10,000 DBC is more than the stash has left.
    await admin('devnet_verifyMachine', [second, { gpuNum: 8 }]);
    const s = (await asController.status(second))!;
    expect(s.stage).toBe('waiting-fulfill');
    expect(s.nextStep).toMatch(/fulfill/);
    await expectRefused(controller, () => asController.fulfill(second), 'INPUT_INSUFFICIENT_BALANCE');
    await fund(stash.address, '80000');
    expect((await asController.fulfill(second)).stage).toBe('online');
  });

  it('refuses to bond when the stash cannot pay the bonding stake', async () => {
    const [poorStash, poorController, machineKey] = await Promise.all(
      ['//SdkPoorMiner', '//SdkPoorMiner//ctrl', '//SdkMachine/3'].map((u) => keyringSigner(u)),
    );
    await fund(poorStash.address, '100');
    await fund(poorController.address, '100');
    await minerFor(poorStash).setController({ controller: poorController.address });
    const e = await expectRefused(
      poorController,
      () => minerFor(poorController).bondMachine({ machineKey, stash: poorStash.address }),
      'INPUT_INSUFFICIENT_BALANCE',
    );
    expect(e.message).toMatch(/the bonding stake/);
  });
});
