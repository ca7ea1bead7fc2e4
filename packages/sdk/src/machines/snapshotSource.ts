import { DbcAbortError, throwIfAborted } from '@dbc-cloud/chain/errors';
import type { MachineSnapshot } from './snapshot.js';

/** Where the machines resource gets its snapshots: straight from the chain, or from a proxy's JSON. */
export interface SnapshotSource {
  /** The current snapshot: the cached one while it is fresh, else a new read. */
  get(options?: { signal?: AbortSignal }): Promise<MachineSnapshot>;
  /** Reads a new snapshot now (concurrent calls share one read). */
  refresh(options?: { signal?: AbortSignal }): Promise<MachineSnapshot>;
  /**
   * Calls `listener` with each new snapshot whose machines or prices changed. While anyone is
   * subscribed the source refreshes by itself. Returns the unsubscribe function.
   */
  subscribe(listener: (snapshot: MachineSnapshot) => void): () => void;
  /** Stops background refreshing and drops listeners. */
  close(): void;
}

/** How a concrete source loads and compares snapshots. */
export interface SnapshotLoader {
  /** Reads a snapshot; `previous` lets HTTP sources revalidate (304 → return `previous`). */
  load(previous: MachineSnapshot | null, signal?: AbortSignal): Promise<MachineSnapshot>;
  /** True when `next` differs from `previous` in a way listeners care about. */
  changed(previous: MachineSnapshot | null, next: MachineSnapshot): boolean;
  /** Starts background refreshes (timer or new blocks) calling `tick`; returns the stop function. */
  watch(tick: () => void): () => void;
  /** A cached snapshot older than this is re-read by `get` (ms). */
  maxAgeMs: number;
  /** Reports a failed background refresh (the previous snapshot stays in use). */
  onError?(error: unknown): void;
}

/** Settles with `work`, or rejects with DbcAbortError when `signal` aborts first. */
function raceAbort<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  // The shared read goes on for other callers; its failure is theirs to see, not an unhandled rejection.
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new DbcAbortError(undefined, { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The caching, de-duplication and subscription logic every snapshot source shares: one read in
 * flight at a time, a cached snapshot reused while younger than `maxAgeMs`, listeners told only
 * about changes, background refreshes only while someone listens.
 */
export function createSnapshotSource(loader: SnapshotLoader): SnapshotSource {
  let current: MachineSnapshot | null = null;
  let loadedAt = 0;
  let inFlight: Promise<MachineSnapshot> | null = null;
  const listeners = new Set<(s: MachineSnapshot) => void>();
  let stopWatching: (() => void) | null = null;

  const load = () => {
    inFlight ??= loader
      .load(current, undefined)
      .then((next) => {
        const previous = current;
        current = next;
        loadedAt = Date.now();
        if (loader.changed(previous, next)) for (const l of [...listeners]) l(next);
        return next;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  return {
    async get(options = {}) {
      throwIfAborted(options.signal);
      if (current && Date.now() - loadedAt < loader.maxAgeMs) return current;
      return raceAbort(load(), options.signal);
    },
    async refresh(options = {}) {
      throwIfAborted(options.signal);
      return raceAbort(load(), options.signal);
    },
    subscribe(listener) {
      listeners.add(listener);
      stopWatching ??= loader.watch(() => {
        load().catch((e) => loader.onError?.(e));
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopWatching) {
          stopWatching();
          stopWatching = null;
        }
      };
    },
    close() {
      listeners.clear();
      stopWatching?.();
      stopWatching = null;
    },
  };
}
