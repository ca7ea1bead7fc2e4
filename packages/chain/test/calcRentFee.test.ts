import { describe, expect, it } from 'vitest';
import { calcRentFee, DbcError, DbcInputError, PLANCK_PER_DBC } from '../src/index.js';

const std = { gpuPoint: 1_000, gpuPriceMicroUsdPerDay: 300_000 };

describe('calcRentFee', () => {
  it('prices a whole machine for a day: standard price × calcPoint / gpuPoint, at the DBC price', () => {
    const r = calcRentFee({ calcPoint: 30_000, machineGpus: 1, gpus: 1, durationBlocks: 14_400, standardGpuPointPrice: std, avgPriceMicroUsdPerDbc: 1_500 });
    expect(r.systemPriceMicroUsdPerDay).toBe(9_000_000n); // $9 a day
    expect(r.valueMicroUsd).toBe(9_000_000n);
    expect(r.feePlanck).toBe(6_000n * PLANCK_PER_DBC); // $9 / $0.0015
  });

  it('charges a GPU share of the machine and rounds down like the runtime, step by step', () => {
    // 4 GPUs, 61_001 points, 3 GPUs for 300 blocks, extra $0.5 per GPU per day.
    const r = calcRentFee({
      calcPoint: 61_001,
      machineGpus: 4,
      gpus: 3,
      durationBlocks: 300,
      standardGpuPointPrice: std,
      extraPriceMicroUsdPerGpuDay: 500_000,
      avgPriceMicroUsdPerDbc: 1_499,
    });
    const system = (((300_000n * 61_001n * 10_000n) / 1_000n) * 3n) / 4n / 10_000n;
    expect(r.systemPriceMicroUsdPerDay).toBe(system);
    expect(r.extraPriceMicroUsdPerDay).toBe(1_500_000n);
    const value = ((system + 1_500_000n) * 300n) / 14_400n;
    expect(r.valueMicroUsd).toBe(value);
    expect(r.feePlanck).toBe((value * PLANCK_PER_DBC) / 1_499n);
  });

  it('fails like the chain when the standard price or the DBC price is missing', () => {
    const base = { calcPoint: 10_000, machineGpus: 1, gpus: 1, durationBlocks: 300, standardGpuPointPrice: std, avgPriceMicroUsdPerDbc: 1_500 };
    expect(() => calcRentFee({ ...base, standardGpuPointPrice: null })).toThrow(
      expect.objectContaining({ code: 'RENT_PRICE_UNAVAILABLE', details: { chainError: 'rentMachine.GetMachinePriceFailed' } }),
    );
    expect(() => calcRentFee({ ...base, avgPriceMicroUsdPerDbc: null })).toThrow(
      expect.objectContaining({ code: 'RENT_PRICE_UNAVAILABLE', details: { chainError: 'rentMachine.Overflow' } }),
    );
  });

  it('fails like the chain when u64 arithmetic overflows', () => {
    const error = (() => {
      try {
        calcRentFee({ calcPoint: 2n ** 62n, machineGpus: 1, gpus: 1, durationBlocks: 300, standardGpuPointPrice: std, avgPriceMicroUsdPerDbc: 1_500 });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DbcError);
    expect(error).toMatchObject({ code: 'RENT_PRICE_OVERFLOW' });
  });

  it('rejects zero, fractional and negative GPU counts', () => {
    for (const gpus of [0, 1.5, -1]) {
      expect(() =>
        calcRentFee({ calcPoint: 1, machineGpus: 1, gpus, durationBlocks: 300, standardGpuPointPrice: std, avgPriceMicroUsdPerDbc: 1 }),
      ).toThrow(DbcInputError);
    }
  });
});
