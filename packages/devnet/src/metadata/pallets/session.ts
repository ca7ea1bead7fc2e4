// Metadata of the Session pallet as the DBC runtime declares it. Shapes were transcribed from the
// spec-400 interface table and the pallet's Rust source (DeepBrainChain-MainChain); see
// test/metadata-fidelity.test.ts for the field-by-field check.
import type { PalletDef } from '../types.js';

export const session: PalletDef = {
  name: 'Session',
  index: 10,
  storage: {
    Validators: { modifier: 'Default', value: { vec: 'AccountId32' } },
    CurrentIndex: { modifier: 'Default', value: 'u32' },
    QueuedChanged: { modifier: 'Default', value: 'bool' },
    QueuedKeys: {
      modifier: 'Default',
      value: {
        vec: {
          tuple: [
            'AccountId32',
            {
              struct: {
                grandpa: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
                babe: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
                im_online: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
                authority_discovery: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
              },
            },
          ],
        },
      },
    },
    DisabledValidators: { modifier: 'Default', value: { vec: 'u32' } },
    NextKeys: {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: 'AccountId32',
      value: {
        struct: {
          grandpa: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
          babe: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
          im_online: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
          authority_discovery: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
        },
      },
    },
    KeyOwner: {
      modifier: 'Optional',
      hashers: ['Twox64Concat'],
      key: { tuple: [{ struct: { '0': { array: 4, of: 'u8' } } }, { vec: 'u8' }] },
      value: 'AccountId32',
    },
  },
  calls: {
    set_keys: {
      index: 0,
      args: [
        [
          'keys',
          {
            struct: {
              grandpa: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
              babe: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
              im_online: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
              authority_discovery: { struct: { '0': { struct: { '0': { array: 32, of: 'u8' } } } } },
            },
          },
        ],
        ['proof', { vec: 'u8' }],
      ],
    },
    purge_keys: { index: 1, args: [] },
  },
  events: { NewSession: { index: 0, fields: ['u32'] } },
  errors: ['InvalidProof', 'NoAssociatedValidatorId', 'DuplicatedKey', 'NoKeys', 'NoAccount'],
  constants: {},
};
