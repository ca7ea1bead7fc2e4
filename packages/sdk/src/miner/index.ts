/**
 * Pledging machines: stake requirements, the miner flow from controller to online, maintenance,
 * rewards and exit.
 *
 * @module
 */
import type { ClientContext } from '../client/context.js';
import { memoizeLoad } from '../client/memoizeLoad.js';
import type { CallOptions, TxCallOptions } from '../wallet/types.js';
import type { AddMachineInfoParameters, AddMachineInfoReturnType } from './addMachineInfo.js';
import type { BondMachineParameters, BondMachineReturnType } from './bondMachine.js';
import type { ClaimRewardsReturnType } from './claimRewards.js';
import type { CreateServerRoomReturnType } from './createServerRoom.js';
import type { ExitMachineReturnType } from './exitMachine.js';
import type { FulfillMachineReturnType } from './fulfillMachine.js';
import type { GetEarningsReturnType } from './getEarnings.js';
import type { GetMachineStatusReturnType } from './getMachineStatus.js';
import type { SetControllerParameters, SetControllerReturnType } from './setController.js';
import type { ShelveMachineReturnType } from './shelveMachine.js';
import type { StakeRequirementParameters, StakeRequirementReturnType } from './stakeRequirement.js';
import type { UnshelveMachineReturnType } from './unshelveMachine.js';

export type { MachineStage } from './machineStage.js';
export type { StakeRequirementParameters, StakeRequirementReturnType } from './stakeRequirement.js';
export type { SetControllerParameters, SetControllerReturnType } from './setController.js';
export type { CreateServerRoomReturnType } from './createServerRoom.js';
export type { BondMachineParameters, BondMachineReturnType, KeyringPair } from './bondMachine.js';
export type { AddMachineInfoParameters, AddMachineInfoReturnType } from './addMachineInfo.js';
export type { GetMachineStatusReturnType, MachineStatusReport } from './getMachineStatus.js';
export type { MachineTxReturnType } from './internal/machineTx.js';
export type { FulfillMachineReturnType } from './fulfillMachine.js';
export type { ShelveMachineReturnType } from './shelveMachine.js';
export type { UnshelveMachineReturnType } from './unshelveMachine.js';
export type { ClaimRewardsReturnType } from './claimRewards.js';
export type { ExitMachineReturnType } from './exitMachine.js';
export type { GetEarningsReturnType, MachineRewardFactors } from './getEarnings.js';

/**
 * `client.miner`: the pledging flow. The stash signs `setController`; every later call is signed
 * by the controller (configure the client with the right signer for each).
 */
export interface MinerResource {
  /** DBC a machine with `gpus` GPUs must pledge: at bonding, to go online, and at full stake. */
  stakeRequirement(
    params: StakeRequirementParameters,
    options?: CallOptions,
  ): Promise<StakeRequirementReturnType>;
  /** Stash: names the controller that manages its machines. */
  setController(params: SetControllerParameters, options?: TxCallOptions): Promise<SetControllerReturnType>;
  /** Controller: creates a server room id for the stash (fixed fee). */
  createServerRoom(options?: TxCallOptions): Promise<CreateServerRoomReturnType>;
  /** Controller: bonds a machine (signed by its own key) to the stash, reserving the bonding stake. */
  bondMachine(params: BondMachineParameters, options?: TxCallOptions): Promise<BondMachineReturnType>;
  /** Controller: declares room, bandwidth, position and operators; the machine then gets verified. */
  addMachineInfo(
    params: AddMachineInfoParameters,
    options?: TxCallOptions,
  ): Promise<AddMachineInfoReturnType>;
  /** Where a machine is between bonding and earning, with the next step; null if not bonded. */
  status(machineId: string, options?: CallOptions): Promise<GetMachineStatusReturnType>;
  /** Controller: tops up the stake of a verified machine in `waiting-fulfill` and brings it online. */
  fulfill(machineId: string, options?: TxCallOptions): Promise<FulfillMachineReturnType>;
  /** Controller: takes a machine offline for maintenance. */
  shelve(machineId: string, options?: TxCallOptions): Promise<ShelveMachineReturnType>;
  /** Controller: brings a shelved machine back. */
  unshelve(machineId: string, options?: TxCallOptions): Promise<UnshelveMachineReturnType>;
  /** Controller: pays the stash its released rewards. */
  claimRewards(options?: TxCallOptions): Promise<ClaimRewardsReturnType>;
  /** Controller: removes a machine for good (365 days online and 10 days idle first). */
  exit(machineId: string, options?: TxCallOptions): Promise<ExitMachineReturnType>;
  /** A stash's earnings and each machine's reward factors. */
  earnings(stash: string, options?: CallOptions): Promise<GetEarningsReturnType>;
}

/**
 * Creates `client.miner` over a client context. The pledging code is loaded by the first call,
 * through a dynamic import that bundlers split into a lazy chunk.
 */
export function createMinerResource(ctx: ClientContext): MinerResource {
  const impl = memoizeLoad(() => import('./minerResource.js').then((m) => m.minerResource(ctx)));
  return {
    stakeRequirement: async (params, options) => (await impl()).stakeRequirement(params, options),
    setController: async (params, options) => (await impl()).setController(params, options),
    createServerRoom: async (options) => (await impl()).createServerRoom(options),
    bondMachine: async (params, options) => (await impl()).bondMachine(params, options),
    addMachineInfo: async (params, options) => (await impl()).addMachineInfo(params, options),
    status: async (machineId, options) => (await impl()).status(machineId, options),
    fulfill: async (machineId, options) => (await impl()).fulfill(machineId, options),
    shelve: async (machineId, options) => (await impl()).shelve(machineId, options),
    unshelve: async (machineId, options) => (await impl()).unshelve(machineId, options),
    claimRewards: async (options) => (await impl()).claimRewards(options),
    exit: async (machineId, options) => (await impl()).exit(machineId, options),
    earnings: async (stash, options) => (await impl()).earnings(stash, options),
  };
}
