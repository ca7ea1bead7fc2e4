/**
 * Stability from on-chain history. The chain keeps when a machine bonded, first came online and
 * last came back online, how often and how long it was rented; DBC's High-Stability zone and
 * miners' standing rest on uninterrupted online time.
 */
import type { MachineStability } from './types.js';

/** 6-second blocks. */
const BLOCKS_PER_HOUR = 600;
const BLOCKS_PER_DAY = 14_400;

/** DBC's High-Stability zone: at least this many hours online without interruption. */
export const HIGH_STABILITY_HOURS = 144;

/** The chain facts stability is computed from. */
export interface StabilityInputs {
  /** Whether it is online (or rented) now, offline, or not yet verified. */
  phase: 'rentable' | 'offline' | 'verifying';
  /** 0 = never online. */
  onlineHeight: number;
  /** The block it last came back online at (equals onlineHeight if never interrupted). */
  lastOnlineHeight: number;
  rentedTimes: number;
  /** The block of the snapshot. */
  atBlock: number;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * A 0..1 reliability score:
 *
 * ```
 * age        = atBlock − onlineHeight                  (time since it first came online)
 * continuity = (atBlock − lastOnlineHeight) / age       (share of its life since the last interruption)
 * maturity   = min(1, age / 30 days)                    (a new machine has not proven itself yet)
 * demand     = 1 − e^(−rentedTimes / 10)                (renters came back: 10 rents ≈ 0.63)
 * score      = 0.6 × continuity + 0.25 × maturity + 0.15 × demand
 * ```
 *
 * A machine that is offline now scores at most 0.2 (score × 0.2), and one never online scores 0.
 * Rounded to 3 decimals so sorting and facets are stable between refreshes.
 */
export function reliabilityOf(s: StabilityInputs): number {
  if (s.phase === 'verifying' || s.onlineHeight <= 0 || s.atBlock <= s.onlineHeight) return 0;
  const age = s.atBlock - s.onlineHeight;
  const since = s.atBlock - Math.max(s.lastOnlineHeight, s.onlineHeight);
  const continuity = clamp01(since / age);
  const maturity = clamp01(age / (30 * BLOCKS_PER_DAY));
  const demand = 1 - Math.exp(-Math.max(0, s.rentedTimes) / 10);
  let score = 0.6 * continuity + 0.25 * maturity + 0.15 * demand;
  if (s.phase === 'offline') score *= 0.2;
  return Math.round(clamp01(score) * 1000) / 1000;
}

/**
 * Stability of a machine at `atBlock`: uninterrupted online hours since `lastOnlineHeight` (0 when
 * offline or unverified), the High-Stability flag (≥ 144 h) and {@link reliabilityOf}.
 */
export function stabilityOf(s: StabilityInputs): MachineStability {
  const since = s.lastOnlineHeight > 0 ? s.lastOnlineHeight : s.onlineHeight > 0 ? s.onlineHeight : null;
  const onlineHours = s.phase === 'rentable' && since !== null ? Math.max(0, s.atBlock - since) / BLOCKS_PER_HOUR : 0;
  return {
    onlineSinceBlock: since,
    onlineHours: Math.round(onlineHours * 10) / 10,
    highStability: onlineHours >= HIGH_STABILITY_HOURS,
    reliability: reliabilityOf(s),
  };
}
