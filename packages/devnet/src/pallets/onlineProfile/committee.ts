// What committee verification does to OnlineProfile (traits.rs OCOps: booked_machine,
// confirm_machine, refuse_machine), and the devnet's stand-in for the OnlineCommittee pallet:
// machines waiting in LiveMachines.confirmedMachine are booked at the end of the block (as
// online-committee distribute_machines does in on_finalize) and confirmed `verifyAfterBlocks`
// blocks later with generated hardware, or at once through the devnet_verifyMachine admin RPC.
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import type { Runtime } from '../../chain/runtime.js';
import { CPU_MODELS, GPU_MODELS } from '../../seed/catalog.js';
import { createRandom } from '../../seed/random.js';
import { updateRegionOnOnlineChanged, updateSnapOnOnlineChanged } from './snapshots.js';
import { changeStake, slashAndReward } from './stake.js';
import { REWARD_DURATION, type CommitteeUploadInfo, type MachineStatus, statusName } from './types.js';
import { addItem, perbill, perbillMul, rmItem, store } from './util.js';

/** traits.rs OCOps::booked_machine: a committee took the order. */
export function bookedMachine(rt: Runtime, machineId: string): boolean {
  const s = store(rt);
  const info = s.machinesInfo.get(machineId);
  if (!info) return false;
  info.machineStatus = 'CommitteeVerifying';
  s.machinesInfo.set(machineId, info);
  s.liveMachines.mutate((live) => {
    rmItem(live.confirmedMachine, machineId);
    addItem(live.bookedMachine, machineId);
  });
  return true;
}

/**
 * traits.rs OCOps::confirm_machine: records the committee's hardware report, then requires
 * initStakePerGpu × gpuNum, reserving the difference from the stash; a stash that cannot pay leaves
 * the machine in WaitingFulfill. A re-verified machine (hardware change) pays its verify fee and
 * offline slash instead of starting a new reward period.
 */
export function confirmMachine(rt: Runtime, committee: string[], hardware: CommitteeUploadInfo): boolean {
  const s = store(rt);
  const now = rt.blockNumber;
  const era = s.currentEra.get()!;
  const machineId = hardware.machineId;
  const info = s.machinesInfo.get(machineId);
  if (!info) return false;
  const live = s.liveMachines.get()!;
  const stash = info.machineStash;
  const isReonline = s.userMutHardwareStake.has(stash, machineId);
  const reonline = s.userMutHardwareStake.get(stash, machineId)!;
  if (isReonline) {
    slashAndReward(rt, stash, reonline.verifyFee, committee);
    slashAndReward(rt, stash, reonline.offlineSlash, []);
    reonline.verifyFee = 0n;
    reonline.offlineSlash = 0n;
  } else info.rewardCommittee = [...committee];

  info.machineInfoDetail.committeeUploadInfo = hardware;
  rmItem(live.bookedMachine, machineId);

  const stakeNeed = info.initStakePerGpu * BigInt(hardware.gpuNum);
  if (stakeNeed > info.stakeAmount && !changeStake(rt, stash, stakeNeed - info.stakeAmount, true)) {
    reonline.needFulfilling = true;
    s.userMutHardwareStake.set(stash, machineId, reonline);
    addItem(live.fulfillingMachine, machineId);
    info.machineStatus = 'WaitingFulfill';
    s.machinesInfo.set(machineId, info);
    s.liveMachines.set(live);
    return true;
  }

  addItem(live.onlineMachine, machineId);
  info.stakeAmount = stakeNeed;
  info.machineStatus = 'Online';
  info.lastOnlineHeight = now;
  info.lastMachineRestake = now;
  if (isReonline) s.userMutHardwareStake.remove(stash, machineId);
  else {
    info.onlineHeight = now;
    info.rewardDeadline = era + REWARD_DURATION;
    s.machineRecentReward.set(machineId, {
      machineStash: stash,
      recentMachineReward: [],
      recentRewardSum: 0n,
      rewardCommitteeDeadline: info.rewardDeadline,
      rewardCommittee: info.rewardCommittee,
    });
  }
  s.machinesInfo.set(machineId, info);
  s.liveMachines.set(live);
  updateRegionOnOnlineChanged(rt, info, true);
  updateSnapOnOnlineChanged(rt, machineId, true);
  return true;
}

