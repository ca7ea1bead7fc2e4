import { DbcError, DbcInputError, throwIfAborted } from '@dbc-cloud/chain/errors';
// The price formula and formatting have no @polkadot import: quoting from a snapshot loads no chain code.
import { calcRentFee } from '@dbc-cloud/chain/rent-fee';
import { formatDbc } from '@dbc-cloud/chain/units';
import type { ClientContext } from '../client/context.js';
import { machineById, normalizeMachineId } from '../machines/machinesResource.js';
import type { MachineSnapshot } from '../machines/snapshot.js';
import type { SnapshotSource } from '../machines/snapshotSource.js';
import { snapshotSourceFor } from '../machines/snapshotSourceFor.js';
import { applyPricing, type AppliedPrice, type ApplyPricingOptions } from './applyPricing.js';
import { toRoundedDuration, type RentalDuration } from './duration.js';
import { estimateTxFee, FALLBACK_TX_FEE_PLANCK } from './estimateTxFee.js';
import type { PricingPolicy, RentalTerm } from './policy.js';
import { buildQuote, type Quote } from './quote.js';
import { resolvePolicy } from './resolvePolicy.js';
import { isRentalTerm, TERM_MIN_DAYS, termMinBlocks } from './terms.js';
import { validatePolicy } from './validatePolicy.js';

/** What to quote. Give `duration` or `durationBlocks`. */
export interface QuoteParams {
  machineId: string;
  /** GPUs to rent: 1 up to the machine's free GPUs (all of them rents the whole machine). */
  gpus: number;
  /** e.g. `{ hours: 2 }`, `{ months: 3 }`; rounded up to whole half hours. */
  duration?: RentalDuration;
  /** Blocks of 6 s; rounded up to whole half hours (300 blocks). */
  durationBlocks?: number;
  /** Default `hourly`; longer terms need a rental at least as long (a month is 30 days). */
  term?: RentalTerm;
  /** Pricing for this quote instead of the client's `partner.pricing`. */
  policy?: PricingPolicy;
}

/** Options of `pricing.quote`. */
export interface QuoteOptions {
  signal?: AbortSignal;
}

/** Options of {@link createPricingResource}. */
export interface PricingResourceOptions {
  /** Where machines and prices come from (default: the client's shared snapshot source). */
  source?: SnapshotSource;
  /** How long a quote holds, since it follows the DBC price (default 60 s). */
  validitySeconds?: number;
  /**
   * Ask the chain for the transaction fee (default: yes, unless the client browses through a proxy
   * snapshot URL, where a fixed upper bound avoids opening a chain connection).
   */
  estimateTxFeeFromChain?: boolean;
}

/** `client.pricing`: the partner's prices and rental quotes. */
export interface PricingResource {
  /** The client's pricing policy (`partner.pricing`). */
  readonly policy: PricingPolicy;
  /**
   * Quotes a rental: the chain's rent by the runtime's formula, fees, markup, term discount and
   * total, valid until `expiresAt`. Throws DbcInputError for bad input.
   *
   * @example
   * ```ts
   * const q = await client.pricing.quote({ machineId, gpus: 1, duration: { hours: 8 } });
   * console.log(q.total.dbc, q.total.usd, q.pricePerGpuHour.usd);
   * ```
   */
  quote(params: QuoteParams, options?: QuoteOptions): Promise<Quote>;
  /** `applyPricing` with the client's policy. */
  apply(chainUsdPerDay: number, options?: ApplyPricingOptions): AppliedPrice;
}

const short = (id: string) => `${id.slice(0, 8)}…`;

function checkGpus(gpus: unknown): number {
  if (typeof gpus !== 'number' || !Number.isSafeInteger(gpus) || gpus < 1) {
    throw new DbcInputError('INVALID_GPU_COUNT', `gpus must be a whole number of 1 or more; got ${String(gpus)}.`, { details: { gpus: String(gpus) } });
  }
  return gpus;
}

