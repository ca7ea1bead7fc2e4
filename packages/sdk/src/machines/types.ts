/**
 * The SDK's view of a GPU machine: what a renter compares, in the renter's words. Built from the
 * chain's machine records by `deriveMachine`; nothing here uses chain spelling except
 * `gpu.chainModel`, kept so partners can match committee reports.
 */

/**
 * What renters use a machine for (DBC's storefront zones). The rules that put a machine in a
 * zone are in {@link ZONE_RULES}.
 */
export type Zone = 'ai-inference' | 'ai-training' | 'rendering' | 'cloud-gaming' | 'hpc';

/**
 * Whether a machine can be rented now:
 * - `available`: online, or rented with GPUs still free;
 * - `rented`: every GPU is in a rent order;
 * - `offline`: reported offline, refused by the committee or exiting;
 * - `verifying`: bonded and not yet online (committee verification, waiting for stake).
 */
export type MachineStatus = 'available' | 'rented' | 'offline' | 'verifying';

/** `full-time` machines rent at any time; `time-slot` ones only inside the miner's weekly schedule. */
export type RentalMode = 'full-time' | 'time-slot';

/** Continents (and broad regions) machines are grouped by. */
export type Region = 'Asia' | 'Europe' | 'North America' | 'South America' | 'Oceania' | 'Africa' | 'Middle East' | 'Unknown';

/** The machine's GPUs. */
export interface MachineGpu {
  /** Display name: `RTX 4090`, `RTX A6000`, `A100`. */
  model: string;
  /** The committee's spelling on chain: `GeForceRTX4090`, `RTXA6000`. */
  chainModel: string;
  count: number;
  /** GPUs not in any rent order (unconfirmed orders count as rented). */
  freeCount: number;
  /** Memory of one GPU. */
  memoryGb: number;
  /** CUDA cores of one GPU. */
  cudaCores: number;
}

/** Where the machine is, as declared by its miner and reverse-geocoded by the SDK. */
export interface MachineLocation {
  /** Degrees, north positive. */
  lat: number;
  /** Degrees, east positive. */
  lon: number;
  /** ISO 3166-1 alpha-2 code (`CN`, `US`), or `Unknown`. */
  country: string;
  /** The nearest known city within 300 km, else null. */
  city: string | null;
  region: Region;
}

/**
 * How dependable the machine has been, from its on-chain history. See {@link reliabilityOf} for
 * the formula of `reliability`.
 */
export interface MachineStability {
  /** The block it last came (back) online at; null if it never was online. */
  onlineSinceBlock: number | null;
  /** Hours online without interruption up to the snapshot block (0 when offline). */
  onlineHours: number;
  /** DBC's High-Stability zone: online without interruption for at least 144 hours. */
  highStability: boolean;
  /** 0..1; 1 = long history, never interrupted, often rented. */
  reliability: number;
}

/** What the machine has done so far (chain history the stability score uses). */
export interface MachineHistory {
  bondedAtBlock: number;
  /** First time it came online; null if never. */
  firstOnlineBlock: number | null;
  /** Rent orders it has served. */
  rentedTimes: number;
  /** Hours it has been rented in total. */
  rentedHours: number;
}

/** Prices of one GPU for one hour. `chain*` is what the chain charges; the rest includes the partner's pricing. */
export interface MachinePrice {
  /** The chain's price (standard price share + the miner's extra price), USD. */
  chainUsdPerGpuHour: number;
  /** The chain's price in DBC at the chain's average DBC price. */
  chainDbcPerGpuHour: number;
  /** After the partner's markup and minimum, hourly term. */
  usdPerGpuHour: number;
  /** `usdPerGpuHour` in DBC at the chain's average DBC price. */
  dbcPerGpuHour: number;
  /** The miner's surcharge included in the chain price, USD per GPU per day. */
  minerExtraUsdPerGpuDay: number;
}

/** A GPU machine as renters see it. */
export interface Machine {
  /** 64 hex characters. */
  id: string;
  gpu: MachineGpu;
  /** The committee's benchmark score of the whole machine; the chain price is proportional to it. */
  calcPoints: number;
  cpu: { model: string; cores: number; mhz: number };
  ramGb: number;
  diskGb: { system: number; data: number };
  network: { uploadMbps: number; downloadMbps: number; telecom: string[] };
  location: MachineLocation;
  status: MachineStatus;
  zones: Zone[];
  stability: MachineStability;
  history: MachineHistory;
  price: MachinePrice;
  rentalMode: RentalMode;
  /** Whether the miner rents it as bare metal (no VMs). */
  bareMetal: boolean;
  /** The miner's stash account (SS58). */
  stashAddress: string;
  /** The block this view of the machine was read at. */
  snapshotBlock: number;
}
