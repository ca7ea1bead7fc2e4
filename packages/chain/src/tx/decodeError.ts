import type { ApiPromise } from '@polkadot/api';
import type { DispatchError } from '@polkadot/types/interfaces';

/** A dispatch error by its runtime names. */
export interface DecodedDispatchError {
  /** `rentMachine.GPUNotEnough`, or the DispatchError kind for non-module errors (`Token.FundsUnavailable`). */
  name: string;
  /** camelCase pallet section for module errors. */
  pallet?: string;
  /** The runtime's error variant name for module errors. */
  error?: string;
  /** The runtime's doc comment, if it has one. */
  docs?: string;
}

/** Decodes a DispatchError to its pallet and error name through the chain's own metadata. */
export function decodeDispatchError(api: ApiPromise, e: DispatchError): DecodedDispatchError {
  if (e.isModule) {
    try {
      const m = api.registry.findMetaError(e.asModule);
      return { name: `${m.section}.${m.name}`, pallet: m.section, error: m.name, docs: m.docs.join(' ').trim() || undefined };
    } catch {
      return { name: `Module(${e.asModule.index.toNumber()}, ${e.asModule.error.toHex()})` };
    }
  }
  if (e.isToken) return { name: `Token.${e.asToken.type}` };
  if (e.isArithmetic) return { name: `Arithmetic.${e.asArithmetic.type}` };
  if (e.isTransactional) return { name: `Transactional.${e.asTransactional.type}` };
  return { name: e.type };
}

/** Plain-language explanations of the dispatch errors users meet most, keyed by `pallet.Error`. */
export const DISPATCH_ERROR_HINTS: Record<string, string> = {
  'rentMachine.GPUNotEnough': 'The machine does not have that many free GPUs any more.',
  'rentMachine.OnlyHalfHourAllowed': 'Rent durations must be whole half hours (multiples of 300 blocks).',
  'rentMachine.MachineNotRentable': 'The machine is not online for rent (offline, verifying or exited).',
  'rentMachine.InsufficientValue': 'The balance does not cover the rent fee.',
  'rentMachine.PayTxFeeFailed': 'The balance does not cover the fixed 10 DBC transaction fee.',
  'rentMachine.ExpiredConfirm': 'The confirm window (150 blocks, 15 minutes) has passed; the order was cancelled.',
  'rentMachine.NoOrderExist': 'There is no order waiting for confirmation with that id.',
  'rentMachine.NotMachineRenter': 'Only the renter of this order can do that.',
  'rentMachine.ReletTooShort': 'A rental can only be extended by at least 100 blocks (10 minutes).',
  'rentMachine.OutOfRentalSchedule': "The rental falls outside the machine's rental schedule.",
  'rentMachine.GetMachinePriceFailed': 'The chain has no standard GPU price set.',
  'rentMachine.Overflow': 'The chain has no DBC price (or the numbers overflowed).',
  'rentMachine.Unknown': 'The order or machine does not exist (unconfirmed orders are deleted 150 blocks after renting).',
  'rentMachine.StatusNotAllowed': 'The machine is no longer rented, so the order cannot be confirmed.',
  'terminatingRental.GPUNotEnough': 'The machine does not have that many free GPUs any more.',
  'terminatingRental.ExpiredConfirm': 'The confirm window (150 blocks, 15 minutes) has passed.',
  'terminatingRental.NotOrderRenter': 'Only the renter of this order can end it.',
  'terminatingRental.NoOrderExist': 'There is no order in that state for this account.',
  'terminatingRental.ReletTooShort': 'A rental can only be extended by at least 100 blocks (10 minutes).',
  'terminatingRental.OnlyAllowIntegerMultipleOfHour': 'Rent durations must be whole half hours (multiples of 300 blocks).',
  'Token.FundsUnavailable': 'The account does not have enough free balance.',
  'balances.InsufficientBalance': 'The account does not have enough free balance.',
  'staking.AlreadyBonded': 'This stash is already bonded.',
  'staking.InsufficientBond': 'The amount is below the minimum bond.',
  'onlineProfile.BadSignature': "The machine key's signature does not match.",
  'onlineProfile.MachineIdExist': 'This machine is already bonded.',
  'onlineProfile.BalanceNotEnough': 'The stash does not have enough free balance for the stake.',
  'onlineProfile.NotMachineController': 'Only the controller of this machine can do that.',
  'onlineProfile.MachineStatusNotAllowed': 'The machine is not in a state that allows this.',
  'onlineProfile.TimeNotAllowed': 'A machine can exit only after a year online and 10 days without renters.',
  'onlineProfile.TooFastToReStake': 'A machine can be restaked once a year.',
  'onlineProfile.ExtraPriceTooHigh': 'The extra price is capped at 10^10 (USD 10,000 per GPU per day).',
  'onlineProfile.TelecomIsNull': 'Name at least one telecom operator.',
  'onlineProfile.ServerRoomNotFound': 'The server room is not one of the stash’s rooms (genServerRoom first).',
  'staking.NotController': 'This account has no staking ledger (bond first).',
  'staking.AlreadyClaimed': 'The rewards of that era were already paid out.',
};
