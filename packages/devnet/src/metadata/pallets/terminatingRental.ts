// Metadata of the TerminatingRental pallet as the DBC runtime declares it at upstream HEAD (spec 411).
// Source: DeepBrainChain/DeepBrainChain-MainChain@d03734c2 pallets/terminating-rental/src/lib.rs and the
// structs in pallets/support/src/{machine_info,machine_type,live_machine,verify_online,
// verify_committee_slash,rental_type,report/*}.rs. Started from the spec-400 interface table; see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef, TypeExpr } from '../types.js';

const machineId: TypeExpr = { vec: 'u8' };
const reportHash: TypeExpr = { array: 16, of: 'u8' };
const boxPubkey: TypeExpr = { array: 32, of: 'u8' };

const stakerCustomizeInfo: TypeExpr = {
  struct: {
    server_room: 'H256',
    upload_net: 'u64',
    download_net: 'u64',
    longitude: { enum: { East: ['u64'], West: ['u64'] }, path: 'dbc_support::machine_type::Longitude' },
    latitude: { enum: { South: ['u64'], North: ['u64'] }, path: 'dbc_support::machine_type::Latitude' },
    telecom_operators: { vec: { vec: 'u8' } },
    is_bare_machine: 'bool',
  },
  path: 'dbc_support::machine_type::StakerCustomizeInfo',
};

