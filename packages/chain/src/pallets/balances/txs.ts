/** Transfer builders; amounts are planck (`parseDbc('1.5')` converts from DBC). */
import type { DbcChain } from '../../client/connect.js';
import type { Tx } from '../../tx/submit.js';
import { toDbcAddress } from '../../units/address.js';
import { txMethod } from '../../utils/tx.js';
import { toPlanck } from '../../utils/validate.js';

/** Parameters of {@link transferKeepAliveTx} and {@link transferAllowDeathTx}. */
export interface TransferTxParameters {
  /** Recipient SS58 address (DBC format, prefix 42). */
  to: string;
  /** Planck, > 0. */
  amountPlanck: bigint | number;
}

/**
 * Sends DBC, refusing to empty the sender (the safe default for payments).
 *
 * @example
 * ```ts
 * await submitAndCheck(chain, transferKeepAliveTx(chain, { to, amountPlanck: parseDbc('25') }), signer);
 * ```
 */
export function transferKeepAliveTx(chain: DbcChain, params: TransferTxParameters): Tx {
  return txMethod(chain, 'balances', 'transferKeepAlive')(toDbcAddress(params.to), toPlanck('amountPlanck', params.amountPlanck));
}

/** Sends DBC, allowing the sender's account to be emptied. */
export function transferAllowDeathTx(chain: DbcChain, params: TransferTxParameters): Tx {
  return txMethod(chain, 'balances', 'transferAllowDeath')(toDbcAddress(params.to), toPlanck('amountPlanck', params.amountPlanck));
}
