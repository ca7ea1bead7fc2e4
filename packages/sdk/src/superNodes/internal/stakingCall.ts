import type { DbcSigner, StakingLedger } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../../client/context.js';
import { startMinerCall, type MinerCall } from '../../miner/internal/minerCall.js';
import type { CallOptions } from '../../wallet/types.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** A staking call once its input is valid: chain code, connection and time budget. */
export type StakingCall = MinerCall;

/** Starts a staking call: budget, chain code, `validate` (before connecting), then the connection. */
export function startStakingCall(
  ctx: ClientContext,
  what: string,
  options: CallOptions,
  validate?: (lib: ChainLib) => void,
): Promise<StakingCall> {
  return startMinerCall(ctx, what, options, validate);
}

/** The signer's staking ledger, or DbcInputError NOT_BONDED saying to bond first. */
export async function requireLedger(
  call: StakingCall,
  signer: DbcSigner,
  what: string,
): Promise<StakingLedger> {
  const ledger = await call.lib.getStakingLedger(
    call.chain,
    { controller: signer.address },
    call.deadline.read(),
  );
  if (!ledger) {
    throw new DbcInputError(
      'NOT_BONDED',
      `${signer.address} has no bonded DBC, so it cannot ${what}; bond first with superNodes.bond.`,
      {
        details: { address: signer.address },
      },
    );
  }
  return ledger;
}

/** Days in one staking era (14,400 blocks of 6 s). */
export const DAYS_PER_ERA = 1;
/** Eras before unbonded DBC can be withdrawn. */
export const BONDING_DURATION_ERAS = 14;
/** Eras back that `payoutStakers` still pays. */
export const HISTORY_DEPTH_ERAS = 84;