/** Creates `client.pricing`. */
export function createPricingResource(ctx: ClientContext, options: PricingResourceOptions = {}): PricingResource {
  const policy = ctx.config.partner?.pricing ?? {};
  const validityMs = (options.validitySeconds ?? 60) * 1000;
  const estimate = options.estimateTxFeeFromChain ?? !ctx.network.snapshotUrl;
  let source: SnapshotSource | undefined = options.source;
  const sourceOf = () => (source ??= snapshotSourceFor(ctx));

  /** A snapshot young enough to quote from: quotes must not outlive the prices they use. */
  async function freshSnapshot(signal?: AbortSignal): Promise<MachineSnapshot> {
    const snap = await sourceOf().get({ signal });
    return Date.now() - snap.takenAt > validityMs ? sourceOf().refresh({ signal }) : snap;
  }

  return {
    policy,
    apply: (chainUsdPerDay, o) => applyPricing(chainUsdPerDay, policy, o),
    async quote(params, opts = {}) {
      throwIfAborted(opts.signal);
      if (!params || typeof params !== 'object') throw new DbcInputError('INVALID_QUOTE', 'quote() needs { machineId, gpus, duration }.');
      const machineId = normalizeMachineId(params.machineId);
      const term = params.term ?? 'hourly';
      if (!isRentalTerm(term)) {
        throw new DbcInputError('INVALID_TERM', `"${String(term)}" is not a rental term; use hourly, daily, monthly, quarterly or yearly.`, { details: { term } });
      }
      const gpus = checkGpus(params.gpus);
      const duration = toRoundedDuration(params.duration, params.durationBlocks);
      if (duration.durationBlocks < termMinBlocks(term)) {
        throw new DbcInputError(
          'TERM_TOO_SHORT',
          `A ${term} rental lasts at least ${TERM_MIN_DAYS[term]} days; this one is ${(duration.durationBlocks / 14_400).toFixed(2)} days. Choose a shorter term or a longer duration.`,
          { details: { term, durationBlocks: duration.durationBlocks } },
        );
      }
      const quotePolicy = validatePolicy(params.policy ?? policy);

      const snapshot = await freshSnapshot(opts.signal);
      const machine = machineById(snapshot, machineId);
      if (!machine) {
        throw new DbcInputError('UNKNOWN_MACHINE', `Machine ${short(machineId)} is not on the chain (never bonded, refused or exited).`, {
          details: { machineId, snapshotBlock: snapshot.blockNumber },
        });
      }
      if (machine.status === 'offline' || machine.status === 'verifying') {
        throw new DbcInputError('MACHINE_NOT_RENTABLE', `Machine ${short(machineId)} is ${machine.status} and cannot be rented now.`, {
          details: { machineId, status: machine.status },
        });
      }
      if (gpus > machine.gpu.freeCount) {
        throw new DbcInputError(
          'GPU_NOT_ENOUGH',
          `Machine ${short(machineId)} has ${machine.gpu.freeCount} free GPU${machine.gpu.freeCount === 1 ? '' : 's'}; you asked for ${gpus}.`,
          { details: { machineId, freeGpus: machine.gpu.freeCount, gpus } },
        );
      }
      if (snapshot.avgPriceUsd === null || snapshot.standardGpuPointPrice === null) {
        throw new DbcError('RENT_PRICE_UNAVAILABLE', 'The chain has no DBC price or no standard GPU price yet, so rents cannot be priced (or made).', {
          details: { avgPriceUsd: snapshot.avgPriceUsd, standardGpuPointPrice: snapshot.standardGpuPointPrice },
        });
      }

      const [fee] = await Promise.all([
        estimate
          ? estimateTxFee(ctx, { machineId, gpus, durationBlocks: Math.min(duration.durationBlocks, snapshot.maxRentalBlocks) }, { signal: opts.signal })
          : Promise.resolve({ perTxPlanck: FALLBACK_TX_FEE_PLANCK, source: 'fallback' as const }),
      ]);
      throwIfAborted(opts.signal);
      return buildQuote({
        snapshot,
        avgPriceMicroUsdPerDbc: Math.round(snapshot.avgPriceUsd * 1e6),
        machine,
        gpus,
        term,
        duration,
        pricing: resolvePolicy(quotePolicy, term, machine.gpu.model),
        txFeePerTxPlanck: fee.perTxPlanck,
        txFeeSource: fee.source,
        calcRentFee,
        formatDbc,
        validityMs,
        now: Date.now(),
      });
    },
  };
}
