import type { DbcSigner } from '@dbc-cloud/chain';
import { DbcAbortError, DbcNodeError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { walletAuth } from '../node/auth.js';
import { listVms } from '../node/tasks.js';

/** Parameters of {@link checkRentalOnNode}. */
export interface CheckRentalOnNodeParameters {
  machineId: string;
  rentId: number;
  signer: DbcSigner;
  signal?: AbortSignal;
  /** Tries before giving up (default 4): the node reads the chain itself and may be a block behind. */
  attempts?: number;
}

const LAGGING = new Set(['NODE_MACHINE_NOT_RENTED', 'NODE_NOT_RENTER', 'NODE_UNREACHABLE', 'NODE_TIMEOUT', 'NODE_NETWORK', 'NODE_HTTP_ERROR']);

/**
 * Checks that the rented machine answers on its client node for this renter and order (a signed
 * `tasks` list with errcode 0) — the point of the confirm window is to pay only for a machine that
 * works. Throws RENT_NODE_CHECK_FAILED otherwise; the rental is then left unconfirmed.
 */
export async function checkRentalOnNode(ctx: ClientContext, p: CheckRentalOnNodeParameters): Promise<void> {
  const node = ctx.node();
  const attempts = p.attempts ?? 4;
  for (let i = 0; ; i++) {
    try {
      await listVms(node, { machineId: p.machineId, rentOrder: p.rentId, auth: walletAuth(p.signer), signal: p.signal });
      return;
    } catch (e) {
      if (e instanceof DbcAbortError) throw e;
      const code = (e as { code?: string }).code ?? '';
      if (i + 1 < attempts && LAGGING.has(code)) {
        await new Promise((r) => setTimeout(r, 300 * 2 ** i));
        continue;
      }
      throw new DbcNodeError(
        'RENT_NODE_CHECK_FAILED',
        code === 'NODE_AUTH_FAILED'
          ? `The client node (or its proxy) refused this wallet's signature for rental ${p.rentId}, so the rental was not confirmed (nothing more was paid). A signer that signs <Bytes>-wrapped messages must say so with wrapsMessages.`
          : `Machine ${p.machineId.slice(0, 4)}… did not answer on its client node for rental ${p.rentId}, so the rental was not confirmed (nothing more was paid).`,
        {
          cause: e,
          details: { machineId: p.machineId, rentId: p.rentId, nodeError: code },
          metaMessages: [
            'Retry with the same idempotencyKey to check again and confirm, within 150 blocks (15 minutes) of the rent.',
            'If it is never confirmed the chain cancels the order and refunds the rent fee (the fixed fee is kept).',
          ],
        },
      );
    }
  }
}
