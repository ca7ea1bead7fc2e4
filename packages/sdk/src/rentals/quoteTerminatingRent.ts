import type { DbcChain, MachineInfo } from '@dbc-cloud/chain';
import { DbcUnsupportedError } from '@dbc-cloud/chain/errors';

type ChainLib = typeof import('@dbc-cloud/chain');

interface Entry {
  (...args: unknown[]): Promise<{ toJSON(): unknown; isSome?: boolean }>;
}

/**
 * The fee a TerminatingRental order reserves. That pallet keeps its own standard price and extra
 * prices (the chain package quotes only RentMachine), so they are read here and priced with the
 * same `calcRentFee` the runtime's arithmetic is mirrored in.
 */
export async function quoteTerminatingRentFee(
  lib: ChainLib,
  chain: DbcChain,
  machine: MachineInfo,
  gpus: number,
  durationBlocks: number,
): Promise<bigint> {
  const q = (chain.api.query as unknown as Record<string, Record<string, Entry> | undefined>).terminatingRental;
  if (!q?.standardGPUPointPrice || !q.machineExtraPrice)
    throw new DbcUnsupportedError('TERMINATING_RENTAL_UNSUPPORTED', 'This chain has no TerminatingRental prices; its machines cannot be quoted.');
  const [std, extra, avg] = await Promise.all([
    q.standardGPUPointPrice(),
    q.machineExtraPrice(machine.machineId),
    lib.getDbcAvgPrice(chain),
  ]);
  const s = std.toJSON() as { gpuPoint: number; gpuPrice: number } | null;
  return lib.calcRentFee({
    calcPoint: machine.hardware.calcPoint,
    machineGpus: machine.hardware.gpuNum,
    gpus,
    durationBlocks,
    standardGpuPointPrice: s ? { gpuPoint: Number(s.gpuPoint), gpuPriceMicroUsdPerDay: Number(s.gpuPrice) } : null,
    extraPriceMicroUsdPerGpuDay: BigInt(String(extra.toJSON() ?? 0)),
    avgPriceMicroUsdPerDbc: avg,
  }).feePlanck;
}
