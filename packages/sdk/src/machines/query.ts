import type { MachineStatus, Region, Zone } from './types.js';

/** What machines can be sorted by. */
export type MachineSortKey = 'price' | 'pricePerCalcPoint' | 'gpuMemory' | 'reliability' | 'distance' | 'calcPoints';

/**
 * A machine search. Filters combine with AND; the values of one list filter (gpuModels, region,
 * country, status, zones, gpuCounts) combine with OR.
 */
export interface MachineQuery {
  /** Display names or chain spellings (`'RTX 4090'` = `'GeForceRTX4090'`). */
  gpuModels?: string[];
  /** Machines with exactly one of these GPU counts. */
  gpuCounts?: number[];
  minFreeGpus?: number;
  /** Memory per GPU. */
  minGpuMemoryGb?: number;
  /** The whole machine's score. */
  minCalcPoints?: number;
  cpu?: { minCores?: number; /** Case-insensitive substring of the CPU model. */ model?: string };
  minRamGb?: number;
  /** Data disk. */
  minDiskGb?: number;
  region?: Region | Region[];
  /** ISO country codes, case-insensitive. */
  country?: string | string[];
  /** Machines within `maxKm` of a point (any distance without `maxKm`; needed to sort by distance). */
  near?: { lat: number; lon: number; maxKm?: number };
  minUploadMbps?: number;
  minDownloadMbps?: number;
  /** Price per GPU-hour after the partner's pricing (hourly term), in USD (default) or DBC. */
  price?: { currency?: 'usd' | 'dbc'; min?: number; max?: number };
  status?: MachineStatus[];
  /** Machines in any of these zones. */
  zones?: Zone[];
  /** Only High-Stability machines (≥ 144 h online without interruption). */
  highStability?: boolean;
  minReliability?: number;
  /** Words that must each match the GPU model, city, country, region or the start of the id. */
  text?: string;
  /** Default `price`; `distance` needs `near`. */
  sort?: MachineSortKey;
  /** Default `asc`. */
  order?: 'asc' | 'desc';
  /** Page size, 1–500 (default 20). */
  limit?: number;
  /** `nextCursor` of the previous page of the same query. */
  cursor?: string;
}

/** Facet counts per value: how many machines the value would match, given all other filters. */
export interface MachineFacets {
  gpuModel: Record<string, number>;
  region: Record<string, number>;
  country: Record<string, number>;
  zone: Record<string, number>;
  gpuCount: Record<string, number>;
  status: Record<string, number>;
}

/** One page of a machine search. */
export interface MachineSearchResult<M> {
  items: M[];
  /** Machines matching the query, across all pages. */
  total: number;
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
  /**
   * Counts per facet value over the filtered set, each ignoring its own filter, so a filter UI can
   * show how many machines every alternative would give.
   */
  facets: MachineFacets;
  /** The block the results were read at. */
  snapshotBlock: number;
}
