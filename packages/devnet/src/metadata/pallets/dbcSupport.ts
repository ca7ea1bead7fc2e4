// Types of the dbc_support crate (pallets/support/src/{machine_info,machine_type}.rs) that
// OnlineProfile and TerminatingRental both use: one Rust type, so one definition (and one lookup
// entry, as in the real metadata).
import type { TypeExpr } from '../types.js';

export const machineId: TypeExpr = { vec: 'u8' };

export const longitude: TypeExpr = {
  enum: { East: ['u64'], West: ['u64'] },
  path: 'dbc_support::machine_type::Longitude',
};

export const latitude: TypeExpr = {
  enum: { South: ['u64'], North: ['u64'] },
  path: 'dbc_support::machine_type::Latitude',
};

export const stakerCustomizeInfo: TypeExpr = {
  struct: {
    server_room: 'H256',
    upload_net: 'u64',
    download_net: 'u64',
    longitude,
    latitude,
    telecom_operators: { vec: { vec: 'u8' } },
    is_bare_machine: 'bool',
  },
  path: 'dbc_support::machine_type::StakerCustomizeInfo',
};

export const committeeUploadInfo: TypeExpr = {
  struct: {
    machine_id: machineId,
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

export const opSlashReason: TypeExpr = {
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

export const machineStatus: TypeExpr = {
  enum: {
    AddingCustomizeInfo: [],
    DistributingOrder: [],
    CommitteeVerifying: [],
    CommitteeRefused: ['u32'],
    WaitingFulfill: [],
    Online: [],
    StakerReportOffline: ['u32', 'recursive:MachineStatus'],
    ReporterReportOffline: [opSlashReason, 'recursive:MachineStatus', 'AccountId32', { vec: 'AccountId32' }],
    Creating: [],
    Rented: [],
    Exit: [],
  },
  path: 'dbc_support::machine_type::MachineStatus',
};

export const machineInfo: TypeExpr = {
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
    machine_status: machineStatus,
    total_rented_duration: 'u32',
    total_rented_times: 'u64',
    total_rent_fee: 'u128',
    total_burn_fee: 'u128',
    machine_info_detail: {
      struct: {
        committee_upload_info: committeeUploadInfo,
        staker_customize_info: stakerCustomizeInfo,
      },
      path: 'dbc_support::machine_type::MachineInfoDetail',
    },
    reward_committee: { vec: 'AccountId32' },
    reward_deadline: 'u32',
  },
  path: 'dbc_support::machine_info::MachineInfo',
};

export const standardGpuPointPrice: TypeExpr = {
  struct: { gpu_point: 'u64', gpu_price: 'u64' },
  path: 'dbc_support::machine_type::StandardGpuPointPrice',
};
