import type { MachineStatus } from '@dbc-cloud/chain';

/**
 * Where a machine is on its way to earning, in the miner's words:
 * `bonded` (declare its place next) → `info-added` (waiting for a verifying committee) →
 * `verifying` → `waiting-fulfill` (verified, stake to top up) or `refused` → `online` ⇄ `rented`;
 * `shelved` (the controller took it offline) and `reported-offline` (a renter or committee did).
 */
export type MachineStage =
  | 'bonded'
  | 'info-added'
  | 'verifying'
  | 'refused'
  | 'waiting-fulfill'
  | 'online'
  | 'rented'
  | 'shelved'
  | 'reported-offline';

/** The stage of a chain status (the deprecated `creating` and unused `exit` read as `verifying`/`online`). */
export function stageOf(status: MachineStatus): MachineStage {
  switch (status.kind) {
    case 'addingCustomizeInfo':
      return 'bonded';
    case 'distributingOrder':
      return 'info-added';
    case 'committeeVerifying':
    case 'creating':
      return 'verifying';
    case 'committeeRefused':
      return 'refused';
    case 'waitingFulfill':
      return 'waiting-fulfill';
    case 'online':
    case 'exit':
      return 'online';
    case 'rented':
      return 'rented';
    case 'stakerReportOffline':
      return 'shelved';
    case 'reporterReportOffline':
      return 'reported-offline';
  }
}

/** What the miner should do next at each stage. */
export const NEXT_STEP: Record<MachineStage, string> = {
  bonded: 'Declare its server room, network and position with miner.addMachineInfo.',
  'info-added': 'Wait: the chain assigns a committee to verify the hardware.',
  verifying: 'Wait: the committee is verifying the hardware.',
  refused: 'The committee refused the machine; fix the hardware or its declared info and bond again.',
  'waiting-fulfill':
    'Verified, but the stash lacked the stake for all its GPUs; top the stash up and call miner.fulfill.',
  online: 'Nothing: it is online and earning. Use miner.shelve before maintenance.',
  rented: 'Nothing: it is rented. Shelving it now costs a larger slash.',
  shelved: 'Bring it back with miner.unshelve; the slash grows with the downtime.',
  'reported-offline': 'Fix the reported fault, then bring it back with miner.unshelve.',
};
