import { TREASURY_ACCOUNT, type Runtime } from '../../chain/runtime.js';
import { PALLET, type MachineInfo } from './types.js';
import { perbill, perbillMul, satSub, store } from './util.js';

const ONE_DBC = 10n ** 15n;

/** DbcPrice::get_dbc_amount_by_value (dbc-price-ocw): USD×1e6 → DBC at DBCPriceOCW.AvgPrice. */
export function dbcAmountByValue(rt: Runtime, valueUsd: bigint): bigint | null {
  const avg = rt.storage<bigint | number>('DBCPriceOCW', 'AvgPrice').get();
  if (avg === null || BigInt(avg) === 0n) return null;
  return (valueUsd * ONE_DBC) / BigInt(avg);
}

/** online_reward.rs stake_per_gpu: the per-GPU cap, min(onlineStakePerGpu, DBC worth onlineStakeUsdLimit). */
export function stakePerGpu(rt: Runtime): bigint | null {
  const params = store(rt).onlineStakeParams.get();
  if (!params) return null;
  const byValue = dbcAmountByValue(rt, params.onlineStakeUsdLimit);
  if (byValue === null) return null;
  return params.onlineStakePerGpu < byValue ? params.onlineStakePerGpu : byValue;
}

/** online_reward.rs stake_per_gpu_v2: the bonding stake, 10 % of onlineStakePerGpu. */
export function stakePerGpuV2(rt: Runtime): bigint | null {
  const params = store(rt).onlineStakeParams.get();
  if (!params) return null;
  return perbillMul(perbill(10_000, 100_000), params.onlineStakePerGpu);
}

/** lib.rs cal_mut_hardware_stake: the verify fee of a hardware change, reonlineStake USD in DBC. */
export function mutHardwareStake(rt: Runtime): bigint | null {
  const params = store(rt).onlineStakeParams.get();
  if (!params) return null;
  return dbcAmountByValue(rt, params.reonlineStake);
}

/**
 * lib.rs change_stake: reserves (or unreserves) on the stash and keeps StashStake and
 * SysInfo.totalStake in step. Returns false where upstream returns Err(()) (nothing written then).
 */
export function changeStake(rt: Runtime, who: string, amount: bigint, isAdd: boolean): boolean {
  const s = store(rt);
  let stashStake = s.stashStake.get(who)!;
  if (isAdd) {
    if (rt.usable(who) < amount) return false;
    stashStake += amount;
    rt.reserve(who, amount);
  } else {
    if (stashStake < amount) return false;
    stashStake -= amount;
    rt.unreserve(who, amount);
  }
  s.sysInfo.mutate((info) => {
    info.totalStake = isAdd ? info.totalStake + amount : satSub(info.totalStake, amount);
  });
  s.stashStake.set(who, stashStake);
  rt.deposit(PALLET, isAdd ? 'StakeAdded' : 'StakeReduced', [who, amount]);
  return true;
}

/**
 * `Currency::slash_reserved` resolved into the treasury (the runtime's Slash = Treasury, whose
 * OnUnbalanced deposits the imbalance: Balances.Slashed then Balances.Deposit, issuance unchanged).
 */
function slashReservedToTreasury(rt: Runtime, who: string, amount: bigint): void {
  const reserved = rt.account(who).data.reserved;
  const actual = amount < reserved ? amount : reserved;
  rt.slashReserved(who, actual);
  rt.storage<bigint>('Balances', 'TotalIssuance').mutate((v) => v + actual);
  rt.depositInto(TREASURY_ACCOUNT, actual);
}

/** generic-func traits.rs GNOps::slash_and_reward: reserved funds to `rewardTo` in equal parts, else the treasury. */
export function gnSlashAndReward(
  rt: Runtime,
  slashWho: string[],
  eachSlash: bigint,
  rewardTo: string[],
): void {
  if (slashWho.length === 0 || eachSlash === 0n) return;
  if (rewardTo.length === 0) {
    for (const who of slashWho)
      if (rt.account(who).data.reserved >= eachSlash) slashReservedToTreasury(rt, who, eachSlash);
    return;
  }
  for (const who of slashWho) {
    const each = perbillMul(perbill(1, rewardTo.length), eachSlash);
    let left = eachSlash;
    for (const to of rewardTo) {
      if (rt.account(who).data.reserved < left) continue;
      const pay = left >= each ? each : left;
      rt.repatriateReserved(who, to, pay);
      left -= pay;
    }
    if (left > 0n) slashReservedToTreasury(rt, who, left);
  }
}

/** slash.rs slash_and_reward: the GenericFunc slash plus StashStake / SysInfo bookkeeping. */
export function slashAndReward(rt: Runtime, slashWho: string, amount: bigint, rewardTo: string[]): void {
  gnSlashAndReward(rt, [slashWho], amount, rewardTo);
  const s = store(rt);
  s.stashStake.mutate(slashWho, (v) => satSub(v, amount));
  s.sysInfo.mutate((info) => {
    info.totalStake = satSub(info.totalStake, amount);
  });
}

/**
 * lib.rs fulfill_machine_stake: rent income and claimed rewards top up the stash's online machines,
 * in order, towards stake_per_gpu × gpuNum (MachineAddStake per machine topped up).
 */
export function fulfillMachineStake(rt: Runtime, stash: string, amount: bigint): boolean {
  const s = store(rt);
  let left = amount;
  for (const machineId of s.stashMachines.get(stash)!.onlineMachine) {
    const info = s.machinesInfo.get(machineId);
    if (!info) continue;
    const perGpu = stakePerGpu(rt);
    if (perGpu === null) return false;
    const need = perGpu * BigInt(gpuNum(info));
    if (need <= info.stakeAmount) continue;
    const extra = need - info.stakeAmount;
    const pre = info.stakeAmount;
    if (extra <= left) {
      left -= extra;
      if (!changeStake(rt, info.machineStash, extra, true)) return false;
      info.stakeAmount = need;
      s.machinesInfo.set(machineId, info);
      rt.deposit(PALLET, 'MachineAddStake', [machineId, pre, extra]);
    } else {
      if (!changeStake(rt, info.machineStash, left, true)) return false;
      info.stakeAmount += left;
      s.machinesInfo.set(machineId, info);
      rt.deposit(PALLET, 'MachineAddStake', [machineId, pre, left]);
      return true;
    }
  }
  return true;
}

export const gpuNum = (m: MachineInfo): number => m.machineInfoDetail.committeeUploadInfo.gpuNum;
export const calcPoint = (m: MachineInfo): bigint =>
  BigInt(m.machineInfoDetail.committeeUploadInfo.calcPoint);
