// Metadata of the TransactionPayment pallet as the DBC runtime declares it. Shapes were transcribed from the
// spec-400 interface table and the pallet's Rust source (DeepBrainChain-MainChain); see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const transactionPayment: PalletDef = {
  name: 'TransactionPayment',
  index: 8,
  storage: {
    NextFeeMultiplier: { modifier: 'Default', value: { struct: { '0': 'u128' } } },
    StorageVersion: { modifier: 'Default', value: { enum: { V1Ancient: [], V2: [] } } },
  },
  calls: {},
  events: { TransactionFeePaid: { index: 0, fields: ['AccountId32', 'u128', 'u128'] } },
  errors: [],
  constants: {},
};
