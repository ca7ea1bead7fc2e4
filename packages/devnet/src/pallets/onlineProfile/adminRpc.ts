// devnet_verifyMachine(machineId, committeeUploadInfo?): the admin RPC that plays the verifying
// committee for one machine right away instead of `verifyAfterBlocks` blocks later.
import { stringCamelCase } from '@polkadot/util';
import { RpcError, type RpcContext } from '../../rpc/methods.js';
import { requestVerification, type HardwareOverrides } from './committee.js';
import type { CommitteeUploadInfo } from './types.js';
import { jsonSafe, store } from './util.js';

const U32_FIELDS = new Set(['gpuNum', 'cudaCore', 'cpuCoreNum']);
const U64_FIELDS = new Set(['gpuMem', 'calcPoint', 'sysDisk', 'dataDisk', 'cpuRate', 'memNum']);
const TEXT_FIELDS = new Set(['gpuType', 'cpuType', 'randStr']);

const invalid = (msg: string) => new RpcError(-32602, `Invalid params: ${msg}`);

/** Checks a partial CommitteeUploadInfo (camelCase or snake_case keys) and converts it to codec.ts values. */
function parseOverrides(raw: unknown): HardwareOverrides {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw invalid('committeeUploadInfo must be an object');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const k = stringCamelCase(key);
    if (k === 'machineId') continue;
    if (U32_FIELDS.has(k)) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw invalid(`${key} must be a u32`);
      if (k === 'gpuNum' && n === 0) throw invalid('gpuNum must be at least 1');
      out[k] = n;
    } else if (U64_FIELDS.has(k)) {
      let n: bigint;
      try {
        n = BigInt(value as string | number);
      } catch {
        throw invalid(`${key} must be a u64`);
      }
      if (n < 0n || n >= 2n ** 64n) throw invalid(`${key} must be a u64`);
      out[k] = n;
    } else if (TEXT_FIELDS.has(k)) {
      if (typeof value !== 'string') throw invalid(`${key} must be a string`);
      out[k] = value;
    } else if (k === 'isSupport') {
      if (typeof value !== 'boolean') throw invalid('isSupport must be a boolean');
      out[k] = value;
    } else throw invalid(`unknown CommitteeUploadInfo field ${key}`);
  }
  return out as Partial<Record<keyof CommitteeUploadInfo, unknown>>;
}

/**
 * `devnet_verifyMachine(machineId, committeeUploadInfo?)`: verifies a machine that has its
 * server-room info (DistributingOrder or CommitteeVerifying) in a block produced for the purpose,
 * with generated hardware overridden by any fields given (`isSupport: false` refuses it).
 * Answers `{ machineId, status, hardware, blockNumber, blockHash }`; status is the machine's new
 * status (Online or WaitingFulfill), or Refused.
 */
function verifyMachine(params: unknown[], ctx: RpcContext): unknown {
  const [machineId, info] = params;
  if (typeof machineId !== 'string' || machineId.length === 0)
    throw invalid(
      'devnet_verifyMachine(machineId, committeeUploadInfo?) takes the machine id (64 hex characters, no 0x)',
    );
  const overrides = parseOverrides(info);
  const rt = ctx.chain.runtime;
  const s = store(rt);
  if (!s.machinesInfo.has(machineId))
    throw new RpcError(
      -32000,
      `Machine ${machineId} is not bonded${machineId.startsWith('0x') ? ' (machine ids are the 64 hex characters without 0x)' : ''}`,
    );
  const live = s.liveMachines.get()!;
  if (!live.confirmedMachine.includes(machineId) && !live.bookedMachine.includes(machineId))
    throw new RpcError(
      -32000,
      `Machine ${machineId} is not waiting for committee verification; bond it and add its server-room info (add_machine_info) first`,
    );
  const req = requestVerification(rt, machineId, overrides);
  const block = ctx.chain.produceBlock();
  if (req.error) throw new RpcError(-32000, `Verification failed: ${req.error.message}`);
  return jsonSafe({ ...req.result, blockNumber: block.header.number, blockHash: block.hash });
}

/** Admin RPC methods of OnlineProfile, for `AdminHooks.extra`. */
export const onlineProfileAdminRpc: Record<string, (params: unknown[], ctx: RpcContext) => unknown> = {
  devnet_verifyMachine: verifyMachine,
};
