import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { DbcInputError } from '../../errors/index.js';
import { toDbcAddress } from '../../units/address.js';

/** What `bondMachineTx` needs: the machine id and the machine key's signature over it and the stash. */
export interface MachineBondingSignature {
  /** The machine key's sr25519 public key as 64 hex characters (no 0x): the machine id. */
  machineId: string;
  /** `machineId` ++ stash SS58 address: 112 ASCII characters. */
  msg: string;
  /** sr25519 signature of `msg` by the machine key (64 bytes). */
  sig: `0x${string}`;
}

/** Parameters of {@link signMachineBonding}. */
export interface SignMachineBondingParameters {
  /** The machine's sr25519 key: a KeyringPair, or its secret (hex seed, mnemonic or `//uri`). */
  machineKey: KeyringPair | string;
  /** The stash the machine is bonded to (the controller's stash). */
  stash: string;
}

/**
 * Signs the bonding message DBC's `bond_machine` checks (utils.rs check_bonding_msg): the machine
 * proves it agrees to be bonded to this stash. Run it where the machine key lives (the machine or
 * the miner's tooling); only the signature goes into the transaction.
 *
 * @example
 * ```ts
 * const bond = await signMachineBonding({ machineKey: machineSeedHex, stash });
 * await submitAndCheck(chain, bondMachineTx(chain, bond), controller);
 * ```
 */
export async function signMachineBonding(params: SignMachineBondingParameters): Promise<MachineBondingSignature> {
  const stash = toDbcAddress(params.stash);
  await cryptoWaitReady();
  let pair: KeyringPair;
  if (typeof params.machineKey === 'string') {
    try {
      pair = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri(params.machineKey);
    } catch {
      // The original message could echo the secret, so it is not attached.
      throw new DbcInputError('INVALID_SECRET', 'The machine key could not be read as a hex seed, mnemonic or secret URI.');
    }
  } else pair = params.machineKey;
  if (pair.type !== 'sr25519') {
    throw new DbcInputError('INVALID_MACHINE_KEY', `Machine keys are sr25519; this one is ${pair.type}.`, { details: { type: pair.type } });
  }
  const machineId = u8aToHex(pair.publicKey).slice(2);
  const msg = `${machineId}${stash}`;
  return { machineId, msg, sig: u8aToHex(pair.sign(stringToU8a(msg))) };
}
