/**
 * @dbc-cloud/chain — a typed, thin layer over `@polkadot/api` for the DeepBrainChain pallets the
 * dbc-cloud SDK uses: typed queries returning domain objects, batched reads, transaction builders,
 * a transaction lifecycle with decoded dispatch errors, and signers.
 *
 * @packageDocumentation
 */
export * from './errors/index.js';
export * from './units/index.js';
export { isDbcAddress, toDbcAddress } from './units/address.js';
export { connect, fromApi, type DbcChain, type ConnectOptions, type ChainEvent } from './client/connect.js';
export { MAINNET_ENDPOINTS, DEVNET_ENDPOINTS, endpointsFor, type NetworkName } from './client/endpoints.js';
export {
  submit,
  submitAndCheck,
  findIncluded,
  findEvents,
  chainErrorOf,
  type Tx,
  type TxResult,
  type TxStatus,
  type SubmitOptions,
} from './tx/submit.js';
export { decodeDispatchError, DISPATCH_ERROR_HINTS, type DecodedDispatchError } from './tx/decodeError.js';
export type { DbcSigner } from './signers/types.js';
export { keyringSigner, pairSigner, type KeyringSignerOptions } from './signers/keyring.js';
export { enableExtensions, extensionSigner, type ExtensionAccount } from './signers/extension.js';
export { withRetry, isRetryableError, type WithRetryOptions } from './utils/withRetry.js';
export { isNetworkFault } from './utils/networkErrors.js';
export type { ReadOptions, BlockRef } from './utils/read.js';

// OnlineProfile: machines, miners, network parameters.
export type {
  Machine,
  MachineInfo,
  MachineStatus,
  MachineStatusKind,
  OfflineReason,
  MachineHardware,
  MachineStakerInfo,
  RawCoordinate,
  LiveMachines,
  StashMachines,
  SysInfo,
  PosGpuInfo,
  StandardGpuPointPrice,
  OnlineStakeParams,
  TimeRange,
  MachineRentalMode,
  MachineRentalModeName,
} from './pallets/onlineProfile/types.js';
export { COORDINATE_SCALE, degreesOf } from './pallets/onlineProfile/coordinates.js';
export {
  getMachineInfo,
  getMachineRentedGpus,
  getMachineExtraPrice,
  getMachineRentalMode,
  getRentalModes,
  type GetRentalModesReturnType,
  type GetMachineInfoParameters,
  type GetMachineInfoReturnType,
  type GetMachineRentedGpusParameters,
  type GetMachineRentedGpusReturnType,
  type GetMachineExtraPriceParameters,
  type GetMachineExtraPriceReturnType,
  type GetMachineRentalModeParameters,
  type GetMachineRentalModeReturnType,
} from './pallets/onlineProfile/machineQueries.js';
export { getMachines, type GetMachinesParameters, type GetMachinesReturnType } from './pallets/onlineProfile/getMachines.js';
export { getAllMachines, type GetAllMachinesParameters, type GetAllMachinesReturnType } from './pallets/onlineProfile/getAllMachines.js';
export {
  getStashMachines,
  getStashController,
  getControllerStash,
  getControllerMachines,
  getStashServerRooms,
  getStashStake,
  getStashRentReceiver,
  type GetStashMachinesParameters,
  type GetStashMachinesReturnType,
  type GetStashControllerParameters,
  type GetStashControllerReturnType,
  type GetControllerStashParameters,
  type GetControllerStashReturnType,
  type GetControllerMachinesParameters,
  type GetControllerMachinesReturnType,
  type GetStashServerRoomsParameters,
  type GetStashServerRoomsReturnType,
  type GetStashStakeParameters,
  type GetStashStakeReturnType,
  type GetStashRentReceiverParameters,
  type GetStashRentReceiverReturnType,
} from './pallets/onlineProfile/minerQueries.js';
export {
  getLiveMachines,
  getSysInfo,
  getPosGpuInfo,
  getStandardGpuPointPrice,
  getOnlineStakeParams,
  getMachineEra,
  type GetLiveMachinesReturnType,
  type GetSysInfoReturnType,
  type GetPosGpuInfoReturnType,
  type GetStandardGpuPointPriceReturnType,
  type GetOnlineStakeParamsReturnType,
  type GetMachineEraReturnType,
} from './pallets/onlineProfile/networkQueries.js';
export {
  getStashEraReward,
  getMachineEraReward,
  getEraStashPoints,
  type EraReward,
  type EraStashPoints,
  type StashEraStatistics,
  type GetStashEraRewardParameters,
  type GetMachineEraRewardParameters,
  type GetEraStashPointsParameters,
} from './pallets/onlineProfile/rewardQueries.js';
export {
  signMachineBonding,
  type MachineBondingSignature,
  type SignMachineBondingParameters,
} from './pallets/onlineProfile/bondingSignature.js';
export {
  MAX_EXTRA_PRICE_MICRO_USD,
  setControllerTx,
  stashResetControllerTx,
  genServerRoomTx,
  bondMachineTx,
  addMachineInfoTx,
  updateMachineInfoTx,
  fulfillMachineTx,
  controllerReportOfflineTx,
  controllerReportOnlineTx,
  claimRewardsTx,
  machineExitTx,
  restakeOnlineMachineTx,
  offlineMachineChangeHardwareInfoTx,
  setMachineExtraPriceTx,
  setMachineRentalModeTx,
  setWeeklyScheduleTx,
  setRentReceiverTx,
  type SetControllerTxParameters,
  type StashResetControllerTxParameters,
  type BondMachineTxParameters,
  type MachineStakerInfoInput,
  type AddMachineInfoTxParameters,
  type UpdateMachineInfoTxParameters,
  type MachineTxParameters,
  type SetMachineExtraPriceTxParameters,
  type SetMachineRentalModeTxParameters,
  type SetWeeklyScheduleTxParameters,
  type SetRentReceiverTxParameters,
} from './pallets/onlineProfile/txs.js';

