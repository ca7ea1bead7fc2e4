import type { ClientContext } from '../client/context.js';
import type { PricingPolicy } from '../pricing/policy.js';
import { buildSnapshot, type MachineSnapshot } from './snapshot.js';
import { toSnapshotJson } from './snapshotJson.js';
import { createSnapshotSource, type SnapshotSource } from './snapshotSource.js';

/** Options of {@link chainSnapshotSource}. */
export interface ChainSnapshotSourceOptions {
  /** Background refresh period while subscribed, and the age after which `get` re-reads (default 30 s). */
  refreshSeconds?: number;
  /** Refresh instead after this many new blocks (subscribes to new heads); overrides the timer. */
  refreshEveryBlocks?: number;
  /** Partner pricing (default: the client's `partner.pricing`). */
  policy?: PricingPolicy;
}

/** What listeners compare: everything except the block and the read time. */
function contentKey(s: MachineSnapshot): string {
  const json = toSnapshotJson(s);
  return json.slice(json.indexOf('"p":'));
}

/**
 * Snapshots read straight from the chain (`buildSnapshot` through the client's lazily connected
 * chain), refreshed every `refreshSeconds` or every `refreshEveryBlocks` blocks while subscribed.
 * Listeners are told only when machines or prices changed, not on every block.
 */
export function chainSnapshotSource(ctx: ClientContext, options: ChainSnapshotSourceOptions = {}): SnapshotSource {
  const refreshMs = (options.refreshSeconds ?? 30) * 1000;
  const policy = options.policy ?? ctx.config.partner?.pricing ?? {};
  const keys = new WeakMap<MachineSnapshot, string>();
  const keyOf = (s: MachineSnapshot) => {
    let k = keys.get(s);
    if (k === undefined) keys.set(s, (k = contentKey(s)));
    return k;
  };
  return createSnapshotSource({
    maxAgeMs: refreshMs,
    async load(_previous, signal) {
      return buildSnapshot(await ctx.chain(signal), { policy, signal });
    },
    changed: (previous, next) => previous === null || keyOf(previous) !== keyOf(next),
    watch(tick) {
      const every = options.refreshEveryBlocks;
      if (!every) {
        const timer = setInterval(tick, Math.max(1_000, refreshMs));
        // A listener must not keep a Node process alive.
        (timer as { unref?: () => void }).unref?.();
        return () => clearInterval(timer);
      }
      let stopped = false;
      let unsubscribe: (() => void) | null = null;
      let last = 0;
      ctx
        .chain()
        .then(async (chain) => {
          const unsub = await chain.api.rpc.chain.subscribeNewHeads((header) => {
            const n = header.number.toNumber();
            if (n - last >= every) {
              last = n;
              tick();
            }
          });
          if (stopped) unsub();
          else unsubscribe = unsub;
        })
        .catch((e) => ctx.logger.warn('could not watch new blocks for machine snapshots', { error: String(e) }));
      return () => {
        stopped = true;
        unsubscribe?.();
      };
    },
    onError: (e) => ctx.logger.warn('refreshing the machine snapshot failed; keeping the previous one', { error: String(e) }),
  });
}
