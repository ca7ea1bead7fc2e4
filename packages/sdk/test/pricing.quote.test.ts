import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, findEvents, getBalance, keyringSigner, parseDbc, rentMachineTx, submitAndCheck, transferKeepAliveTx, type DbcSigner } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { createContext, type ClientContext } from '../src/client/context.js';
import { chainSnapshotSource } from '../src/machines/chainSnapshotSource.js';
import { createPricingResource, type PricingResource } from '../src/pricing/pricingResource.js';

type Seed = Devnet['genesis']['machines'][number];

let net: Devnet;
let ctx: ClientContext;
let renter: DbcSigner;
let pricing: PricingResource;
const used = new Set<string>();

/** A seeded online full-time machine no other test here rented. */
function freeMachine(pred: (m: Seed) => boolean = () => true): Seed {
  const m = net.genesis.machines.find((x) => x.status === 'online' && !x.timeSlot && !used.has(x.machineId) && pred(x));
  if (!m) throw new Error('no free seeded machine left');
  used.add(m.machineId);
  return m;
}

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 60, noClientNodes: true });
  // Not //Alice: the devnet's block author gets 20 % of every fee back, which would blur the balance check.
  renter = await keyringSigner('//QuoteRenter');
  const alice = await keyringSigner('//Alice');
  const chain = await connect({ endpoints: net.chainUrl });
  await submitAndCheck(chain, transferKeepAliveTx(chain, { to: renter.address, amountPlanck: parseDbc('500000') }), alice);
  await chain.disconnect();
  ctx = createContext({ network: { chain: net.chainUrl }, signer: renter, partner: { pricing: { markupPercent: 15, termDiscounts: { daily: 5 } } } });
  // A fresh snapshot for every quote: tests rent between quotes.
  pricing = createPricingResource(ctx, { source: chainSnapshotSource(ctx, { refreshSeconds: 0 }) });
});
afterAll(async () => {
  await ctx?.close();
  await net?.stop();
});

/** Rents what `quote` priced and returns the renter's balance changes and the tx result. */
async function rentAsQuoted(machineId: string, gpus: number, blocks: number) {
  const chain = await ctx.chain();
  const before = await getBalance(chain, { address: renter.address });
  const result = await submitAndCheck(chain, rentMachineTx(chain, { machineId, gpus, durationBlocks: blocks }), renter);
  const after = await getBalance(chain, { address: renter.address });
  const fee = BigInt(findEvents(result, 'rentMachine.Rent')[0]!.event.data[5]!.toString());
  return { reserved: after.reservedPlanck - before.reservedPlanck, spent: before.freePlanck - after.freePlanck, txFee: result.fee, eventFee: fee };
}

