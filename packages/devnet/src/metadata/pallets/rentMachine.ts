// Metadata of the RentMachine pallet as the DBC runtime declares it at upstream HEAD (spec 411).
// Source: DeepBrainChain/DeepBrainChain-MainChain@d03734c2 pallets/rent-machine/src/lib.rs and
// pallets/support/src/rental_type.rs. Started from the spec-400 interface table; see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef, TypeExpr } from '../types.js';

const machineId: TypeExpr = { vec: 'u8' };

const rentOrderDetail: TypeExpr = {
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
};

export const rentMachine: PalletDef = {
  name: 'RentMachine',
  index: 111,
  storage: {
    UserOrder: {
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
    MachineRenterRentedOrders: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat', 'Blake2_128Concat'],
      key: { tuple: [machineId, 'AccountId32'] },
      value: {
        vec: {
          struct: { rent_id: 'u64', rent_start: 'u32', rent_end: 'u32' },
          path: 'dbc_support::rental_type::MachineRenterRentedOrderDetail',
        },
      },
    },
    NextRentId: { modifier: 'Default', value: 'u64' },
    RentInfo: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: rentOrderDetail,
    },
    ConfirmingOrder: {
      modifier: 'Default',
      hashers: ['Blake2_128Concat'],
      key: 'u32',
      value: { vec: 'u64' },
    },
    RentEnding: { modifier: 'Default', hashers: ['Blake2_128Concat'], key: 'u32', value: { vec: 'u64' } },
    UserTotalStake: { modifier: 'Default', hashers: ['Blake2_128Concat'], key: 'AccountId32', value: 'u128' },
    RentFeePot: { modifier: 'Optional', value: 'AccountId32' },
    RentOrderReceiver: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'u64',
      value: 'AccountId32',
    },
    // MaximumRentalDurationDefault = 60 (u32).
    MaximumRentalDuration: { modifier: 'Default', value: 'u32', fallback: '0x3c000000' },
    EvmAddress2Account: {
      modifier: 'Optional',
      hashers: ['Blake2_128Concat'],
      key: 'H160',
      value: 'AccountId32',
    },
    StorageVersion: { modifier: 'Default', value: 'u16' },
  },
  calls: {
    set_rent_fee_pot: { index: 0, args: [['pot_addr', 'AccountId32']] },
    rent_machine: {
      index: 1,
      args: [
        ['machine_id', machineId],
        ['rent_gpu_num', 'u32'],
        ['duration', 'u32'],
      ],
    },
    confirm_rent: { index: 2, args: [['rent_id', 'u64']] },
    relet_machine: {
      index: 3,
      args: [
        ['rent_id', 'u64'],
        ['relet_duration', 'u32'],
      ],
    },
    bond_evm_address: {
      index: 4,
      args: [
        ['machine_id', machineId],
        ['evm_address', 'H160'],
      ],
    },
  },
  events: {
    PayTxFee: { index: 0, fields: ['AccountId32', 'u128'] },
    ConfirmRent: { index: 1, fields: ['u64', 'AccountId32', machineId, 'u32', 'u32', 'u128'] },
    Rent: { index: 2, fields: ['u64', 'AccountId32', machineId, 'u32', 'u32', 'u128'] },
    Relet: { index: 3, fields: ['u64', 'AccountId32', machineId, 'u32', 'u32', 'u128'] },
    SetEvmAddress: { index: 4, fields: ['H160', 'AccountId32'] },
  },
  errors: [
    'AccountAlreadyExist',
    'MachineNotRentable',
    'Overflow',
    'InsufficientValue',
    'ExpiredConfirm',
    'NoOrderExist',
    'StatusNotAllowed',
    'UnlockToPayFeeFailed',
    'UndefinedRentPot',
    'PayTxFeeFailed',
    'GetMachinePriceFailed',
    'OnlyHalfHourAllowed',
    'GPUNotEnough',
    'NotMachineRenter',
    'Unknown',
    'ReletTooShort',
    'NotMachineOwner',
    'SignVerifiedFailed',
    'MachineNotRented',
    'MachineNotFound',
    'MoreThanOneRenter',
    'OutOfRentalSchedule',
  ],
  // The pallet declares no #[pallet::constant].
  constants: {},
};
