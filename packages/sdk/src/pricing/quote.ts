/**
 * A rental quote: what the chain will charge (the runtime's own formula, in planck) and what the
 * renter pays on top (partner markup, term discount, minimum, network and transaction fees).
 */
import type { CalcRentFeeParameters, CalcRentFeeReturnType } from '@dbc-cloud/chain';
import type { Machine } from '../machines/types.js';
import type { MachineSnapshot } from '../machines/snapshot.js';
import type { RentalTerm } from './policy.js';
import type { RoundedDuration } from './duration.js';
import { planRent, type ReletStep } from './reletPlan.js';
import type { ResolvedPricing } from './resolvePolicy.js';

/** An amount in planck (exact), DBC (display) and USD (at the chain's DBC price). */
export interface QuoteAmount {
  planck: bigint;
  /** Planck as a DBC display string (4 decimals, truncated). */
  dbc: string;
  usd: number;
}

/** A relet of a long rental, priced at today's DBC price. */
export interface PricedReletStep extends ReletStep {
  /** What the chain will charge for it at today's prices. */
  chainFee: QuoteAmount;
}

/** The parts a quote's total is made of. */
export interface QuoteBreakdown {
  /** The chain's rent for the whole duration (first rent plus relets), by the runtime's formula. */
  chainRent: QuoteAmount;
  /** What `rentMachine` reserves now for the first rent: exactly this, on chain. */
  firstRentReserve: QuoteAmount;
  /** GenericFunc's fixed fee charged by `rentMachine` and never refunded (10 DBC on mainnet). */
  networkFee: QuoteAmount;
  /** Transaction fees of rent, confirm and relets (an estimate: fees depend on the signed bytes). */
  txFeeEstimate: QuoteAmount & { transactions: number; source: 'chain' | 'fallback' };
  /** The partner's markup on the chain rent. */
  markup: QuoteAmount & { percent: number };
  /** The term discount on the marked-up rent (subtracted). */
  termDiscount: QuoteAmount & { percent: number };
  /** Added to reach the partner's minimum price per GPU-hour. */
  minimumAdjustment: QuoteAmount;
}

/** A priced rental. Prices follow the DBC price: re-quote after `expiresAt`. */
export interface Quote {
  machineId: string;
  gpuModel: string;
  gpus: number;
  term: RentalTerm;
  duration: RoundedDuration & {
    hours: number;
    /** Why the duration differs from the request, if it does. */
    note: string | null;
  };
  /** Blocks of the first `rentMachine` (the chain grants at most 60 days per rent). */
  chainRentBlocks: number;
  /** The relets that extend a rental longer than one chain rent; empty otherwise. */
  reletPlan: PricedReletStep[];
  breakdown: QuoteBreakdown;
  /** Everything the renter pays. */
  total: QuoteAmount;
  /** The rental (markup, discount, minimum included; fees excluded) per GPU-hour. */
  pricePerGpuHour: { usd: number; dbc: number };
  /** USD per DBC used for conversions. */
  avgPriceUsd: number;
  snapshotBlock: number;
  quotedAt: number;
  expiresAt: number;
  /** Things to know before renting (time-slot schedules, relets at future prices). */
  notes: string[];
}

/** What {@link buildQuote} needs besides the machine. */
export interface BuildQuoteInputs {
  snapshot: Pick<MachineSnapshot, 'standardGpuPointPrice' | 'fixedTxFeePlanck' | 'maxRentalBlocks' | 'blockNumber'>;
  /** USD × 10^6 per DBC. */
  avgPriceMicroUsdPerDbc: number;
  machine: Machine;
  gpus: number;
  term: RentalTerm;
  duration: RoundedDuration;
  pricing: ResolvedPricing;
  /** Fee of one rent/confirm/relet transaction, planck. */
  txFeePerTxPlanck: bigint;
  txFeeSource: 'chain' | 'fallback';
  /** The chain package's `calcRentFee` and `formatDbc`, loaded on demand by the caller. */
  calcRentFee: (p: CalcRentFeeParameters) => CalcRentFeeReturnType;
  formatDbc: (planck: bigint, options?: { decimals?: number }) => string;
  validityMs: number;
  now: number;
}

const PLANCK_PER_DBC = 10n ** 15n;

/** A float number of micro-USD as an integer bigint (half up): USD amounts are settled in whole micro-USD, as the chain prices. */
const micro = (x: number) => BigInt(Math.round(x));

/**
 * Prices a rental with the chain's formula on the snapshot's inputs, then the partner's pricing.
 * Pure: all chain data comes in through `inputs`.
 */
