// Metadata of the System pallet as the DBC runtime declares it. Shapes were transcribed from the
// spec-400 interface table and the pallet's Rust source (DeepBrainChain-MainChain); see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const system: PalletDef = {
  name: 'System',
  index: 0,
  storage: {
    Account: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          nonce: 'u32',
          consumers: 'u32',
          providers: 'u32',
          sufficients: 'u32',
          data: {
            struct: {
              free: 'u128',
              reserved: 'u128',
              frozen: 'u128',
              flags: { struct: { '0': 'u128' } },
            },
          },
        },
      },
    },
    ExtrinsicCount: { modifier: 'Optional', value: 'u32' },
    BlockWeight: {
      modifier: 'Default',
      value: {
        struct: {
          normal: { struct: { ref_time: { compact: 'u64' }, proof_size: { compact: 'u64' } } },
          operational: { struct: { ref_time: { compact: 'u64' }, proof_size: { compact: 'u64' } } },
          mandatory: { struct: { ref_time: { compact: 'u64' }, proof_size: { compact: 'u64' } } },
        },
      },
    },
    AllExtrinsicsLen: { modifier: 'Optional', value: 'u32' },
    BlockHash: { modifier: 'Default', hashers: ['Twox64Concat'], key: 'u32', value: 'H256' },
    ExtrinsicData: { modifier: 'Default', hashers: ['Twox64Concat'], key: 'u32', value: { vec: 'u8' } },
    Number: { modifier: 'Default', value: 'u32' },
    ParentHash: { modifier: 'Default', value: 'H256' },
    Digest: {
      modifier: 'Default',
      value: {
        struct: {
          logs: {
            vec: {
              enum: {
                PreRuntime: [{ array: 4, of: 'u8' }, { vec: 'u8' }],
                Consensus: [{ array: 4, of: 'u8' }, { vec: 'u8' }],
                Seal: [{ array: 4, of: 'u8' }, { vec: 'u8' }],
                Other: [{ vec: 'u8' }],
                RuntimeEnvironmentUpdated: [],
              },
            },
          },
        },
      },
    },
    Events: {
      modifier: 'Default',
      value: {
        vec: {
          struct: {
            phase: { enum: { ApplyExtrinsic: ['u32'], Finalization: [], Initialization: [] } },
            event: 'dbc_runtime::RuntimeEvent',
            topics: { vec: 'H256' },
          },
        },
      },
    },
    EventCount: { modifier: 'Default', value: 'u32' },
    EventTopics: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'H256',
      value: { vec: { tuple: ['u32', 'u32'] } },
    },
    LastRuntimeUpgrade: {
      modifier: 'Optional',
      value: { struct: { spec_version: { compact: 'u32' }, spec_name: 'str' } },
    },
    UpgradedToU32RefCount: { modifier: 'Default', value: 'bool' },
    UpgradedToTripleRefCount: { modifier: 'Default', value: 'bool' },
    ExecutionPhase: {
      modifier: 'Optional',
      value: { enum: { ApplyExtrinsic: ['u32'], Finalization: [], Initialization: [] } },
    },
  },
  calls: {
    remark: { index: 0, args: [['remark', { vec: 'u8' }]] },
    set_heap_pages: { index: 1, args: [['pages', 'u64']] },
    set_code: { index: 2, args: [['code', { vec: 'u8' }]] },
    set_code_without_checks: { index: 3, args: [['code', { vec: 'u8' }]] },
    set_storage: { index: 4, args: [['items', { vec: { tuple: [{ vec: 'u8' }, { vec: 'u8' }] } }]] },
    kill_storage: { index: 5, args: [['keys', { vec: { vec: 'u8' } }]] },
    kill_prefix: {
      index: 6,
      args: [
        ['prefix', { vec: 'u8' }],
        ['subkeys', 'u32'],
      ],
    },
    remark_with_event: { index: 7, args: [['remark', { vec: 'u8' }]] },
  },
  events: {
    ExtrinsicSuccess: {
      index: 0,
      fields: [
        {
          struct: {
            weight: { struct: { ref_time: { compact: 'u64' }, proof_size: { compact: 'u64' } } },
            class: { enum: { Normal: [], Operational: [], Mandatory: [] } },
            pays_fee: { enum: { Yes: [], No: [] } },
          },
        },
      ],
    },
    ExtrinsicFailed: {
      index: 1,
      fields: [
        {
          enum: {
            Other: [],
            CannotLookup: [],
            BadOrigin: [],
            Module: [{ struct: { index: 'u8', error: { array: 4, of: 'u8' } } }],
            ConsumerRemaining: [],
            NoProviders: [],
            TooManyConsumers: [],
            Token: [
              {
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
              },
            ],
            Arithmetic: [{ enum: { Underflow: [], Overflow: [], DivisionByZero: [] } }],
            Transactional: [{ enum: { LimitReached: [], NoLayer: [] } }],
            Exhausted: [],
            Corruption: [],
            Unavailable: [],
            RootNotAllowed: [],
          },
        },
        {
          struct: {
            weight: { struct: { ref_time: { compact: 'u64' }, proof_size: { compact: 'u64' } } },
            class: { enum: { Normal: [], Operational: [], Mandatory: [] } },
            pays_fee: { enum: { Yes: [], No: [] } },
          },
        },
      ],
    },
    CodeUpdated: { index: 2, fields: [] },
    NewAccount: { index: 3, fields: ['AccountId32'] },
    KilledAccount: { index: 4, fields: ['AccountId32'] },
    Remarked: { index: 5, fields: ['AccountId32', 'H256'] },
  },
  errors: [
    'InvalidSpecName',
    'SpecVersionNeedsToIncrease',
    'FailedToExtractRuntimeVersion',
    'NonDefaultComposite',
    'NonZeroRefCount',
    'CallFiltered',
  ],
  constants: {},
};
