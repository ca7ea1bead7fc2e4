import { EventEmitter } from 'node:events';
import type { TypeRegistry } from '@polkadot/types';
import type { Metadata } from '@polkadot/types/metadata';
import { bnToU8a, compactToU8a, u8aConcat, u8aToHex, hexToU8a, stringToU8a } from '@polkadot/util';
import { blake2AsHex, blake2AsU8a } from '@polkadot/util-crypto';
import { checkExtrinsic, decodeExtrinsic, type CheckedExtrinsic } from './extrinsics.js';
import { DispatchFailure, InvalidTransaction, ModuleError } from './errors.js';
import { BASE_WEIGHT, feeFor } from './fees.js';
import { RUNTIME_VERSION } from '../metadata/runtime.js';
import { Runtime, TREASURY_ACCOUNT } from './runtime.js';
import { State } from './state.js';
import type { Js } from './codec.js';

export type Hex = `0x${string}`;

export interface Header {
  parentHash: Hex;
  number: number;
  stateRoot: Hex;
  extrinsicsRoot: Hex;
  digest: { logs: Hex[] };
}

export interface Block {
  hash: Hex;
  header: Header;
  extrinsics: Hex[];
  /** What each key changed by this block held before it (null = absent). */
  journal: Map<string, string | null> | null;
  timestamp: number;
}

export type TxStatus =
  | 'ready'
  | 'future'
  | { inBlock: Hex }
  | { finalized: Hex }
  | { dropped: null }
  | { invalid: null }
  | { usurped: Hex };

interface PoolTx extends CheckedExtrinsic {
  watchers: Set<(s: TxStatus) => void>;
}

export type BlockMode = { kind: 'interval'; ms: number } | { kind: 'instant' } | { kind: 'manual' };

/** How many past blocks keep their state journal (reads further back answer "State already discarded"). */
export const STATE_HISTORY = 4096;
export const BLOCK_TIME_MS = 6000;
/**
 * Finality follows inclusion by this much. polkadot.js fetches a block's events after `inBlock`
 * and drops that result if `finalized` arrives first, so finality must not race it.
 */
export const FINALITY_DELAY_MS = 250;

/**
 * Blocks, the transaction pool and block production. Emits:
 * `block` (Block) for every new best block, `finalized` (Block) one tick later (instant finality,
 * reported after the inBlock status so clients see both).
 */
export class Blockchain extends EventEmitter {
  /** The chain's storage (devnet internals). @internal */
  readonly state = new State();
  /** The pallet logic that executes calls (devnet internals). @internal */
  readonly runtime: Runtime;
  readonly blocks: Block[] = [];
  private readonly byHash = new Map<string, number>();
  private pool: PoolTx[] = [];
  private timer: NodeJS.Timeout | null = null;
  private pendingBuild: NodeJS.Timeout | null = null;
  finalizedNumber = 0;
  /** Offset added to block timestamps (devnet_setTime). */
  private timeOffsetMs = 0;
  /** Root calls queued by the admin RPC, dispatched at the start of the next block. */
  private rootQueue: Array<{ pallet: string; call: string; args: Record<string, Js>; done: (e?: Error) => void }> = [];

  constructor(
    readonly registry: TypeRegistry,
    readonly metadata: Metadata,
    readonly metadataHex: Hex,
    private mode: BlockMode,
    /**
     * The genesis block's number. The devnet may start at a height > 0 (as if earlier history were
     * pruned) so that seeded machines can carry realistic uptime; block 0's hash is the genesis hash.
     */
    readonly genesisNumber = 0,
    readonly genesisTime = Date.UTC(2026, 0, 1),
  ) {
    super();
    this.setMaxListeners(0);
    this.runtime = new Runtime(registry, metadata, this.state);
  }

  readonly specVersion: number = RUNTIME_VERSION.specVersion;
  readonly transactionVersion: number = RUNTIME_VERSION.transactionVersion;

  get best(): Block {
    return this.blocks[this.blocks.length - 1]!;
  }
  get bestNumber(): number {
    return this.genesisNumber + this.blocks.length - 1;
  }

  /** The block with number `n`, if the devnet has it. */
  blockAt(n: number): Block | undefined {
    if (n === 0) return this.blocks[0];
    return n >= this.genesisNumber ? this.blocks[n - this.genesisNumber] : undefined;
  }
  get genesisHash(): Hex {
    return this.blocks[0]!.hash;
  }
  get finalized(): Block {
    return this.blockAt(this.finalizedNumber)!;
  }

  hashOf(n: number): Hex | undefined {
    return this.blockAt(n)?.hash;
  }

  blockByHash(hash: string): Block | undefined {
    const n = this.byHash.get(hash.toLowerCase());
    return n === undefined ? undefined : this.blockAt(n);
  }

