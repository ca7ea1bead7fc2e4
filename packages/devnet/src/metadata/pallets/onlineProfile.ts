// Metadata of the OnlineProfile pallet as the DBC runtime declares it at upstream HEAD (spec 411).
// Source: DeepBrainChain/DeepBrainChain-MainChain@d03734c2 pallets/online-profile/src/lib.rs,
// pallets/online-profile/src/types/{basic,machine_reward}.rs and the structs in pallets/support/src/*.rs.
// Started from the spec-400 interface table; see test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef, TypeExpr } from '../types.js';
import {
  machineId,
  longitude,
  latitude,
  stakerCustomizeInfo,
  opSlashReason,
  machineInfo,
  standardGpuPointPrice,
} from './dbcSupport.js';

// MachineStatus<BlockNumber, AccountId>; `Box<Self>` is transparent in scale-info.
const onlineStakeParamsInfo: TypeExpr = {
  struct: {
    online_stake_per_gpu: 'u128',
    online_stake_usd_limit: 'u64',
    reonline_stake: 'u64',
    slash_review_stake: 'u128',
  },
  path: 'online_profile::types::basic::OnlineStakeParamsInfo',
};

const phaseRewardInfoDetail: TypeExpr = {
  struct: {
    online_reward_start_era: 'u32',
    first_phase_duration: 'u32',
    galaxy_on_era: 'u32',
    phase_0_reward_per_era: 'u128',
    phase_1_reward_per_era: 'u128',
    phase_2_reward_per_era: 'u128',
  },
  path: 'online_profile::types::basic::PhaseRewardInfoDetail',
};

const machineRentalMode: TypeExpr = {
  enum: { FullTime: [], TimeSlot: [] },
  path: 'online_profile::types::basic::MachineRentalMode',
};

const timeRange: TypeExpr = {
  struct: { start_hour: 'u8', end_hour: 'u8' },
  path: 'online_profile::types::basic::TimeRange',
};

