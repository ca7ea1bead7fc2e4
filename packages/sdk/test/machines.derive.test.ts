import { describe, expect, it } from 'vitest';
import { gpuDisplayName, gpuModelKey } from '../src/machines/gpuModels.js';
import { reverseGeocode } from '../src/machines/reverseGeocode.js';
import { HIGH_STABILITY_HOURS, reliabilityOf, stabilityOf } from '../src/machines/stability.js';
import { ZONE_RULES, zonesOf } from '../src/machines/zones.js';
import { AT_BLOCK, machine } from './machines.fixtures.js';

const DAY = 14_400;

describe('GPU model names', () => {
  it('turns committee spellings into the names renters search for', () => {
    expect(
      ['GeForceRTX4090', 'GeForceRTX2080Ti', 'RTXA6000', 'RTX6000Ada', 'A100', 'NVIDIA A100-SXM4-80GB', 'Tesla V100', 'L40S', 'GeForceGTX1080Ti'].map(gpuDisplayName),
    ).toEqual(['RTX 4090', 'RTX 2080 Ti', 'RTX A6000', 'RTX 6000 Ada', 'A100', 'A100', 'V100', 'L40S', 'GTX 1080 Ti']);
  });

  it('keeps an unknown spelling as it is, and matches both spellings of one model', () => {
    expect(gpuDisplayName('Mystery Accelerator')).toBe('Mystery Accelerator');
    expect(gpuModelKey('RTX 4090')).toBe(gpuModelKey('GeForceRTX4090'));
    expect(gpuModelKey('rtx a6000')).toBe(gpuModelKey('RTXA6000'));
  });
});

describe('zones', () => {
  const z = (gpuModel: string, gpuCount: number, gpuMemoryGb: number, cpuCores = 32, uploadMbps = 500) =>
    zonesOf({ gpuModel, gpuCount, gpuMemoryGb, cpuCores, uploadMbps });

  it('puts a single RTX 4090 in inference, rendering and cloud gaming but not training', () => {
    expect(z('RTX 4090', 1, 24)).toEqual(['ai-inference', 'rendering', 'cloud-gaming']);
  });

  it('puts two 24 GB GPUs in training, and data-center GPUs in training and HPC whatever their count', () => {
    expect(z('RTX 3090', 2, 24)).toContain('ai-training');
    expect(z('A100', 1, 80)).toEqual(['ai-training', 'ai-inference', 'hpc']);
    expect(z('H100', 1, 80)).not.toContain('rendering');
  });

  it('needs 12 GB for inference, RT cores for rendering and 100 Mbps upload for cloud gaming', () => {
    expect(z('RTX 3080', 1, 10)).toEqual(['rendering', 'cloud-gaming']);
    expect(z('RTX 4090', 1, 24, 32, 50)).not.toContain('cloud-gaming');
    expect(z('GTX 1080 Ti', 1, 11)).toEqual([]);
    expect(z('RTX A6000', 1, 48)).toEqual(['ai-inference', 'rendering']);
  });

  it('counts 8 GPUs or 64 CPU cores as HPC', () => {
    expect(z('RTX 3060', 8, 12)).toContain('hpc');
    expect(z('RTX 3060', 1, 12, 64)).toContain('hpc');
    expect(z('RTX 3060', 4, 12, 48)).not.toContain('hpc');
  });

  it('documents every zone rule in words', () => {
    expect(ZONE_RULES.map((r) => r.zone)).toEqual(['ai-training', 'ai-inference', 'rendering', 'cloud-gaming', 'hpc']);
    for (const r of ZONE_RULES) expect(r.description.length).toBeGreaterThan(20);
  });
});

