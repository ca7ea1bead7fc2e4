import type { ClientContext } from '../client/context.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireController, startMinerCall } from './internal/minerCall.js';

/** What `createServerRoom` resolves to. */
export interface CreateServerRoomReturnType extends TxReceipt {
  /** The new room's id (32 bytes, 0x-hex): pass it to `addMachineInfo`. */
  serverRoom: `0x${string}`;
  stash: string;
}

/**
 * Signed by the controller: pays the chain's fixed fee and creates a server room id for the
 * stash. Machines in the same room share one id, which lets renters and committees tell rooms apart.
 *
 * @example
 * ```ts
 * const { serverRoom } = await controllerClient.miner.createServerRoom();
 * ```
 */
export async function createServerRoom(
  ctx: ClientContext,
  options: TxCallOptions = {},
): Promise<CreateServerRoomReturnType> {
  const signer = ctx.signer('create a server room (sign with the controller)');
  const call = await startMinerCall(ctx, 'create a server room', options);
  const { lib, chain, deadline } = call;
  const stash = await requireController(call, signer);
  const fixedFee = (await lib.getFixedTxFee(chain, deadline.read())) ?? 0n;
  const { receipt, result } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.genServerRoomTx(chain),
    deadline,
    options,
    what: 'create a server room',
    needs: [{ address: signer.address, planck: fixedFee, label: 'the fixed fee' }],
  });
  const event = lib.findEvents(result, 'onlineProfile.ServerRoomGenerated')[0];
  const serverRoom = event!.event.data[1]!.toHex() as `0x${string}`;
  return { ...receipt, serverRoom, stash };
}
