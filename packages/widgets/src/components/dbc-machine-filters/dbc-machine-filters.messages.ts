import { createLocalizer, type MessageTable } from '../../i18n/localize.js';

const en = {
  form: 'Filter machines',
  search: 'Search',
  searchPlaceholder: 'GPU, city, country or machine id',
  gpuModels: 'GPU model',
  noModels: 'No GPU models to choose from yet.',
  minFreeGpus: 'Minimum free GPUs',
  minGpuMemory: 'Minimum memory per GPU',
  any: 'Any',
  gb: '{n} GB',
  maxPrice: 'Maximum price per GPU-hour ({currency})',
  region: 'Region',
  anyRegion: 'All regions',
  zones: 'Use',
  highStability: 'High stability only',
  availableOnly: 'Available now only',
  sort: 'Sort by',
  'sort.price': 'Price (lowest first)',
  'sort.pricePerCalcPoint': 'Price per calc point (lowest first)',
  'sort.gpuMemory': 'GPU memory (largest first)',
  'sort.reliability': 'Reliability (highest first)',
  'sort.calcPoints': 'Calc points (highest first)',
  reset: 'Reset filters',
  'zone.ai-inference': 'AI inference',
  'zone.ai-training': 'AI training',
  'zone.rendering': 'Rendering',
  'zone.cloud-gaming': 'Cloud gaming',
  'zone.hpc': 'HPC',
  'zone.localized': 'Localized',
  'region.Asia': 'Asia',
  'region.Europe': 'Europe',
  'region.North America': 'North America',
  'region.South America': 'South America',
  'region.Oceania': 'Oceania',
  'region.Africa': 'Africa',
  'region.Middle East': 'Middle East',
  'region.Unknown': 'Unknown',
};

/** A key of the filters' message table. */
export type FiltersMessageKey = keyof typeof en;

/** The strings of `<dbc-machine-filters>`, in English and Chinese. Keys are stable. */
export const machineFiltersMessages: MessageTable<FiltersMessageKey> = {
  en,
  // Loaded only when a page asks for Chinese: English pages never download it.
  zh: () => import('./dbc-machine-filters.messages.zh.js').then((m) => m.default),
};

/** Localizes a `<dbc-machine-filters>` string. */
export const tFilters = createLocalizer(machineFiltersMessages);
