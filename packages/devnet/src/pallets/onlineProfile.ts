// OnlineProfile (pallet index 107): the miner's side of DBC — controllers, server rooms, bonding,
// committee verification, going offline and back, rewards, slashes and exit.
// Mirrors DeepBrainChain-MainChain@d03734c2 pallets/online-profile/src/*.rs; the pieces live in
// ./onlineProfile/*.ts, one concern per file.
import type { PalletLogic } from '../chain/runtime.js';
import { runCommittee } from './onlineProfile/committee.js';
import { writeOnlineProfileGenesis } from './onlineProfile/genesis.js';
import { machineFlowCalls } from './onlineProfile/machineFlow.js';
import { backupAndReward, NEW_ERA_OFFSET, updateSnapForNewEra } from './onlineProfile/rewards.js';
import { settingsCalls } from './onlineProfile/settings.js';
import { checkPendingSlash, execPendingSlash } from './onlineProfile/slash.js';
import { ONE_DAY, PALLET } from './onlineProfile/types.js';

export const onlineProfileLogic: PalletLogic = {
  name: PALLET,
  calls: { ...machineFlowCalls, ...settingsCalls },
  // lib.rs on_initialize: reward release, the era rollover at offset 1, then due slashes.
  onInitialize(rt, block) {
    backupAndReward(rt, block);
    if (block % ONE_DAY === NEW_ERA_OFFSET) updateSnapForNewEra(rt);
    execPendingSlash(rt, block);
    checkPendingSlash(rt, block);
  },
  // The devnet's committee works where online-committee's on_finalize does.
  onFinalize(rt, block) {
    runCommittee(rt, block);
  },
  genesis(rt) {
    writeOnlineProfileGenesis(rt);
  },
};

export { onlineProfileAdminRpc } from './onlineProfile/adminRpc.js';
export {
  DEFAULT_VERIFY_AFTER_BLOCKS,
  generateHardware,
  setVerifyAfterBlocks,
} from './onlineProfile/committee.js';
