import type { PalletLogic } from '../chain/runtime.js';
import { balancesLogic } from './balances.js';
import { onlineProfileLogic } from './onlineProfile.js';
import { sessionLogic } from './session.js';
import { stakingLogic } from './staking.js';
import { systemLogic } from './system.js';
import { dbcPriceOcwLogic } from './dbcPriceOcw.js';
import { genericFuncLogic } from './genericFunc.js';
import { rentMachineLogic } from './rentMachine.js';
import { terminatingRentalLogic } from './terminatingRental.js';

/** Every pallet the devnet runs, in no particular order (hooks run in pallet-index order). */
export const PALLETS: PalletLogic[] = [systemLogic, balancesLogic, sessionLogic, stakingLogic, genericFuncLogic, dbcPriceOcwLogic, rentMachineLogic, terminatingRentalLogic, onlineProfileLogic];
