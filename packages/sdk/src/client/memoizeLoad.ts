/**
 * Memoizes an asynchronous load. A failed load (e.g. a chunk that could not be downloaded) is
 * forgotten, so the next call tries again instead of failing forever.
 */
export function memoizeLoad<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= load().catch((e: unknown) => {
      loading = null;
      throw e;
    }));
}
