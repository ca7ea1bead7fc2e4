// Metadata of the Balances pallet as the DBC runtime declares it. Shapes were transcribed from the
// spec-400 interface table and the pallet's Rust source (DeepBrainChain-MainChain); see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const balances: PalletDef = {
  name: 'Balances',
  index: 7,
  storage: {
    TotalIssuance: { modifier: 'Default', value: 'u128' },
    InactiveIssuance: { modifier: 'Default', value: 'u128' },
    Account: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: { free: 'u128', reserved: 'u128', frozen: 'u128', flags: { struct: { '0': 'u128' } } },
      },
    },
    Locks: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          '0': {
            vec: {
              struct: {
                id: { array: 8, of: 'u8' },
                amount: 'u128',
                reasons: { enum: { Fee: [], Misc: [], All: [] } },
              },
            },
          },
        },
      },
    },
    Reserves: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { struct: { '0': { vec: { struct: { id: { array: 8, of: 'u8' }, amount: 'u128' } } } } },
    },
    Holds: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          '0': {
            vec: { struct: { id: { enum: { Nis: [], NftFractionalization: [] } }, amount: 'u128' } },
          },
        },
      },
    },
    Freezes: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { struct: { '0': { vec: { struct: { id: { tuple: [] }, amount: 'u128' } } } } },
    },
  },
  calls: {
    transfer_allow_death: {
      index: 0,
      args: [
        ['dest', 'MultiAddress'],
        ['value', { compact: 'u128' }],
      ],
    },
    set_balance_deprecated: {
      index: 1,
      args: [
        ['who', 'MultiAddress'],
        ['new_free', { compact: 'u128' }],
        ['old_reserved', { compact: 'u128' }],
      ],
    },
    force_transfer: {
      index: 2,
      args: [
        ['source', 'MultiAddress'],
        ['dest', 'MultiAddress'],
        ['value', { compact: 'u128' }],
      ],
    },
    transfer_keep_alive: {
      index: 3,
      args: [
        ['dest', 'MultiAddress'],
        ['value', { compact: 'u128' }],
      ],
    },
    transfer_all: {
      index: 4,
      args: [
        ['dest', 'MultiAddress'],
        ['keep_alive', 'bool'],
      ],
    },
    force_unreserve: {
      index: 5,
      args: [
        ['who', 'MultiAddress'],
        ['amount', 'u128'],
      ],
    },
    upgrade_accounts: { index: 6, args: [['who', { vec: 'AccountId32' }]] },
    transfer: {
      index: 7,
      args: [
        ['dest', 'MultiAddress'],
        ['value', { compact: 'u128' }],
      ],
    },
    force_set_balance: {
      index: 8,
      args: [
        ['who', 'MultiAddress'],
        ['new_free', { compact: 'u128' }],
      ],
    },
  },
  events: {
    Endowed: { index: 0, fields: ['AccountId32', 'u128'] },
    DustLost: { index: 1, fields: ['AccountId32', 'u128'] },
    Transfer: { index: 2, fields: ['AccountId32', 'AccountId32', 'u128'] },
    BalanceSet: { index: 3, fields: ['AccountId32', 'u128'] },
    Reserved: { index: 4, fields: ['AccountId32', 'u128'] },
    Unreserved: { index: 5, fields: ['AccountId32', 'u128'] },
    ReserveRepatriated: {
      index: 6,
      fields: ['AccountId32', 'AccountId32', 'u128', { enum: { Free: [], Reserved: [] } }],
    },
    Deposit: { index: 7, fields: ['AccountId32', 'u128'] },
    Withdraw: { index: 8, fields: ['AccountId32', 'u128'] },
    Slashed: { index: 9, fields: ['AccountId32', 'u128'] },
    Minted: { index: 10, fields: ['AccountId32', 'u128'] },
    Burned: { index: 11, fields: ['AccountId32', 'u128'] },
    Suspended: { index: 12, fields: ['AccountId32', 'u128'] },
    Restored: { index: 13, fields: ['AccountId32', 'u128'] },
    Upgraded: { index: 14, fields: ['AccountId32'] },
    Issued: { index: 15, fields: ['u128'] },
    Rescinded: { index: 16, fields: ['u128'] },
    Locked: { index: 17, fields: ['AccountId32', 'u128'] },
    Unlocked: { index: 18, fields: ['AccountId32', 'u128'] },
    Frozen: { index: 19, fields: ['AccountId32', 'u128'] },
    Thawed: { index: 20, fields: ['AccountId32', 'u128'] },
  },
  errors: [
    'VestingBalance',
    'LiquidityRestrictions',
    'InsufficientBalance',
    'ExistentialDeposit',
    'Expendability',
    'ExistingVestingSchedule',
    'DeadAccount',
    'TooManyReserves',
    'TooManyHolds',
    'TooManyFreezes',
  ],
  constants: {},
};