export const onlineProfile: PalletDef = {
  name: 'OnlineProfile',
  index: 107,
  storage: {
    OnlineStakeParams: { modifier: 'Optional', value: onlineStakeParamsInfo },
    StandardGPUPointPrice: { modifier: 'Optional', value: standardGpuPointPrice },
    UserMutHardwareStake: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['AccountId32', machineId] },
      value: {
        struct: {
          verify_fee: 'u128',
          offline_slash: 'u128',
          offline_time: 'u32',
          need_fulfilling: 'bool',
        },
        path: 'online_profile::types::basic::UserMutHardwareStakeInfo',
      },
    },
    // RentFeeDestroyPercentDefault = Perbill::from_percent(5) = 50_000_000 parts per billion.
    RentFeeDestroyPercent: { modifier: 'Default', value: 'Perbill', fallback: '0x80f0fa02' },
    MachineExtraPrice: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: 'u64',
    },
    MachineRentalModeStorage: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: machineRentalMode,
    },
    WeeklySchedule: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: { array: 7, of: { vec: timeRange } },
    },
    SpecificDateSchedule: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: [machineId, 'u32'] },
      value: { vec: timeRange },
    },
    SysInfo: {
      modifier: 'Default',
      value: {
        struct: {
          total_gpu_num: 'u64',
          total_rented_gpu: 'u64',
          total_staker: 'u64',
          total_calc_points: 'u64',
          total_stake: 'u128',
          total_rent_fee: 'u128',
          total_burn_fee: 'u128',
        },
        path: 'online_profile::types::basic::SysInfoDetail',
      },
    },
    PosGPUInfo: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: [longitude, latitude] },
      value: {
        struct: {
          online_gpu: 'u64',
          offline_gpu: 'u64',
          rented_gpu: 'u64',
          online_gpu_calc_points: 'u64',
        },
        path: 'online_profile::types::basic::PosInfo',
      },
    },
    StashController: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    ControllerStash: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    MachinesInfo: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: machineInfo,
    },
    MachineRentedGPU: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: 'u32',
    },
    StashMachines: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          total_machine: { vec: machineId },
          online_machine: { vec: machineId },
          total_calc_points: 'u64',
          total_gpu_num: 'u64',
          total_rented_gpu: 'u64',
          total_earned_reward: 'u128',
          total_claimed_reward: 'u128',
          can_claim_reward: 'u128',
          total_rent_fee: 'u128',
          total_burn_fee: 'u128',
        },
        path: 'dbc_support::verify_online::StashMachine',
      },
    },
    StashServerRooms: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: 'H256' },
    },
    ControllerMachines: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: machineId },
    },
    LiveMachines: {
      modifier: 'Default',
      value: {
        struct: {
          bonding_machine: { vec: machineId },
          confirmed_machine: { vec: machineId },
          booked_machine: { vec: machineId },
          online_machine: { vec: machineId },
          fulfilling_machine: { vec: machineId },
          refused_machine: { vec: machineId },
          rented_machine: { vec: machineId },
          offline_machine: { vec: machineId },
          refused_mut_hardware_machine: { vec: machineId },
        },
        path: 'dbc_support::live_machine::LiveMachine',
      },
    },
    CurrentEra: { modifier: 'Default', value: 'u32' },
    ErasStashPoints: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: {
        struct: {
          total: 'u64',
          // BTreeMap<AccountId, StashMachineStatistics>
          staker_statistic: {
            map: [
              'AccountId32',
              {
                struct: {
                  online_gpu_num: 'u64',
                  inflation: 'Perbill',
                  machine_total_calc_point: 'u64',
                  rent_extra_grade: 'u64',
                },
                path: 'online_profile::types::machine_reward::StashMachineStatistics',
              },
            ],
          },
        },
        path: 'online_profile::types::machine_reward::EraStashPoints',
      },
    },
    ErasMachinePoints: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      // BTreeMap<MachineId, MachineGradeStatus>
      value: {
        map: [
          machineId,
          {
            struct: { basic_grade: 'u64', is_rented: 'bool' },
            path: 'online_profile::types::machine_reward::MachineGradeStatus',
          },
        ],
      },
    },
    PhaseRewardInfo: { modifier: 'Optional', value: phaseRewardInfoDetail },
    EraReward: { modifier: 'Default', hashers: ['Blake2_128Concat'], key: 'u32', value: 'u128' },
    ErasMachineReward: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', machineId] },
      value: 'u128',
    },
    ErasMachineReleasedReward: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', machineId] },
      value: 'u128',
    },
    ErasStashReward: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: 'u128',
    },
    ErasStashReleasedReward: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: 'u128',
    },
    MachineRecentReward: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: {
        struct: {
          machine_stash: 'AccountId32',
          recent_machine_reward: { vec: 'u128' },
          recent_reward_sum: 'u128',
          reward_committee_deadline: 'u32',
          reward_committee: { vec: 'AccountId32' },
        },
        path: 'online_profile::types::machine_reward::MachineRecentRewardInfo',
      },
    },
    AllMachineIdSnap: {
      modifier: 'Default',
      value: {
        struct: { all_machine_id: { vec: machineId }, snap_len: 'u64' },
        path: 'online_profile::types::machine_reward::AllMachineIdSnapDetail',
      },
    },
    StashStake: { modifier: 'Default', hashers: ['Blake2_128Concat'], key: 'AccountId32', value: 'u128' },
    NextSlashId: { modifier: 'Default', value: 'u64' },
    PendingSlash: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: {
        struct: {
          slash_who: 'AccountId32',
          machine_id: machineId,
          slash_time: 'u32',
          slash_amount: 'u128',
          slash_exec_time: 'u32',
          reporter: { option: 'AccountId32' },
          renters: { vec: 'AccountId32' },
          reward_to_committee: { option: { vec: 'AccountId32' } },
          slash_reason: opSlashReason,
        },
        path: 'dbc_support::verify_slash::OPPendingSlashInfo',
      },
    },
    PendingSlashReview: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: {
        struct: {
          applicant: 'AccountId32',
          staked_amount: 'u128',
          apply_time: 'u32',
          expire_time: 'u32',
          reason: { vec: 'u8' },
        },
        path: 'dbc_support::verify_slash::OPPendingSlashReviewInfo',
      },
    },
    PendingSlashReviewChecking: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    RentedFinished: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: 'AccountId32',
    },
    PendingExecSlash: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    MaxSlashExeced: { modifier: 'Default', hashers: ['Blake2_128Concat'], key: machineId, value: 'u32' },
    StorageVersion: { modifier: 'Default', value: 'u16' },
    OfflineMachine2renters: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: { vec: 'AccountId32' },
    },
    Machine2PendingSlashIds: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: { vec: 'u64' },
    },
    AuthorizedForceExitAccounts: { modifier: 'Default', value: { vec: 'AccountId32' } },
    StashRentReceiver: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
  },
  calls: {
    set_reward_info: { index: 0, args: [['reward_info', phaseRewardInfoDetail]] },
    set_online_stake_params: { index: 1, args: [['online_stake_params_info', onlineStakeParamsInfo]] },
    set_standard_gpu_point_price: { index: 2, args: [['point_price', standardGpuPointPrice]] },
    set_rentfee_destroy_percent: { index: 3, args: [['percent', 'Perbill']] },
    set_controller: { index: 4, args: [['controller', 'AccountId32']] },
    stash_reset_controller: { index: 5, args: [['new_controller', 'AccountId32']] },
    offline_machine_change_hardware_info: { index: 6, args: [['machine_id', machineId]] },
    bond_machine: {
      index: 7,
      args: [
        ['machine_id', machineId],
        ['msg', { vec: 'u8' }],
        ['sig', { vec: 'u8' }],
      ],
    },
    gen_server_room: { index: 8, args: [] },
    add_machine_info: {
      index: 9,
      args: [
        ['machine_id', machineId],
        ['server_room_info', stakerCustomizeInfo],
      ],
    },
    fulfill_machine: { index: 10, args: [['machine_id', machineId]] },
    claim_rewards: { index: 11, args: [] },
    controller_report_offline: { index: 12, args: [['machine_id', machineId]] },
    controller_report_online: { index: 13, args: [['machine_id', machineId]] },
    machine_exit: { index: 14, args: [['machine_id', machineId]] },
    restake_online_machine: { index: 15, args: [['machine_id', machineId]] },
    apply_slash_review: {
      index: 16,
      args: [
        ['slash_id', 'u64'],
        ['reason', { vec: 'u8' }],
      ],
    },
    cancel_slash: { index: 17, args: [['slash_id', 'u64']] },
    exec_slash: { index: 18, args: [['machine_id', machineId]] },
    update_machine_info: {
      index: 19,
      args: [
        ['machine_id', machineId],
        ['server_room_info', stakerCustomizeInfo],
      ],
    },
    force_machine_exit: { index: 20, args: [['machine_ids', { vec: machineId }]] },
    update_authorized_force_exit_accounts: { index: 21, args: [['accounts', { vec: 'AccountId32' }]] },
    set_machine_extra_price: {
      index: 22,
      args: [
        ['machine_id', machineId],
        ['extra_price', 'u64'],
      ],
    },
    set_machine_rental_mode: {
      index: 23,
      args: [
        ['machine_id', machineId],
        ['mode', machineRentalMode],
      ],
    },
    set_weekly_schedule: {
      index: 24,
      args: [
        ['machine_id', machineId],
        ['weekday', 'u8'],
        ['ranges', { vec: timeRange }],
      ],
    },
    set_specific_date_schedule: {
      index: 25,
      args: [
        ['machine_id', machineId],
        ['date_days', 'u32'],
        ['ranges', { vec: timeRange }],
      ],
    },
    clear_specific_date: {
      index: 26,
      args: [
        ['machine_id', machineId],
        ['date_days', 'u32'],
      ],
    },
    set_rent_receiver: { index: 27, args: [['receiver', { option: 'AccountId32' }]] },
  },
  events: {
    BondMachine: { index: 0, fields: ['AccountId32', machineId, 'u128'] },
    Slash: { index: 1, fields: ['AccountId32', 'u128', opSlashReason] },
    ControllerStashBonded: { index: 2, fields: ['AccountId32', 'AccountId32'] },
    MachineControllerChanged: { index: 3, fields: [machineId, 'AccountId32', 'AccountId32'] },
    MachineOfflineToMutHardware: { index: 4, fields: [machineId, 'u128', 'u128'] },
    StakeAdded: { index: 5, fields: ['AccountId32', 'u128'] },
    StakeReduced: { index: 6, fields: ['AccountId32', 'u128'] },
    ServerRoomGenerated: { index: 7, fields: ['AccountId32', 'H256'] },
    MachineInfoAdded: { index: 8, fields: [machineId] },
    MachineInfoUpdated: { index: 9, fields: [machineId] },
    ClaimReward: { index: 10, fields: ['AccountId32', 'u128'] },
    ControllerReportOffline: { index: 11, fields: [machineId] },
    ControllerReportOnline: { index: 12, fields: [machineId] },
    SlashCanceled: { index: 13, fields: ['u64', 'AccountId32', 'u128'] },
    MachineRestaked: { index: 14, fields: [machineId, 'u128', 'u128'] },
    MachineExit: { index: 15, fields: [machineId] },
    SlashAndReward: { index: 16, fields: ['AccountId32', 'AccountId32', 'u128', opSlashReason] },
    ApplySlashReview: { index: 17, fields: ['u64'] },
    SlashExecuted: { index: 18, fields: ['AccountId32', machineId, 'u128'] },
    NewSlash: { index: 19, fields: ['u64'] },
    SetTmpVal: { index: 20, fields: ['u64'] },
    StashResetController: { index: 21, fields: ['AccountId32', 'AccountId32', 'AccountId32'] },
    MachineAddStake: { index: 22, fields: [machineId, 'u128', 'u128'] },
    AddSlash: { index: 23, fields: [machineId, 'u64'] },
    MachineExtraPriceSet: { index: 24, fields: [machineId, 'u64'] },
    MachineRentalModeSet: { index: 25, fields: [machineId, machineRentalMode] },
    WeeklyScheduleSet: { index: 26, fields: [machineId, 'u8'] },
    SpecificDateScheduleSet: { index: 27, fields: [machineId, 'u32'] },
    SpecificDateCleared: { index: 28, fields: [machineId, 'u32'] },
    RentReceiverChanged: { index: 29, fields: ['AccountId32', { option: 'AccountId32' }] },
  },
  errors: [
    'BadSignature',
    'MachineIdExist',
    'BalanceNotEnough',
    'NotMachineController',
    'PayTxFeeFailed',
    'ClaimRewardFailed',
    'ConvertMachineIdToWalletFailed',
    'NoStashBond',
    'AlreadyController',
    'NoStashAccount',
    'BadMsgLen',
    'NotAllowedChangeMachineInfo',
    'MachineStashNotEqualControllerStash',
    'CalcStakeAmountFailed',
    'SigMachineIdNotEqualBondedMachineId',
    'TelecomIsNull',
    'MachineStatusNotAllowed',
    'ServerRoomNotFound',
    'NotMachineStash',
    'TooFastToReStake',
    'NoStakeToReduce',
    'ReduceStakeFailed',
    'GetReonlineStakeFailed',
    'SlashIdNotExist',
    'TimeNotAllowed',
    'ExpiredSlash',
    'Unknown',
    'ClaimThenFulfillFailed',
    'NotAuthorized',
    'ExtraPriceTooHigh',
    'InvalidScheduleArgs',
    'RentalTooShort',
    'OutOfRentalSchedule',
    'InvalidRentReceiver',
  ],
  // The pallet declares no #[pallet::constant] (BondingDuration is a plain Get).
  constants: {},
};
