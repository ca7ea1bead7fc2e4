// OnlineProfile state the seed (seed/genesis.ts) leaves to the pallet: the reward schedule and the
// era score snapshots of the seeded machines, with the statistics derived from them restated the
// way the runtime keeps them (grades, whole rented machines).
import type { Runtime } from '../../chain/runtime.js';
import { DBC } from '../../seed/genesis.js';
import { currentEraReward } from './rewards.js';
import { EraStashPoints, writeMachinePoints } from './snapshots.js';
import { calcPoint, gpuNum } from './stake.js';
import type { MachineGradeStatus, PhaseRewardInfoDetail, PosInfo } from './types.js';
import { store } from './util.js';

/** The schedule upstream's pallet mocks set (1.1 M DBC a day for three years, then halving). */
export const DEFAULT_PHASE_REWARD: PhaseRewardInfoDetail = {
  onlineRewardStartEra: 0,
  firstPhaseDuration: 1095,
  galaxyOnEra: 0,
  phase0RewardPerEra: 1_100_000n * DBC,
  phase1RewardPerEra: 550_000n * DBC,
  phase2RewardPerEra: 275_000n * DBC,
};

const posKey = (lon: unknown, lat: unknown) =>
  JSON.stringify([lon, lat], (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

export function writeOnlineProfileGenesis(rt: Runtime): void {
  const s = store(rt);
  if (!s.phaseRewardInfo.get()) s.phaseRewardInfo.set(DEFAULT_PHASE_REWARD);
  const era = s.currentEra.get()!;
  s.eraReward.set(era, currentEraReward(rt) ?? 0n);

  // Seeded online and rented machines scored all of this era and are scored for the next.
  const points = new EraStashPoints(0n, new Map());
  const machinePoints = new Map<string, MachineGradeStatus>();
  const rentedByStash = new Map<string, bigint>();
  const rentedAt = new Map<string, bigint>();
  let rentedTotal = 0n;
  for (const [[id], info] of s.machinesInfo.entries()) {
    const machineId = String(id);
    const rented = info.machineStatus === 'Rented';
    if (rented || info.machineStatus === 'Online') {
      points.onOnlineChanged(info.machineStash, BigInt(gpuNum(info)), calcPoint(info), true);
      if (rented) points.onRentChanged(info.machineStash, calcPoint(info), true);
      machinePoints.set(machineId, { basicGrade: calcPoint(info), isRented: rented });
    }
    if (rented) {
      // update_snap_on_rent_changed counts a rented machine's every GPU as rented.
      const gpus = BigInt(gpuNum(info));
      rentedTotal += gpus;
      rentedByStash.set(info.machineStash, (rentedByStash.get(info.machineStash) ?? 0n) + gpus);
      const c = info.machineInfoDetail.stakerCustomizeInfo;
      rentedAt.set(
        posKey(c.longitude, c.latitude),
        (rentedAt.get(posKey(c.longitude, c.latitude)) ?? 0n) + gpus,
      );
    }
    if (info.onlineHeight > 0 && !s.machineRecentReward.has(machineId))
      s.machineRecentReward.set(machineId, {
        machineStash: info.machineStash,
        recentMachineReward: [],
        recentRewardSum: 0n,
        rewardCommitteeDeadline: info.rewardDeadline,
        rewardCommittee: info.rewardCommittee,
      });
  }
  for (const e of [era, era + 1]) {
    points.write(rt, e);
    writeMachinePoints(rt, e, machinePoints);
  }

  for (const [[stash], sm] of s.stashMachines.entries()) {
    sm.totalCalcPoints = points.grades(String(stash));
    sm.totalRentedGpu = rentedByStash.get(String(stash)) ?? 0n;
    s.stashMachines.set(stash, sm);
  }
  s.sysInfo.mutate((sys) => {
    sys.totalCalcPoints = points.total;
    sys.totalRentedGpu = rentedTotal;
  });
  for (const [[lon, lat], p] of s.posGpuInfo.entries()) {
    const key = posKey(lon, lat);
    const next: PosInfo = { ...p, rentedGpu: rentedAt.get(key) ?? 0n };
    s.posGpuInfo.set(lon, lat, next);
  }
}