const committeeUploadInfo: TypeExpr = {
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

const opSlashReason: TypeExpr = {
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

// MachineStatus<BlockNumber, AccountId>; `Box<Self>` is transparent in scale-info.
const machineStatus: TypeExpr = {
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

const machineInfo: TypeExpr = {
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

const standardGpuPointPrice: TypeExpr = {
  struct: { gpu_point: 'u64', gpu_price: 'u64' },
  path: 'dbc_support::machine_type::StandardGpuPointPrice',
};

const reporterStakeParamsInfo: TypeExpr = {
  struct: { stake_baseline: 'u128', stake_per_report: 'u128', min_free_stake_percent: 'Perbill' },
  path: 'dbc_support::report::report_info::ReporterStakeParamsInfo',
};

const machineFaultType: TypeExpr = {
  enum: {
    RentedInaccessible: [machineId, 'u64'],
    RentedHardwareMalfunction: [reportHash, boxPubkey],
    RentedHardwareCounterfeit: [reportHash, boxPubkey],
    OnlineRentFailed: [reportHash, boxPubkey],
  },
  path: 'dbc_support::report::report_info::MachineFaultType',
};

export const terminatingRental: PalletDef = {
  name: 'TerminatingRental',
  index: 113,
  storage: {
    OnlineDeposit: { modifier: 'Default', value: 'u128' },
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
    StashServerRooms: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: 'H256' },
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
    OfflineMachines: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: machineId },
    },
    StashStake: { modifier: 'Default', hashers: ['Blake2_128Concat'], key: 'AccountId32', value: 'u128' },
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
    MachinesInfo: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: machineInfo,
    },
    StakePerGPU: { modifier: 'Default', value: 'u128' },
    MachineRentedGPU: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: 'u32',
    },
    CommitteeMachine: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          booked_machine: { vec: machineId },
          hashed_machine: { vec: machineId },
          confirmed_machine: { vec: machineId },
          online_machine: { vec: machineId },
        },
        path: 'dbc_support::verify_online::OCCommitteeMachineList',
      },
    },
    MachineCommittee: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: {
        struct: {
          book_time: 'u32',
          booked_committee: { vec: 'AccountId32' },
          hashed_committee: { vec: 'AccountId32' },
          confirm_start_time: 'u32',
          confirmed_committee: { vec: 'AccountId32' },
          onlined_committee: { vec: 'AccountId32' },
          status: {
            enum: { SubmittingHash: [], SubmittingRaw: [], Summarizing: [], Finished: [] },
            path: 'dbc_support::verify_online::OCVerifyStatus',
          },
        },
        path: 'dbc_support::verify_online::OCMachineCommitteeList',
      },
    },
    // Declared with ValueQuery at HEAD (the spec-400 transcription had it as Optional).
    MachineSubmitedHash: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: { vec: reportHash },
    },
    CommitteeOnlineOps: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['AccountId32', machineId] },
      value: {
        struct: {
          staked_dbc: 'u128',
          verify_time: { vec: 'u32' },
          confirm_hash: reportHash,
          hash_time: 'u32',
          confirm_time: 'u32',
          machine_status: {
            enum: { Booked: [], Hashed: [], Confirmed: [] },
            path: 'dbc_support::verify_online::OCMachineStatus',
          },
          machine_info: committeeUploadInfo,
        },
        path: 'dbc_support::verify_online::OCCommitteeOps',
      },
    },
    UserRented: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: { vec: 'u64' },
    },
    MachineRentOrder: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: {
        struct: { rent_order: { vec: 'u64' }, used_gpu: { vec: 'u32' } },
        path: 'dbc_support::rental_type::MachineGPUOrder',
      },
    },
    NextRentId: { modifier: 'Default', value: 'u64' },
    RentOrder: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: {
        struct: {
          machine_id: machineId,
          renter: 'AccountId32',
          rent_start: 'u32',
          confirm_rent: 'u32',
          rent_end: 'u32',
          stake_amount: 'u128',
          rent_status: {
            enum: { WaitingVerifying: [], Renting: [], RentExpired: [] },
            path: 'dbc_support::rental_type::RentStatus',
          },
          gpu_num: 'u32',
          gpu_index: { vec: 'u32' },
        },
        path: 'dbc_support::rental_type::RentOrderDetail',
      },
    },
    PendingConfirming: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    PendingRentEnding: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    RentFeePot: { modifier: 'Optional', value: 'AccountId32' },
    // RentFeeDestroyPercentDefault = Perbill::from_percent(5) = 50_000_000 parts per billion.
    RentFeeDestroyPercent: { modifier: 'Default', value: 'Perbill', fallback: '0x80f0fa02' },
    MachineExtraPrice: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: 'u64',
    },
    StashRentReceiver: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'AccountId32',
    },
    // MaximumRentalDurationDefault = 60 (u32).
    MaximumRentalDuration: { modifier: 'Default', value: 'u32', fallback: '0x3c000000' },
    StandardGPUPointPrice: { modifier: 'Optional', value: standardGpuPointPrice },
    RenterTotalStake: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: 'u128',
    },
    RentedFinished: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: machineId,
      value: 'AccountId32',
    },
    NextSlashId: { modifier: 'Default', value: 'u64' },
    PendingOnlineSlash: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: {
        struct: {
          machine_id: machineId,
          machine_stash: { option: 'AccountId32' },
          stash_slash_amount: 'u128',
          inconsistent_committee: { vec: 'AccountId32' },
          unruly_committee: { vec: 'AccountId32' },
          reward_committee: { vec: 'AccountId32' },
          committee_stake: 'u128',
          slash_time: 'u32',
          slash_exec_time: 'u32',
          book_result: {
            enum: { OnlineSucceed: [], OnlineRefused: [], NoConsensus: [] },
            path: 'dbc_support::verify_online::OCBookResultType',
          },
          slash_result: {
            enum: { Pending: [], Canceled: [], Executed: [] },
            path: 'dbc_support::verify_committee_slash::OCSlashResult',
          },
        },
        path: 'dbc_support::verify_committee_slash::OCPendingSlashInfo',
      },
    },
    UnhandledOnlineSlash: { modifier: 'Default', value: { vec: 'u64' } },
    LiveReport: {
      modifier: 'Default',
      value: {
        struct: {
          bookable_report: { vec: 'u64' },
          verifying_report: { vec: 'u64' },
          waiting_raw_report: { vec: 'u64' },
          finished_report: { vec: 'u64' },
        },
        path: 'dbc_support::report::live_report::MTLiveReportList',
      },
    },
    ReportInfo: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: {
        struct: {
          reporter: 'AccountId32',
          report_time: 'u32',
          reporter_stake: 'u128',
          first_book_time: 'u32',
          machine_id: machineId,
          rent_order_id: 'u64',
          err_info: { vec: 'u8' },
          verifying_committee: { option: 'AccountId32' },
          booked_committee: { vec: 'AccountId32' },
          get_encrypted_info_committee: { vec: 'AccountId32' },
          hashed_committee: { vec: 'AccountId32' },
          confirm_start: 'u32',
          confirmed_committee: { vec: 'AccountId32' },
          support_committee: { vec: 'AccountId32' },
          against_committee: { vec: 'AccountId32' },
          report_status: {
            enum: {
              Reported: [],
              WaitingBook: [],
              Verifying: [],
              SubmittingRaw: [],
              CommitteeConfirmed: [],
            },
            path: 'dbc_support::report::report_info::ReportStatus',
          },
          machine_fault_type: machineFaultType,
        },
        path: 'dbc_support::report::report_info::MTReportInfoDetail',
      },
    },
    ReporterReport: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          processing_report: { vec: 'u64' },
          canceled_report: { vec: 'u64' },
          succeed_report: { vec: 'u64' },
          failed_report: { vec: 'u64' },
        },
        path: 'dbc_support::report::reporter_report::ReporterReportList',
      },
    },
    ReporterStakeParams: { modifier: 'Default', value: reporterStakeParamsInfo },
    NextReportId: { modifier: 'Default', value: 'u64' },
    ReporterStake: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          staked_amount: 'u128',
          used_stake: 'u128',
          can_claim_reward: 'u128',
          claimed_reward: 'u128',
        },
        path: 'dbc_support::report::reporter_report::ReporterStakeInfo',
      },
    },
    CommitteeReportOrder: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          booked_report: { vec: 'u64' },
          hashed_report: { vec: 'u64' },
          confirmed_report: { vec: 'u64' },
          finished_report: { vec: 'u64' },
        },
        path: 'dbc_support::report::committee_order::MTCommitteeOrderList',
      },
    },
    CommitteeReportOps: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: ['AccountId32', 'u64'] },
      value: {
        struct: {
          booked_time: 'u32',
          encrypted_err_info: { option: { vec: 'u8' } },
          encrypted_time: 'u32',
          confirm_hash: reportHash,
          hash_time: 'u32',
          extra_err_info: { vec: 'u8' },
          confirm_time: 'u32',
          confirm_result: 'bool',
          staked_balance: 'u128',
          order_status: {
            enum: { WaitingEncrypt: [], Verifying: [], WaitingRaw: [], Finished: [] },
            path: 'dbc_support::report::committee_order::MTOrderStatus',
          },
        },
        path: 'dbc_support::report::committee_order::MTCommitteeOpsDetail',
      },
      // MTCommitteeOpsDetail derives Default, but MTOrderStatus::default() is Verifying (variant 1):
      // 51 zero bytes for the other fields, then 0x01.
      fallback: `0x${'00'.repeat(51)}01`,
    },
    ReportResult: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: {
        struct: {
          report_id: 'u64',
          reporter: 'AccountId32',
          reporter_stake: 'u128',
          inconsistent_committee: { vec: 'AccountId32' },
          unruly_committee: { vec: 'AccountId32' },
          reward_committee: { vec: 'AccountId32' },
          committee_stake: 'u128',
          machine_stash: { option: 'AccountId32' },
          machine_id: machineId,
          slash_time: 'u32',
          slash_exec_time: 'u32',
          report_result: {
            enum: {
              ReportSucceed: [],
              ReportRefused: [],
              ReporterNotSubmitEncryptedInfo: [],
              NoConsensus: [],
            },
            path: 'dbc_support::report::report_result::ReportResultType',
          },
          slash_result: {
            enum: { Pending: [], Canceled: [], Executed: [] },
            path: 'dbc_support::report::report_result::MCSlashResult',
          },
        },
        path: 'dbc_support::report::report_result::MTReportResultInfo',
      },
    },
    UnhandledReportResult: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    StorageVersion: { modifier: 'Default', value: 'u16' },
  },
  calls: {
    set_stake_per_gpu: { index: 0, args: [['stake_per_gpu', 'u128']] },
    set_online_deposit: { index: 1, args: [['deposit', 'u128']] },
    set_standard_gpu_point_price: { index: 2, args: [['point_price', standardGpuPointPrice]] },
    set_reporter_stake_params: { index: 3, args: [['params', reporterStakeParamsInfo]] },
    set_controller: { index: 4, args: [['controller', 'AccountId32']] },
    gen_server_room: { index: 5, args: [] },
    bond_machine: {
      index: 6,
      args: [
        ['machine_id', machineId],
        ['msg', { vec: 'u8' }],
        ['sig', { vec: 'u8' }],
      ],
    },
    add_machine_info: {
      index: 7,
      args: [
        ['machine_id', machineId],
        ['add_machine_info', stakerCustomizeInfo],
      ],
    },
    submit_confirm_hash: {
      index: 8,
      args: [
        ['machine_id', machineId],
        ['hash', reportHash],
      ],
    },
    submit_confirm_raw: { index: 9, args: [['machine_info_detail', committeeUploadInfo]] },
    rent_machine: {
      index: 10,
      args: [
        ['machine_id', machineId],
        ['rent_gpu_num', 'u32'],
        ['duration', 'u32'],
      ],
    },
    confirm_rent: { index: 11, args: [['rent_id', 'u64']] },
    relet_machine: {
      index: 12,
      args: [
        ['rent_id', 'u64'],
        ['duration', 'u32'],
      ],
    },
    terminate_rent: { index: 13, args: [['rent_id', 'u64']] },
    machine_offline: { index: 14, args: [['machine_id', machineId]] },
    machine_online: { index: 15, args: [['machine_id', machineId]] },
    machine_exit: { index: 16, args: [['machine_id', machineId]] },
    report_machine_fault: {
      index: 17,
      args: [
        ['report_hash', reportHash],
        ['box_pubkey', boxPubkey],
      ],
    },
    reporter_add_stake: { index: 18, args: [['amount', 'u128']] },
    reporter_reduce_stake: { index: 19, args: [['amount', 'u128']] },
    reporter_cancel_report: { index: 20, args: [['report_id', 'u64']] },
    committee_book_report: { index: 21, args: [['report_id', 'u64']] },
    reporter_add_encrypted_error_info: {
      index: 22,
      args: [
        ['report_id', 'u64'],
        ['to_committee', 'AccountId32'],
        ['encrypted_err_info', { vec: 'u8' }],
      ],
    },
    committee_submit_verify_hash: {
      index: 23,
      args: [
        ['report_id', 'u64'],
        ['hash', reportHash],
      ],
    },
    committee_submit_verify_raw: {
      index: 24,
      args: [
        ['report_id', 'u64'],
        ['machine_id', machineId],
        ['rent_order_id', 'u64'],
        ['reporter_rand_str', { vec: 'u8' }],
        ['committee_rand_str', { vec: 'u8' }],
        ['err_reason', { vec: 'u8' }],
        ['extra_err_info', { vec: 'u8' }],
        ['support_report', 'bool'],
      ],
    },
    set_rentfee_destroy_percent: { index: 25, args: [['percent', 'Perbill']] },
    set_machine_extra_price: {
      index: 26,
      args: [
        ['machine_id', machineId],
        ['extra_price', 'u64'],
      ],
    },
    set_rent_receiver: { index: 27, args: [['receiver', { option: 'AccountId32' }]] },
  },
  events: {
    ControllerStashBonded: { index: 0, fields: ['AccountId32', 'AccountId32'] },
    ServerRoomGenerated: { index: 1, fields: ['AccountId32', 'H256'] },
    StakeAdded: { index: 2, fields: ['AccountId32', 'u128'] },
    StakeReduced: { index: 3, fields: ['AccountId32', 'u128'] },
    MachineInfoAdded: { index: 4, fields: [machineId] },
    AddConfirmHash: { index: 5, fields: ['AccountId32', reportHash] },
    AddConfirmRaw: { index: 6, fields: ['AccountId32', machineId] },
    MachineDistributed: { index: 7, fields: [machineId, 'AccountId32'] },
    RentBlockNum: { index: 8, fields: ['u64', 'AccountId32', machineId, 'u128', 'u32', 'u32'] },
    ConfirmReletBlockNum: { index: 9, fields: ['AccountId32', machineId, 'u128', 'u32'] },
    ReletBlockNum: { index: 10, fields: ['u64', 'AccountId32', machineId, 'u128', 'u32', 'u32'] },
    ReportMachineFault: { index: 11, fields: ['AccountId32', machineFaultType] },
    ReporterAddStake: { index: 12, fields: ['AccountId32', 'u128'] },
    ReporterReduceStake: { index: 13, fields: ['AccountId32', 'u128'] },
    ReportCanceled: { index: 14, fields: ['AccountId32', 'u64', machineFaultType] },
    CommitteeBookReport: { index: 15, fields: ['AccountId32', 'u64'] },
    EncryptedInfoSent: { index: 16, fields: ['AccountId32', 'AccountId32', 'u64'] },
    HashSubmited: { index: 17, fields: ['u64', 'AccountId32'] },
    RawInfoSubmited: { index: 18, fields: ['u64', 'AccountId32'] },
    MachineExtraPriceSet: { index: 19, fields: [machineId, 'u64'] },
    RentReceiverChanged: { index: 20, fields: ['AccountId32', { option: 'AccountId32' }] },
    RentReceiverPayoutFallback: { index: 21, fields: ['AccountId32', 'AccountId32', 'u128'] },
    RentFeePayoutFailed: { index: 22, fields: ['u64'] },
  },
  errors: [
    'AlreadyController',
    'NoStashBond',
    'PayTxFeeFailed',
    'MachineIdExist',
    'SigMachineIdNotEqualBondedMachineId',
    'ConvertMachineIdToWalletFailed',
    'BadSignature',
    'BadMsgLen',
    'MachineStashNotEqualControllerStash',
    'BalanceNotEnough',
    'TelecomIsNull',
    'ServerRoomNotFound',
    'NotAllowedChangeMachineInfo',
    'NotMachineController',
    'CalaStakeAmountFailed',
    'ClaimRewardFailed',
    'DuplicateHash',
    'InfoNotFeatHash',
    'NotInBookList',
    'AlreadySubmitRaw',
    'AlreadySubmitHash',
    'NotSubmitHash',
    'TimeNotAllow',
    'MachineNotRentable',
    'GetMachinePriceFailed',
    'GPUNotEnough',
    'OnlyHalfHourAllowed',
    'OnlyAllowIntegerMultipleOfHour',
    'Overflow',
    'InsufficientValue',
    'NoOrderExist',
    'NotOrderRenter',
    'ExpiredConfirm',
    'StatusNotAllowed',
    'UnlockToPayFeeFailed',
    'StakeNotEnough',
    'ReportNotAllowCancel',
    'ReportNotAllowBook',
    'NotReporter',
    'NotCommittee',
    'AlreadyBooked',
    'GetStakeAmountFailed',
    'StakeFailed',
    'OrderStatusNotFeat',
    'NotOrderReporter',
    'NotOrderCommittee',
    'NotNeedEncryptedInfo',
    'NotInBookedList',
    'NotProperCommittee',
    'NotEqualReporterSubmit',
    'NotEqualCommitteeSubmit',
    'Unknown',
    'ReletTooShort',
    'OfflineNotYetAllowed',
    'ExtraPriceTooHigh',
    'UndefinedRentPot',
    'InvalidRentReceiver',
  ],
  // The pallet declares no #[pallet::constant].
  constants: {},
};
