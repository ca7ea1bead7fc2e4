import { DEV_PHRASE } from '@polkadot/keyring';
import { u8aToHex, stringToU8a } from '@polkadot/util';
import { blake2AsU8a, encodeAddress, keyExtractSuri, keyFromPath, mnemonicToMiniSecret, sr25519PairFromSeed } from '@polkadot/util-crypto';
import type { Runtime } from '../chain/runtime.js';
import { BLOCKS_PER_DAY, BLOCKS_PER_HOUR, generateMachines, type SeedMachine } from './machines.js';
import { createRandom } from './random.js';

export const DBC = 10n ** 15n;

/** Chain parameters the root sets on mainnet, with the devnet's values. */
export interface ChainParams {
  /** DBCPriceOCW average: USD×1e6 per DBC (1500 = $0.0015). */
  avgPrice: number;
  /** OnlineProfile standard: `gpuPrice` USD×1e6 per day for `gpuPoint` calc points. */
  standardGpuPointPrice: { gpuPoint: number; gpuPrice: number };
  onlineStakePerGpuDbc: bigint;
  /** GenericFunc fixed fee on rent/bond/server-room calls. */
  fixedTxFeeDbc: bigint;
}

export const DEFAULT_PARAMS: ChainParams = {
  avgPrice: 1_500,
  standardGpuPointPrice: { gpuPoint: 1_000, gpuPrice: 300_000 },
  onlineStakePerGpuDbc: 100_000n,
  fixedTxFeeDbc: 10n,
};

export interface SeedAccount {
  name: string;
  uri: string;
  address: string;
}

export interface Miner {
  stash: SeedAccount;
  controller: SeedAccount;
  serverRooms: string[];
}

export interface GenesisSummary {
  machines: SeedMachine[];
  miners: Miner[];
  renters: SeedAccount[];
  rentFeePot: SeedAccount;
  params: ChainParams;
  rentOrders: number;
}

let devSeed: Uint8Array | null = null;

/**
 * Address of a `//Path` dev account. Derives from the dev phrase's mini-secret computed once:
 * Keyring.addFromUri would redo the 2,048-round PBKDF2 for every miner.
 */
export function devAddress(uri: string): string {
  devSeed ??= mnemonicToMiniSecret(DEV_PHRASE);
  const { path } = keyExtractSuri(`${DEV_PHRASE}${uri}`);
  return encodeAddress(keyFromPath(sr25519PairFromSeed(devSeed), path, 'sr25519').publicKey, 42);
}

function account(name: string, uri: string): SeedAccount {
  return { name, uri, address: devAddress(uri) };
}

const sortIds = (ids: string[]) => [...ids].sort();

/**
 * Writes the genesis state of a DBC network with `count` machines: prices, stake parameters,
 * miners (stash + controller, server rooms, reserved stake), machines in every state with
 * committee-verified hardware, live rent orders on the rented ones, and the per-stash, per-position
 * and system totals the runtime keeps alongside.
 */
