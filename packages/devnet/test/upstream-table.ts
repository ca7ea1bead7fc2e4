// Storage items and calls our SDK uses, re-derived by hand from the upstream Rust source, independently of
// src/metadata/pallets/*.ts, so the pallet definitions can be checked against it.
//
// Upstream: DeepBrainChain/DeepBrainChain-MainChain at commit d03734c2 (spec 411).
// Conventions (the type language of src/metadata/types.ts):
// - MachineId = Vec<u8>, RentOrderId/SlashId/ReportId = u64, EraIndex/BlockNumber/SessionIndex = u32,
//   Balance = u128, AccountId = AccountId32;
// - `Option<T>` storage without ValueQuery is modifier 'Optional', ValueQuery is 'Default';
// - `Box<Self>` is transparent in scale-info, so MachineStatus refers to itself as 'recursive:MachineStatus';
// - BTreeMap<K, V> and bounded-collections' BoundedVec<T, S> are one-field tuple composites around
//   Vec<(K, V)> / Vec<T> (their TypeInfo derives), written { struct: { '0': … } };
// - `#[pallet::compact]` arguments and `#[codec(compact)]` fields are { compact: T };
// - `path` is the Rust path scale-info records (module_path!() of the defining module + the type name).
import type { Hasher, TypeExpr } from '../src/metadata/types.js';

export interface UpstreamStorageEntry {
  modifier: 'Optional' | 'Default';
  hashers?: Hasher[];
  key?: TypeExpr;
  value: TypeExpr;
}

export interface UpstreamCallEntry {
  index: number;
  args: Array<[string, TypeExpr]>;
}

// ---------------------------------------------------------------------------------------------------------
// pallets/support/src (crate dbc_support) @ d03734c2
// ---------------------------------------------------------------------------------------------------------
const MachineId: TypeExpr = { vec: 'u8' };

