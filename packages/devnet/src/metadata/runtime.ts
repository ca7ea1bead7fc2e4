import { bnToHex } from '@polkadot/util';
import type { RuntimeShape } from './builder.js';
import { balances } from './pallets/balances.js';
import { dbcPriceOcw } from './pallets/dbcPriceOcw.js';
import { genericFunc } from './pallets/genericFunc.js';
import { onlineProfile } from './pallets/onlineProfile.js';
import { rentMachine } from './pallets/rentMachine.js';
import { session } from './pallets/session.js';
import { staking } from './pallets/staking.js';
import { system } from './pallets/system.js';
import { terminatingRental } from './pallets/terminatingRental.js';
import { timestamp } from './pallets/timestamp.js';
import { transactionPayment } from './pallets/transactionPayment.js';
import type { PalletDef, TypeExpr } from './types.js';

/** The runtime version the devnet reports: DBC mainnet at upstream HEAD (d03734c). */
export const RUNTIME_VERSION = {
  specName: 'DeepBrainChain',
  implName: 'DeepBrainChain',
  authoringVersion: 0,
  specVersion: 411,
  implVersion: 0,
  transactionVersion: 2,
  stateVersion: 0,
} as const;

const le = (value: number | bigint, bits: number) => bnToHex(BigInt(value), { bitLength: bits, isLe: true });

/** Adds the constants polkadot.js and our SDK read (values from runtime/src/lib.rs). */
function withConstants(p: PalletDef, constants: PalletDef['constants']): PalletDef {
  return { ...p, constants: { ...p.constants, ...constants } };
}

const ext = (identifier: string, module: string, fields: Record<string, TypeExpr>, additionalSigned: TypeExpr) => ({
  identifier,
  type: { struct: fields, path: `${module}::${identifier}` } as TypeExpr,
  additionalSigned,
});

export const dbcRuntime: RuntimeShape = {
  pallets: [
    withConstants(system, {
      BlockHashCount: { type: 'u32', value: le(2400, 32) },
      SS58Prefix: { type: 'u16', value: le(42, 16) },
    }),
    withConstants(timestamp, {
      // SLOT_DURATION / 2: polkadot.js derives the 6 s block time from it.
      MinimumPeriod: { type: 'u64', value: le(3000, 64) },
    }),
    withConstants(balances, {
      ExistentialDeposit: { type: 'u128', value: le(0, 128) },
      MaxLocks: { type: 'u32', value: le(50, 32) },
      MaxReserves: { type: 'u32', value: le(50, 32) },
      MaxHolds: { type: 'u32', value: le(0, 32) },
      MaxFreezes: { type: 'u32', value: le(0, 32) },
    }),
    withConstants(transactionPayment, {
      OperationalFeeMultiplier: { type: 'u8', value: le(5, 8) },
    }),
    session,
    staking,
    genericFunc,
    dbcPriceOcw,
    onlineProfile,
    rentMachine,
    terminatingRental,
  ].sort((a, b) => a.index - b.index),
  signedExtensions: [
    ext('CheckNonZeroSender', 'frame_system::extensions::check_non_zero_sender', {}, { tuple: [] }),
    ext('CheckSpecVersion', 'frame_system::extensions::check_spec_version', {}, 'u32'),
    ext('CheckTxVersion', 'frame_system::extensions::check_tx_version', {}, 'u32'),
    ext('CheckGenesis', 'frame_system::extensions::check_genesis', {}, 'H256'),
    ext('CheckMortality', 'frame_system::extensions::check_mortality', { '0': 'Era' }, 'H256'),
    ext('CheckNonce', 'frame_system::extensions::check_nonce', { '0': { compact: 'u32' } }, { tuple: [] }),
    ext('CheckWeight', 'frame_system::extensions::check_weight', {}, { tuple: [] }),
    ext(
      'ChargeAssetTxPayment',
      'pallet_asset_tx_payment',
      { tip: { compact: 'u128' }, asset_id: { option: 'u32' } },
      { tuple: [] },
    ),
  ],
};