// RentMachine: orders, quotes, renting.
export type { RentOrder, RentStatus, MachineRentOrders, RenterRentalRecord } from './pallets/rentMachine/types.js';
export {
  getRentOrder,
  getRenterRentIds,
  getRenterOrders,
  getMachineRentOrders,
  getMachineRenterHistory,
  getRentFeePot,
  getMaxRentalDuration,
  type GetRentOrderParameters,
  type GetRentOrderReturnType,
  type GetRenterRentIdsParameters,
  type GetRenterRentIdsReturnType,
  type GetRenterOrdersParameters,
  type GetRenterOrdersReturnType,
  type GetMachineRentOrdersParameters,
  type GetMachineRentOrdersReturnType,
  type GetMachineRenterHistoryParameters,
  type GetMachineRenterHistoryReturnType,
  type GetRentFeePotReturnType,
  type GetMaxRentalDurationReturnType,
} from './pallets/rentMachine/queries.js';
export {
  toRentDuration,
  toReletDuration,
  rentMachineTx,
  confirmRentTx,
  reletMachineTx,
  type RentMachineTxParameters,
  type ConfirmRentTxParameters,
  type ReletMachineTxParameters,
} from './pallets/rentMachine/txs.js';
export { calcRentFee, type CalcRentFeeParameters, type CalcRentFeeReturnType } from './pallets/rentMachine/calcRentFee.js';
export { quoteRentFee, type QuoteRentFeeParameters, type QuoteRentFeeReturnType } from './pallets/rentMachine/quoteRentFee.js';

