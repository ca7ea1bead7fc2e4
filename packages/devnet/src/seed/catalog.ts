/**
 * Realistic hardware and places for seeded machines. GPU names are spelled as miners' committee
 * reports spell them on DBC mainnet (`gpu_type`); calc points are per GPU and roughly track FP32
 * throughput, as the committee's benchmark does.
 */
export interface GpuModel {
  gpuType: string;
  memGb: number;
  cudaCore: number;
  calcPointPerGpu: number;
  /** Relative frequency among seeded machines. */
  weight: number;
}

export const GPU_MODELS: GpuModel[] = [
  { gpuType: 'GeForceRTX3060', memGb: 12, cudaCore: 3584, calcPointPerGpu: 9_000, weight: 10 },
  { gpuType: 'GeForceRTX3070', memGb: 8, cudaCore: 5888, calcPointPerGpu: 12_000, weight: 8 },
  { gpuType: 'GeForceRTX3080', memGb: 10, cudaCore: 8704, calcPointPerGpu: 15_000, weight: 12 },
  { gpuType: 'GeForceRTX3090', memGb: 24, cudaCore: 10496, calcPointPerGpu: 18_000, weight: 12 },
  { gpuType: 'GeForceRTX4070', memGb: 12, cudaCore: 5888, calcPointPerGpu: 16_000, weight: 6 },
  { gpuType: 'GeForceRTX4080', memGb: 16, cudaCore: 9728, calcPointPerGpu: 24_000, weight: 7 },
  { gpuType: 'GeForceRTX4090', memGb: 24, cudaCore: 16384, calcPointPerGpu: 30_000, weight: 16 },
  { gpuType: 'GeForceRTX5090', memGb: 32, cudaCore: 21760, calcPointPerGpu: 40_000, weight: 4 },
  { gpuType: 'RTXA5000', memGb: 24, cudaCore: 8192, calcPointPerGpu: 17_000, weight: 5 },
  { gpuType: 'RTXA6000', memGb: 48, cudaCore: 10752, calcPointPerGpu: 24_000, weight: 5 },
  { gpuType: 'L40', memGb: 48, cudaCore: 18176, calcPointPerGpu: 28_000, weight: 3 },
  { gpuType: 'A100', memGb: 80, cudaCore: 6912, calcPointPerGpu: 45_000, weight: 6 },
  { gpuType: 'H100', memGb: 80, cudaCore: 16896, calcPointPerGpu: 75_000, weight: 4 },
];

export const CPU_MODELS = [
  { cpuType: 'Intel(R) Xeon(R) Silver 4214R CPU @ 2.40GHz', cores: 48, rateMhz: 2400 },
  { cpuType: 'Intel(R) Xeon(R) Gold 6248R CPU @ 3.00GHz', cores: 96, rateMhz: 3000 },
  { cpuType: 'AMD EPYC 7542 32-Core Processor', cores: 64, rateMhz: 2900 },
  { cpuType: 'AMD EPYC 7763 64-Core Processor', cores: 128, rateMhz: 2450 },
  { cpuType: 'AMD Ryzen Threadripper PRO 5975WX 32-Cores', cores: 64, rateMhz: 3600 },
  { cpuType: 'Intel(R) Core(TM) i9-13900K', cores: 32, rateMhz: 3000 },
];

/** Longitude/latitude in degrees; the chain stores them ×10^4 with East/West, South/North. */
export interface Place {
  city: string;
  country: string;
  lon: number;
  lat: number;
  telecom: string[];
  weight: number;
}

export const PLACES: Place[] = [
  { city: 'Shanghai', country: 'CN', lon: 121.47, lat: 31.23, telecom: ['China Telecom'], weight: 10 },
  { city: 'Shenzhen', country: 'CN', lon: 114.06, lat: 22.54, telecom: ['China Unicom'], weight: 8 },
  { city: 'Chengdu', country: 'CN', lon: 104.07, lat: 30.67, telecom: ['China Mobile', 'China Telecom'], weight: 6 },
  { city: 'Hong Kong', country: 'HK', lon: 114.17, lat: 22.32, telecom: ['PCCW'], weight: 5 },
  { city: 'Singapore', country: 'SG', lon: 103.82, lat: 1.35, telecom: ['Singtel'], weight: 5 },
  { city: 'Tokyo', country: 'JP', lon: 139.69, lat: 35.69, telecom: ['NTT'], weight: 5 },
  { city: 'Seoul', country: 'KR', lon: 126.98, lat: 37.57, telecom: ['KT'], weight: 4 },
  { city: 'Frankfurt', country: 'DE', lon: 8.68, lat: 50.11, telecom: ['Deutsche Telekom'], weight: 5 },
  { city: 'Amsterdam', country: 'NL', lon: 4.9, lat: 52.37, telecom: ['KPN'], weight: 3 },
  { city: 'London', country: 'GB', lon: -0.13, lat: 51.51, telecom: ['BT'], weight: 3 },
  { city: 'Ashburn', country: 'US', lon: -77.49, lat: 39.04, telecom: ['Verizon'], weight: 6 },
  { city: 'Dallas', country: 'US', lon: -96.8, lat: 32.78, telecom: ['AT&T'], weight: 4 },
  { city: 'San Jose', country: 'US', lon: -121.89, lat: 37.34, telecom: ['Comcast'], weight: 4 },
  { city: 'Sao Paulo', country: 'BR', lon: -46.63, lat: -23.55, telecom: ['Vivo'], weight: 2 },
  { city: 'Sydney', country: 'AU', lon: 151.21, lat: -33.87, telecom: ['Telstra'], weight: 2 },
  { city: 'Ho Chi Minh City', country: 'VN', lon: 106.63, lat: 10.82, telecom: ['Viettel'], weight: 3 },
];
