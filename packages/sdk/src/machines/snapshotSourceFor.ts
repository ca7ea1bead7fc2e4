import type { ClientContext } from '../client/context.js';
import { chainSnapshotSource } from './chainSnapshotSource.js';
import { httpSnapshotSource, type SnapshotHttpClient } from './httpSnapshotSource.js';
import type { SnapshotSource } from './snapshotSource.js';

const sources = new WeakMap<ClientContext, SnapshotSource>();

/**
 * The one snapshot source of a client, shared by `machines` and `pricing` so quotes use the prices
 * the listing showed: the proxy's JSON when `network.snapshotUrl` is set (no chain code loaded),
 * else the chain.
 */
export function snapshotSourceFor(ctx: ClientContext): SnapshotSource {
  let source = sources.get(ctx);
  if (!source) {
    const url = ctx.network.snapshotUrl;
    const policy = ctx.config.partner?.pricing ?? {};
    source = url
      ? httpSnapshotSource(url, (ctx.config.http as SnapshotHttpClient | undefined) ?? undefined, { policy })
      : chainSnapshotSource(ctx, { policy });
    sources.set(ctx, source);
  }
  return source;
}
