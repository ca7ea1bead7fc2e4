// Era score snapshots and the per-stash / per-position / system statistics that move with them.
// Mirrors lib.rs update_snap_on_online_changed / update_snap_on_rent_changed, utils.rs
// update_region_on_*, and types/machine_reward.rs EraStashPoints / MachineGradeStatus.
import type { Runtime } from '../../chain/runtime.js';
import { calcPoint, gpuNum } from './stake.js';
import type {
  EraMachinePointsJs,
  EraStashPointsJs,
  Latitude,
  Longitude,
  MachineGradeStatus,
  MachineInfo,
  PosInfo,
  StashMachineStatistics,
} from './types.js';
import { addItem, perbill, perbillMul, rmItem, satSub, store } from './util.js';

/** EraStashPoints with its BTreeMap as a Map (written back in key order). */
export class EraStashPoints {
  constructor(
    public total: bigint,
    readonly stats: Map<string, StashMachineStatistics>,
  ) {}

  static read(rt: Runtime, era: number): EraStashPoints {
    const v = store(rt).erasStashPoints.get(era)!;
    return new EraStashPoints(v.total, new Map(Object.entries(v.stakerStatistic)));
  }

  /** Written as a BTreeMap: polkadot.js orders the entries by key bytes, as Rust's BTreeMap does. */
  write(rt: Runtime, era: number): void {
    const value: EraStashPointsJs = { total: this.total, stakerStatistic: Object.fromEntries(this.stats) };
    store(rt).erasStashPoints.set(era, value);
  }

  /** The stash's grade in this era: inflation × points + points + rent bonus. */
  grades(stash: string): bigint {
    const st = this.stats.get(stash);
    return st ? totalGrades(st) : 0n;
  }

  onOnlineChanged(stash: string, gpus: bigint, basicGrade: bigint, isOnline: boolean): void {
    const st = this.stats.get(stash) ?? emptyStatistics();
    const pre = totalGrades(st);
    st.onlineGpuNum = isOnline ? st.onlineGpuNum + gpus : satSub(st.onlineGpuNum, gpus);
    // inflation = min(10 %, n / 10000): a stash's multi-GPU bonus.
    st.inflation = Number(perbill(st.onlineGpuNum < 1000n ? st.onlineGpuNum : 1000n, 10_000n));
    st.machineTotalCalcPoint = isOnline
      ? st.machineTotalCalcPoint + basicGrade
      : satSub(st.machineTotalCalcPoint, basicGrade);
    this.total = satSub(this.total + totalGrades(st), pre);
    if (st.onlineGpuNum === 0n) this.stats.delete(stash);
    else this.stats.set(stash, st);
  }

  onRentChanged(stash: string, basicGrade: bigint, isRented: boolean): void {
    const st = this.stats.get(stash) ?? emptyStatistics();
    const bonus = perbillMul(perbill(30, 100), basicGrade);
    this.total = isRented ? this.total + bonus : satSub(this.total, bonus);
    st.rentExtraGrade = isRented ? st.rentExtraGrade + bonus : satSub(st.rentExtraGrade, bonus);
    this.stats.set(stash, st);
  }
}

const emptyStatistics = (): StashMachineStatistics => ({
  onlineGpuNum: 0n,
  inflation: 0,
  machineTotalCalcPoint: 0n,
  rentExtraGrade: 0n,
});

export function totalGrades(st: StashMachineStatistics): bigint {
  return perbillMul(st.inflation, st.machineTotalCalcPoint) + st.machineTotalCalcPoint + st.rentExtraGrade;
}

/** MachineGradeStatus::machine_actual_grade. */
export function machineActualGrade(g: MachineGradeStatus, inflation: number): bigint {
  const rentBonus = g.isRented ? perbillMul(perbill(30, 100), g.basicGrade) : 0n;
  return g.basicGrade + rentBonus + perbillMul(inflation, g.basicGrade);
}

