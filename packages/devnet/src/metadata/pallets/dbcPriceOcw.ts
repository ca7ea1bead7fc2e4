// Metadata of the DBCPriceOCW pallet as the DBC runtime declares it at upstream HEAD (spec 411).
// Source: DeepBrainChain/DeepBrainChain-MainChain@d03734c2 pallets/dbc-price-ocw/src/lib.rs (unchanged in
// shape since the spec-400 interface table); see test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const dbcPriceOcw: PalletDef = {
  name: 'DBCPriceOCW',
  index: 106,
  storage: {
    // PriceUpdateFrequencyDefault = 10 (u32).
    PriceUpdateFrequency: { modifier: 'Default', value: 'u32', fallback: '0x0a000000' },
    // VecDeque<u64> is a plain sequence in scale-info.
    Prices: { modifier: 'Default', value: { vec: 'u64' } },
    PriceURL: { modifier: 'Optional', value: { vec: { vec: 'u8' } } },
    AvgPrice: { modifier: 'Optional', value: 'u64' },
  },
  calls: {
    submit_price_unsigned: { index: 0, args: [['price', 'u64']] },
    submit_price_by_root: { index: 1, args: [['price', 'u64']] },
    add_price_url: { index: 2, args: [['new_url', { vec: 'u8' }]] },
    set_price_update_frequency: { index: 3, args: [['frequency', 'u32']] },
    rm_price_url_by_index: { index: 4, args: [['index', 'u32']] },
  },
  events: { AddNewPrice: { index: 0, fields: ['u64'] }, AddAvgPrice: { index: 1, fields: ['u64'] } },
  errors: [
    'NoLocalAcctForSigning',
    'FetchPriceFailed',
    'OffchainUnsignedTxSignedPayloadError',
    'OffchainUnsignedTxError',
    'NoneValue',
    'IndexOutOfRange',
  ],
  // The pallet declares no #[pallet::constant].
  constants: {},
};
