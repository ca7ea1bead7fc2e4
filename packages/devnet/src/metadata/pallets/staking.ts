// Metadata of the Staking pallet as the DBC runtime declares it at upstream HEAD (spec 411): DBC's fork of
// pallet-staking polkadot-v0.9.43. Source: DeepBrainChain/DeepBrainChain-MainChain@d03734c2
// pallets/staking/src/pallet/mod.rs (+ pallets/staking/src/lib.rs for the structs, dbc.patch-v0.9.43 for the
// DBC changes) and runtime/src/lib.rs for the constants. Started from the spec-400 interface table; see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const staking: PalletDef = {
  name: 'Staking',
  index: 100,
  storage: {
    ValidatorCount: { modifier: 'Default', value: 'u32' },
    MinimumValidatorCount: { modifier: 'Default', value: 'u32' },
    Invulnerables: { modifier: 'Default', value: { vec: 'AccountId32' } },
    Bonded: {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    MinNominatorBond: { modifier: 'Default', value: 'u128' },
    MinValidatorBond: { modifier: 'Default', value: 'u128' },
    MinimumActiveStake: { modifier: 'Default', value: 'u128' },
    MinCommission: { modifier: 'Default', value: 'Perbill' },
    Ledger: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          stash: 'AccountId32',
          total: { compact: 'u128' },
          active: { compact: 'u128' },
          unlocking: {
            struct: { '0': { vec: { struct: { value: { compact: 'u128' }, era: { compact: 'u32' } } } } },
          },
          claimed_rewards: { struct: { '0': { vec: 'u32' } } },
        },
      },
    },
    Payee: {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: {
        enum: { Staked: [], Stash: [], Controller: [], Account: ['AccountId32'], None: [] },
      },
    },
    Validators: {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: { struct: { commission: { compact: 'Perbill' }, blocked: 'bool' } },
    },
    CounterForValidators: { modifier: 'Default', value: 'u32' },
    MaxValidatorsCount: { modifier: 'Optional', value: 'u32' },
    Nominators: {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          targets: { struct: { '0': { vec: 'AccountId32' } } },
          submitted_in: 'u32',
          suppressed: 'bool',
        },
      },
    },
    CounterForNominators: { modifier: 'Default', value: 'u32' },
    MaxNominatorsCount: { modifier: 'Optional', value: 'u32' },
    CurrentEra: { modifier: 'Optional', value: 'u32' },
    ActiveEra: { modifier: 'Optional', value: { struct: { index: 'u32', start: { option: 'u64' } } } },
    ErasStartSessionIndex: { modifier: 'Optional', hashers: ['Twox64Concat'], key: 'u32', value: 'u32' },
    ErasStakers: {
      modifier: 'Default',
      hashers: ['Twox64Concat', 'Twox64Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: {
        struct: {
          total: { compact: 'u128' },
          own: { compact: 'u128' },
          others: { vec: { struct: { who: 'AccountId32', value: { compact: 'u128' } } } },
        },
      },
    },
    ErasStakersClipped: {
      modifier: 'Default',
      hashers: ['Twox64Concat', 'Twox64Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: {
        struct: {
          total: { compact: 'u128' },
          own: { compact: 'u128' },
          others: { vec: { struct: { who: 'AccountId32', value: { compact: 'u128' } } } },
        },
      },
    },
    ErasValidatorPrefs: {
      modifier: 'Default',
      hashers: ['Twox64Concat', 'Twox64Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: { struct: { commission: { compact: 'Perbill' }, blocked: 'bool' } },
    },
    ErasValidatorReward: { modifier: 'Optional', hashers: ['Twox64Concat'], key: 'u32', value: 'u128' },
    ErasRewardPoints: {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'u32',
      value: {
        struct: {
          total: 'u32',
          individual: { map: ['AccountId32', 'u32'] },
        },
      },
    },
    ErasTotalStake: { modifier: 'Default', hashers: ['Twox64Concat'], key: 'u32', value: 'u128' },
    ForceEra: {
      modifier: 'Default',
      value: { enum: { NotForcing: [], ForceNew: [], ForceNone: [], ForceAlways: [] } },
    },
    SlashRewardFraction: { modifier: 'Default', value: 'Perbill' },
    CanceledSlashPayout: { modifier: 'Default', value: 'u128' },
    UnappliedSlashes: {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'u32',
      value: {
        vec: {
          struct: {
            validator: 'AccountId32',
            own: 'u128',
            others: { vec: { tuple: ['AccountId32', 'u128'] } },
            reporters: { vec: 'AccountId32' },
            payout: 'u128',
          },
        },
      },
    },
    BondedEras: { modifier: 'Default', value: { vec: { tuple: ['u32', 'u32'] } } },
    ValidatorSlashInEra: {
      modifier: 'Optional',
      hashers: ['Twox64Concat', 'Twox64Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: { tuple: ['Perbill', 'u128'] },
    },
    NominatorSlashInEra: {
      modifier: 'Optional',
      hashers: ['Twox64Concat', 'Twox64Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: 'u128',
    },
    SlashingSpans: {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          span_index: 'u32',
          last_start: 'u32',
          last_nonzero_slash: 'u32',
          prior: { vec: 'u32' },
        },
      },
    },
    SpanSlash: {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: { tuple: ['AccountId32', 'u32'] },
      value: { struct: { slashed: 'u128', paid_out: 'u128' } },
    },
    CurrentPlannedSession: { modifier: 'Default', value: 'u32' },
    OffendingValidators: { modifier: 'Default', value: { vec: { tuple: ['u32', 'bool'] } } },
    ChillThreshold: { modifier: 'Optional', value: 'Percent' },
    Phase0RewardPerYear: { modifier: 'Default', value: 'u128' },
    Phase1RewardPerYear: { modifier: 'Default', value: 'u128' },
    Phase2RewardPerYear: { modifier: 'Default', value: 'u128' },
    RewardStartHeight: { modifier: 'Default', value: 'u32' },
    CommitteeTeamRewardPerYear: { modifier: 'Optional', value: { vec: { tuple: ['AccountId32', 'u128'] } } },
    FirstCommitteeTeamReleaseEra: { modifier: 'Default', value: 'u32' },
    // RewardTimesDefault = 6 (u32).
    RewardTimes: { modifier: 'Default', value: 'u32', fallback: '0x06000000' },
    FoundationReward: {
      modifier: 'Optional',
      value: {
        struct: {
          who: { vec: 'AccountId32' },
          left_reward_times: 'u32',
          first_reward_era: 'u32',
          reward_interval: 'u32',
          reward_amount: 'u128',
        },
      },
    },
    TreasuryReward: {
      modifier: 'Optional',
      value: {
        struct: {
          treasury_account: 'AccountId32',
          left_reward_times: 'u32',
          first_reward_era: 'u32',
          reward_interval: 'u32',
          reward_amount: 'u128',
        },
      },
    },
    // BoundedVec<AccountId, ConstU32<100>>, ValueQuery.
    DisabledValidators: { modifier: 'Default', value: { vec: 'AccountId32' } },
  },
  calls: {
    bond: {
      index: 0,
      args: [
        ['value', { compact: 'u128' }],
        [
          'payee',
          {
            enum: { Staked: [], Stash: [], Controller: [], Account: ['AccountId32'], None: [] },
          },
        ],
      ],
    },
    bond_extra: { index: 1, args: [['max_additional', { compact: 'u128' }]] },
    unbond: { index: 2, args: [['value', { compact: 'u128' }]] },
    withdraw_unbonded: { index: 3, args: [['num_slashing_spans', 'u32']] },
    validate: {
      index: 4,
      args: [['prefs', { struct: { commission: { compact: 'Perbill' }, blocked: 'bool' } }]],
    },
    nominate: {
      index: 5,
      args: [
        [
          'targets',
          {
            vec: 'MultiAddress',
          },
        ],
      ],
    },
    chill: { index: 6, args: [] },
    set_payee: {
      index: 7,
      args: [
        [
          'payee',
          {
            enum: { Staked: [], Stash: [], Controller: [], Account: ['AccountId32'], None: [] },
          },
        ],
      ],
    },
    set_controller: { index: 8, args: [] },
    set_validator_count: { index: 9, args: [['new', { compact: 'u32' }]] },
    increase_validator_count: { index: 10, args: [['additional', { compact: 'u32' }]] },
    scale_validator_count: { index: 11, args: [['factor', 'Percent']] },
    force_no_eras: { index: 12, args: [] },
    force_new_era: { index: 13, args: [] },
    set_invulnerables: { index: 14, args: [['invulnerables', { vec: 'AccountId32' }]] },
    force_unstake: {
      index: 15,
      args: [
        ['stash', 'AccountId32'],
        ['num_slashing_spans', 'u32'],
      ],
    },
    force_new_era_always: { index: 16, args: [] },
    cancel_deferred_slash: {
      index: 17,
      args: [
        ['era', 'u32'],
        ['slash_indices', { vec: 'u32' }],
      ],
    },
    payout_stakers: {
      index: 18,
      args: [
        ['validator_stash', 'AccountId32'],
        ['era', 'u32'],
      ],
    },
    rebond: { index: 19, args: [['value', { compact: 'u128' }]] },
    reap_stash: {
      index: 20,
      args: [
        ['stash', 'AccountId32'],
        ['num_slashing_spans', 'u32'],
      ],
    },
    kick: {
      index: 21,
      args: [
        [
          'who',
          {
            vec: 'MultiAddress',
          },
        ],
      ],
    },
    set_staking_configs: {
      index: 22,
      args: [
        ['min_nominator_bond', { enum: { Noop: [], Set: ['u128'], Remove: [] } }],
        ['min_validator_bond', { enum: { Noop: [], Set: ['u128'], Remove: [] } }],
        ['max_nominator_count', { enum: { Noop: [], Set: ['u32'], Remove: [] } }],
        ['max_validator_count', { enum: { Noop: [], Set: ['u32'], Remove: [] } }],
        ['chill_threshold', { enum: { Noop: [], Set: ['Percent'], Remove: [] } }],
        ['min_commission', { enum: { Noop: [], Set: ['Perbill'], Remove: [] } }],
      ],
    },
    chill_other: { index: 23, args: [['controller', 'AccountId32']] },
    force_apply_min_commission: { index: 24, args: [['validator_stash', 'AccountId32']] },
    set_min_commission: { index: 25, args: [['new', 'Perbill']] },
    set_reward_start_height: { index: 26, args: [['reward_start_height', 'u32']] },
    set_phase0_reward: { index: 27, args: [['reward_per_year', 'u128']] },
    set_phase1_reward: { index: 28, args: [['reward_per_year', 'u128']] },
    set_phase2_reward: { index: 29, args: [['reward_per_year', 'u128']] },
    set_first_committee_team_reward_date: { index: 30, args: [['reward_date', 'u32']] },
    add_committee_team_reward_per_year: {
      index: 31,
      args: [
        ['reward_to', 'AccountId32'],
        ['reward_per_year', 'u128'],
      ],
    },
    rm_committee_team_reward_by_index: { index: 32, args: [['index', 'u32']] },
    set_foundation_params: {
      index: 33,
      args: [
        [
          'foundation_reward',
          {
            struct: {
              who: { vec: 'AccountId32' },
              left_reward_times: 'u32',
              first_reward_era: 'u32',
              reward_interval: 'u32',
              reward_amount: 'u128',
            },
          },
        ],
      ],
    },
    set_treasury_params: {
      index: 34,
      args: [
        [
          'treasury_reward',
          {
            struct: {
              treasury_account: 'AccountId32',
              left_reward_times: 'u32',
              first_reward_era: 'u32',
              reward_interval: 'u32',
              reward_amount: 'u128',
            },
          },
        ],
      ],
    },
    set_unlock_after_eras: {
      index: 35,
      args: [
        ['account', 'AccountId32'],
        ['unlocking_index', 'u32'],
        ['after_eras', 'u32'],
      ],
    },
    disable_validator: { index: 36, args: [['validator', 'AccountId32']] },
    enable_validator: { index: 37, args: [['validator', 'AccountId32']] },
  },
  // The events have named fields at HEAD (and in upstream pallet-staking v0.9.43).
  events: {
    EraPaid: {
      index: 0,
      fields: [
        ['era_index', 'u32'],
        ['validator_payout', 'u128'],
        ['remainder', 'u128'],
      ],
    },
    Rewarded: {
      index: 1,
      fields: [
        ['stash', 'AccountId32'],
        ['amount', 'u128'],
      ],
    },
    Slashed: {
      index: 2,
      fields: [
        ['staker', 'AccountId32'],
        ['amount', 'u128'],
      ],
    },
    SlashReported: {
      index: 3,
      fields: [
        ['validator', 'AccountId32'],
        ['fraction', 'Perbill'],
        ['slash_era', 'u32'],
      ],
    },
    OldSlashingReportDiscarded: { index: 4, fields: [['session_index', 'u32']] },
    StakersElected: { index: 5, fields: [] },
    Bonded: {
      index: 6,
      fields: [
        ['stash', 'AccountId32'],
        ['amount', 'u128'],
      ],
    },
    Unbonded: {
      index: 7,
      fields: [
        ['stash', 'AccountId32'],
        ['amount', 'u128'],
      ],
    },
    Withdrawn: {
      index: 8,
      fields: [
        ['stash', 'AccountId32'],
        ['amount', 'u128'],
      ],
    },
    Kicked: {
      index: 9,
      fields: [
        ['nominator', 'AccountId32'],
        ['stash', 'AccountId32'],
      ],
    },
    StakingElectionFailed: { index: 10, fields: [] },
    Chilled: { index: 11, fields: [['stash', 'AccountId32']] },
    PayoutStarted: {
      index: 12,
      fields: [
        ['era_index', 'u32'],
        ['validator_stash', 'AccountId32'],
      ],
    },
    ValidatorPrefsSet: {
      index: 13,
      fields: [
        ['stash', 'AccountId32'],
        ['prefs', { struct: { commission: { compact: 'Perbill' }, blocked: 'bool' } }],
      ],
    },
    ForceEra: {
      index: 14,
      fields: [['mode', { enum: { NotForcing: [], ForceNew: [], ForceNone: [], ForceAlways: [] } }]],
    },
    Phase0RewardPerYear: { index: 15, fields: [['reward_per_year', 'u128']] },
    Phase1RewardPerYear: { index: 16, fields: [['reward_per_year', 'u128']] },
    Phase2RewardPerYear: { index: 17, fields: [['reward_per_year', 'u128']] },
    UpdateUnlock: {
      index: 18,
      fields: [
        ['stash', 'AccountId32'],
        ['unlocking_index', 'u32'],
        ['unlocking_era', 'u32'],
      ],
    },
    DisabledValidator: { index: 19, fields: [['validator', 'AccountId32']] },
    EnabledValidator: { index: 20, fields: [['validator', 'AccountId32']] },
  },
  errors: [
    'NotController',
    'NotStash',
    'AlreadyBonded',
    'AlreadyPaired',
    'EmptyTargets',
    'DuplicateIndex',
    'InvalidSlashIndex',
    'InsufficientBond',
    'NoMoreChunks',
    'NoUnlockChunk',
    'FundedTarget',
    'InvalidEraToReward',
    'InvalidNumberOfNominations',
    'NotSortedAndUnique',
    'AlreadyClaimed',
    'IncorrectHistoryDepth',
    'IncorrectSlashingSpans',
    'BadState',
    'TooManyTargets',
    'BadTarget',
    'CannotChillOther',
    'TooManyNominators',
    'TooManyValidators',
    'CommissionTooLow',
    'BoundNotMet',
    'Unknown',
    'DisabledValidator',
    'NotDisabledValidator',
  ],
  // #[pallet::constant] items in Config declaration order, with runtime/src/lib.rs values.
  constants: {
    // MaxNominations = NposSolution16::LIMIT = 16
    MaxNominations: { type: 'u32', value: '0x10000000' },
    // HistoryDepth = 84
    HistoryDepth: { type: 'u32', value: '0x54000000' },
    // SessionsPerEra = 6
    SessionsPerEra: { type: 'u32', value: '0x06000000' },
    // BondingDuration = 14
    BondingDuration: { type: 'u32', value: '0x0e000000' },
    // SlashDeferDuration = 13
    SlashDeferDuration: { type: 'u32', value: '0x0d000000' },
    // MaxNominatorRewardedPerValidator = 256
    MaxNominatorRewardedPerValidator: { type: 'u32', value: '0x00010000' },
    // MaxUnlockingChunks = ConstU32<32>
    MaxUnlockingChunks: { type: 'u32', value: '0x20000000' },
    // MinimumPeriod = SLOT_DURATION / 2 = 3000 ms (Moment = u64); a DBC addition to the fork
    MinimumPeriod: { type: 'u64', value: '0xb80b000000000000' },
  },
};
