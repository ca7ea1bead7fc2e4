import type { DbcChain } from '@dbc-cloud/chain';
import type { DbcLogger } from '../client/logger.js';
import { createSnapshotHistory, type SnapshotHistory, type StoredSnapshot } from './snapshotHistory.js';
import type { SnapshotProvider } from './types.js';

/** Keeps the machine snapshot fresh in the background. */
export interface SnapshotRefresher {
  readonly history: SnapshotHistory;
  /** The latest snapshot, building the first one if there is none yet. */
  current(): Promise<StoredSnapshot>;
  /** Rebuilds now; a call while a build runs schedules one more build after it, never two at once. */
  refresh(): Promise<StoredSnapshot>;
  /** Starts the timer and/or the new-block subscription. */
  start(): void;
  stop(): void;
}

/** Options of {@link createSnapshotRefresher}. */
export interface SnapshotRefresherOptions {
  provider: SnapshotProvider;
  chain: () => Promise<DbcChain>;
  refreshMs: number;
  onNewBlocks: boolean;
  keep: number;
  logger: DbcLogger;
}

/** Creates a refresher; nothing runs until `start()` or the first `current()`. */
export function createSnapshotRefresher(o: SnapshotRefresherOptions): SnapshotRefresher {
  const history = createSnapshotHistory(o.keep);
  let running: Promise<StoredSnapshot> | null = null;
  let queued: Promise<StoredSnapshot> | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let unsubscribe: (() => void) | null = null;
  let stopped = false;

  const build = async () => {
    const started = Date.now();
    const entry = history.add(await o.provider());
    o.logger.debug('machine snapshot refreshed', { block: entry.toBlock, ms: Date.now() - started });
    return entry;
  };
  const refresh = (): Promise<StoredSnapshot> => {
    if (!running) {
      running = build().finally(() => {
        running = null;
      });
      return running;
    }
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = null;
        return refresh();
      });
    return queued;
  };
  const background = () =>
    void refresh().catch((e: unknown) =>
      o.logger.warn('machine snapshot refresh failed', { error: String((e as Error)?.message ?? e) }),
    );

  return {
    history,
    refresh,
    async current() {
      return history.latest() ?? (await refresh());
    },
    start() {
      stopped = false;
      if (o.refreshMs > 0 && !timer) {
        timer = setInterval(background, o.refreshMs);
        // A background refresh must not keep the process alive on its own.
        (timer as { unref?: () => void }).unref?.();
      }
      if (o.onNewBlocks && !unsubscribe) {
        o.chain()
          .then((chain) => chain.api.rpc.chain.subscribeNewHeads(() => background()))
          .then((unsub) => {
            if (stopped) unsub();
            else unsubscribe = unsub;
          })
          .catch((e: unknown) =>
            o.logger.warn('could not subscribe to new blocks', { error: String((e as Error)?.message ?? e) }),
          );
      }
      background();
    },
    stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = null;
      unsubscribe?.();
      unsubscribe = null;
    },
  };
}