// TerminatingRental.
export {
  getTerminatingMachineInfo,
  getTerminatingLiveMachines,
  getTerminatingMachineRentedGpus,
  getTerminatingRentOrder,
  getTerminatingRenterOrders,
  getTerminatingMachineRentOrders,
  type GetTerminatingMachineInfoParameters,
  type GetTerminatingMachineInfoReturnType,
  type GetTerminatingLiveMachinesReturnType,
  type GetTerminatingMachineRentedGpusParameters,
  type GetTerminatingMachineRentedGpusReturnType,
  type GetTerminatingRentOrderParameters,
  type GetTerminatingRentOrderReturnType,
  type GetTerminatingRenterOrdersParameters,
  type GetTerminatingRenterOrdersReturnType,
  type GetTerminatingMachineRentOrdersParameters,
  type GetTerminatingMachineRentOrdersReturnType,
} from './pallets/terminatingRental/queries.js';
export {
  quoteTerminatingRentFee,
  type QuoteTerminatingRentFeeParameters,
  type QuoteTerminatingRentFeeReturnType,
} from './pallets/terminatingRental/quoteRentFee.js';
export {
  terminatingRentMachineTx,
  terminatingConfirmRentTx,
  terminatingReletMachineTx,
  terminateRentTx,
  type TerminatingRentMachineTxParameters,
  type TerminatingConfirmRentTxParameters,
  type TerminatingReletMachineTxParameters,
  type TerminateRentTxParameters,
} from './pallets/terminatingRental/txs.js';

// Prices and fees.
export {
  getDbcAvgPrice,
  getDbcPriceSamples,
  type GetDbcAvgPriceReturnType,
  type GetDbcPriceSamplesReturnType,
} from './pallets/dbcPriceOcw/queries.js';
export { getFixedTxFee, type GetFixedTxFeeReturnType } from './pallets/genericFunc/queries.js';

// Balances and System.
export type { AccountBalance } from './pallets/balances/types.js';
export { getBalance, type GetBalanceParameters, type GetBalanceReturnType } from './pallets/balances/queries.js';
export { transferKeepAliveTx, transferAllowDeathTx, type TransferTxParameters } from './pallets/balances/txs.js';
export {
  getBlockNumber,
  getChainTimestamp,
  type GetBlockNumberReturnType,
  type GetChainTimestampReturnType,
} from './pallets/system/queries.js';

// Staking.
export type {
  RewardDestination,
  UnlockChunk,
  StakingLedger,
  ValidatorPrefs,
  Validator,
  Nominations,
  Nominator,
  ActiveEra,
  Exposure,
  EraRewardPoints,
  StakingMinimums,
} from './pallets/staking/types.js';
export {
  getStakingLedger,
  getBonded,
  getPayee,
  getValidators,
  getNominations,
  getNominators,
  getCurrentEra,
  getActiveEra,
  getErasStakers,
  getErasRewardPoints,
  getErasValidatorReward,
  getErasTotalStake,
  getStakingMinimums,
  type GetStakingLedgerParameters,
  type GetStakingLedgerReturnType,
  type GetBondedParameters,
  type GetBondedReturnType,
  type GetPayeeParameters,
  type GetPayeeReturnType,
  type GetValidatorsReturnType,
  type GetNominationsParameters,
  type GetNominationsReturnType,
  type GetNominatorsReturnType,
  type GetCurrentEraReturnType,
  type GetActiveEraReturnType,
  type GetErasStakersParameters,
  type GetErasStakersReturnType,
  type GetErasRewardPointsParameters,
  type GetErasRewardPointsReturnType,
  type GetErasValidatorRewardParameters,
  type GetErasValidatorRewardReturnType,
  type GetErasTotalStakeParameters,
  type GetErasTotalStakeReturnType,
  getErasValidatorPrefs,
  type GetErasValidatorPrefsParameters,
  type GetErasValidatorPrefsReturnType,
  type GetStakingMinimumsReturnType,
} from './pallets/staking/queries.js';
export {
  MAX_NOMINATIONS,
  bondTx,
  bondExtraTx,
  unbondTx,
  withdrawUnbondedTx,
  rebondTx,
  validateTx,
  nominateTx,
  chillTx,
  payoutStakersTx,
  setPayeeTx,
  type BondTxParameters,
  type BondExtraTxParameters,
  type UnbondTxParameters,
  type WithdrawUnbondedTxParameters,
  type RebondTxParameters,
  type ValidateTxParameters,
  type NominateTxParameters,
  type PayoutStakersTxParameters,
  type SetPayeeTxParameters,
} from './pallets/staking/txs.js';
