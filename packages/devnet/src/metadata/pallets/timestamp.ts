// Metadata of the Timestamp pallet as the DBC runtime declares it. Shapes were transcribed from the
// spec-400 interface table and the pallet's Rust source (DeepBrainChain-MainChain); see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const timestamp: PalletDef = {
  name: 'Timestamp',
  index: 2,
  storage: {
    Now: { modifier: 'Default', value: 'u64' },
    DidUpdate: { modifier: 'Default', value: 'bool' },
  },
  calls: { set: { index: 0, args: [['now', { compact: 'u64' }]] } },
  events: {},
  errors: [],
  constants: {},
};
