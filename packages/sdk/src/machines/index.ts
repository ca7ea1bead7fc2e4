/** Machine browsing: domain types, snapshots (chain or proxy JSON), search with facets. */
export type { Machine, MachineGpu, MachineLocation, MachineStability, MachineHistory, MachinePrice, MachineStatus, RentalMode, Region, Zone } from './types.js';
export { gpuDisplayName, gpuFamilyOf, hasRtCores, gpuModelKey, type GpuFamily } from './gpuModels.js';
export { ZONE_RULES, ZONES, zonesOf, type ZoneRule, type ZoneInputs } from './zones.js';
export { HIGH_STABILITY_HOURS, reliabilityOf, stabilityOf, type StabilityInputs } from './stability.js';
export { reverseGeocode, KNOWN_CITIES, CITY_RADIUS_KM, type KnownCity } from './reverseGeocode.js';
export { distanceKm } from './distance.js';
export { factsOfChainMachine, factsOfMachine, phaseOfChainStatus, type MachineFacts, type MachinePhase } from './facts.js';
export { createMachineDeriver, type DeriveEnvironment } from './deriveMachine.js';
export { buildSnapshot, type MachineSnapshot, type BuildSnapshotOptions } from './snapshot.js';
export { toSnapshotJson, fromSnapshotJson, snapshotEtag, SNAPSHOT_COLUMNS, SNAPSHOT_JSON_VERSION, type SnapshotJson, type FromSnapshotJsonOptions } from './snapshotJson.js';
export { createSnapshotSource, type SnapshotSource, type SnapshotLoader } from './snapshotSource.js';
export { chainSnapshotSource, type ChainSnapshotSourceOptions } from './chainSnapshotSource.js';
export {
  httpSnapshotSource,
  fetchSnapshotHttp,
  type SnapshotHttpClient,
  type SnapshotHttpResponse,
  type HttpSnapshotSourceOptions,
} from './httpSnapshotSource.js';
export { snapshotSourceFor } from './snapshotSourceFor.js';
export type { MachineQuery, MachineSortKey, MachineFacets, MachineSearchResult } from './query.js';
export { searchMachines, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './searchMachines.js';
export { MACHINE_SORT_KEYS } from './sort.js';
export {
  createMachinesResource,
  machineById,
  normalizeMachineId,
  type MachinesResource,
  type MachinesCallOptions,
} from './machinesResource.js';
