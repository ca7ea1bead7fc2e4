import type { TypeExpr } from './types.js';

/**
 * Types that polkadot.js recognises by their Rust path (AccountId32 becomes an SS58-printing
 * GenericAccountId, Perbill gets its helpers, MultiAddress/MultiSignature/EventRecord are how it
 * discovers the runtime's Address, Signature and Event types), plus a few shared runtime types.
 */
export const namedTypes: Record<string, TypeExpr> = {
  AccountId32: { struct: { '0': { array: 32, of: 'u8' } }, path: 'sp_core::crypto::AccountId32' },
  H256: { struct: { '0': { array: 32, of: 'u8' } }, path: 'primitive_types::H256' },
  H160: { struct: { '0': { array: 20, of: 'u8' } }, path: 'primitive_types::H160' },
  Perbill: { struct: { '0': 'u32' }, path: 'sp_arithmetic::per_things::Perbill' },
  Percent: { struct: { '0': 'u8' }, path: 'sp_arithmetic::per_things::Percent' },
  Weight: {
    struct: { ref_time: { compact: 'u64' }, proof_size: { compact: 'u64' } },
    path: 'sp_weights::weight_v2::Weight',
  },
  DispatchClass: { enum: { Normal: [], Operational: [], Mandatory: [] }, path: 'frame_support::dispatch::DispatchClass' },
  Pays: { enum: { Yes: [], No: [] }, path: 'frame_support::dispatch::Pays' },
  DispatchInfo: {
    struct: { weight: 'Weight', class: 'DispatchClass', pays_fee: 'Pays' },
    path: 'frame_support::dispatch::DispatchInfo',
  },
  ModuleError: {
    struct: { index: 'u8', error: { array: 4, of: 'u8' } },
    path: 'sp_runtime::ModuleError',
  },
  TokenError: {
    enum: {
      FundsUnavailable: [],
      OnlyProvider: [],
      BelowMinimum: [],
      CannotCreate: [],
      UnknownAsset: [],
      Frozen: [],
      Unsupported: [],
      CannotCreateHold: [],
      NotExpendable: [],
      Blocked: [],
    },
    path: 'sp_runtime::TokenError',
  },
  ArithmeticError: { enum: { Underflow: [], Overflow: [], DivisionByZero: [] }, path: 'sp_arithmetic::ArithmeticError' },
  TransactionalError: { enum: { LimitReached: [], NoLayer: [] }, path: 'sp_runtime::TransactionalError' },
  DispatchError: {
    enum: {
      Other: [],
      CannotLookup: [],
      BadOrigin: [],
      Module: ['ModuleError'],
      ConsumerRemaining: [],
      NoProviders: [],
      TooManyConsumers: [],
      Token: ['TokenError'],
      Arithmetic: ['ArithmeticError'],
      Transactional: ['TransactionalError'],
      Exhausted: [],
      Corruption: [],
      Unavailable: [],
      RootNotAllowed: [],
    },
    path: 'sp_runtime::DispatchError',
  },
  Phase: {
    enum: { ApplyExtrinsic: ['u32'], Finalization: [], Initialization: [] },
    path: 'frame_system::Phase',
  },
  MultiAddress: {
    enum: {
      Id: ['AccountId32'],
      Index: [{ compact: 'u32' }],
      Raw: [{ vec: 'u8' }],
      Address32: [{ array: 32, of: 'u8' }],
      Address20: [{ array: 20, of: 'u8' }],
    },
    path: 'sp_runtime::multiaddress::MultiAddress',
  },
  MultiSignature: {
    enum: {
      Ed25519: [{ struct: { '0': { array: 64, of: 'u8' } }, path: 'sp_core::ed25519::Signature' }],
      Sr25519: [{ struct: { '0': { array: 64, of: 'u8' } }, path: 'sp_core::sr25519::Signature' }],
      Ecdsa: [{ struct: { '0': { array: 65, of: 'u8' } }, path: 'sp_core::ecdsa::Signature' }],
    },
    path: 'sp_runtime::MultiSignature',
  },
  Era: { enum: {}, path: 'sp_runtime::generic::era::Era' },
};

/** Generic parameters polkadot.js reads to discover runtime types (see shared/devnet-notes.md §1). */
export const typeParams: Record<string, Array<[string, string | null]>> = {
  MultiAddress: [
    ['AccountId', 'AccountId32'],
    ['AccountIndex', 'u32'],
  ],
};
