/**
 * The chain's key/value state (hex keys and values, no 0x), with nested transactional overlays
 * (a failed dispatch rolls back, as FRAME's #[transactional] does) and a per-block journal so that
 * storage can be read at recent past blocks (polkadot.js reads System.Events at the inclusion block).
 */
export class State {
  private readonly committed = new Map<string, string>();
  private readonly layers: Array<Map<string, string | null>> = [];
  /** Keys grouped by their 32-byte pallet+item prefix, for prefix scans (`entries`, getKeysPaged). */
  private readonly buckets = new Map<string, Set<string>>();
  private readonly sortedCache = new Map<string, string[]>();
  /** Changes of the block being built: key → value before the block (null = absent). */
  private blockJournal = new Map<string, string | null>();

  get(key: string): string | null {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const v = this.layers[i]!.get(key);
      if (v !== undefined) return v;
    }
    return this.committed.get(key) ?? null;
  }

  set(key: string, value: string | null): void {
    const top = this.layers[this.layers.length - 1];
    if (top) top.set(key, value);
    else this.write(key, value);
  }

  begin(): void {
    this.layers.push(new Map());
  }

  commit(): void {
    const top = this.layers.pop();
    if (!top) throw new Error('commit without begin');
    for (const [k, v] of top) this.set(k, v);
  }

  rollback(): void {
    if (!this.layers.pop()) throw new Error('rollback without begin');
  }

  private write(key: string, value: string | null): void {
    const before = this.committed.get(key) ?? null;
    if (before === value) return;
    if (!this.blockJournal.has(key)) this.blockJournal.set(key, before);
    const bucketKey = key.slice(0, 64);
    if (value === null) {
      this.committed.delete(key);
      const bucket = this.buckets.get(bucketKey);
      if (bucket?.delete(key)) this.sortedCache.delete(bucketKey);
    } else {
      this.committed.set(key, value);
      let bucket = this.buckets.get(bucketKey);
      if (!bucket) this.buckets.set(bucketKey, (bucket = new Set()));
      if (!bucket.has(key)) {
        bucket.add(key);
        this.sortedCache.delete(bucketKey);
      }
    }
  }

  /** Ends the current block's journal and returns it (what each changed key held before the block). */
  takeJournal(): Map<string, string | null> {
    const j = this.blockJournal;
    this.blockJournal = new Map();
    return j;
  }

  /** Sorted committed keys starting with `prefix` (hex, no 0x). */
  keysWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    if (prefix.length >= 64) {
      const bucketKey = prefix.slice(0, 64);
      let sorted = this.sortedCache.get(bucketKey);
      if (!sorted) {
        sorted = [...(this.buckets.get(bucketKey) ?? [])].sort();
        this.sortedCache.set(bucketKey, sorted);
      }
      if (prefix.length === 64) return sorted;
      for (const k of sorted) if (k.startsWith(prefix)) out.push(k);
      return out;
    }
    for (const [bucketKey, keys] of this.buckets) {
      if (!bucketKey.startsWith(prefix) && !prefix.startsWith(bucketKey)) continue;
      for (const k of keys) if (k.startsWith(prefix)) out.push(k);
    }
    return out.sort();
  }

  /** Keys under `prefix` as the current dispatch sees them (committed plus open overlays). */
  liveKeys(prefix: string): string[] {
    if (this.layers.length === 0) return this.keysWithPrefix(prefix);
    const keys = new Set(this.keysWithPrefix(prefix));
    for (const layer of this.layers) for (const k of layer.keys()) if (k.startsWith(prefix)) keys.add(k);
    return [...keys].filter((k) => this.get(k) !== null).sort();
  }

  /** Every committed key (for the state root). */
  get size(): number {
    return this.committed.size;
  }
}
