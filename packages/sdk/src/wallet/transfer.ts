import type { DbcChain, DbcSigner, Tx } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf, toAmountPlanck, type AmountInput } from './internal/amounts.js';
import { startDeadline } from './internal/deadline.js';
import { sendTx } from './internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from './types.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** Parameters of `transfer`: the recipient and the amount, in DBC or in planck. */
export interface TransferParameters extends AmountInput {
  /** Recipient's DBC address (SS58 prefix 42); addresses of other networks are refused. */
  to: string;
  /**
   * Refuse to empty the sender's account (default true). DBC's existential deposit is 0, so this
   * changes little; set false only to sweep an account.
   */
  keepAlive?: boolean;
}

/** What `transfer` resolves to. */
export interface TransferReturnType extends TxReceipt {
  from: string;
  to: string;
  amount: Amount;
}

/** A validated transfer, ready to sign. */
export interface PreparedTransfer {
  lib: ChainLib;
  chain: DbcChain;
  signer: DbcSigner;
  to: string;
  amountPlanck: bigint;
  tx: Tx;
}

/**
 * Validates a transfer completely before connecting (address, network, amount, signer), then
 * builds it. Shared by `transfer` and `estimateFee` so both refuse the same inputs.
 */
export async function prepareTransfer(
  ctx: ClientContext,
  params: TransferParameters,
  deadline: ReturnType<typeof startDeadline>,
): Promise<PreparedTransfer> {
  const lib = await ctx.chainLib();
  if (typeof params?.to !== 'string' || params.to.trim() === '') {
    throw new DbcInputError('INVALID_ADDRESS', 'No recipient was given; pass `to`, a DBC address.');
  }
  const to = lib.toDbcAddress(params.to.trim());
  const amountPlanck = toAmountPlanck(lib, params, 'the transfer amount');
  if (params.keepAlive !== undefined && typeof params.keepAlive !== 'boolean') {
    throw new DbcInputError(
      'INVALID_BOOLEAN',
      `keepAlive must be true or false; got ${String(params.keepAlive)}.`,
    );
  }
  const signer = ctx.signer('send DBC');
  if (lib.toDbcAddress(signer.address) === to) {
    throw new DbcInputError(
      'TRANSFER_TO_SELF',
      `${to} is your own address; sending to yourself would only cost a fee.`,
      {
        details: { to },
      },
    );
  }
  const chain = await deadline.race(ctx.chain(deadline.signal));
  const build = params.keepAlive === false ? lib.transferAllowDeathTx : lib.transferKeepAliveTx;
  return { lib, chain, signer, to, amountPlanck, tx: build(chain, { to, amountPlanck }) };
}

/**
 * Sends DBC from the configured signer. Everything is checked before anything is signed: the
 * address (and that it is a DBC address), the amount (positive, at most 15 decimals) and that the
 * transferable balance covers the amount plus the estimated fee.
 *
 * @example
 * ```ts
 * const receipt = await client.wallet.transfer({ to, amountDbc: '25.5' }, { onProgress: console.log });
 * console.log(receipt.txHash, receipt.fee.dbc);
 * ```
 */
export async function transfer(
  ctx: ClientContext,
  params: TransferParameters,
  options: TxCallOptions = {},
): Promise<TransferReturnType> {
  const deadline = startDeadline('send the transfer', options);
  const { lib, chain, signer, to, amountPlanck, tx } = await prepareTransfer(ctx, params, deadline);
  const amount = amountOf(lib, amountPlanck);
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx,
    deadline,
    options,
    what: `send ${amount.dbc} DBC to ${to}`,
    needs: [{ address: signer.address, planck: amountPlanck, label: `${amount.dbc} DBC to send` }],
  });
  return { ...receipt, from: signer.address, to, amount };
}
