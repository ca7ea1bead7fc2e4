import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { TxCallOptions, TxReceipt } from '../wallet/types.js';
import { startMinerCall } from './internal/minerCall.js';

/** Parameters of `setController`. */
export interface SetControllerParameters {
  /** The account that will manage the stash's machines (signs every later miner call). */
  controller: string;
}

/** What `setController` resolves to. */
export interface SetControllerReturnType extends TxReceipt {
  stash: string;
  controller: string;
}

/**
 * Signed by the stash (the account that holds the pledge): names the controller that manages
 * its machines. The pairing is one to one; a stash or controller already paired is refused.
 *
 * @example
 * ```ts
 * await stashClient.miner.setController({ controller: controllerAddress });
 * ```
 */
export async function setController(
  ctx: ClientContext,
  params: SetControllerParameters,
  options: TxCallOptions = {},
): Promise<SetControllerReturnType> {
  const signer = ctx.signer('set a controller (sign with the stash)');
  let controller = '';
  const call = await startMinerCall(ctx, 'set the controller', options, (lib) => {
    controller = lib.toDbcAddress(String(params?.controller ?? ''));
  });
  const { lib, chain, deadline } = call;
  const stash = signer.address;
  const [current, controllersStash, stashAsController] = await Promise.all([
    lib.getStashController(chain, { stash }, deadline.read()),
    lib.getControllerStash(chain, { controller }, deadline.read()),
    lib.getControllerStash(chain, { controller: stash }, deadline.read()),
  ]);
  if (stashAsController) {
    throw new DbcInputError(
      'SIGNER_IS_CONTROLLER',
      `${stash} is already the controller of stash ${stashAsController}; sign setController with a stash.`,
    );
  }
  if (current) {
    throw new DbcInputError(
      'CONTROLLER_ALREADY_SET',
      `Stash ${stash} already has the controller ${current}.`,
      {
        details: { stash, controller: current },
        metaMessages: [
          'Moving machines to a new controller is stashResetController, which this SDK does not wrap yet.',
        ],
      },
    );
  }
  if (controllersStash) {
    throw new DbcInputError(
      'ALREADY_CONTROLLER',
      `${controller} already controls stash ${controllersStash}; choose another controller account.`,
    );
  }
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.setControllerTx(chain, { controller }),
    deadline,
    options,
    what: `make ${controller} the controller`,
  });
  return { ...receipt, stash, controller };
}