  /** Resolves an optional `at` block hash to a block number; throws like a node for unknown hashes. */
  resolveAt(at?: string | null): number {
    if (!at) return this.bestNumber;
    const n = this.byHash.get(at.toLowerCase());
    if (n === undefined) throw new Error(`Header was not found: ${at}`);
    return n;
  }

  /** Seals the genesis block over whatever state the seed wrote. */
  sealGenesis(): void {
    const rt = this.runtime;
    const number = this.genesisNumber;
    rt.blockNumber = number;
    this.finalizedNumber = number;
    rt.storage('System', 'Number').set(number);
    rt.storage('System', 'ParentHash').set(u8aToHex(new Uint8Array(32)));
    rt.storage('Timestamp', 'Now').set(BigInt(this.genesisTime));
    rt.storage('System', 'LastRuntimeUpgrade').set({ specVersion: RUNTIME_VERSION.specVersion, specName: RUNTIME_VERSION.specName });
    this.state.takeJournal();
    const header: Header = {
      parentHash: u8aToHex(new Uint8Array(32)),
      number,
      stateRoot: blake2AsHex(stringToU8a(`dbc-devnet-genesis-${number}-${this.state.size}`)),
      extrinsicsRoot: blake2AsHex(new Uint8Array()),
      digest: { logs: [] },
    };
    const hash = this.headerHash(header);
    rt.storage('System', 'BlockHash').set(0, hash);
    if (number > 0) rt.storage('System', 'BlockHash').set(number, hash);
    this.state.takeJournal();
    this.blocks.push({ hash, header, extrinsics: [], journal: null, timestamp: this.genesisTime });
    this.byHash.set(hash, number);
  }