/**
 * traits.rs OCOps::refuse_machine: a refused new machine returns 95 % of its stake and is deleted;
 * a refused hardware change only pays the committee its verify fee and goes back to bonding.
 * Returns the stash and the 5 % the committee pallet slashes (the devnet slashes it to the treasury).
 */
export function refuseMachine(rt: Runtime, committee: string[], machineId: string): [string, bigint] | null {
  const s = store(rt);
  const info = s.machinesInfo.get(machineId);
  if (!info) return null;
  const stash = info.machineStash;
  if (s.userMutHardwareStake.has(stash, machineId)) {
    const reonline = s.userMutHardwareStake.get(stash, machineId)!;
    s.liveMachines.mutate((live) => {
      rmItem(live.bookedMachine, machineId);
      addItem(live.bondingMachine, machineId);
    });
    slashAndReward(rt, stash, reonline.verifyFee, committee);
    reonline.verifyFee = 0n;
    s.userMutHardwareStake.set(stash, machineId, reonline);
    return null;
  }
  const slash = perbillMul(perbill(5, 100), info.stakeAmount);
  changeStake(rt, stash, info.stakeAmount - slash, false);
  s.stashMachines.mutate(stash, (sm) => rmItem(sm.totalMachine, machineId));
  s.controllerMachines.mutate(info.controller, (ids: string[]) => rmItem(ids, machineId));
  s.liveMachines.mutate((live) => {
    rmItem(live.bookedMachine, machineId);
    addItem(live.refusedMachine, machineId);
  });
  s.machinesInfo.remove(machineId);
  return [stash, slash];
}

// ---- the devnet's committee ----

/** Partial committee report: any CommitteeUploadInfo field (camelCase, codec.ts values). */
export type HardwareOverrides = Partial<Record<keyof CommitteeUploadInfo, unknown>>;

export interface VerifyResult {
  machineId: string;
  status: string;
  hardware: CommitteeUploadInfo | null;
}

interface VerifyRequest {
  machineId: string;
  overrides: HardwareOverrides;
  result?: VerifyResult;
  error?: Error;
}

interface CommitteeSim {
  verifyAfterBlocks: number;
  /** Machine id → block it was booked at (only machines booked by this devnet run). */
  booked: Map<string, number>;
  /** Set when a machine may have entered confirmedMachine, so idle blocks skip reading LiveMachines. */
  confirmedDirty: boolean;
  requests: VerifyRequest[];
}

const sims = new WeakMap<Runtime, CommitteeSim>();

export const DEFAULT_VERIFY_AFTER_BLOCKS = 10;

function sim(rt: Runtime): CommitteeSim {
  let s = sims.get(rt);
  if (!s)
    sims.set(
      rt,
      (s = {
        verifyAfterBlocks: DEFAULT_VERIFY_AFTER_BLOCKS,
        booked: new Map(),
        confirmedDirty: true,
        requests: [],
      }),
    );
  return s;
}

/** How many blocks after booking the devnet's committee confirms a machine (default 10). */
export function setVerifyAfterBlocks(rt: Runtime, blocks: number): void {
  sim(rt).verifyAfterBlocks = blocks;
}

/** Called where a machine enters LiveMachines.confirmedMachine (add_machine_info). */
export function markConfirmedDirty(rt: Runtime): void {
  sim(rt).confirmedDirty = true;
}

/** Queues an immediate verification, run in the next block's finalization (devnet_verifyMachine). */
export function requestVerification(
  rt: Runtime,
  machineId: string,
  overrides: HardwareOverrides,
): VerifyRequest {
  const req: VerifyRequest = { machineId, overrides };
  sim(rt).requests.push(req);
  return req;
}

/**
 * The hardware a committee would report: an existing report is kept (a re-verification after a
 * hardware change); otherwise a realistic machine drawn from the seed catalog, deterministic per id.
 */
