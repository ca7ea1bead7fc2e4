import type { TypeRegistry } from '@polkadot/types';
import type { Metadata } from '@polkadot/types/metadata';
import { compactFromU8a, compactToU8a, u8aConcat, u8aToHex, hexToU8a } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';
import type { Js } from './codec.js';
import { badOrigin, DispatchFailure, fundsUnavailable, ModuleError } from './errors.js';
import type { State } from './state.js';
import { storageFactory, type StorageItem } from './storage.js';

export type Origin = { signed: string } | 'root' | 'none';

export interface CallContext {
  origin: Origin;
  /** The signed sender; throws BadOrigin for root/none origins. */
  readonly who: string;
  /** The block being built. */
  readonly block: number;
  readonly rt: Runtime;
}

/** Dispatch logic of one pallet. Call names are the metadata's snake_case names. */
export interface PalletLogic {
  name: string;
  calls?: Record<string, (ctx: CallContext, args: Record<string, Js>) => void>;
  onInitialize?(rt: Runtime, block: number): void;
  onFinalize?(rt: Runtime, block: number): void;
  /** Writes this pallet's genesis state, after the seeded machines (seed/genesis.ts). */
  genesis?(rt: Runtime, ctx: GenesisContext): void;
}

export interface GenesisContext {
  genesis: import('../seed/genesis.js').GenesisSummary;
  accounts: Array<{ name: string; uri: string; address: string }>;
  genesisNumber: number;
}

export interface AccountInfo {
  nonce: number;
  consumers: number;
  providers: number;
  sufficients: number;
  data: { free: bigint; reserved: bigint; frozen: bigint; flags: bigint };
}

/** Well-known accounts of the runtime (PalletId-derived, as FRAME derives them). */
export const TREASURY_ACCOUNT = encodeAddress(
  u8aConcat(new TextEncoder().encode('modlpy/trsry'), new Uint8Array(20)),
  42,
);

type Phase = { ApplyExtrinsic: number } | 'Finalization' | 'Initialization';

/**
 * The state machine: typed storage, events, errors and balances, shared by all pallet logic.
 * Block assembly lives in blockchain.ts; extrinsic checks in extrinsics.ts.
 */
export class Runtime {
  readonly storage: ReturnType<typeof storageFactory>;
  readonly pallets = new Map<string, PalletLogic>();
  phase: Phase = 'Initialization';
  blockNumber = 0;
  /** The author credited with 20 % of fees (the devnet's only validator). */
  author: string | null = null;

  constructor(
    readonly registry: TypeRegistry,
    readonly metadata: Metadata,
    readonly state: State,
  ) {
    this.storage = storageFactory(registry, state, metadata);
  }

  register(...logic: PalletLogic[]): void {
    for (const l of logic) this.pallets.set(l.name, l);
  }

  palletMeta(name: string) {
    const p = this.metadata.asLatest.pallets.find((x) => x.name.toString() === name);
    if (!p) throw new Error(`Unknown pallet ${name}`);
    return p;
  }

  /** Appends an event to System.Events: fields are given in declaration order, as JS values. */
  deposit(pallet: string, event: string, fields: unknown[] = []): void {
    const p = this.palletMeta(pallet);
    const variants = this.registry.lookup.getSiType(p.events.unwrap().type).def.asVariant.variants;
    const v = variants.find((x) => x.name.toString() === event);
    if (!v) throw new Error(`Unknown event ${pallet}.${event}`);
    if (v.fields.length !== fields.length)
      throw new Error(`${pallet}.${event} has ${v.fields.length} fields, got ${fields.length}`);
    const encoded = u8aConcat(
      new Uint8Array([p.index.toNumber(), v.index.toNumber()]),
      ...v.fields.map((f, i) => this.registry.createType(this.registry.createLookupType(f.type), fields[i] as never).toU8a()),
    );
    const phase = this.registry.createType(this.phaseType(), this.phase as never).toU8a();
    this.depositRecord(u8aConcat(phase, encoded, new Uint8Array([0])));
  }

  /** The SCALE EventRecord last deposited (lets hot paths reuse a constant record). */
  lastEventRecord: Uint8Array | null = null;

