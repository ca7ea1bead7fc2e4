import { describe, expect, it } from 'vitest';
import { calcRentFee, formatDbc } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import { applyPricing } from '../src/pricing/applyPricing.js';
import { toRoundedDuration } from '../src/pricing/duration.js';
import { buildQuote } from '../src/pricing/quote.js';
import { planRent } from '../src/pricing/reletPlan.js';
import { resolvePolicy } from '../src/pricing/resolvePolicy.js';
import { validatePolicy } from '../src/pricing/validatePolicy.js';
import { AVG, machine, snapshotOf } from './machines.fixtures.js';

const DAY = 14_400;

describe('applyPricing', () => {
  it('adds the markup, then takes the term discount off the marked-up price', () => {
    const p = applyPricing(10, { markupPercent: 20, termDiscounts: { monthly: 10, yearly: 25 } }, { term: 'monthly' });
    expect(p).toMatchObject({ chainUsdPerDay: 10, markupUsdPerDay: 2, discountPercent: 10, minimumApplied: false });
    expect(p.discountUsdPerDay).toBeCloseTo(1.2, 12);
    expect(p.usdPerDay).toBeCloseTo(10.8, 12);
    expect(p.usdPerGpuHour).toBeCloseTo(10.8 / 24, 12);
    expect(applyPricing(10, { markupPercent: 20, termDiscounts: { monthly: 10 } }).usdPerDay).toBeCloseTo(12, 12);
  });

  it('raises a price below the partner minimum per GPU-hour to the minimum, per GPU', () => {
    const p = applyPricing(4.8, { minPriceUsdPerGpuHour: 0.25 }, { gpus: 2 });
    expect(p.minimumApplied).toBe(true);
    expect(p.usdPerDay).toBeCloseTo(12, 12);
    expect(p.usdPerGpuHour).toBeCloseTo(0.25, 12);
  });

  it('lets a per-model override, named either way, replace the defaults field by field', () => {
    const policy = { markupPercent: 10, termDiscounts: { monthly: 5 }, byGpuModel: { GeForceRTX4090: { markupPercent: 30 } } };
    const p = applyPricing(10, policy, { term: 'monthly', gpuModel: 'RTX 4090' });
    expect(p.markupPercent).toBe(30);
    expect(p.discountPercent).toBe(5);
    expect(applyPricing(10, policy, { gpuModel: 'A100' }).markupPercent).toBe(10);
  });

  it('refuses a negative markup, a discount over 100 %, an unknown term and a negative price', () => {
    expect(() => applyPricing(10, { markupPercent: -5 })).toThrow(/markup must be a percentage of 0 or more/);
    expect(() => applyPricing(10, { termDiscounts: { yearly: 120 } })).toThrow(/yearly discount must be a percentage from 0 to 100/);
    expect(() => applyPricing(10, { byGpuModel: { A100: { markupPercent: -1 } } })).toThrow(/for A100/);
    expect(() => applyPricing(10, {}, { term: 'weekly' as never })).toThrow(DbcInputError);
    expect(() => applyPricing(-1, {})).toThrow(/non-negative/);
    expect(() => validatePolicy({ minPriceUsdPerGpuHour: -0.1 })).toThrow(/minimum price/);
  });
});

describe('rental durations', () => {
  it('rounds up to whole half hours and shows the rounding', () => {
    expect(toRoundedDuration({ hours: 1, minutes: 10 }, undefined)).toEqual({ requestedBlocks: 700, durationBlocks: 900, roundedUpBlocks: 200 });
    expect(toRoundedDuration(undefined, 600)).toEqual({ requestedBlocks: 600, durationBlocks: 600, roundedUpBlocks: 0 });
    expect(toRoundedDuration({ months: 1 }, undefined).durationBlocks).toBe(30 * DAY);
    expect(toRoundedDuration({ hours: 0.1 * 5 }, undefined).durationBlocks).toBe(300);
  });

  it('refuses less than 30 minutes, both or neither forms, and negative or unknown units', () => {
    expect(() => toRoundedDuration({ minutes: 29 }, undefined)).toThrow(/shortest rental is 30 minutes/);
    expect(() => toRoundedDuration({ hours: 1 }, 600)).toThrow(/either duration/);
    expect(() => toRoundedDuration(undefined, undefined)).toThrow(/either duration/);
    expect(() => toRoundedDuration({ hours: -1 }, undefined)).toThrow(/0 or more/);
    expect(() => toRoundedDuration({ fortnights: 1 } as never, undefined)).toThrow(/not a unit/);
  });

  it('splits a year into a 60-day rent and 30-day relets that can be sent 30 days ahead', () => {
    const plan = planRent(365 * DAY, 60 * DAY);
    expect(plan.chainRentBlocks).toBe(60 * DAY);
    expect(plan.reletPlan.map((r) => r.durationBlocks / DAY)).toEqual([30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 5]);
    expect(plan.reletPlan[0]).toEqual({ durationBlocks: 30 * DAY, notBeforeBlock: 30 * DAY, endsAtBlock: 90 * DAY });
    expect(plan.reletPlan.at(-1)!.endsAtBlock).toBe(365 * DAY);
    expect(planRent(2 * DAY, 60 * DAY)).toEqual({ chainRentBlocks: 2 * DAY, reletPlan: [] });
  });
});

