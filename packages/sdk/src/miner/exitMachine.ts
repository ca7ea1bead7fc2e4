import { DbcChainError, DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import type { TxCallOptions } from '../wallet/types.js';
import { machineTx, type MachineTxReturnType } from './internal/machineTx.js';
import { short } from './internal/minerCall.js';

/** What `exitMachine` resolves to (`stage` is null: the machine is gone). */
export type ExitMachineReturnType = MachineTxReturnType;

const DAY_BLOCKS = 14_400;
/** online-profile lib.rs machine_exit: a year (365 OnlineProfile eras) since coming online… */
const MIN_ONLINE_ERAS = 365;
/** …and 10 days since it was last rented or brought back online. */
const MIN_IDLE_BLOCKS = 10 * DAY_BLOCKS;
const RULE = 'machines can exit after 365 days online and 10 days idle';

/**
 * Signed by the controller: removes an online machine for good and unreserves its stake. The
 * chain allows it only after 365 days online and 10 days idle (not rented); the SDK checks this
 * first and says how long is left, so no fee is spent on a refusal.
 *
 * @example
 * ```ts
 * await controllerClient.miner.exit(machineId);
 * ```
 */
export async function exitMachine(
  ctx: ClientContext,
  machineId: string,
  options: TxCallOptions = {},
): Promise<ExitMachineReturnType> {
  return machineTx(ctx, machineId, options, {
    verb: 'exit',
    allowed: ['online'],
    whyNot: (stage) => `it is ${stage}; only an online machine that is not rented can exit (${RULE}).`,
    build: (lib, call, id) => lib.machineExitTx(call.chain, { machineId: id }),
    check: async ({ lib, chain, deadline }, info) => {
      const [era, now] = await Promise.all([
        lib.getMachineEra(chain, deadline.read()),
        lib.getBlockNumber(chain, deadline.read()),
      ]);
      // The chain stores the reward deadline (online era + 2 × 365), not the online era itself.
      const erasLeft = info.rewardDeadlineEra - MIN_ONLINE_ERAS - era;
      const idleBlocksLeft = MIN_IDLE_BLOCKS - (now - info.lastOnlineHeight);
      if (erasLeft > 0 || idleBlocksLeft > 0) {
        const daysLeft = Math.max(erasLeft, Math.ceil(idleBlocksLeft / DAY_BLOCKS));
        throw new DbcInputError(
          'MACHINE_EXIT_TOO_EARLY',
          `Machine ${short(info.machineId)} cannot exit yet: ${RULE}. It can exit in about ${daysLeft} day(s).`,
          {
            details: {
              machineId: info.machineId,
              onlineErasLeft: Math.max(0, erasLeft),
              idleBlocksLeft: Math.max(0, idleBlocksLeft),
            },
          },
        );
      }
    },
    explain: (e) =>
      e.error === 'TimeNotAllowed'
        ? new DbcChainError(
            e.code,
            `The chain refused the exit of machine ${short(machineId)} (onlineProfile.TimeNotAllowed): ${RULE}.`,
            {
              pallet: e.pallet,
              error: e.error,
              blockHash: e.blockHash,
              details: e.details,
              cause: e,
            },
          )
        : null,
  });
}
