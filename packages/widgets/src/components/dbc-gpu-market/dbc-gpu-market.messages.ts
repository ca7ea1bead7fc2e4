import { createLocalizer, type MessageTable } from '../../i18n/localize.js';

type Key =
  | 'tabs'
  | 'tab.market'
  | 'tab.rentals'
  | 'filters'
  | 'results'
  | 'clientLoading'
  | 'clientError'
  | 'retry'
  | 'searching'
  | 'summary'
  | 'summaryPage'
  | 'searchError'
  | 'offline'
  | 'noMachines'
  | 'detail'
  | 'pickMachine'
  | 'gpuMemory'
  | 'cpu'
  | 'ram'
  | 'disk'
  | 'network'
  | 'location'
  | 'reliability'
  | 'uptime'
  | 'highStability'
  | 'freeGpus'
  | 'gpus'
  | 'duration'
  | 'unit.hours'
  | 'unit.days'
  | 'rent'
  | 'connectToRent'
  | 'waitForQuote'
  | 'noFreeGpus'
  | 'connectForRentals'
  | 'close';

const table: MessageTable<Key> = {
  en: {
    tabs: 'Storefront sections',
    'tab.market': 'GPU market',
    'tab.rentals': 'My rentals',
    filters: 'Filters',
    results: 'Machines',
    clientLoading: 'Connecting to DeepBrainChain…',
    clientError: 'Could not start the storefront: {message}',
    retry: 'Retry',
    searching: 'Searching machines…',
    summary: '{total} machines · block #{block}',
    summaryPage: 'Showing {shown} of {total} machines · block #{block}',
    searchError: 'Search failed',
    offline:
      'You are offline. Showing the machines as of block #{block}; they refresh when you are back online.',
    noMachines: 'No machine matches these filters. Loosen a filter or reset them.',
    detail: 'Machine details',
    pickMachine: 'Choose a machine to see its details and price.',
    gpuMemory: 'GPU memory',
    cpu: 'CPU',
    ram: 'RAM',
    disk: 'Disk',
    network: 'Network',
    location: 'Location',
    reliability: 'Reliability',
    uptime: 'Online without interruption',
    highStability: 'High stability',
    freeGpus: '{free} of {total} GPUs free',
    gpus: 'GPUs',
    duration: 'Duration',
    'unit.hours': 'hours',
    'unit.days': 'days',
    rent: 'Rent',
    connectToRent: 'Connect a wallet to rent this machine.',
    waitForQuote: 'Waiting for a price…',
    noFreeGpus: 'This machine has no free GPU right now.',
    connectForRentals: 'Connect a wallet to see your rentals.',
    close: 'Close',
  },
  // Loaded only when a page asks for Chinese: English pages never download it.
  zh: () => import('./dbc-gpu-market.messages.zh.js').then((m) => m.default),
};

/** `<dbc-gpu-market>`'s strings in English and Chinese. */
export const t = createLocalizer(table);
export type MarketMessageKey = Key;
