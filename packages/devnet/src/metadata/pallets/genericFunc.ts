// Metadata of the GenericFunc pallet as the DBC runtime declares it at upstream HEAD (spec 411).
// Source: DeepBrainChain/DeepBrainChain-MainChain@d03734c2 pallets/generic-func/src/lib.rs (unchanged in
// shape since the spec-400 interface table); see test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const genericFunc: PalletDef = {
  name: 'GenericFunc',
  index: 104,
  storage: {
    // RandNonceDefault = 0 (u64); spelled out because the pallet declares it with #[pallet::type_value].
    RandNonce: { modifier: 'Default', value: 'u64', fallback: '0x0000000000000000' },
    FixedTxFee: { modifier: 'Optional', value: 'u128' },
    DestroyHook: { modifier: 'Optional', value: { tuple: ['AccountId32', 'u32'] } },
    TotalDestroy: { modifier: 'Default', hashers: ['Blake2_128Concat'], key: 'AccountId32', value: 'u128' },
  },
  calls: {
    set_fixed_tx_fee: { index: 0, args: [['tx_fee', 'u128']] },
    deposit_into_treasury: { index: 1, args: [['amount', 'u128']] },
    set_auto_destroy: {
      index: 2,
      args: [
        ['who', 'AccountId32'],
        ['frequency', 'u32'],
      ],
    },
    destroy_free_dbc: { index: 3, args: [['amount', 'u128']] },
    force_destroy_free_dbc: {
      index: 4,
      args: [
        ['who', 'AccountId32'],
        ['amount', 'u128'],
      ],
    },
  },
  events: {
    DonateToTreasury: { index: 0, fields: ['AccountId32', 'u128'] },
    TxFeeToTreasury: { index: 1, fields: ['AccountId32', 'u128'] },
    DestroyDBC: { index: 2, fields: ['AccountId32', 'u128'] },
  },
  errors: ['FreeBalanceNotEnough', 'UnknownFixedTxFee'],
  // The pallet declares no #[pallet::constant].
  constants: {},
};