  /** Appends an already-encoded EventRecord to System.Events. */
  depositRecord(record: Uint8Array): void {
    this.lastEventRecord = record;
    const events = this.storage('System', 'Events');
    const key = events.key();
    const current = this.state.get(key);
    let count = 0;
    let body: Uint8Array = new Uint8Array();
    if (current) {
      const u8a = hexToU8a(`0x${current}`);
      const [offset, len] = compactFromU8a(u8a);
      count = len.toNumber();
      body = u8a.subarray(offset);
    }
    const next = u8aConcat(compactToU8a(count + 1), body, record);
    this.state.set(key, u8aToHex(next).slice(2));
    this.storage('System', 'EventCount').set(count + 1);
  }

  private phaseTypeName: string | null = null;
  private phaseType(): string {
    if (!this.phaseTypeName) {
      // Vec<EventRecord>: EventRecord's first field is the Phase.
      const recordId = this.registry.lookup.getSiType(
        this.registry.lookup.getSiType(
          this.palletMeta('System').storage.unwrap().items.find((i) => i.name.toString() === 'Events')!.type.asPlain,
        ).def.asSequence.type,
      ).def.asComposite.fields[0]!.type;
      this.phaseTypeName = this.registry.createLookupType(recordId);
    }
    return this.phaseTypeName;
  }

  /** Index of a pallet error, for DispatchError::Module. */
  moduleErrorJs(pallet: string, error: string): Js {
    const p = this.palletMeta(pallet);
    const variants = this.registry.lookup.getSiType(p.errors.unwrap().type).def.asVariant.variants;
    const v = variants.find((x) => x.name.toString() === error);
    if (!v) throw new Error(`Unknown error ${pallet}.${error}`);
    return { Module: { index: p.index.toNumber(), error: u8aToHex(new Uint8Array([v.index.toNumber(), 0, 0, 0])) } };
  }

  /** `throw rt.error('RentMachine', 'GPUNotEnough')` */
  error(pallet: string, error: string): ModuleError {
    this.moduleErrorJs(pallet, error);
    return new ModuleError(pallet, error);
  }

  /** Runs `fn` transactionally: on any throw the state changes it made are rolled back. */
  transactional<T>(fn: () => T): T {
    this.state.begin();
    try {
      const out = fn();
      this.state.commit();
      return out;
    } catch (e) {
      this.state.rollback();
      throw e;
    }
  }

  context(origin: Origin): CallContext {
    const rt = this;
    return {
      origin,
      get who() {
        if (typeof origin === 'object' && 'signed' in origin) return origin.signed;
        throw badOrigin();
      },
      block: this.blockNumber,
      rt,
    };
  }

  /** Dispatches a call by pallet and snake_case call name. Errors are thrown as DispatchFailure/ModuleError. */
  dispatch(origin: Origin, pallet: string, call: string, args: Record<string, Js>): void {
    const logic = this.pallets.get(pallet);
    const fn = logic?.calls?.[call];
    if (!fn) throw new DispatchFailure('Unavailable', `${pallet}.${call} is not implemented by the devnet`);
    fn(this.context(origin), args);
  }

  // ---- accounts and balances (pallet_balances semantics, ED = 0) ----

  account(who: string): AccountInfo {
    return this.storage<AccountInfo>('System', 'Account').get(who)!;
  }

  private writeAccount(who: string, info: AccountInfo): void {
    this.storage('System', 'Account').set(who, info);
  }

  /** Free balance that can be moved or reserved: free minus what locks hold beyond the reserve. */
  usable(who: string): bigint {
    const { free, reserved, frozen } = this.account(who).data;
    const held = frozen > reserved ? frozen - reserved : 0n;
    return free > held ? free - held : 0n;
  }

  private ensureProvider(who: string, info: AccountInfo): void {
    if (info.providers === 0) {
      info.providers = 1;
      this.deposit('System', 'NewAccount', [who]);
      this.deposit('Balances', 'Endowed', [who, info.data.free]);
    }
  }

  /** Mints into `who` (devnet funding, rewards). */
  mint(who: string, amount: bigint): void {
    if (amount <= 0n) return;
    const info = this.account(who);
    info.data.free += amount;
    this.ensureProvider(who, info);
    this.writeAccount(who, info);
    this.storage<bigint>('Balances', 'TotalIssuance').mutate((v: bigint) => v + amount);
  }

