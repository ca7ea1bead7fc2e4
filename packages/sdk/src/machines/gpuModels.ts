/**
 * GPU model names: committees write `gpu_type` without spaces (`GeForceRTX4090`, `RTXA6000`), and
 * some miners' tools prefix `NVIDIA` or keep spaces. Renters search for `RTX 4090`.
 */

/** Broad GPU families the zone rules distinguish. */
export type GpuFamily = 'geforce' | 'workstation' | 'datacenter-compute' | 'datacenter-graphics' | 'other';

/**
 * Data-center compute GPUs (no RT cores, HBM, NVLink): the training/HPC class.
 * L40/A40 are data-center cards too but have RT cores, so they are graphics-capable.
 */
const DATACENTER_COMPUTE = /^(A100|A800|A30|H100|H800|H200|H20|B100|B200|GH200|V100|P100)\b/;
/** Data-center GPUs with RT cores. */
const DATACENTER_GRAPHICS = /^(L40S?|L20|L4|A40|A10G?|A16|A2)\b/;

/**
 * The display name of a chain GPU model.
 *
 * @example gpuDisplayName('GeForceRTX4090') // 'RTX 4090'
 * @example gpuDisplayName('RTXA6000') // 'RTX A6000'
 * @example gpuDisplayName('NVIDIA A100-SXM4-80GB') // 'A100'
 */
export function gpuDisplayName(chainModel: string): string {
  const raw = chainModel.trim().replace(/^NVIDIA[\s_-]*/i, '');
  const compact = raw.replace(/[\s_]+/g, '');
  const geforce = /^(?:GeForce)?(RTX|GTX)(\d{3,4})(Ti|Super|TiSuper|D)?$/i.exec(compact);
  if (geforce) {
    const suffix = geforce[3] ? ` ${geforce[3].replace(/^ti/i, 'Ti').replace(/super/i, 'Super').replace('TiSuper', 'Ti Super')}` : '';
    return `${geforce[1]!.toUpperCase()} ${geforce[2]}${suffix}`;
  }
  const workstation = /^(?:Quadro)?RTX(A?)(\d{4})(Ada)?$/i.exec(compact);
  if (workstation) return `RTX ${workstation[1] ? 'A' : ''}${workstation[2]}${workstation[3] ? ' Ada' : ''}`;
  const datacenter = /^(?:Tesla)?([ABHLVPT]\d{1,3}S?G?)(?:[-_]?(?:PCIE|SXM\d?|NVL|\d+GB).*)?$/i.exec(compact);
  if (datacenter) return datacenter[1]!.toUpperCase();
  return raw || chainModel;
}

/** The family of a GPU by its display name (see {@link gpuDisplayName}). */
export function gpuFamilyOf(displayName: string): GpuFamily {
  // Before GeForce: `RTX 6000 Ada` would otherwise read as a GeForce number.
  if (/^RTX (A\d{4}|\d{4} Ada)/.test(displayName)) return 'workstation';
  if (/^(RTX|GTX) \d{3,4}/.test(displayName)) return 'geforce';
  if (DATACENTER_COMPUTE.test(displayName)) return 'datacenter-compute';
  if (DATACENTER_GRAPHICS.test(displayName)) return 'datacenter-graphics';
  return 'other';
}

/** RT cores (hardware ray tracing): GeForce RTX (not GTX), RTX workstation cards, L40/A40-class. */
export function hasRtCores(displayName: string): boolean {
  const family = gpuFamilyOf(displayName);
  if (family === 'geforce') return displayName.startsWith('RTX');
  return family === 'workstation' || family === 'datacenter-graphics';
}

/**
 * A key under which two spellings of one model compare equal (`RTX 4090` ~ `GeForceRTX4090`), for
 * filters and per-model pricing overrides.
 */
export function gpuModelKey(name: string): string {
  let key = modelKeys.get(name);
  if (key === undefined) {
    key = gpuDisplayName(name).toLowerCase().replace(/\s+/g, '');
    // Names come from a few dozen models; the bound only guards against unbounded user input.
    if (modelKeys.size > 10_000) modelKeys.clear();
    modelKeys.set(name, key);
  }
  return key;
}

const modelKeys = new Map<string, string>();
