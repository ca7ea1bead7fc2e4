/**
 * The runtime's rent price formula alone, with no `@polkadot/*` import, so storefronts can price
 * rentals from a snapshot without loading chain code (`@dbc-cloud/chain/rent-fee`).
 *
 * @packageDocumentation
 */
export { calcRentFee, type CalcRentFeeParameters, type CalcRentFeeReturnType } from './pallets/rentMachine/calcRentFee.js';
