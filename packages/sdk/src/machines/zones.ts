/**
 * Use-case zones (DBC's storefront classified machines by use: AI training, AI inference,
 * rendering, cloud gaming, HPC). The chain has no such field, so the SDK derives zones from the
 * committee-verified specs with the rules below; a machine can be in several zones.
 */
import { gpuFamilyOf, hasRtCores } from './gpuModels.js';
import type { Zone } from './types.js';

/** The specs zone rules look at. */
export interface ZoneInputs {
  /** Display name (`RTX 4090`, `A100`). */
  gpuModel: string;
  gpuCount: number;
  gpuMemoryGb: number;
  cpuCores: number;
  uploadMbps: number;
}

/** One zone rule: the zone, its rule in words (for docs and UIs), and the test. */
export interface ZoneRule {
  zone: Zone;
  description: string;
  test(m: ZoneInputs): boolean;
}

const isDatacenterCompute = (m: ZoneInputs) => gpuFamilyOf(m.gpuModel) === 'datacenter-compute';

/**
 * The zone rules, in display order:
 *
 * | zone | rule |
 * |---|---|
 * | ai-training | ≥ 24 GB per GPU and ≥ 2 GPUs, or a data-center compute GPU (A100, H100, H800, …) |
 * | ai-inference | ≥ 12 GB per GPU |
 * | rendering | GPUs with RT cores: GeForce RTX, RTX workstation (A-series/Ada), L40/A40-class |
 * | cloud-gaming | consumer GeForce RTX and ≥ 100 Mbps upload |
 * | hpc | a data-center compute GPU, or ≥ 8 GPUs, or ≥ 64 CPU cores |
 */
export const ZONE_RULES: readonly ZoneRule[] = [
  {
    zone: 'ai-training',
    description: 'At least 24 GB of memory per GPU and at least 2 GPUs, or data-center compute GPUs (A100, H100, …).',
    test: (m) => (m.gpuMemoryGb >= 24 && m.gpuCount >= 2) || isDatacenterCompute(m),
  },
  {
    zone: 'ai-inference',
    description: 'At least 12 GB of memory per GPU.',
    test: (m) => m.gpuMemoryGb >= 12,
  },
  {
    zone: 'rendering',
    description: 'GPUs with RT cores: GeForce RTX, RTX A-series/Ada workstation cards, L40/A40-class.',
    test: (m) => hasRtCores(m.gpuModel),
  },
  {
    zone: 'cloud-gaming',
    description: 'Consumer GeForce RTX GPUs and at least 100 Mbps upload.',
    test: (m) => gpuFamilyOf(m.gpuModel) === 'geforce' && m.gpuModel.startsWith('RTX') && m.uploadMbps >= 100,
  },
  {
    zone: 'hpc',
    description: 'Data-center compute GPUs (A100, H100, …), or at least 8 GPUs, or at least 64 CPU cores.',
    test: (m) => isDatacenterCompute(m) || m.gpuCount >= 8 || m.cpuCores >= 64,
  },
];

/** Every zone, in display order. */
export const ZONES: readonly Zone[] = ZONE_RULES.map((r) => r.zone);

/**
 * The zones a machine belongs to, by {@link ZONE_RULES}.
 *
 * @example zonesOf({ gpuModel: 'RTX 4090', gpuCount: 1, gpuMemoryGb: 24, cpuCores: 32, uploadMbps: 500 })
 * // ['ai-inference', 'rendering', 'cloud-gaming']
 */
export function zonesOf(m: ZoneInputs): Zone[] {
  return ZONE_RULES.filter((r) => r.test(m)).map((r) => r.zone);
}