export function readMachinePoints(rt: Runtime, era: number): Map<string, MachineGradeStatus> {
  return new Map(Object.entries(store(rt).erasMachinePoints.get(era)!));
}

export function writeMachinePoints(rt: Runtime, era: number, points: Map<string, MachineGradeStatus>): void {
  const value: EraMachinePointsJs = Object.fromEntries(points);
  store(rt).erasMachinePoints.set(era, value);
}

/** lib.rs update_snap_on_online_changed. */
export function updateSnapOnOnlineChanged(rt: Runtime, machineId: string, isOnline: boolean): boolean {
  const s = store(rt);
  const info = s.machinesInfo.get(machineId);
  if (!info) return false;
  const era = s.currentEra.get()!;
  const stash = info.machineStash;
  const gpus = BigInt(gpuNum(info));
  const points = calcPoint(info);

  const curStash = EraStashPoints.read(rt, era);
  const nextStash = EraStashPoints.read(rt, era + 1);
  const curMachine = readMachinePoints(rt, era);
  const nextMachine = readMachinePoints(rt, era + 1);
  const stashMachine = s.stashMachines.get(stash)!;
  const sys = s.sysInfo.get()!;

  const preGrade = nextStash.grades(stash);
  const onlineThisEra = curMachine.has(machineId);
  nextStash.onOnlineChanged(stash, gpus, points, isOnline);
  if (isOnline) nextMachine.set(machineId, { basicGrade: points, isRented: false });
  else if (onlineThisEra) {
    // Going offline also clears today's score, so a second offline in one era clears nothing more.
    curStash.onOnlineChanged(stash, gpus, points, isOnline);
    curMachine.delete(machineId);
    nextMachine.delete(machineId);
  }
  nextStash.write(rt, era + 1);
  writeMachinePoints(rt, era + 1, nextMachine);
  if (!isOnline) {
    curStash.write(rt, era);
    writeMachinePoints(rt, era, curMachine);
  }

  sys.totalGpuNum = isOnline ? sys.totalGpuNum + gpus : satSub(sys.totalGpuNum, gpus);
  if (isOnline) {
    addItem(stashMachine.onlineMachine, machineId);
    stashMachine.totalGpuNum += gpus;
  } else {
    rmItem(stashMachine.onlineMachine, machineId);
    stashMachine.totalGpuNum = satSub(stashMachine.totalGpuNum, gpus);
  }
  const newGrade = nextStash.grades(stash);
  stashMachine.totalCalcPoints = satSub(stashMachine.totalCalcPoints + newGrade, preGrade);
  sys.totalCalcPoints = satSub(sys.totalCalcPoints + newGrade, preGrade);

  adjustRentFeeDestroyPercent(rt, sys.totalGpuNum, era);
  if (isOnline && stashMachine.onlineMachine.length === 1) sys.totalStaker += 1n;
  if (!isOnline && stashMachine.onlineMachine.length === 0) sys.totalStaker = satSub(sys.totalStaker, 1n);

  s.sysInfo.set(sys);
  s.stashMachines.set(stash, stashMachine);
  return true;
}

