import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import type { Amount, CallOptions } from '../wallet/types.js';
import { startMinerCall } from './internal/minerCall.js';
import { NEXT_STEP, stageOf, type MachineStage } from './machineStage.js';

/** What `getMachineStatus` resolves to for a bonded machine. */
export interface MachineStatusReport {
  machineId: string;
  stage: MachineStage;
  /** What the miner should do next, in a sentence. */
  nextStep: string;
  stash: string;
  controller: string;
  /** GPUs the committee verified (0 before verification). */
  gpus: number;
  /** Stake reserved for this machine now. */
  stake: Amount;
  /** Block the machine was bonded in. */
  bondedAtBlock: number;
  /** Block it first came online, or null before that. */
  onlineSinceBlock: number | null;
  /** For `shelved` and `reported-offline`: the block it went offline, and the stage it returns to. */
  offline: { sinceBlock: number | null; returnsTo: MachineStage } | null;
}

/** What `getMachineStatus` resolves to: null when no such machine is bonded (never bonded, or exited). */
export type GetMachineStatusReturnType = MachineStatusReport | null;

/**
 * Where a machine is between bonding and earning, with the next step to take.
 *
 * @example
 * ```ts
 * const s = await client.miner.status(machineId);
 * if (s?.stage === 'waiting-fulfill') await client.miner.fulfill(machineId);
 * ```
 */
export async function getMachineStatus(
  ctx: ClientContext,
  machineId: string,
  options: CallOptions = {},
): Promise<GetMachineStatusReturnType> {
  let id = '';
  const { lib, chain, deadline } = await startMinerCall(ctx, 'read the machine status', options, (l) => {
    id = l.toMachineId(String(machineId ?? ''));
  });
  const info = await lib.getMachineInfo(chain, { machineId: id }, deadline.read());
  if (!info) return null;
  const stage = stageOf(info.status);
  const s = info.status;
  return {
    machineId: id,
    stage,
    nextStep: NEXT_STEP[stage],
    stash: info.stash,
    controller: info.controller,
    gpus: info.hardware.gpuNum,
    stake: amountOf(lib, info.stakeAmountPlanck),
    bondedAtBlock: info.bondingHeight,
    onlineSinceBlock: info.onlineHeight > 0 ? info.onlineHeight : null,
    offline:
      s.kind === 'stakerReportOffline'
        ? { sinceBlock: s.sinceBlock, returnsTo: stageOf(s.previous) }
        : s.kind === 'reporterReportOffline'
          ? { sinceBlock: 'atBlock' in s.reason ? s.reason.atBlock : null, returnsTo: stageOf(s.previous) }
          : null,
  };
}