// machine_type.rs
const Longitude: TypeExpr = {
  enum: { East: ['u64'], West: ['u64'] },
  path: 'dbc_support::machine_type::Longitude',
};
const Latitude: TypeExpr = {
  enum: { South: ['u64'], North: ['u64'] },
  path: 'dbc_support::machine_type::Latitude',
};
const CommitteeUploadInfo: TypeExpr = {
  struct: {
    machine_id: MachineId,
    gpu_type: { vec: 'u8' },
    gpu_num: 'u32',
    cuda_core: 'u32',
    gpu_mem: 'u64',
    calc_point: 'u64',
    sys_disk: 'u64',
    data_disk: 'u64',
    cpu_type: { vec: 'u8' },
    cpu_core_num: 'u32',
    cpu_rate: 'u64',
    mem_num: 'u64',
    rand_str: { vec: 'u8' },
    is_support: 'bool',
  },
  path: 'dbc_support::machine_type::CommitteeUploadInfo',
};
const StakerCustomizeInfo: TypeExpr = {
  struct: {
    server_room: 'H256',
    upload_net: 'u64',
    download_net: 'u64',
    longitude: Longitude,
    latitude: Latitude,
    telecom_operators: { vec: { vec: 'u8' } },
    is_bare_machine: 'bool',
  },
  path: 'dbc_support::machine_type::StakerCustomizeInfo',
};
const StandardGpuPointPrice: TypeExpr = {
  struct: { gpu_point: 'u64', gpu_price: 'u64' },
  path: 'dbc_support::machine_type::StandardGpuPointPrice',
};
// verify_slash.rs: OPSlashReason<BlockNumber>
const OPSlashReason: TypeExpr = {
  enum: {
    RentedReportOffline: ['u32'],
    OnlineReportOffline: ['u32'],
    RentedInaccessible: ['u32'],
    RentedHardwareMalfunction: ['u32'],
    RentedHardwareCounterfeit: ['u32'],
    OnlineRentFailed: ['u32'],
    CommitteeRefusedOnline: [],
    CommitteeRefusedMutHardware: [],
    ReonlineShouldReward: [],
  },
  path: 'dbc_support::verify_slash::OPSlashReason',
};
// machine_type.rs: MachineStatus<BlockNumber, AccountId>
const MachineStatus: TypeExpr = {
  enum: {
    AddingCustomizeInfo: [],
    DistributingOrder: [],
    CommitteeVerifying: [],
    CommitteeRefused: ['u32'],
    WaitingFulfill: [],
    Online: [],
    StakerReportOffline: ['u32', 'recursive:MachineStatus'],
    ReporterReportOffline: [OPSlashReason, 'recursive:MachineStatus', 'AccountId32', { vec: 'AccountId32' }],
    Creating: [],
    Rented: [],
    Exit: [],
  },
  path: 'dbc_support::machine_type::MachineStatus',
};
// machine_info.rs: MachineInfo<AccountId, BlockNumber, Balance>
const MachineInfo: TypeExpr = {
  struct: {
    controller: 'AccountId32',
    machine_stash: 'AccountId32',
    renters: { vec: 'AccountId32' },
    last_machine_restake: 'u32',
    bonding_height: 'u32',
    online_height: 'u32',
    last_online_height: 'u32',
    init_stake_per_gpu: 'u128',
    stake_amount: 'u128',
    machine_status: MachineStatus,
    total_rented_duration: 'u32',
    total_rented_times: 'u64',
    total_rent_fee: 'u128',
    total_burn_fee: 'u128',
    machine_info_detail: {
      struct: { committee_upload_info: CommitteeUploadInfo, staker_customize_info: StakerCustomizeInfo },
      path: 'dbc_support::machine_type::MachineInfoDetail',
    },
    reward_committee: { vec: 'AccountId32' },
    reward_deadline: 'u32',
  },
  path: 'dbc_support::machine_info::MachineInfo',
};
// live_machine.rs
const LiveMachine: TypeExpr = {
  struct: {
    bonding_machine: { vec: MachineId },
    confirmed_machine: { vec: MachineId },
    booked_machine: { vec: MachineId },
    online_machine: { vec: MachineId },
    fulfilling_machine: { vec: MachineId },
    refused_machine: { vec: MachineId },
    rented_machine: { vec: MachineId },
    offline_machine: { vec: MachineId },
    refused_mut_hardware_machine: { vec: MachineId },
  },
  path: 'dbc_support::live_machine::LiveMachine',
};
// verify_online.rs: StashMachine<Balance>
const StashMachine: TypeExpr = {
  struct: {
    total_machine: { vec: MachineId },
    online_machine: { vec: MachineId },
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
};
// rental_type.rs
const RentStatus: TypeExpr = {
  enum: { WaitingVerifying: [], Renting: [], RentExpired: [] },
  path: 'dbc_support::rental_type::RentStatus',
};
const RentOrderDetail: TypeExpr = {
  struct: {
    machine_id: MachineId,
    renter: 'AccountId32',
    rent_start: 'u32',
    confirm_rent: 'u32',
    rent_end: 'u32',
    stake_amount: 'u128',
    rent_status: RentStatus,
    gpu_num: 'u32',
    gpu_index: { vec: 'u32' },
  },
  path: 'dbc_support::rental_type::RentOrderDetail',
};
const MachineGPUOrder: TypeExpr = {
  struct: { rent_order: { vec: 'u64' }, used_gpu: { vec: 'u32' } },
  path: 'dbc_support::rental_type::MachineGPUOrder',
};
const MachineRenterRentedOrderDetail: TypeExpr = {
  struct: { rent_id: 'u64', rent_start: 'u32', rent_end: 'u32' },
  path: 'dbc_support::rental_type::MachineRenterRentedOrderDetail',
};

// ---------------------------------------------------------------------------------------------------------
// pallets/online-profile/src/types/basic.rs (crate online_profile) @ d03734c2
// ---------------------------------------------------------------------------------------------------------
const OnlineStakeParamsInfo: TypeExpr = {
  struct: {
    online_stake_per_gpu: 'u128',
    online_stake_usd_limit: 'u64',
    reonline_stake: 'u64',
    slash_review_stake: 'u128',
  },
  path: 'online_profile::types::basic::OnlineStakeParamsInfo',
};
const SysInfoDetail: TypeExpr = {
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
};
const PosInfo: TypeExpr = {
  struct: { online_gpu: 'u64', offline_gpu: 'u64', rented_gpu: 'u64', online_gpu_calc_points: 'u64' },
  path: 'online_profile::types::basic::PosInfo',
};
const MachineRentalMode: TypeExpr = {
  enum: { FullTime: [], TimeSlot: [] },
  path: 'online_profile::types::basic::MachineRentalMode',
};
const TimeRange: TypeExpr = {
  struct: { start_hour: 'u8', end_hour: 'u8' },
  path: 'online_profile::types::basic::TimeRange',
};

// ---------------------------------------------------------------------------------------------------------
// pallets/staking/src/lib.rs (DBC fork of pallet-staking polkadot-v0.9.43) @ d03734c2
// ---------------------------------------------------------------------------------------------------------
const RewardDestination: TypeExpr = {
  enum: { Staked: [], Stash: [], Controller: [], Account: ['AccountId32'], None: [] },
};
const ValidatorPrefs: TypeExpr = { struct: { commission: { compact: 'Perbill' }, blocked: 'bool' } };
const StakingLedger: TypeExpr = {
  struct: {
    stash: 'AccountId32',
    total: { compact: 'u128' },
    active: { compact: 'u128' },
    // BoundedVec<UnlockChunk<Balance>, MaxUnlockingChunks>
    unlocking: {
      struct: { '0': { vec: { struct: { value: { compact: 'u128' }, era: { compact: 'u32' } } } } },
    },
    // BoundedVec<EraIndex, HistoryDepth>
    claimed_rewards: { struct: { '0': { vec: 'u32' } } },
  },
};
const Nominations: TypeExpr = {
  struct: {
    // BoundedVec<AccountId, MaxNominations>
    targets: { struct: { '0': { vec: 'AccountId32' } } },
    submitted_in: 'u32',
    suppressed: 'bool',
  },
};
const Exposure: TypeExpr = {
  struct: {
    total: { compact: 'u128' },
    own: { compact: 'u128' },
    others: { vec: { struct: { who: 'AccountId32', value: { compact: 'u128' } } } },
  },
};
// AccountIdLookupOf<Runtime> = <(Indices, EvmAddressMapping) as StaticLookup>::Source
//   = MultiAddress<AccountId, AccountIndex = u32> (runtime/src/lib.rs)
const MultiAddress: TypeExpr = {
  enum: {
    Id: ['AccountId32'],
    Index: [{ compact: 'u32' }],
    Raw: [{ vec: 'u8' }],
    Address32: [{ array: 32, of: 'u8' }],
    Address20: [{ array: 20, of: 'u8' }],
  },
};

export const upstreamTable: {
  storage: Record<string, UpstreamStorageEntry>;
  calls: Record<string, UpstreamCallEntry>;
} = {
  storage: {
    // ----- OnlineProfile: pallets/online-profile/src/lib.rs @ d03734c2 -----
    'OnlineProfile.MachinesInfo': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: MachineId,
      value: MachineInfo,
    },
    'OnlineProfile.LiveMachines': { modifier: 'Default', value: LiveMachine },
    'OnlineProfile.MachineRentedGPU': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: MachineId,
      value: 'u32',
    },
    'OnlineProfile.StashMachines': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: StashMachine,
    },
    'OnlineProfile.ControllerStash': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    'OnlineProfile.StashController': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    'OnlineProfile.ControllerMachines': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: MachineId },
    },
    'OnlineProfile.StashServerRooms': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: 'H256' },
    },
    'OnlineProfile.StashStake': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'u128',
    },
    'OnlineProfile.SysInfo': { modifier: 'Default', value: SysInfoDetail },
    'OnlineProfile.PosGPUInfo': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: [Longitude, Latitude] },
      value: PosInfo,
    },
    'OnlineProfile.StandardGPUPointPrice': { modifier: 'Optional', value: StandardGpuPointPrice },
    'OnlineProfile.OnlineStakeParams': { modifier: 'Optional', value: OnlineStakeParamsInfo },
    'OnlineProfile.MachineExtraPrice': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: MachineId,
      value: 'u64',
    },
    'OnlineProfile.MachineRentalModeStorage': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: MachineId,
      value: MachineRentalMode,
    },
    'OnlineProfile.WeeklySchedule': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: MachineId,
      value: { array: 7, of: { vec: TimeRange } },
    },
    'OnlineProfile.SpecificDateSchedule': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: [MachineId, 'u32'] },
      value: { vec: TimeRange },
    },
    'OnlineProfile.StashRentReceiver': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    'OnlineProfile.RentFeeDestroyPercent': { modifier: 'Default', value: 'Perbill' },
    'OnlineProfile.CurrentEra': { modifier: 'Default', value: 'u32' },
    'OnlineProfile.ErasMachineReward': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', MachineId] },
      value: 'u128',
    },
    'OnlineProfile.ErasMachineReleasedReward': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', MachineId] },
      value: 'u128',
    },
    'OnlineProfile.ErasStashReward': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: 'u128',
    },
    'OnlineProfile.ErasStashReleasedReward': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: 'u128',
    },

    // ----- RentMachine: pallets/rent-machine/src/lib.rs @ d03734c2 -----
    'RentMachine.RentInfo': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: RentOrderDetail,
    },
    'RentMachine.UserOrder': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: 'u64' },
    },
    'RentMachine.MachineRentOrder': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: MachineId,
      value: MachineGPUOrder,
    },
    'RentMachine.MachineRenterRentedOrders': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: [MachineId, 'AccountId32'] },
      value: { vec: MachineRenterRentedOrderDetail },
    },
    'RentMachine.ConfirmingOrder': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    'RentMachine.RentEnding': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    'RentMachine.UserTotalStake': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'u128',
    },
    'RentMachine.RentFeePot': { modifier: 'Optional', value: 'AccountId32' },
    'RentMachine.MaximumRentalDuration': { modifier: 'Default', value: 'u32' },
    'RentMachine.NextRentId': { modifier: 'Default', value: 'u64' },
    'RentMachine.RentOrderReceiver': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: 'AccountId32',
    },

    // ----- TerminatingRental: pallets/terminating-rental/src/lib.rs @ d03734c2 -----
    'TerminatingRental.MachinesInfo': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: MachineId,
      value: MachineInfo,
    },
    // The order storage is called RentOrder in this pallet (RentMachine's is RentInfo).
    'TerminatingRental.RentOrder': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: RentOrderDetail,
    },
    'TerminatingRental.UserRented': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: 'u64' },
    },
    'TerminatingRental.PendingRentEnding': {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    'TerminatingRental.StandardGPUPointPrice': { modifier: 'Optional', value: StandardGpuPointPrice },

    // ----- DBCPriceOCW: pallets/dbc-price-ocw/src/lib.rs @ d03734c2 -----
    'DBCPriceOCW.AvgPrice': { modifier: 'Optional', value: 'u64' },
    // VecDeque<u64>: a sequence in scale-info
    'DBCPriceOCW.Prices': { modifier: 'Default', value: { vec: 'u64' } },
    'DBCPriceOCW.PriceUpdateFrequency': { modifier: 'Default', value: 'u32' },

    // ----- GenericFunc: pallets/generic-func/src/lib.rs @ d03734c2 -----
    'GenericFunc.FixedTxFee': { modifier: 'Optional', value: 'u128' },

    // ----- Staking: pallets/staking/src/pallet/mod.rs @ d03734c2 -----
    'Staking.Ledger': {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: StakingLedger,
    },
    'Staking.Bonded': {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    'Staking.Payee': {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: RewardDestination,
    },
    // CountedStorageMap, ValueQuery
    'Staking.Validators': {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: ValidatorPrefs,
    },
    // CountedStorageMap, OptionQuery
    'Staking.Nominators': {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: Nominations,
    },
    'Staking.CurrentEra': { modifier: 'Optional', value: 'u32' },
    'Staking.ActiveEra': {
      modifier: 'Optional',
      value: { struct: { index: 'u32', start: { option: 'u64' } } },
    },
    'Staking.ErasStakers': {
      modifier: 'Default',
      hashers: ['Twox64Concat', 'Twox64Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: Exposure,
    },
    'Staking.ErasValidatorPrefs': {
      modifier: 'Default',
      hashers: ['Twox64Concat', 'Twox64Concat'],
      key: { tuple: ['u32', 'AccountId32'] },
      value: ValidatorPrefs,
    },
    'Staking.ErasValidatorReward': {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: 'u32',
      value: 'u128',
    },
    'Staking.ErasRewardPoints': {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'u32',
      // EraRewardPoints { total: RewardPoint (u32), individual: BTreeMap<AccountId, RewardPoint> }
      value: {
        struct: { total: 'u32', individual: { struct: { '0': { vec: { tuple: ['AccountId32', 'u32'] } } } } },
      },
    },
    'Staking.ErasTotalStake': {
      modifier: 'Default',
      hashers: ['Twox64Concat'],
      key: 'u32',
      value: 'u128',
    },
  },

  calls: {
    // ----- OnlineProfile: pallets/online-profile/src/lib.rs @ d03734c2 (#[pallet::call_index]) -----
    'OnlineProfile.set_controller': { index: 4, args: [['controller', 'AccountId32']] },
    'OnlineProfile.stash_reset_controller': { index: 5, args: [['new_controller', 'AccountId32']] },
    'OnlineProfile.bond_machine': {
      index: 7,
      args: [
        ['machine_id', MachineId],
        ['msg', { vec: 'u8' }],
        ['sig', { vec: 'u8' }],
      ],
    },
    'OnlineProfile.gen_server_room': { index: 8, args: [] },
    'OnlineProfile.add_machine_info': {
      index: 9,
      args: [
        ['machine_id', MachineId],
        ['server_room_info', StakerCustomizeInfo],
      ],
    },
    'OnlineProfile.fulfill_machine': { index: 10, args: [['machine_id', MachineId]] },
    'OnlineProfile.claim_rewards': { index: 11, args: [] },
    'OnlineProfile.controller_report_offline': { index: 12, args: [['machine_id', MachineId]] },
    'OnlineProfile.controller_report_online': { index: 13, args: [['machine_id', MachineId]] },
    'OnlineProfile.machine_exit': { index: 14, args: [['machine_id', MachineId]] },
    'OnlineProfile.restake_online_machine': { index: 15, args: [['machine_id', MachineId]] },
    'OnlineProfile.update_machine_info': {
      index: 19,
      args: [
        ['machine_id', MachineId],
        ['server_room_info', StakerCustomizeInfo],
      ],
    },
    'OnlineProfile.set_machine_extra_price': {
      index: 22,
      args: [
        ['machine_id', MachineId],
        ['extra_price', 'u64'],
      ],
    },
    'OnlineProfile.set_machine_rental_mode': {
      index: 23,
      args: [
        ['machine_id', MachineId],
        ['mode', MachineRentalMode],
      ],
    },
    'OnlineProfile.set_weekly_schedule': {
      index: 24,
      args: [
        ['machine_id', MachineId],
        ['weekday', 'u8'],
        ['ranges', { vec: TimeRange }],
      ],
    },
    'OnlineProfile.set_specific_date_schedule': {
      index: 25,
      args: [
        ['machine_id', MachineId],
        ['date_days', 'u32'],
        ['ranges', { vec: TimeRange }],
      ],
    },
    'OnlineProfile.clear_specific_date': {
      index: 26,
      args: [
        ['machine_id', MachineId],
        ['date_days', 'u32'],
      ],
    },
    'OnlineProfile.set_rent_receiver': { index: 27, args: [['receiver', { option: 'AccountId32' }]] },

    // ----- RentMachine: pallets/rent-machine/src/lib.rs @ d03734c2 -----
    'RentMachine.rent_machine': {
      index: 1,
      args: [
        ['machine_id', MachineId],
        ['rent_gpu_num', 'u32'],
        ['duration', 'u32'],
      ],
    },
    'RentMachine.confirm_rent': { index: 2, args: [['rent_id', 'u64']] },
    'RentMachine.relet_machine': {
      index: 3,
      args: [
        ['rent_id', 'u64'],
        ['relet_duration', 'u32'],
      ],
    },

    // ----- TerminatingRental: pallets/terminating-rental/src/lib.rs @ d03734c2 -----
    'TerminatingRental.rent_machine': {
      index: 10,
      args: [
        ['machine_id', MachineId],
        ['rent_gpu_num', 'u32'],
        ['duration', 'u32'],
      ],
    },
    'TerminatingRental.confirm_rent': { index: 11, args: [['rent_id', 'u64']] },
    'TerminatingRental.relet_machine': {
      index: 12,
      args: [
        ['rent_id', 'u64'],
        ['duration', 'u32'],
      ],
    },
    'TerminatingRental.terminate_rent': { index: 13, args: [['rent_id', 'u64']] },

    // ----- Staking: pallets/staking/src/pallet/mod.rs @ d03734c2 -----
    'Staking.bond': {
      index: 0,
      args: [
        ['value', { compact: 'u128' }],
        ['payee', RewardDestination],
      ],
    },
    'Staking.bond_extra': { index: 1, args: [['max_additional', { compact: 'u128' }]] },
    'Staking.unbond': { index: 2, args: [['value', { compact: 'u128' }]] },
    'Staking.withdraw_unbonded': { index: 3, args: [['num_slashing_spans', 'u32']] },
    'Staking.validate': { index: 4, args: [['prefs', ValidatorPrefs]] },
    'Staking.nominate': { index: 5, args: [['targets', { vec: MultiAddress }]] },
    'Staking.chill': { index: 6, args: [] },
    'Staking.set_payee': { index: 7, args: [['payee', RewardDestination]] },
    'Staking.payout_stakers': {
      index: 18,
      args: [
        ['validator_stash', 'AccountId32'],
        ['era', 'u32'],
      ],
    },
    'Staking.rebond': { index: 19, args: [['value', { compact: 'u128' }]] },

    // ----- Balances: pallet-balances, substrate polkadot-v0.9.43 (Cargo.lock 5e49f6e4),
    //       frame/balances/src/lib.rs -----
    'Balances.transfer_allow_death': {
      index: 0,
      args: [
        ['dest', MultiAddress],
        ['value', { compact: 'u128' }],
      ],
    },
    'Balances.transfer_keep_alive': {
      index: 3,
      args: [
        ['dest', MultiAddress],
        ['value', { compact: 'u128' }],
      ],
    },
  },
};