describe('quote against the devnet', () => {
  it('quotes exactly what rentMachine reserves, and the fixed fee and tx fee it charges', async () => {
    const m = freeMachine((x) => x.gpuNum >= 2);
    const q = await pricing.quote({ machineId: m.machineId, gpus: 1, duration: { hours: 2, minutes: 5 } });
    expect(q.duration).toMatchObject({ requestedBlocks: 1250, durationBlocks: 1500, roundedUpBlocks: 250 });
    expect(q.chainRentBlocks).toBe(1500);
    const got = await rentAsQuoted(m.machineId, 1, q.chainRentBlocks);
    expect(got.reserved).toBe(q.breakdown.firstRentReserve.planck);
    expect(got.eventFee).toBe(q.breakdown.firstRentReserve.planck);
    expect(got.spent).toBe(got.reserved + q.breakdown.networkFee.planck + got.txFee);
    expect(q.breakdown.networkFee.planck).toBe(10n * 10n ** 15n);
    expect(q.breakdown.txFeeEstimate.source).toBe('chain');
    // Fees depend on the signed length only: the estimate is the fee paid.
    expect(q.breakdown.txFeeEstimate.planck / 2n).toBe(got.txFee);
  });

  it('prices a whole machine with a miner extra price the way the chain charges it', async () => {
    const m = freeMachine((x) => x.extraPrice > 0 && x.gpuNum >= 2);
    const q = await pricing.quote({ machineId: m.machineId, gpus: m.gpuNum, duration: { days: 1 }, term: 'daily' });
    expect(q.breakdown.markup.percent).toBe(15);
    expect(q.breakdown.termDiscount.percent).toBe(5);
    const got = await rentAsQuoted(m.machineId, m.gpuNum, q.chainRentBlocks);
    expect(got.reserved).toBe(q.breakdown.firstRentReserve.planck);
    expect(q.total.planck).toBeGreaterThan(q.breakdown.chainRent.planck);
  });

  it('quotes 90 days as a 60-day rent that the chain reserves in full plus one relet', async () => {
    const m = freeMachine();
    const q = await pricing.quote({ machineId: m.machineId, gpus: 1, duration: { quarters: 1 }, term: 'quarterly' });
    expect(q.chainRentBlocks).toBe(60 * 14_400);
    expect(q.reletPlan.map((r) => r.durationBlocks)).toEqual([30 * 14_400]);
    const got = await rentAsQuoted(m.machineId, 1, q.chainRentBlocks);
    expect(got.reserved).toBe(q.breakdown.firstRentReserve.planck);
    expect(q.expiresAt - q.quotedAt).toBe(60_000);
  });
});

describe('quote bad input', () => {
  const reject = async (params: Parameters<PricingResource['quote']>[0], message: RegExp) => {
    const error = await pricing.quote(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbcInputError);
    expect((error as Error).message).toMatch(message);
  };
  const online = () => net.genesis.machines.find((x) => x.status === 'online' && !used.has(x.machineId))!;

  it('refuses an unknown or malformed machine', async () => {
    await reject({ machineId: 'ef'.repeat(32), gpus: 1, duration: { hours: 1 } }, /is not on the chain/);
    await reject({ machineId: 'not-a-machine', gpus: 1, duration: { hours: 1 } }, /not a DBC machine id/);
  });

  it('refuses zero, fractional and more GPUs than are free', async () => {
    const m = online();
    await reject({ machineId: m.machineId, gpus: 0, duration: { hours: 1 } }, /whole number of 1 or more/);
    await reject({ machineId: m.machineId, gpus: 1.5, duration: { hours: 1 } }, /whole number of 1 or more/);
    await reject({ machineId: m.machineId, gpus: m.gpuNum + 1, duration: { hours: 1 } }, new RegExp(`has ${m.gpuNum} free GPUs?; you asked for ${m.gpuNum + 1}`));
  });

  it('refuses a rental shorter than 30 minutes or shorter than its term', async () => {
    const m = online();
    await reject({ machineId: m.machineId, gpus: 1, duration: { minutes: 20 } }, /shortest rental is 30 minutes/);
    await reject({ machineId: m.machineId, gpus: 1, durationBlocks: 299 }, /shortest rental is 30 minutes/);
    await reject({ machineId: m.machineId, gpus: 1, duration: { days: 2 }, term: 'monthly' }, /monthly rental lasts at least 30 days/);
  });

  it('refuses a negative markup and a discount over 100 %', async () => {
    const m = online();
    await reject({ machineId: m.machineId, gpus: 1, duration: { hours: 1 }, policy: { markupPercent: -10 } }, /markup must be a percentage of 0 or more/);
    await reject({ machineId: m.machineId, gpus: 1, duration: { days: 1 }, term: 'daily', policy: { termDiscounts: { daily: 150 } } }, /from 0 to 100/);
  });

  it('refuses an offline machine and an unknown term', async () => {
    const offline = net.genesis.machines.find((x) => x.status === 'offline')!;
    await reject({ machineId: offline.machineId, gpus: 1, duration: { hours: 1 } }, /is offline and cannot be rented/);
    await reject({ machineId: online().machineId, gpus: 1, duration: { hours: 1 }, term: 'weekly' as never }, /not a rental term/);
  });
});