export function writeGenesis(
  rt: Runtime,
  opts: { machines: number; seed?: number; genesisNumber: number; params?: Partial<ChainParams> },
): GenesisSummary {
  const params = { ...DEFAULT_PARAMS, ...opts.params };
  const seed = opts.seed ?? 42;
  const r = createRandom(seed ^ 0x5eed);
  const minerCount = Math.max(3, Math.min(50, Math.ceil(opts.machines / 10)));
  const miners: Miner[] = Array.from({ length: minerCount }, (_, i) => ({
    stash: account(`Miner${i + 1}`, `//Miner${i + 1}`),
    controller: account(`Miner${i + 1} controller`, `//Miner${i + 1}//controller`),
    serverRooms: [0, 1].map((j) => u8aToHex(blake2AsU8a(stringToU8a(`dbc-devnet/room/${seed}/${i}/${j}`), 256))),
  }));
  const renters = Array.from({ length: 8 }, (_, i) => account(`Renter${i + 1}`, `//Renter${i + 1}`));
  const rentFeePot = account('RentFeePot', '//RentFeePot');
  const machines = generateMachines({ count: opts.machines, seed, genesisNumber: opts.genesisNumber, miners: minerCount });
  const s = <V>(pallet: string, item: string) => rt.storage<V>(pallet, item);
  const now = opts.genesisNumber;

  // Prices and parameters.
  s('DBCPriceOCW', 'Prices').set(Array.from({ length: 64 }, () => params.avgPrice));
  s('DBCPriceOCW', 'AvgPrice').set(params.avgPrice);
  s('GenericFunc', 'FixedTxFee').set(params.fixedTxFeeDbc * DBC);
  s('OnlineProfile', 'StandardGPUPointPrice').set(params.standardGpuPointPrice);
  s('OnlineProfile', 'OnlineStakeParams').set({
    onlineStakePerGpu: params.onlineStakePerGpuDbc * DBC,
    onlineStakeUsdLimit: 7_700_000_000,
    reonlineStake: 46_000_000,
    slashReviewStake: 1_000n * DBC,
  });
  s('OnlineProfile', 'CurrentEra').set(Math.floor(now / BLOCKS_PER_DAY));
  s('RentMachine', 'RentFeePot').set(rentFeePot.address);
  rt.mint(rentFeePot.address, 1n * DBC);
  for (const renter of renters) rt.mint(renter.address, 1_000_000n * DBC);

  const stakePerGpu = params.onlineStakePerGpuDbc * DBC;
  const live = {
    bondingMachine: [] as string[],
    confirmedMachine: [] as string[],
    bookedMachine: [] as string[],
    onlineMachine: [] as string[],
    fulfillingMachine: [] as string[],
    refusedMachine: [] as string[],
    rentedMachine: [] as string[],
    offlineMachine: [] as string[],
    refusedMutHardwareMachine: [] as string[],
  };
  const sys = { totalGpuNum: 0, totalRentedGpu: 0, totalStaker: 0, totalCalcPoints: 0, totalStake: 0n, totalRentFee: 0n, totalBurnFee: 0n };
  const stashStats = miners.map(() => ({
    totalMachine: [] as string[],
    onlineMachine: [] as string[],
    totalCalcPoints: 0,
    totalGpuNum: 0,
    totalRentedGpu: 0,
    totalEarnedReward: 0n,
    totalClaimedReward: 0n,
    canClaimReward: 0n,
    totalRentFee: 0n,
    totalBurnFee: 0n,
    stake: 0n,
  }));
  const pos = new Map<string, { lon: SeedMachine['longitude']; lat: SeedMachine['latitude']; onlineGpu: number; offlineGpu: number; rentedGpu: number; onlineGpuCalcPoints: number }>();
  let nextRentId = 0;

  for (const m of machines) {
    const miner = miners[m.miner]!;
    const st = stashStats[m.miner]!;
    const stake = m.status === 'verifying' ? stakePerGpu / 10n : stakePerGpu * BigInt(m.gpuNum);
    const rentFee = BigInt(m.totalRentedTimes) * BigInt(r.int(200, 5000)) * DBC;
    const burn = rentFee / 20n;
    const machineRenters: string[] = [];
    const orderIds: number[] = [];
    const usedGpu: number[] = [];
    for (const gpus of m.rentals) {
      const renter = r.pick(renters).address;
      const rentId = nextRentId++;
      const rentStart = now - r.int(BLOCKS_PER_HOUR, 3 * BLOCKS_PER_DAY);
      // Durations are whole half hours (multiples of 300 blocks), as the runtime requires.
      const rentEnd = now + 300 * r.int(2, 20 * 48);
      const gpuIndex = Array.from({ length: gpus }, (_, k) => usedGpu.length + k);
      usedGpu.push(...gpuIndex);
      orderIds.push(rentId);
      if (!machineRenters.includes(renter)) machineRenters.push(renter);
      s('RentMachine', 'RentInfo').set(rentId, {
        machineId: m.machineId,
        renter,
        rentStart,
        confirmRent: rentStart + r.int(10, 140),
        rentEnd,
        stakeAmount: 0,
        rentStatus: 'Renting',
        gpuNum: gpus,
        gpuIndex,
      });
      s<number[]>('RentMachine', 'UserOrder').mutate(renter, (v) => [...v, rentId]);
      s<number[]>('RentMachine', 'RentEnding').mutate(rentEnd, (v) => [...v, rentId]);
      s<Array<{ rentId: number; rentStart: number; rentEnd: number }>>('RentMachine', 'MachineRenterRentedOrders').mutate(
        m.machineId,
        renter,
        (v) => [...v, { rentId, rentStart, rentEnd }],
      );
    }
    const rentedGpu = usedGpu.length;
    if (orderIds.length) {
      s('RentMachine', 'MachineRentOrder').set(m.machineId, { rentOrder: orderIds, usedGpu });
      s('OnlineProfile', 'MachineRentedGPU').set(m.machineId, rentedGpu);
    }

    const machineStatus =
      m.status === 'online'
        ? 'Online'
        : m.status === 'rented'
          ? 'Rented'
          : m.status === 'offline'
            ? { StakerReportOffline: [now - r.int(BLOCKS_PER_HOUR, 2 * BLOCKS_PER_DAY), 'Online'] }
            : 'CommitteeVerifying';
    s('OnlineProfile', 'MachinesInfo').set(m.machineId, {
      controller: miner.controller.address,
      machineStash: miner.stash.address,
      renters: machineRenters,
      lastMachineRestake: m.onlineHeight,
      bondingHeight: m.bondingHeight,
      onlineHeight: m.onlineHeight,
      lastOnlineHeight: m.lastOnlineHeight,
      initStakePerGpu: stakePerGpu / 10n,
      stakeAmount: stake,
      machineStatus,
      totalRentedDuration: m.totalRentedDuration,
      totalRentedTimes: m.totalRentedTimes,
      totalRentFee: rentFee - burn,
      totalBurnFee: burn,
      machineInfoDetail: {
        committeeUploadInfo: {
          machineId: m.machineId,
          gpuType: m.gpu.gpuType,
          gpuNum: m.gpuNum,
          cudaCore: m.gpu.cudaCore,
          gpuMem: m.gpu.memGb,
          calcPoint: m.calcPoint,
          sysDisk: m.sysDiskGb,
          dataDisk: m.dataDiskGb,
          cpuType: m.cpuType,
          cpuCoreNum: m.cpuCoreNum,
          cpuRate: m.cpuRateMhz,
          memNum: m.memGb,
          randStr: 'devnet',
          isSupport: true,
        },
        stakerCustomizeInfo: {
          serverRoom: miner.serverRooms[m.miner % 2]!,
          uploadNet: m.uploadMbps,
          downloadNet: m.downloadMbps,
          longitude: m.longitude,
          latitude: m.latitude,
          telecomOperators: m.place.telecom,
          isBareMachine: m.isBareMachine,
        },
      },
      rewardCommittee: [],
      rewardDeadline: 0,
    });
    if (m.extraPrice) s('OnlineProfile', 'MachineExtraPrice').set(m.machineId, m.extraPrice);
    if (m.timeSlot) {
      s('OnlineProfile', 'MachineRentalModeStorage').set(m.machineId, 'TimeSlot');
      s('OnlineProfile', 'WeeklySchedule').set(
        m.machineId,
        Array.from({ length: 7 }, () => [{ startHour: 8, endHour: 20 }]),
      );
    }

    const listName =
      m.status === 'online'
        ? 'onlineMachine'
        : m.status === 'rented'
          ? 'rentedMachine'
          : m.status === 'offline'
            ? 'offlineMachine'
            : 'bookedMachine';
    live[listName].push(m.machineId);
    st.totalMachine.push(m.machineId);
    st.stake += stake;
    sys.totalStake += stake;
    if (m.status === 'online' || m.status === 'rented') {
      st.onlineMachine.push(m.machineId);
      st.totalCalcPoints += m.calcPoint;
      st.totalGpuNum += m.gpuNum;
      st.totalRentedGpu += rentedGpu;
      sys.totalGpuNum += m.gpuNum;
      sys.totalRentedGpu += rentedGpu;
      sys.totalCalcPoints += m.calcPoint;
    }
    st.totalRentFee += rentFee - burn;
    st.totalBurnFee += burn;
    sys.totalRentFee += rentFee - burn;
    sys.totalBurnFee += burn;
    const earned = BigInt(r.int(0, 50_000)) * DBC;
    st.totalEarnedReward += earned;
    st.totalClaimedReward += earned / 2n;
    st.canClaimReward += earned / 8n;
    if (m.status !== 'verifying') {
      const key = JSON.stringify([m.longitude, m.latitude]);
      const p = pos.get(key) ?? { lon: m.longitude, lat: m.latitude, onlineGpu: 0, offlineGpu: 0, rentedGpu: 0, onlineGpuCalcPoints: 0 };
      if (m.status === 'offline') p.offlineGpu += m.gpuNum;
      else {
        p.onlineGpu += m.gpuNum;
        p.rentedGpu += rentedGpu;
        p.onlineGpuCalcPoints += m.calcPoint;
      }
      pos.set(key, p);
    }
  }

  for (const [i, miner] of miners.entries()) {
    const st = stashStats[i]!;
    rt.mint(miner.stash.address, 10_000_000n * DBC + st.stake);
    rt.mint(miner.controller.address, 10_000n * DBC);
    if (st.stake > 0n) rt.reserve(miner.stash.address, st.stake);
    s('OnlineProfile', 'StashController').set(miner.stash.address, miner.controller.address);
    s('OnlineProfile', 'ControllerStash').set(miner.controller.address, miner.stash.address);
    s('OnlineProfile', 'StashServerRooms').set(miner.stash.address, miner.serverRooms);
    if (st.totalMachine.length) {
      sys.totalStaker += 1;
      s('OnlineProfile', 'ControllerMachines').set(miner.controller.address, sortIds(st.totalMachine));
      s('OnlineProfile', 'StashStake').set(miner.stash.address, st.stake);
      const { stake: _stake, ...stash } = st;
      s('OnlineProfile', 'StashMachines').set(miner.stash.address, {
        ...stash,
        totalMachine: sortIds(st.totalMachine),
        onlineMachine: sortIds(st.onlineMachine),
      });
    }
  }
  s('OnlineProfile', 'LiveMachines').set(Object.fromEntries(Object.entries(live).map(([k, v]) => [k, sortIds(v)])));
  s('OnlineProfile', 'SysInfo').set(sys);
  for (const p of pos.values()) {
    const { lon, lat, ...info } = p;
    s('OnlineProfile', 'PosGPUInfo').set(lon, lat, info);
  }
  s('RentMachine', 'NextRentId').set(nextRentId);
  return { machines, miners, renters, rentFeePot, params, rentOrders: nextRentId };
}
