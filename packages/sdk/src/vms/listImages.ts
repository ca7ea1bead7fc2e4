import { toMachineId } from '@dbc-cloud/chain/units';
import type { VmsContext } from './vmsContext.js';
import type { RentalId } from '../rentals/types.js';
import type { VmImage } from './types.js';

/** Options of `listVmImages`. */
export interface ListVmImagesParameters {
  /** List an image server's images instead of the machine's. */
  imageServer?: string;
  /**
   * The rental on this machine to list them under: the request then carries the rent order and the
   * renter's signature, which a partner proxy requires (a bare client node lists images without).
   */
  rentalId?: RentalId;
  signal?: AbortSignal;
}
/** What `listVmImages` resolves to. */
export type ListVmImagesReturnType = VmImage[];

const UNITS: Record<string, number> = { '': 1, B: 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** "31.2G" (as nodes print sizes) or a byte count, in bytes; 0 when unreadable. */
export function parseImageSize(size: unknown): number {
  const m = /^\s*([\d.]+)\s*([BKMGT]?)i?B?\s*$/i.exec(String(size ?? ''));
  return m ? Math.round(Number(m[1]) * (UNITS[m[2]!.toUpperCase()] ?? 1)) : 0;
}

/**
 * The VM images a machine has (PyTorch, TensorFlow, MXNet, Windows…). The node's key is spelled
 * `image_name:` (with the colon); both spellings are read.
 *
 * @example
 * ```ts
 * const images = await dbc.vms.images.list(machineId, { rentalId });
 * ```
 */
export async function listVmImages(v: VmsContext, machineId: string, opts: ListVmImagesParameters = {}): Promise<ListVmImagesReturnType> {
  const id = toMachineId(machineId);
  const rental = opts.rentalId === undefined ? null : await v.rentalTarget(opts.rentalId, id, opts.signal);
  const rows = await v.node().request<Array<Record<string, unknown>>>('images', {
    machineId: id,
    ...(rental ? { rentOrder: rental.rentOrder, auth: rental.auth } : {}),
    signal: opts.signal,
    idempotent: true,
    additional: opts.imageServer ? { image_server: opts.imageServer } : {},
  });
  return (Array.isArray(rows) ? rows : []).map((r) => {
    const size = String(r.image_size ?? '');
    return { name: String(r['image_name:'] ?? r.image_name ?? ''), size, sizeBytes: parseImageSize(size) };
  });
}
