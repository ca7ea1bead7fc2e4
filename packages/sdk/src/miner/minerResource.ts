// The implementation behind `createMinerResource` (./index.ts), which imports this module on first
// use: the pledging flow stays out of the bundle of an app that only browses and quotes.
import type { ClientContext } from '../client/context.js';
import { addMachineInfo } from './addMachineInfo.js';
import { bondMachine } from './bondMachine.js';
import { claimRewards } from './claimRewards.js';
import { createServerRoom } from './createServerRoom.js';
import { exitMachine } from './exitMachine.js';
import { fulfillMachine } from './fulfillMachine.js';
import { getEarnings } from './getEarnings.js';
import { getMachineStatus } from './getMachineStatus.js';
import type { MinerResource } from './index.js';
import { setController } from './setController.js';
import { shelveMachine } from './shelveMachine.js';
import { stakeRequirement } from './stakeRequirement.js';
import { unshelveMachine } from './unshelveMachine.js';

/** `client.miner` over a client context. */
export function minerResource(ctx: ClientContext): MinerResource {
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
