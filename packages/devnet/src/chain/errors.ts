import type { Js } from './codec.js';

/** A dispatch failure, in the JS form of sp_runtime::DispatchError (see codec.ts). */
export class DispatchFailure extends Error {
  constructor(
    readonly error: Js,
    message: string,
  ) {
    super(message);
    this.name = 'DispatchFailure';
  }
}

/** Thrown by pallet logic for `Error::<T>::Name`; the runtime turns it into DispatchError::Module. */
export class ModuleError extends Error {
  constructor(
    readonly pallet: string,
    readonly error: string,
  ) {
    super(`${pallet}.${error}`);
    this.name = 'ModuleError';
  }
}

export const badOrigin = () => new DispatchFailure('BadOrigin', 'BadOrigin');
export const fundsUnavailable = () => new DispatchFailure({ Token: 'FundsUnavailable' }, 'Token.FundsUnavailable');
export const arithmeticOverflow = () => new DispatchFailure({ Arithmetic: 'Overflow' }, 'Arithmetic.Overflow');

/**
 * Why a transaction is invalid before it is included, with the message and JSON-RPC error the
 * Substrate node answers author_submitExtrinsic with (code 1010 "Invalid Transaction", data = cause).
 */
export class InvalidTransaction extends Error {
  constructor(
    readonly data: string,
    readonly code = 1010,
    readonly rpcMessage = 'Invalid Transaction',
  ) {
    super(`${rpcMessage}: ${data}`);
    this.name = 'InvalidTransaction';
  }
}