  start(): void {
    if (this.mode.kind === 'interval') this.timer = setInterval(() => this.produceBlock(), this.mode.ms);
    this.timer?.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.pendingBuild) clearTimeout(this.pendingBuild);
    this.timer = null;
    this.pendingBuild = null;
  }

  setMode(mode: BlockMode): void {
    this.stop();
    this.mode = mode;
    this.start();
  }

  setTime(unixMs: number): void {
    const next = this.genesisTime + (this.bestNumber + 1 - this.genesisNumber) * BLOCK_TIME_MS;
    this.timeOffsetMs = unixMs - next;
  }

  /** blake2_256 of the SCALE header, encoded by hand: block production is hot (days of blocks in tests). */
  headerHash(h: Header): Hex {
    if (h.digest.logs.length) return this.registry.createType('Header', h as never).hash.toHex();
    return u8aToHex(
      blake2AsU8a(
        u8aConcat(hexToU8a(h.parentHash), compactToU8a(h.number), hexToU8a(h.stateRoot), hexToU8a(h.extrinsicsRoot), new Uint8Array([0])),
        256,
      ),
    );
  }

  private inherentPrefix: Uint8Array | null = null;
  private successRecord: Uint8Array | null = null;

  /** The unsigned `timestamp.set(now)` inherent: version byte 4, call index, Compact<u64>. */
  private timestampInherent(now: number): Hex {
    this.inherentPrefix ??= u8aConcat(new Uint8Array([4]), this.callIndexOf('Timestamp', 'set'));
    const body = u8aConcat(this.inherentPrefix, compactToU8a(now));
    return u8aToHex(u8aConcat(compactToU8a(body.length), body));
  }

  // ---- state reads ----

  /** A storage value at a block (hex without 0x), walking the journals of later blocks back. */
  storageAt(key: string, at: number): string | null {
    if (at < this.bestNumber - STATE_HISTORY) throw new Error('State already discarded for this block');
    for (let n = at + 1; n <= this.bestNumber; n++) {
      const j = this.blockAt(n)!.journal;
      if (j?.has(key)) return j.get(key)!;
    }
    return this.state.get(key);
  }

  keysAt(prefix: string, at: number): string[] {
    if (at === this.bestNumber) return this.state.keysWithPrefix(prefix);
    const keys = new Set(this.state.keysWithPrefix(prefix));
    for (let n = at + 1; n <= this.bestNumber; n++)
      for (const k of this.blockAt(n)!.journal?.keys() ?? []) if (k.startsWith(prefix)) keys.add(k);
    return [...keys].filter((k) => this.storageAt(k, at) !== null).sort();
  }

  // ---- transaction pool ----

  /** Validates and queues an extrinsic; throws InvalidTransaction as a node's author_submitExtrinsic does. */
  submit(hex: string, watcher?: (s: TxStatus) => void): Hex {
    const checked = checkExtrinsic(this, hex);
    if (this.pool.some((t) => t.hash === checked.hash))
      throw new InvalidTransaction('Transaction Already Imported', 1013, 'Transaction Already Imported');
    const clash = this.pool.find((t) => t.signer === checked.signer && t.nonce === checked.nonce);
    if (clash) {
      if (checked.tip <= clash.tip) throw new InvalidTransaction('Priority is too low', 1014, 'Priority is too low');
      this.pool = this.pool.filter((t) => t !== clash);
      for (const w of clash.watchers) w({ usurped: checked.hash });
    }
    const tx: PoolTx = { ...checked, watchers: new Set(watcher ? [watcher] : []) };
    this.pool.push(tx);
    const ready = this.isReady(tx);
    if (watcher) setImmediate(() => watcher(ready ? 'ready' : 'future'));
    if (this.mode.kind === 'instant' && ready) this.scheduleBuild();
    return checked.hash;
  }

  /** The nonce the next transaction of `who` should carry, counting ready ones in the pool. */
  nextNonce(who: string): number {
    let nonce = this.runtime.account(who).nonce;
    const mine = this.pool.filter((t) => t.signer === who).map((t) => t.nonce);
    while (mine.includes(nonce)) nonce++;
    return nonce;
  }

  pendingExtrinsics(): Hex[] {
    return this.pool.map((t) => t.hex);
  }

  private isReady(tx: PoolTx): boolean {
    let nonce = this.runtime.account(tx.signer!).nonce;
    const mine = this.pool.filter((t) => t.signer === tx.signer).map((t) => t.nonce);
    while (nonce < tx.nonce && mine.includes(nonce)) nonce++;
    return nonce === tx.nonce;
  }

  private scheduleBuild(): void {
    if (this.pendingBuild) return;
    // A short delay batches transactions submitted together into one block and lets the
    // submitter see `ready` before `inBlock`.
    this.pendingBuild = setTimeout(() => {
      this.pendingBuild = null;
      this.produceBlock();
    }, 2);
  }

  /** Queues a Root-origin call for the next block (the devnet has no sudo; this is its admin path). */
  dispatchAsRoot(pallet: string, call: string, args: Record<string, Js>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.rootQueue.push({ pallet, call, args, done: (e) => (e ? reject(e) : resolve()) });
      if (this.mode.kind !== 'interval') this.scheduleBuild();
    });
  }

  // ---- block production ----

  /** Builds, seals and announces one block with the ready transactions. */
  produceBlock(): Block {
    const rt = this.runtime;
    const parent = this.best;
    const number = parent.header.number + 1;
    const timestamp = this.genesisTime + (number - this.genesisNumber) * BLOCK_TIME_MS + this.timeOffsetMs;
    rt.blockNumber = number;
    rt.phase = 'Initialization';

    const system = (item: string) => rt.storage('System', item);
    system('Events').remove();
    system('EventCount').remove();
    system('Number').setRaw([], u8aToHex(bnToU8a(number, { bitLength: 32, isLe: true })));
    system('ParentHash').setRaw([], parent.hash);
    system('BlockHash').setRaw([number - 1], parent.hash);
    if (number - 1 - 2400 > 0) system('BlockHash').remove(number - 1 - 2400);

    for (const p of this.palletsInOrder()) p.onInitialize?.(rt, number);

    const extrinsics: Hex[] = [];
    const failures: Array<() => void> = [];
    // Root calls from the admin RPC run as part of initialization (they are not extrinsics).
    for (const q of this.rootQueue.splice(0)) {
      try {
        rt.transactional(() => rt.dispatch('root', q.pallet, q.call, q.args));
        failures.push(() => q.done());
      } catch (e) {
        const err = e instanceof ModuleError ? new Error(`${e.pallet}.${e.error}`) : (e as Error);
        failures.push(() => q.done(err));
      }
    }

    // The timestamp inherent comes first, as in every Substrate block.
    rt.phase = { ApplyExtrinsic: 0 } as never;
    const inherent = this.timestampInherent(timestamp);
    rt.storage('Timestamp', 'Now').setRaw([], u8aToHex(bnToU8a(timestamp, { bitLength: 64, isLe: true })));
    rt.storage('Timestamp', 'DidUpdate').setRaw([], '0x01');
    if (!this.successRecord) {
      rt.deposit('System', 'ExtrinsicSuccess', [{ weight: { refTime: 0, proofSize: 0 }, class: 'Mandatory', paysFee: 'Yes' }]);
      this.successRecord = rt.lastEventRecord!;
    } else rt.depositRecord(this.successRecord);
    extrinsics.push(inherent);

    const included: Array<{ tx: PoolTx; index: number }> = [];
    const stillPending: PoolTx[] = [];
    const sorted = [...this.pool].sort((a, b) => (a.signer === b.signer ? a.nonce - b.nonce : 0));
    for (const tx of sorted) {
      if (extrinsics.length >= 500) {
        stillPending.push(tx);
        continue;
      }
      const account = rt.account(tx.signer!);
      if (tx.nonce > account.nonce) {
        stillPending.push(tx);
        continue;
      }
      if (tx.nonce < account.nonce) {
        for (const w of tx.watchers) w({ invalid: null });
        continue;
      }
      const index = extrinsics.length;
      rt.phase = { ApplyExtrinsic: index } as never;
      const fee = feeFor(tx.length, tx.tip);
      if (rt.usable(tx.signer!) < fee) {
        for (const w of tx.watchers) w({ invalid: null });
        continue;
      }
      rt.incNonce(tx.signer!);
      rt.withdraw(tx.signer!, fee);
      let error: Js | null = null;
      try {
        rt.transactional(() => rt.dispatch({ signed: tx.signer! }, tx.pallet, tx.call, tx.args));
      } catch (e) {
        error = this.toDispatchError(e);
      }
      const treasuryShare = (fee * 80n) / 100n;
      rt.depositInto(TREASURY_ACCOUNT, treasuryShare);
      if (rt.author) rt.depositInto(rt.author, fee - treasuryShare);
      else rt.depositInto(TREASURY_ACCOUNT, fee - treasuryShare);
      rt.deposit('TransactionPayment', 'TransactionFeePaid', [tx.signer!, fee, tx.tip]);
      const info = { weight: BASE_WEIGHT, class: 'Normal', paysFee: 'Yes' };
      if (error === null) rt.deposit('System', 'ExtrinsicSuccess', [info]);
      else rt.deposit('System', 'ExtrinsicFailed', [error, info]);
      extrinsics.push(tx.hex);
      included.push({ tx, index });
    }
    this.pool = stillPending;

    rt.phase = 'Finalization';
    for (const p of this.palletsInOrder()) p.onFinalize?.(rt, number);
    system('ExtrinsicCount').set(extrinsics.length);
    rt.storage('Timestamp', 'DidUpdate').remove();

    const journal = this.state.takeJournal();
    const header: Header = {
      parentHash: parent.hash,
      number,
      stateRoot: u8aToHex(blake2AsU8a(u8aConcat(hexToU8a(parent.header.stateRoot), stringToU8a(JSON.stringify([...journal.keys()]))))),
      extrinsicsRoot: u8aToHex(blake2AsU8a(u8aConcat(...extrinsics.map((e) => hexToU8a(e))))),
      digest: { logs: [] },
    };
    const hash = this.headerHash(header);
    const block: Block = { hash, header, extrinsics, journal, timestamp };
    this.blocks.push(block);
    this.byHash.set(hash, number);
    const old = number - STATE_HISTORY - 1 > this.genesisNumber ? this.blockAt(number - STATE_HISTORY - 1) : undefined;
    if (old) old.journal = null;

    for (const f of failures) f();
    this.emit('block', block);
    for (const { tx } of included) for (const w of tx.watchers) w({ inBlock: hash });
    // Finality a little later: clients coalesce status updates sent together (devnet-notes §5).
    setTimeout(() => {
      if (this.finalizedNumber < number) this.finalizedNumber = number;
      for (const { tx } of included) for (const w of tx.watchers) w({ finalized: hash });
      this.emit('finalized', block);
    }, FINALITY_DELAY_MS).unref?.();
    // In instant mode a future transaction may have become ready.
    if (this.mode.kind === 'instant' && this.pool.some((t) => this.isReady(t))) this.scheduleBuild();
    return block;
  }

  /** Produces `n` blocks at once (devnet_newBlocks). */
  produceBlocks(n: number): Block {
    let last = this.best;
    for (let i = 0; i < n; i++) last = this.produceBlock();
    return last;
  }

  private palletsInOrder() {
    return [...this.runtime.pallets.values()].sort(
      (a, b) => this.runtime.palletMeta(a.name).index.toNumber() - this.runtime.palletMeta(b.name).index.toNumber(),
    );
  }

  private callIndexOf(pallet: string, call: string): Uint8Array {
    const p = this.runtime.palletMeta(pallet);
    const v = this.registry.lookup
      .getSiType(p.calls.unwrap().type)
      .def.asVariant.variants.find((x) => x.name.toString() === call)!;
    return new Uint8Array([p.index.toNumber(), v.index.toNumber()]);
  }

  toDispatchError(e: unknown): Js {
    if (e instanceof ModuleError) return this.runtime.moduleErrorJs(e.pallet, e.error);
    if (e instanceof DispatchFailure) return e.error;
    // A bug in the devnet's pallet logic must not look like a chain error; surface it loudly.
    console.error('[dbc-devnet] pallet logic threw:', e);
    return 'Other';
  }

  /** Decodes an extrinsic for RPCs that need its call (payment info). */
  decode(hex: string) {
    return decodeExtrinsic(this.registry, hex);
  }
}

