import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyringSigner, rentMachineTx, submitAndCheck } from '@dbc-cloud/chain';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { createContext, type ClientContext } from '../src/client/context.js';
import { chainSnapshotSource } from '../src/machines/chainSnapshotSource.js';
import { createMachinesResource } from '../src/machines/machinesResource.js';
import { buildSnapshot, type MachineSnapshot } from '../src/machines/snapshot.js';
import { fromSnapshotJson, toSnapshotJson } from '../src/machines/snapshotJson.js';
import { gpuDisplayName } from '../src/machines/gpuModels.js';

type Seed = Devnet['genesis']['machines'][number];

let net: Devnet;
let ctx: ClientContext;
let snap: MachineSnapshot;

/** What the seed says a machine's status is, in SDK terms. */
function seedStatus(m: Seed): string {
  if (m.status === 'rented') return m.rentals.reduce((a, b) => a + b, 0) >= m.gpuNum ? 'rented' : 'available';
  return m.status === 'online' ? 'available' : m.status;
}

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 80, noClientNodes: true });
  ctx = createContext({ network: { chain: net.chainUrl } });
  snap = await buildSnapshot(await ctx.chain());
});
afterAll(async () => {
  await ctx?.close();
  await net?.stop();
});

describe('machine snapshot from the devnet', () => {
  it('holds every seeded machine with the seeded status counts', () => {
    expect(snap.machines).toHaveLength(net.genesis.machines.length);
    const count = (xs: string[]) => xs.reduce<Record<string, number>>((a, s) => ((a[s] = (a[s] ?? 0) + 1), a), {});
    expect(count(snap.machines.map((m) => m.status))).toEqual(count(net.genesis.machines.map(seedStatus)));
    expect(snap.blockNumber).toBeGreaterThanOrEqual(1_200_000);
    expect(snap.blockHash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('reads the prices and rental limits at the same block', () => {
    const p = net.genesis.params;
    expect(snap.avgPriceUsd).toBe(p.avgPrice / 1e6);
    expect(snap.standardGpuPointPrice).toEqual({ gpuPoint: p.standardGpuPointPrice.gpuPoint, gpuPriceMicroUsdPerDay: p.standardGpuPointPrice.gpuPrice });
    expect(snap.fixedTxFeePlanck).toBe(p.fixedTxFeeDbc * 10n ** 15n);
    expect(snap.maxRentalBlocks).toBe(60 * 14_400);
  });

  it('describes each machine as seeded: hardware, place, network, history, mode and price', () => {
    const byId = new Map(snap.machines.map((m) => [m.id, m]));
    for (const seed of net.genesis.machines) {
      const m = byId.get(seed.machineId)!;
      const rented = seed.rentals.reduce((a, b) => a + b, 0);
      expect(m.gpu).toEqual({
        model: gpuDisplayName(seed.gpu.gpuType),
        chainModel: seed.gpu.gpuType,
        count: seed.gpuNum,
        freeCount: seed.gpuNum - rented,
        memoryGb: seed.gpu.memGb,
        cudaCores: seed.gpu.cudaCore,
      });
      expect(m).toMatchObject({
        calcPoints: seed.calcPoint,
        cpu: { model: seed.cpuType, cores: seed.cpuCoreNum, mhz: seed.cpuRateMhz },
        ramGb: seed.memGb,
        diskGb: { system: seed.sysDiskGb, data: seed.dataDiskGb },
        network: { uploadMbps: seed.uploadMbps, downloadMbps: seed.downloadMbps, telecom: seed.place.telecom },
        rentalMode: seed.timeSlot ? 'time-slot' : 'full-time',
        bareMetal: seed.isBareMachine,
        stashAddress: net.genesis.miners[seed.miner]!.stash.address,
        history: { bondedAtBlock: seed.bondingHeight, rentedTimes: seed.totalRentedTimes, rentedHours: seed.totalRentedDuration / 600 },
        snapshotBlock: snap.blockNumber,
      });
      expect(m.price.minerExtraUsdPerGpuDay).toBe(seed.extraPrice / 1e6);
      const lon = 'East' in seed.longitude ? seed.longitude.East : -seed.longitude.West;
      const lat = 'North' in seed.latitude ? seed.latitude.North : -seed.latitude.South;
      expect([m.location.lon, m.location.lat]).toEqual([lon / 1e4, lat / 1e4]);
      // Shenzhen and Hong Kong are 26 km apart: jitter may put a machine nearer the other.
      const twins = ['Shenzhen', 'Hong Kong'];
      if (!(twins.includes(seed.place.city) && twins.includes(m.location.city ?? ''))) {
        expect(m.location).toMatchObject({ city: seed.place.city, country: seed.place.country });
      }
      if (seed.status !== 'verifying') expect(m.stability.onlineSinceBlock).toBe(seed.lastOnlineHeight);
      const hours = (snap.blockNumber - seed.lastOnlineHeight) / 600;
      if (seed.status === 'online' || seed.status === 'rented') expect(m.stability.highStability).toBe(hours >= 144);
    }
  });

  it('survives the compact JSON round trip unchanged, in about 200 bytes per machine', () => {
    const text = toSnapshotJson(snap);
    expect(fromSnapshotJson(text)).toEqual(snap);
    expect(typeof JSON.parse(text).f).toBe('string');
    expect(text.length / snap.machines.length).toBeLessThan(260);
  });
});

describe('chain snapshot source', () => {
  it('reuses a fresh snapshot, shares one read between concurrent refreshes, and tells listeners only about changes', async () => {
    const source = chainSnapshotSource(ctx, { refreshSeconds: 3600 });
    const first = await source.get();
    expect(await source.get()).toBe(first);
    const [a, b] = await Promise.all([source.refresh(), source.refresh()]);
    expect(a).toBe(b);

    const seen: MachineSnapshot[] = [];
    const unsubscribe = source.subscribe((s) => seen.push(s));
    await source.refresh();
    expect(seen).toHaveLength(0);

    const target = net.genesis.machines.find((m) => m.status === 'online' && !m.timeSlot && m.gpuNum >= 2)!;
    const alice = await keyringSigner('//Alice');
    const chain = await ctx.chain();
    await submitAndCheck(chain, rentMachineTx(chain, { machineId: target.machineId, gpus: 1, durationBlocks: 300 }), alice);
    const changed = await source.refresh();
    expect(seen).toEqual([changed]);
    expect(changed.machines.find((m) => m.id === target.machineId)!.gpu.freeCount).toBe(target.gpuNum - 1);
    unsubscribe();
    source.close();
  });
});

describe('machines resource', () => {
  it('searches, gets one machine by id in any case and with 0x, and says null for an unknown id', async () => {
    const machines = createMachinesResource(ctx, chainSnapshotSource(ctx));
    const page = await machines.search({ status: ['available'], sort: 'price', limit: 5 });
    expect(page.items).toHaveLength(5);
    const id = page.items[0]!.id;
    expect((await machines.get(`0x${id.toUpperCase()}`))!.id).toBe(id);
    expect(await machines.get('ef'.repeat(32))).toBeNull();
    await expect(machines.get('nope')).rejects.toMatchObject({ code: 'INPUT_INVALID_MACHINE_ID' });
  });

  it('stops a search whose signal is already aborted', async () => {
    const machines = createMachinesResource(ctx, chainSnapshotSource(ctx));
    await expect(machines.search({}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'ABORTED' });
  });
});
