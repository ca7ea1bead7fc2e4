/** Network-wide OnlineProfile reads: live lists, totals, positions and the price/stake parameters. */
import type { DbcChain } from '../../client/connect.js';
import { num, option } from '../../utils/codec.js';
import { read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { decodeLiveMachines, decodeOnlineStakeParams, decodePosGpuInfo, decodeStandardGpuPointPrice, decodeSysInfo } from './decode.js';
import type { LiveMachines, OnlineStakeParams, PosGpuInfo, StandardGpuPointPrice, SysInfo } from './types.js';

/** What {@link getLiveMachines} resolves to. */
export type GetLiveMachinesReturnType = LiveMachines;

/**
 * The machine-id lists per state (`liveMachines`): `online` ones have no rent order, `rented` ones
 * have at least one (and may still have free GPUs).
 */
export async function getLiveMachines(chain: DbcChain, options: ReadOptions = {}): Promise<GetLiveMachinesReturnType> {
  return read(chain, options, 'live machines', async (api) => decodeLiveMachines(await storageEntry(api, 'onlineProfile', 'liveMachines')()));
}

/** What {@link getSysInfo} resolves to. */
export type GetSysInfoReturnType = SysInfo;

/** Network totals: GPUs, rented GPUs, stakers, calc points, stake and rent income (`sysInfo`). */
export async function getSysInfo(chain: DbcChain, options: ReadOptions = {}): Promise<GetSysInfoReturnType> {
  return read(chain, options, 'system info', async (api) => decodeSysInfo(await storageEntry(api, 'onlineProfile', 'sysInfo')()));
}

/** What {@link getPosGpuInfo} resolves to. */
export type GetPosGpuInfoReturnType = PosGpuInfo[];

/** GPUs per position (`posGPUInfo`, every entry), for maps of where the machines are. */
export async function getPosGpuInfo(chain: DbcChain, options: ReadOptions = {}): Promise<GetPosGpuInfoReturnType> {
  return read(chain, options, 'GPU positions', async (api) => {
    const entries = await storageEntry(api, 'onlineProfile', 'posGPUInfo').entries();
    return entries.map(([key, value]) => {
      const [longitude, latitude] = key.args;
      return decodePosGpuInfo(longitude!, latitude!, value);
    });
  });
}

/** What {@link getStandardGpuPointPrice} resolves to. */
export type GetStandardGpuPointPriceReturnType = StandardGpuPointPrice | null;

/** The reference price rents are computed from, or null when root has not set it (rents then fail). */
export async function getStandardGpuPointPrice(chain: DbcChain, options: ReadOptions = {}): Promise<GetStandardGpuPointPriceReturnType> {
  return read(chain, options, 'standard GPU point price', async (api) => {
    const v = option(await storageEntry(api, 'onlineProfile', 'standardGPUPointPrice')());
    return v ? decodeStandardGpuPointPrice(v) : null;
  });
}

/** What {@link getOnlineStakeParams} resolves to. */
export type GetOnlineStakeParamsReturnType = OnlineStakeParams | null;

/** Miners' stake rules (`onlineStakeParams`), or null when unset. */
export async function getOnlineStakeParams(chain: DbcChain, options: ReadOptions = {}): Promise<GetOnlineStakeParamsReturnType> {
  return read(chain, options, 'online stake parameters', async (api) => {
    const v = option(await storageEntry(api, 'onlineProfile', 'onlineStakeParams')());
    return v ? decodeOnlineStakeParams(v) : null;
  });
}

/** What {@link getMachineEra} resolves to. */
export type GetMachineEraReturnType = number;

/**
 * OnlineProfile's own day counter (`onlineProfile.currentEra`), which machine rewards and
 * `rewardDeadlineEra` count in. It is not `staking.activeEra`.
 */
export async function getMachineEra(chain: DbcChain, options: ReadOptions = {}): Promise<GetMachineEraReturnType> {
  return read(chain, options, 'machine era', async (api) => num(await storageEntry(api, 'onlineProfile', 'currentEra')()));
}