describe('buildQuote', () => {
  const snap = snapshotOf([]);
  const base = (over: Partial<Parameters<typeof buildQuote>[0]> = {}) =>
    buildQuote({
      snapshot: snap,
      avgPriceMicroUsdPerDbc: AVG,
      machine: machine({ gpuNum: 2, calcPoint: 60_000 }),
      gpus: 1,
      term: 'hourly',
      duration: toRoundedDuration({ hours: 24 }, undefined),
      pricing: resolvePolicy({}, 'hourly'),
      txFeePerTxPlanck: 10n ** 13n,
      txFeeSource: 'chain',
      calcRentFee,
      formatDbc,
      validityMs: 60_000,
      now: 1_000,
      ...over,
    });

  it('charges the runtime formula plus the 10 DBC network fee and transaction fees', () => {
    const q = base();
    // $9 a day for one GPU at $0.0015 per DBC.
    expect(q.breakdown.chainRent.planck).toBe(6_000n * 10n ** 15n);
    expect(q.breakdown.chainRent.usd).toBe(9);
    expect(q.breakdown.firstRentReserve.planck).toBe(q.breakdown.chainRent.planck);
    expect(q.breakdown.networkFee.dbc).toBe('10');
    expect(q.breakdown.txFeeEstimate).toMatchObject({ planck: 2n * 10n ** 13n, transactions: 2, source: 'chain' });
    expect(q.total.planck).toBe(6_010n * 10n ** 15n + 2n * 10n ** 13n);
    expect(q.pricePerGpuHour.usd).toBeCloseTo(9 / 24, 12);
    expect(q.expiresAt).toBe(61_000);
  });

  it('adds the markup and takes the term discount in DBC as in USD', () => {
    const q = base({ term: 'monthly', duration: toRoundedDuration({ days: 30 }, undefined), pricing: resolvePolicy({ markupPercent: 20, termDiscounts: { monthly: 10 } }, 'monthly') });
    expect(q.breakdown.chainRent.usd).toBe(270);
    expect(q.breakdown.markup).toMatchObject({ usd: 54, percent: 20, planck: 36_000n * 10n ** 15n });
    expect(q.breakdown.termDiscount.usd).toBeCloseTo(32.4, 9);
    const rental = q.breakdown.chainRent.planck + q.breakdown.markup.planck - q.breakdown.termDiscount.planck;
    expect(q.total.planck).toBe(rental + q.breakdown.networkFee.planck + q.breakdown.txFeeEstimate.planck);
    expect(q.pricePerGpuHour.usd).toBeCloseTo((270 * 1.2 * 0.9) / 720, 9);
  });

  it('tops a rental up to the partner minimum and says by how much', () => {
    const q = base({ pricing: resolvePolicy({ minPriceUsdPerGpuHour: 1 }, 'hourly') });
    expect(q.breakdown.minimumAdjustment.usd).toBe(24 - 9);
    expect(q.pricePerGpuHour.usd).toBeCloseTo(1, 12);
  });

  it('prices a yearly term as a 60-day rent plus relets, with the rounding and the relets explained', () => {
    const q = base({ term: 'yearly', duration: toRoundedDuration({ years: 1, minutes: 5 }, undefined), pricing: resolvePolicy({ termDiscounts: { yearly: 20 } }, 'yearly') });
    expect(q.chainRentBlocks).toBe(60 * DAY);
    expect(q.reletPlan).toHaveLength(11);
    expect(q.duration.roundedUpBlocks).toBe(250);
    expect(q.duration.note).toMatch(/Rounded up by 250 blocks/);
    expect(q.breakdown.txFeeEstimate.transactions).toBe(13);
    expect(q.breakdown.firstRentReserve.usd).toBe(540);
    const relets = q.reletPlan.reduce((s, r) => s + r.chainFee.planck, 0n);
    expect(q.breakdown.chainRent.planck).toBe(q.breakdown.firstRentReserve.planck + relets);
    expect(q.notes.join(' ')).toMatch(/at most 60 days per rent/);
  });
});
