/**
 * Pledging machines: stake requirements, the miner flow from controller to online, maintenance,
 * rewards and exit.
 *
 * @module
 */
import type { ClientContext } from '../client/context.js';
import type { CallOptions, TxCallOptions } from '../wallet/types.js';
import {
  addMachineInfo,
  type AddMachineInfoParameters,
  type AddMachineInfoReturnType,
} from './addMachineInfo.js';
import { bondMachine, type BondMachineParameters, type BondMachineReturnType } from './bondMachine.js';
import { claimRewards, type ClaimRewardsReturnType } from './claimRewards.js';
import { createServerRoom, type CreateServerRoomReturnType } from './createServerRoom.js';
import { exitMachine, type ExitMachineReturnType } from './exitMachine.js';
import { fulfillMachine, type FulfillMachineReturnType } from './fulfillMachine.js';
import { getEarnings, type GetEarningsReturnType } from './getEarnings.js';
import { getMachineStatus, type GetMachineStatusReturnType } from './getMachineStatus.js';
import {
  setController,
  type SetControllerParameters,
  type SetControllerReturnType,
} from './setController.js';
import { shelveMachine, type ShelveMachineReturnType } from './shelveMachine.js';
import {
  stakeRequirement,
  type StakeRequirementParameters,
  type StakeRequirementReturnType,
} from './stakeRequirement.js';
import { unshelveMachine, type UnshelveMachineReturnType } from './unshelveMachine.js';

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

/** Creates `client.miner` over a client context. */
export function createMinerResource(ctx: ClientContext): MinerResource {
  return {
    stakeRequirement: (params, options) => stakeRequirement(ctx, params, options),
    setController: (params, options) => setController(ctx, params, options),
    createServerRoom: (options) => createServerRoom(ctx, options),
    bondMachine: (params, options) => bondMachine(ctx, params, options),
    addMachineInfo: (params, options) => addMachineInfo(ctx, params, options),
    status: (machineId, options) => getMachineStatus(ctx, machineId, options),
    fulfill: (machineId, options) => fulfillMachine(ctx, machineId, options),
    shelve: (machineId, options) => shelveMachine(ctx, machineId, options),
    unshelve: (machineId, options) => unshelveMachine(ctx, machineId, options),
    claimRewards: (options) => claimRewards(ctx, options),
    exit: (machineId, options) => exitMachine(ctx, machineId, options),
    earnings: (stash, options) => getEarnings(ctx, stash, options),
  };
}