/** lib.rs update_snap_on_rent_changed. */
export function updateSnapOnRentChanged(rt: Runtime, machineId: string, isRented: boolean): boolean {
  const s = store(rt);
  const info = s.machinesInfo.get(machineId);
  if (!info) return false;
  const era = s.currentEra.get()!;
  const stash = info.machineStash;
  const points = calcPoint(info);

  const curStash = EraStashPoints.read(rt, era);
  const nextStash = EraStashPoints.read(rt, era + 1);
  const curMachine = readMachinePoints(rt, era);
  const nextMachine = readMachinePoints(rt, era + 1);
  const stashMachine = s.stashMachines.get(stash)!;
  const sys = s.sysInfo.get()!;

  const rentedThisEra = curMachine.get(machineId)?.isRented ?? false;
  const preGrade = nextStash.grades(stash);
  nextStash.onRentChanged(stash, points, isRented);
  nextMachine.set(machineId, { basicGrade: points, isRented });
  if (!isRented) {
    if (rentedThisEra) curStash.onRentChanged(stash, points, isRented);
    curMachine.set(machineId, { basicGrade: points, isRented });
  }
  nextStash.write(rt, era + 1);
  writeMachinePoints(rt, era + 1, nextMachine);
  if (!isRented) {
    curStash.write(rt, era);
    writeMachinePoints(rt, era, curMachine);
  }

  const gpus = BigInt(gpuNum(info));
  sys.totalRentedGpu = isRented ? sys.totalRentedGpu + gpus : satSub(sys.totalRentedGpu, gpus);
  stashMachine.totalRentedGpu = isRented
    ? stashMachine.totalRentedGpu + gpus
    : satSub(stashMachine.totalRentedGpu, gpus);
  const newGrade = nextStash.grades(stash);
  stashMachine.totalCalcPoints = satSub(stashMachine.totalCalcPoints + newGrade, preGrade);
  sys.totalCalcPoints = satSub(sys.totalCalcPoints + newGrade, preGrade);

  s.sysInfo.set(sys);
  s.stashMachines.set(stash, stashMachine);
  return true;
}

/** lib.rs adjust_rent_fee_destroy_percent: the 5000th GPU switches the Galaxy competition on. */
function adjustRentFeeDestroyPercent(rt: Runtime, totalGpu: bigint, era: number): void {
  if (totalGpu !== 5000n) return;
  const s = store(rt);
  const info = s.phaseRewardInfo.get() ?? {
    onlineRewardStartEra: 0,
    firstPhaseDuration: 0,
    galaxyOnEra: 0,
    phase0RewardPerEra: 0n,
    phase1RewardPerEra: 0n,
    phase2RewardPerEra: 0n,
  };
  if (info.galaxyOnEra === 0) {
    info.galaxyOnEra = era;
    s.phaseRewardInfo.set(info);
  }
}

const position = (m: MachineInfo): [Longitude, Latitude] => [
  m.machineInfoDetail.stakerCustomizeInfo.longitude,
  m.machineInfoDetail.stakerCustomizeInfo.latitude,
];

/** utils.rs update_region_on_online_changed (PosInfo::on_online_changed: offline GPUs only ever grow). */
export function updateRegionOnOnlineChanged(rt: Runtime, m: MachineInfo, isOnline: boolean): void {
  const gpus = BigInt(gpuNum(m));
  const points = calcPoint(m);
  store(rt).posGpuInfo.mutate(...position(m), (p: PosInfo) => {
    if (isOnline) {
      p.onlineGpu += gpus;
      p.onlineGpuCalcPoints += points;
    } else {
      p.onlineGpu = satSub(p.onlineGpu, gpus);
      p.onlineGpuCalcPoints = satSub(p.onlineGpuCalcPoints, points);
      p.offlineGpu += gpus;
    }
  });
}

/** utils.rs update_region_on_exit: like going offline but without counting offline GPUs. */
export function updateRegionOnExit(rt: Runtime, m: MachineInfo): void {
  const pos = store(rt).posGpuInfo;
  const p = pos.get(...position(m))!;
  p.onlineGpu = satSub(p.onlineGpu, BigInt(gpuNum(m)));
  p.onlineGpuCalcPoints = satSub(p.onlineGpuCalcPoints, calcPoint(m));
  const empty =
    p.onlineGpu === 0n && p.offlineGpu === 0n && p.rentedGpu === 0n && p.onlineGpuCalcPoints === 0n;
  if (empty) pos.remove(...position(m));
  else pos.set(...position(m), p);
}

/** utils.rs update_region_on_rent_changed. */
export function updateRegionOnRentChanged(rt: Runtime, m: MachineInfo, isRented: boolean): void {
  const gpus = BigInt(gpuNum(m));
  store(rt).posGpuInfo.mutate(...position(m), (p: PosInfo) => {
    p.rentedGpu = isRented ? p.rentedGpu + gpus : satSub(p.rentedGpu, gpus);
  });
}
