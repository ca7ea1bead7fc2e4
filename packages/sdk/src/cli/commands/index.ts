/** The `dbc` command tree: which words select which command. */
import { defineGroup } from '../spec.js';
import { balance } from './balance.js';
import { end } from './end.js';
import { extend } from './extend.js';
import { machinesSearch } from './machinesSearch.js';
import { machinesShow } from './machinesShow.js';
import { minerStake } from './minerStake.js';
import { minerStatus } from './minerStatus.js';
import { quote } from './quote.js';
import { rent } from './rent.js';
import { rentals } from './rentals.js';
import { transfer } from './transfer.js';
import { validators } from './validators.js';
import { vmCreate } from './vmCreate.js';
import { vmImages } from './vmImages.js';
import { vmList } from './vmList.js';
import { vmLogs } from './vmLogs.js';
import { vmRestart } from './vmRestart.js';
import { vmStart } from './vmStart.js';
import { vmStop } from './vmStop.js';

/** The root of the tree, in the order help lists it (the renter's path first). */
export const ROOT = defineGroup({
  name: 'dbc',
  summary: 'rent DeepBrainChain GPUs from the terminal',
  children: [
    defineGroup({
      name: 'machines',
      summary: 'browse GPU machines',
      children: [machinesSearch, machinesShow],
    }),
    quote,
    rent,
    rentals,
    extend,
    end,
    defineGroup({
      name: 'vm',
      summary: 'VMs on rented machines',
      children: [vmImages, vmCreate, vmList, vmLogs, vmStop, vmStart, vmRestart],
    }),
    balance,
    transfer,
    defineGroup({
      name: 'miner',
      summary: 'pledge and run GPU machines',
      children: [minerStatus, minerStake],
    }),
    validators,
  ],
});
