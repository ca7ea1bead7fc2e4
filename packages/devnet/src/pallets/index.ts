import type { PalletLogic } from '../chain/runtime.js';
import { balancesLogic } from './balances.js';
import { systemLogic } from './system.js';

/** Every pallet the devnet runs, in no particular order (hooks run in pallet-index order). */
export const PALLETS: PalletLogic[] = [systemLogic, balancesLogic];