describe('stability', () => {
  it('counts uninterrupted hours from the last time the machine came online', () => {
    const s = stabilityOf({ phase: 'rentable', onlineHeight: AT_BLOCK - 20 * DAY, lastOnlineHeight: AT_BLOCK - 3 * DAY, rentedTimes: 0, atBlock: AT_BLOCK });
    expect(s.onlineSinceBlock).toBe(AT_BLOCK - 3 * DAY);
    expect(s.onlineHours).toBe(72);
    expect(s.highStability).toBe(false);
  });

  it('marks 144 hours or more without interruption as high stability', () => {
    const at144 = stabilityOf({ phase: 'rentable', onlineHeight: AT_BLOCK - 144 * 600, lastOnlineHeight: AT_BLOCK - 144 * 600, rentedTimes: 0, atBlock: AT_BLOCK });
    expect(at144).toMatchObject({ onlineHours: HIGH_STABILITY_HOURS, highStability: true });
    const below = stabilityOf({ phase: 'rentable', onlineHeight: AT_BLOCK - 143 * 600, lastOnlineHeight: AT_BLOCK - 143 * 600, rentedTimes: 0, atBlock: AT_BLOCK });
    expect(below.highStability).toBe(false);
  });

  it('gives an offline machine no online hours and at most 0.2 reliability', () => {
    const s = stabilityOf({ phase: 'offline', onlineHeight: AT_BLOCK - 60 * DAY, lastOnlineHeight: AT_BLOCK - 60 * DAY, rentedTimes: 100, atBlock: AT_BLOCK });
    expect(s.onlineHours).toBe(0);
    expect(s.highStability).toBe(false);
    expect(s.reliability).toBeLessThanOrEqual(0.2);
    expect(s.reliability).toBeGreaterThan(0);
  });

  it('scores a long, uninterrupted, often rented machine near 1 and an interrupted newcomer low', () => {
    const veteran = reliabilityOf({ phase: 'rentable', onlineHeight: AT_BLOCK - 60 * DAY, lastOnlineHeight: AT_BLOCK - 60 * DAY, rentedTimes: 60, atBlock: AT_BLOCK });
    const newcomer = reliabilityOf({ phase: 'rentable', onlineHeight: AT_BLOCK - 4 * DAY, lastOnlineHeight: AT_BLOCK - 2 * 600, rentedTimes: 0, atBlock: AT_BLOCK });
    expect(veteran).toBeGreaterThan(0.99);
    expect(newcomer).toBeLessThan(0.05);
    // 0.6 × continuity(1) + 0.25 × maturity(10/30) + 0.15 × demand(1 − e^-2)
    expect(reliabilityOf({ phase: 'rentable', onlineHeight: AT_BLOCK - 10 * DAY, lastOnlineHeight: AT_BLOCK - 10 * DAY, rentedTimes: 20, atBlock: AT_BLOCK })).toBe(
      Math.round((0.6 + 0.25 / 3 + 0.15 * (1 - Math.exp(-2))) * 1000) / 1000,
    );
  });

  it('scores a machine that never came online 0', () => {
    expect(stabilityOf({ phase: 'verifying', onlineHeight: 0, lastOnlineHeight: 0, rentedTimes: 0, atBlock: AT_BLOCK })).toEqual({
      onlineSinceBlock: null,
      onlineHours: 0,
      highStability: false,
      reliability: 0,
    });
  });
});

describe('reverse geocoding', () => {
  it('names the nearest known city within 300 km', () => {
    expect(reverseGeocode(31.3, 121.4)).toMatchObject({ city: 'Shanghai', country: 'CN', region: 'Asia' });
    expect(reverseGeocode(39.0, -77.4)).toMatchObject({ city: 'Ashburn', country: 'US', region: 'North America' });
    expect(reverseGeocode(-23.6, -46.7)).toMatchObject({ city: 'Sao Paulo', country: 'BR', region: 'South America' });
  });

  it('falls back to the country box, then the continent, then Unknown', () => {
    expect(reverseGeocode(45, 100)).toMatchObject({ city: null, country: 'CN', region: 'Asia' });
    expect(reverseGeocode(-20, 25)).toMatchObject({ city: null, country: 'Unknown', region: 'Africa' });
    expect(reverseGeocode(-80, 0)).toMatchObject({ city: null, country: 'Unknown', region: 'Unknown' });
    expect(reverseGeocode(0, 0)).toMatchObject({ country: 'Unknown', region: 'Unknown' });
  });
});

describe('deriving a Machine', () => {
  it('speaks the renter language and prices one GPU-hour as the runtime does', () => {
    const m = machine({ gpuNum: 2, rentedGpus: 1, calcPoint: 60_000, extraPriceMicroUsdPerGpuDay: 240_000 });
    expect(m.gpu).toMatchObject({ model: 'RTX 4090', chainModel: 'GeForceRTX4090', count: 2, freeCount: 1, memoryGb: 24 });
    expect(m.status).toBe('available');
    // Standard share: 0.3 USD/day per 1000 points × 30,000 points per GPU = 9 USD/day, + 0.24 extra.
    expect(m.price.chainUsdPerGpuHour).toBeCloseTo(9.24 / 24, 10);
    expect(m.price.chainDbcPerGpuHour).toBeCloseTo(9.24 / 24 / 0.0015, 6);
    expect(m.price.usdPerGpuHour).toBeCloseTo(m.price.chainUsdPerGpuHour, 10);
    expect(m.location).toMatchObject({ city: 'Shanghai', region: 'Asia' });
    expect(m.snapshotBlock).toBe(AT_BLOCK);
  });

  it('calls a machine with every GPU in rent orders rented, and one reported offline offline', () => {
    expect(machine({ gpuNum: 2, rentedGpus: 2 }).status).toBe('rented');
    expect(machine({ phase: 'offline' }).status).toBe('offline');
    expect(machine({ phase: 'verifying', onlineHeight: 0, lastOnlineHeight: 0 }).status).toBe('verifying');
  });

  it('applies the partner markup and per-model minimum to the listed price', () => {
    const marked = machine({}, { markupPercent: 50 });
    expect(marked.price.usdPerGpuHour).toBeCloseTo((9 / 24) * 1.5, 10);
    expect(marked.price.dbcPerGpuHour).toBeCloseTo(((9 / 24) * 1.5) / 0.0015, 6);
    const floored = machine({}, { byGpuModel: { 'RTX 4090': { minPriceUsdPerGpuHour: 1 } } });
    expect(floored.price.usdPerGpuHour).toBe(1);
  });
});