export function generateHardware(
  rt: Runtime,
  machineId: string,
  overrides: HardwareOverrides = {},
): CommitteeUploadInfo {
  const current = store(rt).machinesInfo.get(machineId)?.machineInfoDetail.committeeUploadInfo;
  let base: CommitteeUploadInfo;
  if (current && current.gpuNum > 0) base = { ...current, machineId };
  else {
    const hash = blake2AsU8a(stringToU8a(`dbc-devnet/committee/${machineId}`), 256);
    const r = createRandom(new DataView(hash.buffer, hash.byteOffset).getUint32(0, true));
    const gpu = r.weighted(GPU_MODELS);
    const gpuNum = r.pick([1, 1, 2, 2, 4, 4, 4, 8]);
    const cpu = r.pick(CPU_MODELS);
    base = {
      machineId,
      gpuType: gpu.gpuType,
      gpuNum,
      cudaCore: gpu.cudaCore,
      gpuMem: BigInt(gpu.memGb),
      calcPoint: BigInt(Math.round(gpu.calcPointPerGpu * gpuNum * (0.92 + r.next() * 0.16))),
      sysDisk: 500n,
      dataDisk: BigInt(r.pick([1000, 2000, 3905, 4000, 8000])),
      cpuType: cpu.cpuType,
      cpuCoreNum: cpu.cores,
      cpuRate: BigInt(cpu.rateMhz),
      memNum: BigInt(r.pick([64, 128, 256, 512])),
      randStr: u8aToHex(hash.subarray(4, 12)).slice(2),
      isSupport: true,
    };
  }
  return { ...base, ...(overrides as Partial<CommitteeUploadInfo>), machineId };
}

/** The machine is not (or no longer) waiting for a committee: nothing to verify. */
class NotWaiting extends Error {}

/**
 * Verifies one machine now: books it if it is still waiting for a committee, then confirms it with
 * the generated (or given) hardware, or refuses it when the report says `isSupport: false`.
 */
function verifyNow(rt: Runtime, machineId: string, overrides: HardwareOverrides): VerifyResult {
  const s = store(rt);
  const info = s.machinesInfo.get(machineId);
  if (!info) throw new NotWaiting(`Machine ${machineId} is not bonded`);
  const live = s.liveMachines.get()!;
  const waiting = live.confirmedMachine.includes(machineId);
  if (!waiting && !live.bookedMachine.includes(machineId))
    throw new NotWaiting(
      `Machine ${machineId} is not waiting for verification (status ${statusName(info.machineStatus)}); add its server-room info first`,
    );
  if (waiting) bookedMachine(rt, machineId);
  const hardware = generateHardware(rt, machineId, overrides);
  if (!hardware.isSupport) {
    const refused = refuseMachine(rt, [], machineId);
    // online-committee add_summary_slash executes the 5 % two days later; the devnet does it now.
    if (refused) slashAndReward(rt, refused[0], refused[1], []);
    return { machineId, status: refused ? 'Refused' : 'Bonding', hardware };
  }
  confirmMachine(rt, [], hardware);
  const status: MachineStatus = s.machinesInfo.get(machineId)!.machineStatus;
  return { machineId, status: statusName(status), hardware };
}

/** Runs in OnlineProfile's on_finalize: queued RPC verifications, due confirmations, then booking. */
export function runCommittee(rt: Runtime, block: number): void {
  const st = sim(rt);
  for (const req of st.requests.splice(0)) {
    try {
      req.result = rt.transactional(() => verifyNow(rt, req.machineId, req.overrides));
      st.booked.delete(req.machineId);
    } catch (e) {
      req.error = e instanceof Error ? e : new Error(String(e));
    }
  }
  for (const [machineId, bookedAt] of [...st.booked]) {
    if (block < bookedAt + st.verifyAfterBlocks) continue;
    st.booked.delete(machineId);
    try {
      rt.transactional(() => verifyNow(rt, machineId, {}));
    } catch (e) {
      // A machine that left verification meanwhile has nothing to confirm; anything else is a
      // devnet bug, which must not stop block production but must not pass silently either.
      if (!(e instanceof NotWaiting)) console.error('[dbc-devnet] committee verification failed:', e);
    }
  }
  if (!st.confirmedDirty) return;
  st.confirmedDirty = false;
  for (const machineId of store(rt).liveMachines.get()!.confirmedMachine) {
    if (bookedMachine(rt, machineId)) st.booked.set(machineId, block);
  }
}