  /** Deposits into `who` without minting (the other side of a withdraw). */
  depositInto(who: string, amount: bigint): void {
    if (amount <= 0n) return;
    const info = this.account(who);
    info.data.free += amount;
    this.ensureProvider(who, info);
    this.writeAccount(who, info);
    this.deposit('Balances', 'Deposit', [who, amount]);
  }

  /** Takes `amount` out of `who`'s usable free balance (fees); FundsUnavailable if short. */
  withdraw(who: string, amount: bigint): void {
    if (amount <= 0n) return;
    if (this.usable(who) < amount) throw fundsUnavailable();
    const info = this.account(who);
    info.data.free -= amount;
    this.writeAccount(who, info);
    this.deposit('Balances', 'Withdraw', [who, amount]);
  }

  transfer(from: string, to: string, amount: bigint): void {
    if (amount < 0n) throw fundsUnavailable();
    if (this.usable(from) < amount) throw fundsUnavailable();
    if (from === to || amount === 0n) {
      this.deposit('Balances', 'Transfer', [from, to, amount]);
      return;
    }
    const a = this.account(from);
    a.data.free -= amount;
    this.writeAccount(from, a);
    const b = this.account(to);
    b.data.free += amount;
    this.ensureProvider(to, b);
    this.writeAccount(to, b);
    this.deposit('Balances', 'Transfer', [from, to, amount]);
  }

  /** Currency::reserve; throws the caller's error (or Balances.InsufficientBalance) when short. */
  reserve(who: string, amount: bigint, onShort?: () => Error): void {
    if (amount === 0n) return;
    if (this.usable(who) < amount) throw onShort ? onShort() : this.error('Balances', 'InsufficientBalance');
    const info = this.account(who);
    info.data.free -= amount;
    info.data.reserved += amount;
    this.writeAccount(who, info);
    this.deposit('Balances', 'Reserved', [who, amount]);
  }

  /** Currency::unreserve: returns what could not be unreserved. */
  unreserve(who: string, amount: bigint): bigint {
    if (amount === 0n) return 0n;
    const info = this.account(who);
    const actual = amount < info.data.reserved ? amount : info.data.reserved;
    info.data.reserved -= actual;
    info.data.free += actual;
    this.writeAccount(who, info);
    this.deposit('Balances', 'Unreserved', [who, actual]);
    return amount - actual;
  }

  /** Moves reserved funds of `from` into the free balance of `to` (ReserveRepatriated). */
  repatriateReserved(from: string, to: string, amount: bigint): bigint {
    const a = this.account(from);
    const actual = amount < a.data.reserved ? amount : a.data.reserved;
    a.data.reserved -= actual;
    this.writeAccount(from, a);
    const b = this.account(to);
    b.data.free += actual;
    this.ensureProvider(to, b);
    this.writeAccount(to, b);
    this.deposit('Balances', 'ReserveRepatriated', [from, to, actual, 'Free']);
    return amount - actual;
  }

  /** Burns reserved funds (slash_reserved); returns what could not be slashed. */
  slashReserved(who: string, amount: bigint): bigint {
    const info = this.account(who);
    const actual = amount < info.data.reserved ? amount : info.data.reserved;
    info.data.reserved -= actual;
    this.writeAccount(who, info);
    this.storage<bigint>('Balances', 'TotalIssuance').mutate((v: bigint) => v - actual);
    this.deposit('Balances', 'Slashed', [who, actual]);
    return amount - actual;
  }

  /** Sets (or clears with amount 0) a named lock; `frozen` is the largest lock, as pallet_balances keeps it. */
  setLock(who: string, id: string, amount: bigint): void {
    const locks = this.storage<Array<{ id: string; amount: bigint; reasons: string }>>('Balances', 'Locks');
    const idHex = u8aToHex(new TextEncoder().encode(id.padEnd(8, ' ').slice(0, 8)));
    const next = (locks.get(who) ?? []).filter((l) => l.id !== idHex);
    if (amount > 0n) next.push({ id: idHex, amount, reasons: 'All' });
    locks.set(who, next);
    const info = this.account(who);
    info.data.frozen = next.reduce((m, l) => (l.amount > m ? l.amount : m), 0n);
    this.writeAccount(who, info);
  }

  incNonce(who: string): void {
    const info = this.account(who);
    info.nonce += 1;
    this.writeAccount(who, info);
  }
}

export type { StorageItem };
