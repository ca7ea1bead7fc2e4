/**
 * Transaction fees of the devnet: a base fee plus a per-byte fee, charged up front and split
 * 80 % treasury / 20 % block author as the DBC runtime does (DealWithFees). The numbers are the
 * devnet's own (the real fee depends on benchmarked weights); payment_queryInfo reports the same.
 */
export const BASE_FEE = 1_000_000_000_000n; // 0.001 DBC
export const BYTE_FEE = 1_000_000_000n; // 0.000001 DBC per byte
export const BASE_WEIGHT = { refTime: 125_000_000n, proofSize: 3_593n };

export function feeFor(lengthBytes: number, tip = 0n): bigint {
  return BASE_FEE + BYTE_FEE * BigInt(lengthBytes) + tip;
}