export function buildQuote(inputs: BuildQuoteInputs): Quote {
  const { machine, gpus, duration, pricing, snapshot } = inputs;
  const avg = BigInt(inputs.avgPriceMicroUsdPerDbc);
  const toPlanck = (microUsd: bigint) => (microUsd < 0n ? -((-microUsd * PLANCK_PER_DBC) / avg) : (microUsd * PLANCK_PER_DBC) / avg);
  const usdOf = (planck: bigint) => Number((planck * avg) / 1_000_000_000n) / 1e12;
  const amount = (planck: bigint, usd = usdOf(planck)): QuoteAmount => ({
    planck,
    dbc: planck < 0n ? `-${inputs.formatDbc(-planck)}` : inputs.formatDbc(planck),
    usd,
  });
  const fee = (blocks: number) =>
    inputs.calcRentFee({
      calcPoint: machine.calcPoints,
      machineGpus: machine.gpu.count,
      gpus,
      durationBlocks: blocks,
      standardGpuPointPrice: snapshot.standardGpuPointPrice,
      extraPriceMicroUsdPerGpuDay: Math.round(machine.price.minerExtraUsdPerGpuDay * 1e6),
      avgPriceMicroUsdPerDbc: inputs.avgPriceMicroUsdPerDbc,
    });

  const plan = planRent(duration.durationBlocks, snapshot.maxRentalBlocks);
  const first = fee(plan.chainRentBlocks);
  const relets = plan.reletPlan.map((step) => ({ step, fee: fee(step.durationBlocks) }));
  const chainRentPlanck = relets.reduce((s, r) => s + r.fee.feePlanck, first.feePlanck);
  const chainRentMicroUsd = relets.reduce((s, r) => s + r.fee.valueMicroUsd, first.valueMicroUsd);

  const hours = duration.durationBlocks / 600;
  const markupMicro = micro((Number(chainRentMicroUsd) * pricing.markupPercent) / 100);
  const discountMicro = micro((Number(chainRentMicroUsd + markupMicro) * pricing.discountPercent) / 100);
  const pricedMicro = chainRentMicroUsd + markupMicro - discountMicro;
  const minimumMicro = micro(pricing.minPriceUsdPerGpuHour * 1e6 * gpus * hours);
  const minimumAdjMicro = minimumMicro > pricedMicro ? minimumMicro - pricedMicro : 0n;
  const rentalMicro = pricedMicro + minimumAdjMicro;

  const markupPlanck = toPlanck(markupMicro);
  const discountPlanck = toPlanck(discountMicro);
  const minimumPlanck = toPlanck(minimumAdjMicro);
  const networkFeePlanck = snapshot.fixedTxFeePlanck ?? 0n;
  const transactions = 2 + relets.length;
  const txFeePlanck = inputs.txFeePerTxPlanck * BigInt(transactions);
  const rentalPlanck = chainRentPlanck + markupPlanck - discountPlanck + minimumPlanck;
  const totalPlanck = rentalPlanck + networkFeePlanck + txFeePlanck;
  const usd = (m: bigint) => Number(m) / 1e6;
  const rentalUsd = usd(rentalMicro);

  const notes: string[] = [];
  if (machine.rentalMode === 'time-slot') {
    notes.push("This machine rents only inside its miner's weekly schedule (UTC); the chain refuses rents outside it.");
  }
  if (relets.length) {
    notes.push(
      `The chain grants at most ${snapshot.maxRentalBlocks / 14_400} days per rent: the first rent covers ${plan.chainRentBlocks / 14_400} days and ${relets.length} relet(s) the rest. Relets are paid in DBC when sent, at that day's DBC price.`,
    );
  }
  const roundedNote =
    duration.roundedUpBlocks > 0
      ? `Rounded up by ${duration.roundedUpBlocks} blocks (${duration.roundedUpBlocks / 10} minutes) to whole half hours, as the chain requires.`
      : null;

  return {
    machineId: machine.id,
    gpuModel: machine.gpu.model,
    gpus,
    term: inputs.term,
    duration: { ...duration, hours, note: roundedNote },
    chainRentBlocks: plan.chainRentBlocks,
    reletPlan: relets.map(({ step, fee: f }) => ({ ...step, chainFee: amount(f.feePlanck, usd(f.valueMicroUsd)) })),
    breakdown: {
      chainRent: amount(chainRentPlanck, usd(chainRentMicroUsd)),
      firstRentReserve: amount(first.feePlanck, usd(first.valueMicroUsd)),
      networkFee: amount(networkFeePlanck),
      txFeeEstimate: { ...amount(txFeePlanck), transactions, source: inputs.txFeeSource },
      markup: { ...amount(markupPlanck, usd(markupMicro)), percent: pricing.markupPercent },
      termDiscount: { ...amount(discountPlanck, usd(discountMicro)), percent: pricing.discountPercent },
      minimumAdjustment: amount(minimumPlanck, usd(minimumAdjMicro)),
    },
    total: amount(totalPlanck, rentalUsd + usdOf(networkFeePlanck) + usdOf(txFeePlanck)),
    pricePerGpuHour: { usd: rentalUsd / gpus / hours, dbc: Number(rentalPlanck) / 1e15 / gpus / hours },
    avgPriceUsd: inputs.avgPriceMicroUsdPerDbc / 1e6,
    snapshotBlock: snapshot.blockNumber,
    quotedAt: inputs.now,
    expiresAt: inputs.now + inputs.validityMs,
    notes,
  };
}
