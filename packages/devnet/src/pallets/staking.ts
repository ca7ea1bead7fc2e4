import { bnToU8a, compactFromU8a, compactToU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';
import type { Js } from '../chain/codec.js';
import { arithmeticOverflow, badOrigin, DispatchFailure } from '../chain/errors.js';
import type { CallContext, GenesisContext, PalletLogic, Runtime, StorageItem } from '../chain/runtime.js';
import { DBC } from '../seed/genesis.js';
import { lookupAddress } from './balances.js';

/*
 * DBC's pallet_staking: Parity's polkadot-v0.9.43 pallet with dbc.patch-v0.9.43 (era payout from
 * Phase{0,1,2}RewardPerYear, committee/foundation/treasury issuance) and the later HEAD additions
 * (bond without a controller, set_unlock_after_eras, disabled validators). Function names in the
 * comments are upstream's (pallets/staking/src/pallet/{mod,impls}.rs at d03734c2).
 *
 * Simplifications, documented where they apply:
 * - Election: instead of ElectionProviderMultiPhase / sequential Phragmen, every `Validators` entry is
 *   a candidate; each nominator's active stake is split evenly across its nominated candidates, the
 *   `ValidatorCount` best-backed candidates win, and each winner's exposure holds its own active
 *   stake plus the even shares of the nominators that nominated it.
 * - No slashing, offences or historical session roots (no Offences/Historical pallets here).
 * - Block authors are round-robin over Session.Validators (session.ts), 20 points a block as
 *   pallet_authorship's note_author gives.
 */

// Runtime parameters (runtime/src/lib.rs).
export const SESSIONS_PER_ERA = 6;
/** Blocks per session (a Babe epoch: EPOCH_DURATION_IN_SLOTS = 4 h of 6 s slots). */
export const SESSION_LENGTH = 2400;
export const BONDING_DURATION = 14;
export const HISTORY_DEPTH = 84;
const MAX_NOMINATIONS = 16;
const MAX_UNLOCKING_CHUNKS = 32;
const MAX_NOMINATOR_REWARDED_PER_VALIDATOR = 256;
/** MaxActiveValidators: the election provider's MaxWinners. */
const MAX_WINNERS = 1000;
/** BoundedVec<AccountId, ConstU32<100>> of DisabledValidators. */
const MAX_DISABLED_VALIDATORS = 100;
/** pallet_balances ExistentialDeposit = 0 on DBC, so `T::Currency::minimum_balance()` is 0. */
const MINIMUM_BALANCE = 0n;
/** Points pallet_staking's `note_author` gives the author of a block. */
export const POINTS_PER_BLOCK = 20;
const STAKING_ID = 'staking ';
/** end_era: Julian year (365.25 days) in ms. */
const MILLISECONDS_PER_YEAR = 31_557_600_000n;
/** end_era: MinimumPeriod (3,000 ms) × 2. */
const MILLISECONDS_PER_BLOCK = 6_000n;
const BLOCKS_PER_YEAR = MILLISECONDS_PER_YEAR / MILLISECONDS_PER_BLOCK;
const BILLION = 1_000_000_000n;

export interface UnlockChunk {
  value: bigint;
  era: number;
}
export interface StakingLedger {
  stash: string;
  total: bigint;
  active: bigint;
  unlocking: UnlockChunk[];
  claimedRewards: number[];
}
export interface ValidatorPrefs {
  commission: number;
  blocked: boolean;
}
interface Nominations {
  targets: string[];
  submittedIn: number;
  suppressed: boolean;
}
export interface Exposure {
  total: bigint;
  own: bigint;
  others: Array<{ who: string; value: bigint }>;
}
interface EraRewardPoints {
  total: number;
  /** BTreeMap<AccountId, u32>, keyed by SS58 (the codec keeps it in key-byte order). */
  individual: Record<string, number>;
}
interface ActiveEraInfo {
  index: number;
  start: bigint | null;
}
type RewardDestination = 'Staked' | 'Stash' | 'Controller' | 'None' | { Account: string };
type Forcing = 'NotForcing' | 'ForceNew' | 'ForceNone' | 'ForceAlways';
interface IssueRewards {
  who?: string[];
  treasuryAccount?: string;
  leftRewardTimes: number;
  firstRewardEra: number;
  rewardInterval: number;
  rewardAmount: bigint;
}

const item = <V>(rt: Runtime, name: string): StorageItem<V> => rt.storage<V>('Staking', name);

/**
 * StorageMap::insert / StorageValue::put. FRAME stores the value even when it equals a ValueQuery
 * default (a validator with 0 % commission still has its `Validators` key), whereas
 * StorageItem.set drops default values, so staking and session write through this.
 */
export function put(
  rt: Runtime,
  target: Pick<StorageItem, 'setRaw' | 'valueType'>,
  ...keysAndValue: unknown[]
): void {
  const value = keysAndValue.pop();
  target.setRaw(keysAndValue, u8aToHex(rt.registry.createType(target.valueType, value as never).toU8a()));
}

/** Perbill::from_rational (sp-arithmetic): rounds down, saturating at one. */
function perbillFromRational(p: bigint, q: bigint): bigint {
  if (q === 0n || p >= q) return BILLION;
  return (p * BILLION) / q;
}

/** `Perbill * balance`: overflow_prune_mul with Rounding::NearestPrefDown. */
function perbillMul(parts: bigint, x: bigint): bigint {
  const n = x * parts;
  const q = n / BILLION;
  return (n % BILLION) * 2n > BILLION ? q + 1n : q;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const accountKey = (who: string) => u8aToHex(decodeAddress(who));

function ensureRoot(ctx: CallContext): void {
  if (ctx.origin !== 'root') throw badOrigin();
}

function fail(ctx: CallContext | Runtime, error: string): Error {
  const rt = 'rt' in ctx ? ctx.rt : ctx;
  return rt.error('Staking', error);
}

/** frame_system inc_consumers / dec_consumers (bond holds a consumer reference on the stash). */
export function changeConsumers(rt: Runtime, who: string, delta: 1 | -1): void {
  const info = rt.account(who);
  info.consumers = Math.max(0, info.consumers + delta);
  rt.storage('System', 'Account').set(who, info);
}

// ---- ledger and roles ----

const ledgerOf = (rt: Runtime, controller: string) => item<StakingLedger>(rt, 'Ledger').get(controller);
const bondedOf = (rt: Runtime, stash: string) => item<string>(rt, 'Bonded').get(stash);
const currentEra = (rt: Runtime) => item<number>(rt, 'CurrentEra').get();
let activeEraMemo: { raw: string | null; value: ActiveEraInfo | null } | null = null;
/** ActiveEra, decoded once per change: it is read in every block's hooks. */
const activeEra = (rt: Runtime): ActiveEraInfo | null => {
  const store = item<ActiveEraInfo>(rt, 'ActiveEra');
  const raw = rt.state.get(store.key());
  if (!activeEraMemo || activeEraMemo.raw !== raw) activeEraMemo = { raw, value: store.get() };
  return activeEraMemo.value && { ...activeEraMemo.value };
};

/** `ValidatorIdOf = StashOf<Runtime>`: the stash a controller's ledger belongs to (pallet_session keys). */
export function stashOf(rt: Runtime, controller: string): string | null {
  return ledgerOf(rt, controller)?.stash ?? null;
}

/**
 * update_ledger: writes the ledger and sets the stash's lock to `ledger.total`. pallet_balances'
 * set_lock is a no-op for a zero amount, so a fully withdrawn stash keeps its previous lock (DBC's
 * ExistentialDeposit of 0 also means withdraw_unbonded never reaches kill_stash).
 */
function updateLedger(rt: Runtime, controller: string, ledger: StakingLedger): void {
  if (ledger.total > 0n) rt.setLock(ledger.stash, STAKING_ID, ledger.total);
  put(rt, item(rt, 'Ledger'), controller, ledger);
}

function doAddValidator(rt: Runtime, who: string, prefs: ValidatorPrefs): void {
  const validators = item<ValidatorPrefs>(rt, 'Validators');
  if (!validators.has(who)) item<number>(rt, 'CounterForValidators').mutate((n) => n + 1);
  put(rt, validators, who, prefs);
}

function doRemoveValidator(rt: Runtime, who: string): boolean {
  const validators = item<ValidatorPrefs>(rt, 'Validators');
  if (!validators.has(who)) return false;
  validators.remove(who);
  item<number>(rt, 'CounterForValidators').mutate((n) => n - 1);
  return true;
}

function doAddNominator(rt: Runtime, who: string, nominations: Nominations): void {
  const nominators = item<Nominations>(rt, 'Nominators');
  if (!nominators.has(who)) item<number>(rt, 'CounterForNominators').mutate((n) => n + 1);
  put(rt, nominators, who, nominations);
}

function doRemoveNominator(rt: Runtime, who: string): boolean {
  const nominators = item<Nominations>(rt, 'Nominators');
  if (!nominators.has(who)) return false;
  nominators.remove(who);
  item<number>(rt, 'CounterForNominators').mutate((n) => n - 1);
  return true;
}

function chillStash(rt: Runtime, stash: string): void {
  const asValidator = doRemoveValidator(rt, stash);
  const asNominator = doRemoveNominator(rt, stash);
  if (asValidator || asNominator) rt.deposit('Staking', 'Chilled', [stash]);
}

/** kill_stash: removes every staking record of a stash (slashing spans must be accounted for). */
function killStash(rt: Runtime, stash: string, numSlashingSpans: number): void {
  const controller = bondedOf(rt, stash);
  if (controller === null) throw fail(rt, 'NotStash');
  const spans = item<{ prior: number[] }>(rt, 'SlashingSpans').get(stash);
  if (spans) {
    // slashing::clear_stash_metadata: the caller must name at least the number of spans.
    if (numSlashingSpans < spans.prior.length + 1) throw fail(rt, 'IncorrectSlashingSpans');
    item(rt, 'SlashingSpans').remove(stash);
  }
  item(rt, 'Bonded').remove(stash);
  item(rt, 'Ledger').remove(controller);
  item(rt, 'Payee').remove(stash);
  doRemoveValidator(rt, stash);
  doRemoveNominator(rt, stash);
  changeConsumers(rt, stash, -1);
}

/** do_withdraw_unbonded */
function doWithdrawUnbonded(rt: Runtime, controller: string, numSlashingSpans: number): void {
  let ledger = ledgerOf(rt, controller);
  if (!ledger) throw fail(rt, 'NotController');
  const oldTotal = ledger.total;
  const era = currentEra(rt);
  if (era !== null) {
    // StakingLedger::consolidate_unlocked: chunks whose era has come are released.
    let total = ledger.total;
    const unlocking = ledger.unlocking.filter((c) => {
      if (c.era > era) return true;
      total = total > c.value ? total - c.value : 0n;
      return false;
    });
    ledger = { ...ledger, total, unlocking };
  }
  if (ledger.unlocking.length === 0 && ledger.active < MINIMUM_BALANCE) {
    killStash(rt, ledger.stash, numSlashingSpans);
    rt.setLock(ledger.stash, STAKING_ID, 0n);
  } else {
    updateLedger(rt, controller, ledger);
  }
  if (ledger.total < oldTotal) rt.deposit('Staking', 'Withdrawn', [ledger.stash, oldTotal - ledger.total]);
}

// ---- rewards ----

/** Currency::deposit_creating / deposit_into_existing of a reward minted from the void (Reward = ()). */
function mintReward(rt: Runtime, who: string, amount: bigint): void {
  if (amount === 0n) return;
  rt.mint(who, amount);
  rt.deposit('Balances', 'Deposit', [who, amount]);
}

/** make_payout: pays `amount` as the stash's RewardDestination says; null when nothing was paid. */
function makePayout(rt: Runtime, stash: string, amount: bigint): bigint | null {
  const dest = item<RewardDestination>(rt, 'Payee').get(stash)!;
  const exists = (who: string) => rt.account(who).providers > 0;
  if (dest === 'Controller') {
    const controller = bondedOf(rt, stash);
    if (controller === null) return null;
    mintReward(rt, controller, amount);
    return amount;
  }
  if (dest === 'Stash') {
    if (!exists(stash)) return null;
    mintReward(rt, stash, amount);
    return amount;
  }
  if (dest === 'Staked') {
    const controller = bondedOf(rt, stash);
    const ledger = controller === null ? null : ledgerOf(rt, controller);
    if (controller === null || !ledger) return null;
    ledger.active += amount;
    ledger.total += amount;
    const paid = exists(stash) ? amount : null;
    if (paid !== null) mintReward(rt, stash, amount);
    updateLedger(rt, controller, ledger);
    return paid;
  }
  if (dest === 'None') return null;
  mintReward(rt, dest.Account, amount);
  return amount;
}

/** do_payout_stakers */
function doPayoutStakers(rt: Runtime, validatorStash: string, era: number): void {
  const current = currentEra(rt);
  if (current === null) throw fail(rt, 'InvalidEraToReward');
  const oldest = Math.max(0, current - HISTORY_DEPTH);
  if (era > current || era < oldest) throw fail(rt, 'InvalidEraToReward');
  // An era without a reward may be in the future: claimed_rewards is left untouched.
  const eraPayout = item<bigint>(rt, 'ErasValidatorReward').get(era);
  if (eraPayout === null) throw fail(rt, 'InvalidEraToReward');
  const controller = bondedOf(rt, validatorStash);
  if (controller === null) throw fail(rt, 'NotStash');
  const ledger = ledgerOf(rt, controller);
  if (!ledger) throw fail(rt, 'NotController');

  ledger.claimedRewards = ledger.claimedRewards.filter((x) => x >= oldest);
  if (ledger.claimedRewards.includes(era)) throw fail(rt, 'AlreadyClaimed');
  ledger.claimedRewards = [...ledger.claimedRewards, era].sort((a, b) => a - b);
  const exposure = item<Exposure>(rt, 'ErasStakersClipped').get(era, ledger.stash)!;
  put(rt, item(rt, 'Ledger'), controller, ledger);

  const points = item<EraRewardPoints>(rt, 'ErasRewardPoints').get(era)!;
  const validatorPoints = points.individual[ledger.stash] ?? 0;
  if (validatorPoints === 0) return;

  const validatorTotalPayout = perbillMul(
    perbillFromRational(BigInt(validatorPoints), BigInt(points.total)),
    eraPayout,
  );
  const prefs = item<ValidatorPrefs>(rt, 'ErasValidatorPrefs').get(era, validatorStash)!;
  const commissionPayout = perbillMul(BigInt(prefs.commission), validatorTotalPayout);
  const leftover = validatorTotalPayout - commissionPayout;
  const stakingPayout = perbillMul(perbillFromRational(exposure.own, exposure.total), leftover);

  rt.deposit('Staking', 'PayoutStarted', [era, ledger.stash]);
  const paid = makePayout(rt, ledger.stash, stakingPayout + commissionPayout);
  if (paid !== null) rt.deposit('Staking', 'Rewarded', [ledger.stash, paid]);
  for (const nominator of exposure.others) {
    const reward = perbillMul(perbillFromRational(nominator.value, exposure.total), leftover);
    const got = makePayout(rt, nominator.who, reward);
    if (got !== null) rt.deposit('Staking', 'Rewarded', [nominator.who, got]);
  }
}

const pointsKeys = new Map<number, string>();
const u32Hex = (n: number) => u8aToHex(bnToU8a(n, { bitLength: 32, isLe: true })).slice(2);
const readU32 = (u8a: Uint8Array, at: number) =>
  new DataView(u8a.buffer, u8a.byteOffset + at, 4).getUint32(0, true);

/**
 * reward_by_ids: adds points to validators (given as 64-hex public keys) in the active era's
 * ErasRewardPoints. It runs every block, so the EraRewardPoints SCALE value is read and written by
 * hand: u32 total, then the BTreeMap as Compact<len> ++ (AccountId32 ++ u32)* in key-byte order.
 */
export function rewardByIds(rt: Runtime, points: Array<[string, number]>): void {
  const active = activeEra(rt);
  if (!active) return;
  let key = pointsKeys.get(active.index);
  if (!key) pointsKeys.set(active.index, (key = item(rt, 'ErasRewardPoints').key(active.index)));
  const raw = rt.state.get(key);
  const individual = new Map<string, number>();
  let total = 0;
  if (raw) {
    const u8a = hexToU8a(`0x${raw}`);
    total = readU32(u8a, 0);
    const [offset, length] = compactFromU8a(u8a.subarray(4));
    for (let i = 0, at = 4 + offset; i < length.toNumber(); i++, at += 36)
      individual.set(raw.slice(2 * at, 2 * at + 64), readU32(u8a, at + 32));
  }
  for (const [who, p] of points) {
    individual.set(who, (individual.get(who) ?? 0) + p);
    total += p;
  }
  let out = u32Hex(total) + u8aToHex(compactToU8a(individual.size)).slice(2);
  for (const who of [...individual.keys()].sort()) out += who + u32Hex(individual.get(who)!);
  rt.state.set(key, out);
}

// ---- eras (SessionManager) ----

function setForceEra(rt: Runtime, mode: Forcing): void {
  put(rt, item(rt, 'ForceEra'), mode);
  rt.deposit('Staking', 'ForceEra', [mode]);
}

/** U128CurrencyToVote::to_vote: the balance scaled so the issuance fits a u64 vote weight. */
function toVote(rt: Runtime, value: bigint): bigint {
  const issuance = rt.storage<bigint>('Balances', 'TotalIssuance').get()!;
  const factor = issuance / 0xffff_ffff_ffff_ffffn;
  return value / (factor > 1n ? factor : 1n);
}

/**
 * The election (see the file comment for the simplification of ElectionProviderMultiPhase):
 * returns the winners' exposures, best backed first.
 */
function elect(rt: Runtime): Array<[string, Exposure]> {
  const candidates = item<ValidatorPrefs>(rt, 'Validators')
    .entries()
    .map(([k]) => k[0] as string);
  const activeOf = (stash: string) => {
    const controller = bondedOf(rt, stash);
    return (controller === null ? null : ledgerOf(rt, controller))?.active ?? 0n;
  };
  const isCandidate = new Set(candidates);
  const voters = item<Nominations>(rt, 'Nominators')
    .entries()
    .map(([k, n]) => ({
      who: k[0] as string,
      stake: activeOf(k[0] as string),
      targets: [...new Set(n.targets)],
    }))
    .filter((v) => v.targets.length > 0);
  if (voters.length > 0) {
    // get_npos_voters records the smallest nominator vote weight.
    const smallest = voters.reduce((m, v) => (v.stake < m ? v.stake : m), voters[0]!.stake);
    put(rt, item(rt, 'MinimumActiveStake'), toVote(rt, smallest));
  } else put(rt, item(rt, 'MinimumActiveStake'), 0n);

  const split = (stake: bigint, among: string[]) => {
    const share = stake / BigInt(among.length);
    return among.map((t, i) => [t, i === 0 ? stake - share * BigInt(among.length - 1) : share] as const);
  };
  const backing = new Map(candidates.map((c) => [c, activeOf(c)]));
  for (const v of voters) {
    const valid = v.targets.filter((t) => isCandidate.has(t));
    if (valid.length) for (const [t, s] of split(v.stake, valid)) backing.set(t, backing.get(t)! + s);
  }
  const desired = item<number>(rt, 'ValidatorCount').get()!;
  const winners = [...backing]
    .sort(([a, x], [b, y]) => (x === y ? (accountKey(a) < accountKey(b) ? -1 : 1) : x > y ? -1 : 1))
    .slice(0, desired)
    .map(([w]) => w);
  const elected = new Set(winners);
  const exposures = new Map<string, Exposure>(
    winners.map((w) => [w, { own: activeOf(w), total: activeOf(w), others: [] }]),
  );
  for (const v of voters) {
    const backed = v.targets.filter((t) => elected.has(t));
    if (!backed.length) continue;
    for (const [t, s] of split(v.stake, backed)) {
      const e = exposures.get(t)!;
      e.others.push({ who: v.who, value: s });
      e.total += s;
    }
  }
  return winners.map((w) => [w, exposures.get(w)!]);
}

/** store_stakers_info: the snapshot of the planned era; returns the elected stashes. */
function storeStakersInfo(rt: Runtime, exposures: Array<[string, Exposure]>, era: number): string[] {
  let total = 0n;
  for (const [stash, exposure] of exposures) {
    total += exposure.total;
    put(rt, item(rt, 'ErasStakers'), era, stash, exposure);
    const clipped = { ...exposure, others: [...exposure.others] };
    if (clipped.others.length > MAX_NOMINATOR_REWARDED_PER_VALIDATOR) {
      clipped.others.sort((a, b) => (a.value === b.value ? 0 : a.value > b.value ? -1 : 1));
      clipped.others.length = MAX_NOMINATOR_REWARDED_PER_VALIDATOR;
    }
    put(rt, item(rt, 'ErasStakersClipped'), era, stash, clipped);
  }
  put(rt, item(rt, 'ErasTotalStake'), era, total);
  for (const [stash] of exposures)
    put(rt, item(rt, 'ErasValidatorPrefs'), era, stash, item<ValidatorPrefs>(rt, 'Validators').get(stash)!);
  return exposures.map(([stash]) => stash);
}

/** clear_era_information */
function clearEraInformation(rt: Runtime, era: number): void {
  for (const name of ['ErasStakers', 'ErasStakersClipped', 'ErasValidatorPrefs']) {
    const map = item(rt, name);
    for (const [keys] of map.entries(era)) map.remove(...keys);
  }
  for (const name of ['ErasValidatorReward', 'ErasRewardPoints', 'ErasTotalStake', 'ErasStartSessionIndex'])
    item(rt, name).remove(era);
}

/** trigger_new_era: bumps CurrentEra, records its start session and snapshots its stakers. */
function triggerNewEra(rt: Runtime, startSession: number, exposures: Array<[string, Exposure]>): string[] {
  const era = (currentEra(rt) ?? -1) + 1;
  put(rt, item(rt, 'CurrentEra'), era);
  put(rt, item(rt, 'ErasStartSessionIndex'), era, startSession);
  if (era >= HISTORY_DEPTH + 1) clearEraInformation(rt, era - HISTORY_DEPTH - 1);
  return storeStakersInfo(rt, exposures, era);
}

/** try_trigger_new_era */
function tryTriggerNewEra(rt: Runtime, startSession: number): string[] | null {
  const exposures = elect(rt);
  const minimum = Math.max(item<number>(rt, 'MinimumValidatorCount').get()!, 1);
  if (exposures.length < minimum) {
    if (currentEra(rt) === null) {
      put(rt, item(rt, 'CurrentEra'), 0);
      put(rt, item(rt, 'ErasStartSessionIndex'), 0, startSession);
    }
    rt.deposit('Staking', 'StakingElectionFailed');
    return null;
  }
  rt.deposit('Staking', 'StakersElected');
  return triggerNewEra(rt, startSession, exposures);
}

/** SessionManager::new_session: plans session `newIndex`, possibly a new era; returns its validators. */
export function newSession(rt: Runtime, newIndex: number): string[] | null {
  put(rt, item(rt, 'CurrentPlannedSession'), newIndex);
  const era = currentEra(rt);
  if (era === null) return tryTriggerNewEra(rt, newIndex);
  const eraLength = Math.max(0, newIndex - (item<number>(rt, 'ErasStartSessionIndex').get(era) ?? 0));
  const force = item<Forcing>(rt, 'ForceEra').get();
  const due =
    force === 'ForceNew' ||
    force === 'ForceAlways' ||
    (force === 'NotForcing' && eraLength >= SESSIONS_PER_ERA);
  if (!due) return null;
  const validators = tryTriggerNewEra(rt, newIndex);
  if (validators && item<Forcing>(rt, 'ForceEra').get() === 'ForceNew') setForceEra(rt, 'NotForcing');
  return validators;
}

/** start_era: the planned era becomes active (its start time is set in the next on_finalize). */
function startEra(rt: Runtime, startSession: number): void {
  const index = (activeEra(rt)?.index ?? -1) + 1;
  put(rt, item(rt, 'ActiveEra'), { index, start: null });
  const bonded = item<Array<[number, number]>>(rt, 'BondedEras').get()!;
  bonded.push([index, startSession]);
  const firstKept = index - BONDING_DURATION;
  put(rt, item(rt, 'BondedEras'), index > BONDING_DURATION ? bonded.filter(([e]) => e >= firstKept) : bonded);
}

/** SessionManager::start_session */
export function startSession(rt: Runtime, index: number): void {
  const next = item<number>(rt, 'ErasStartSessionIndex').get((activeEra(rt)?.index ?? -1) + 1);
  if (next !== null && next <= index) startEra(rt, index);
}

/** reward_to_committee_team (DBC): yearly payments to the committee/team accounts. */
function rewardToCommitteeTeam(rt: Runtime): void {
  const times = item<number>(rt, 'RewardTimes').get()!;
  if (times < 1) return;
  const list = item<Array<[string, bigint]>>(rt, 'CommitteeTeamRewardPerYear').get();
  if (!list) return;
  for (const [who, amount] of list) mintReward(rt, who, amount);
  put(rt, item(rt, 'RewardTimes'), times - 1);
}

/** issue_reward (DBC): foundation and treasury issuance every `reward_interval` eras. */
function issueReward(rt: Runtime, era: number): void {
  const foundation = item<IssueRewards>(rt, 'FoundationReward').get();
  const treasury = item<IssueRewards>(rt, 'TreasuryReward').get();
  if (!foundation || !treasury || foundation.rewardInterval === 0 || treasury.rewardInterval === 0) return;
  const due = (r: IssueRewards) =>
    r.leftRewardTimes > 0 && era >= r.firstRewardEra && (era - r.firstRewardEra) % r.rewardInterval === 0;
  if (due(foundation)) {
    for (const who of foundation.who ?? []) mintReward(rt, who, foundation.rewardAmount);
    put(rt, item(rt, 'FoundationReward'), { ...foundation, leftRewardTimes: foundation.leftRewardTimes - 1 });
  }
  if (due(treasury)) {
    mintReward(rt, treasury.treasuryAccount!, treasury.rewardAmount);
    put(rt, item(rt, 'TreasuryReward'), { ...treasury, leftRewardTimes: treasury.leftRewardTimes - 1 });
  }
}

/** end_era with DBC's patch: the era's validator payout is the phase's yearly reward × era duration. */
function endEra(rt: Runtime, active: ActiveEraInfo): void {
  if (active.start === null) return;
  const firstRelease = item<number>(rt, 'FirstCommitteeTeamReleaseEra').get()!;
  if (
    active.index === firstRelease ||
    (active.index > firstRelease && (active.index - firstRelease) % 365 === 0)
  )
    rewardToCommitteeTeam(rt);
  issueReward(rt, active.index);

  const now = rt.storage<bigint>('Timestamp', 'Now').get()!;
  const eraDuration = now > active.start ? now - active.start : 0n;
  const startHeight = BigInt(item<number>(rt, 'RewardStartHeight').get()!);
  const height = BigInt(rt.blockNumber);
  const yearly =
    height < startHeight
      ? 0n
      : height < 3n * BLOCKS_PER_YEAR + startHeight
        ? item<bigint>(rt, 'Phase0RewardPerYear').get()!
        : height < 8n * BLOCKS_PER_YEAR + startHeight
          ? item<bigint>(rt, 'Phase1RewardPerYear').get()!
          : item<bigint>(rt, 'Phase2RewardPerYear').get()!;
  // inflation::compute_total_payout (patched): everything goes to validators, the remainder is 0.
  const payout = perbillMul(perbillFromRational(eraDuration, MILLISECONDS_PER_YEAR), yearly);
  rt.deposit('Staking', 'EraPaid', [active.index, payout, 0n]);
  put(rt, item(rt, 'ErasValidatorReward'), active.index, payout);
  item(rt, 'OffendingValidators').remove();
}

/** SessionManager::end_session */
export function endSession(rt: Runtime, index: number): void {
  const active = activeEra(rt);
  if (!active) return;
  if (item<number>(rt, 'ErasStartSessionIndex').get(active.index + 1) === index + 1) endEra(rt, active);
}

// ---- calls ----

const ledgerOrFail = (ctx: CallContext, controller = ctx.who): StakingLedger => {
  const ledger = ledgerOf(ctx.rt, controller);
  if (!ledger) throw fail(ctx, 'NotController');
  return ledger;
};

const big = (v: Js | undefined) => BigInt(v as bigint);

/** ConfigOp<T>: Noop | Set(v) | Remove. */
function applyConfigOp(rt: Runtime, name: string, op: Js | undefined): void {
  if (op === 'Remove') item(rt, name).remove();
  else if (op && typeof op === 'object' && 'Set' in op) put(rt, item(rt, name), (op as { Set: Js }).Set);
}

const calls: NonNullable<PalletLogic['calls']> = {
  bond: (ctx, args) => {
    const { rt } = ctx;
    const stash = ctx.who;
    if (item(rt, 'Bonded').has(stash)) throw fail(ctx, 'AlreadyBonded');
    if (item(rt, 'Ledger').has(stash)) throw fail(ctx, 'AlreadyPaired');
    let value = big(args.value);
    if (value < MINIMUM_BALANCE) throw fail(ctx, 'InsufficientBond');
    changeConsumers(rt, stash, 1);
    put(rt, item(rt, 'Bonded'), stash, stash);
    put(rt, item(rt, 'Payee'), stash, args.payee);
    const era = currentEra(rt) ?? 0;
    const lastRewardEra = Math.max(0, era - HISTORY_DEPTH);
    value = min(value, rt.account(stash).data.free);
    rt.deposit('Staking', 'Bonded', [stash, value]);
    updateLedger(rt, stash, {
      stash,
      total: value,
      active: value,
      unlocking: [],
      // Eras before the bond cannot be claimed by this stash.
      claimedRewards: Array.from({ length: era - lastRewardEra }, (_, i) => lastRewardEra + i),
    });
  },

  bond_extra: (ctx, args) => {
    const { rt } = ctx;
    const stash = ctx.who;
    const controller = bondedOf(rt, stash);
    if (controller === null) throw fail(ctx, 'NotStash');
    const ledger = ledgerOrFail(ctx, controller);
    const free = rt.account(stash).data.free;
    if (free < ledger.total) return;
    const extra = min(free - ledger.total, big(args.maxAdditional));
    ledger.total += extra;
    ledger.active += extra;
    if (ledger.active < MINIMUM_BALANCE) throw fail(ctx, 'InsufficientBond');
    updateLedger(rt, controller, ledger);
    rt.deposit('Staking', 'Bonded', [stash, extra]);
  },

  unbond: (ctx, args) => {
    const { rt } = ctx;
    const controller = ctx.who;
    const chunks = ledgerOrFail(ctx).unlocking.length;
    // With every chunk slot used, first withdraw what has already unlocked.
    if (chunks === MAX_UNLOCKING_CHUNKS) {
      const spans = item<{ prior: number[] }>(rt, 'SlashingSpans').get(controller);
      doWithdrawUnbonded(rt, controller, spans ? spans.prior.length + 1 : 0);
    }
    const ledger = ledgerOrFail(ctx);
    let value = min(big(args.value), ledger.active);
    if (ledger.unlocking.length >= MAX_UNLOCKING_CHUNKS) throw fail(ctx, 'NoMoreChunks');
    if (value === 0n) return;
    ledger.active -= value;
    if (ledger.active < MINIMUM_BALANCE) {
      value += ledger.active;
      ledger.active = 0n;
    }
    const minActive = item(rt, 'Nominators').has(ledger.stash)
      ? item<bigint>(rt, 'MinNominatorBond').get()!
      : item(rt, 'Validators').has(ledger.stash)
        ? item<bigint>(rt, 'MinValidatorBond').get()!
        : 0n;
    // Validators and nominators must chill before going below their role's minimum.
    if (ledger.active < minActive) throw fail(ctx, 'InsufficientBond');
    const era = (currentEra(rt) ?? 0) + BONDING_DURATION;
    const last = ledger.unlocking[ledger.unlocking.length - 1];
    // One chunk per era: `unlocking` is FIFO, so an existing chunk for `era` is the last one.
    if (last && last.era === era) last.value += value;
    else ledger.unlocking.push({ value, era });
    updateLedger(rt, controller, ledger);
    rt.deposit('Staking', 'Unbonded', [ledger.stash, value]);
  },

  withdraw_unbonded: (ctx, args) => doWithdrawUnbonded(ctx.rt, ctx.who, args.numSlashingSpans as number),

  validate: (ctx, args) => {
    const { rt } = ctx;
    const ledger = ledgerOrFail(ctx);
    if (ledger.active < item<bigint>(rt, 'MinValidatorBond').get()!) throw fail(ctx, 'InsufficientBond');
    const prefs = args.prefs as unknown as ValidatorPrefs;
    if (prefs.commission < item<number>(rt, 'MinCommission').get()!) throw fail(ctx, 'CommissionTooLow');
    if (item<string[]>(rt, 'DisabledValidators').get()!.includes(ledger.stash))
      throw fail(ctx, 'DisabledValidator');
    if (!item(rt, 'Validators').has(ledger.stash)) {
      const max = item<number>(rt, 'MaxValidatorsCount').get();
      if (max !== null && item<number>(rt, 'CounterForValidators').get()! >= max)
        throw fail(ctx, 'TooManyValidators');
    }
    doRemoveNominator(rt, ledger.stash);
    doAddValidator(rt, ledger.stash, prefs);
    rt.deposit('Staking', 'ValidatorPrefsSet', [ledger.stash, prefs]);
  },

  nominate: (ctx, args) => {
    const { rt } = ctx;
    const ledger = ledgerOrFail(ctx);
    if (ledger.active < item<bigint>(rt, 'MinNominatorBond').get()!) throw fail(ctx, 'InsufficientBond');
    const stash = ledger.stash;
    if (!item(rt, 'Nominators').has(stash)) {
      const max = item<number>(rt, 'MaxNominatorsCount').get();
      if (max !== null && item<number>(rt, 'CounterForNominators').get()! >= max)
        throw fail(ctx, 'TooManyNominators');
    }
    const given = args.targets as Js[];
    if (given.length === 0) throw fail(ctx, 'EmptyTargets');
    if (given.length > MAX_NOMINATIONS) throw fail(ctx, 'TooManyTargets');
    const old = item<Nominations>(rt, 'Nominators').get(stash)?.targets ?? [];
    const targets = given.map((t) => {
      const who = lookupAddress(ctx, t);
      // Upstream only rejects validators that block nominations (not non-validators).
      if (!old.includes(who) && item<ValidatorPrefs>(rt, 'Validators').get(who)!.blocked)
        throw fail(ctx, 'BadTarget');
      return who;
    });
    doRemoveValidator(rt, stash);
    doAddNominator(rt, stash, { targets, submittedIn: currentEra(rt) ?? 0, suppressed: false });
  },

  chill: (ctx) => chillStash(ctx.rt, ledgerOrFail(ctx).stash),

  set_payee: (ctx, args) => put(ctx.rt, item(ctx.rt, 'Payee'), ledgerOrFail(ctx).stash, args.payee),

  set_controller: (ctx) => {
    const { rt } = ctx;
    const stash = ctx.who;
    const old = bondedOf(rt, stash);
    if (old === null) throw fail(ctx, 'NotStash');
    if (item(rt, 'Ledger').has(stash)) throw fail(ctx, 'AlreadyPaired');
    if (old !== stash) {
      put(rt, item(rt, 'Bonded'), stash, stash);
      const ledger = ledgerOf(rt, old);
      if (ledger) {
        item(rt, 'Ledger').remove(old);
        put(rt, item(rt, 'Ledger'), stash, ledger);
      }
    }
  },

  set_validator_count: (ctx, args) => {
    ensureRoot(ctx);
    const next = args.new as number;
    if (next > MAX_WINNERS) throw fail(ctx, 'TooManyValidators');
    put(ctx.rt, item(ctx.rt, 'ValidatorCount'), next);
  },

  increase_validator_count: (ctx, args) => {
    ensureRoot(ctx);
    const next = item<number>(ctx.rt, 'ValidatorCount').get()! + (args.additional as number);
    if (next > 0xffff_ffff) throw arithmeticOverflow();
    if (next > MAX_WINNERS) throw fail(ctx, 'TooManyValidators');
    put(ctx.rt, item(ctx.rt, 'ValidatorCount'), next);
  },

  scale_validator_count: (ctx, args) => {
    ensureRoot(ctx);
    const old = item<number>(ctx.rt, 'ValidatorCount').get()!;
    // Percent::mul_floor
    const next = old + Math.floor((old * (args.factor as number)) / 100);
    if (next > MAX_WINNERS) throw fail(ctx, 'TooManyValidators');
    put(ctx.rt, item(ctx.rt, 'ValidatorCount'), next);
  },

  force_no_eras: (ctx) => {
    ensureRoot(ctx);
    setForceEra(ctx.rt, 'ForceNone');
  },

  force_new_era: (ctx) => {
    ensureRoot(ctx);
    setForceEra(ctx.rt, 'ForceNew');
  },

  force_new_era_always: (ctx) => {
    ensureRoot(ctx);
    setForceEra(ctx.rt, 'ForceAlways');
  },

  set_invulnerables: (ctx, args) => {
    ensureRoot(ctx);
    put(ctx.rt, item(ctx.rt, 'Invulnerables'), args.invulnerables);
  },

  force_unstake: (ctx, args) => {
    ensureRoot(ctx);
    killStash(ctx.rt, args.stash as string, args.numSlashingSpans as number);
    ctx.rt.setLock(args.stash as string, STAKING_ID, 0n);
  },

  cancel_deferred_slash: (ctx, args) => {
    ensureRoot(ctx);
    const indices = args.slashIndices as number[];
    if (indices.length === 0) throw fail(ctx, 'EmptyTargets');
    if (!indices.every((v, i) => i === 0 || indices[i - 1]! < v)) throw fail(ctx, 'NotSortedAndUnique');
    const era = args.era as number;
    const unapplied = item<Js[]>(ctx.rt, 'UnappliedSlashes').get(era)!;
    if (indices[indices.length - 1]! >= unapplied.length) throw fail(ctx, 'InvalidSlashIndex');
    put(
      ctx.rt,
      item(ctx.rt, 'UnappliedSlashes'),
      era,
      unapplied.filter((_, i) => !indices.includes(i)),
    );
  },

  payout_stakers: (ctx, args) => {
    // ensure_signed: anyone may trigger a payout.
    void ctx.who;
    doPayoutStakers(ctx.rt, args.validatorStash as string, args.era as number);
  },

  rebond: (ctx, args) => {
    const { rt } = ctx;
    const ledger = ledgerOrFail(ctx);
    if (ledger.unlocking.length === 0) throw fail(ctx, 'NoUnlockChunk');
    // StakingLedger::rebond: takes from the newest chunks first.
    const value = big(args.value);
    let rebonded = 0n;
    while (ledger.unlocking.length > 0) {
      const last = ledger.unlocking[ledger.unlocking.length - 1]!;
      if (rebonded + last.value <= value) {
        rebonded += last.value;
        ledger.active += last.value;
        ledger.unlocking.pop();
      } else {
        const diff = value - rebonded;
        rebonded += diff;
        ledger.active += diff;
        last.value -= diff;
      }
      if (rebonded >= value) break;
    }
    if (ledger.active < MINIMUM_BALANCE) throw fail(ctx, 'InsufficientBond');
    rt.deposit('Staking', 'Bonded', [ledger.stash, rebonded]);
    updateLedger(rt, ctx.who, ledger);
  },

  reap_stash: (ctx, args) => {
    const { rt } = ctx;
    // ensure_signed: anyone may reap a dust stash.
    void ctx.who;
    const stash = args.stash as string;
    const { free, reserved } = rt.account(stash).data;
    let reapable = free + reserved < MINIMUM_BALANCE;
    if (!reapable) {
      const controller = bondedOf(rt, stash);
      if (controller === null) throw fail(ctx, 'NotStash');
      reapable = (ledgerOf(rt, controller)?.total ?? 0n) < MINIMUM_BALANCE;
    }
    if (!reapable) throw fail(ctx, 'FundedTarget');
    killStash(rt, stash, args.numSlashingSpans as number);
    rt.setLock(stash, STAKING_ID, 0n);
  },

  kick: (ctx, args) => {
    const { rt } = ctx;
    const stash = ledgerOrFail(ctx).stash;
    const nominators = item<Nominations>(rt, 'Nominators');
    for (const nominator of (args.who as Js[]).map((w) => lookupAddress(ctx, w))) {
      const n = nominators.get(nominator);
      if (!n) continue;
      const pos = n.targets.indexOf(stash);
      if (pos < 0) continue;
      // BoundedVec::swap_remove
      n.targets[pos] = n.targets[n.targets.length - 1]!;
      n.targets.pop();
      put(rt, nominators, nominator, n);
      rt.deposit('Staking', 'Kicked', [nominator, stash]);
    }
  },

  set_staking_configs: (ctx, args) => {
    ensureRoot(ctx);
    applyConfigOp(ctx.rt, 'MinNominatorBond', args.minNominatorBond);
    applyConfigOp(ctx.rt, 'MinValidatorBond', args.minValidatorBond);
    applyConfigOp(ctx.rt, 'MaxNominatorsCount', args.maxNominatorCount);
    applyConfigOp(ctx.rt, 'MaxValidatorsCount', args.maxValidatorCount);
    applyConfigOp(ctx.rt, 'ChillThreshold', args.chillThreshold);
    applyConfigOp(ctx.rt, 'MinCommission', args.minCommission);
  },

  chill_other: (ctx, args) => {
    const { rt } = ctx;
    const controller = args.controller as string;
    const ledger = ledgerOrFail(ctx, controller);
    const stash = ledger.stash;
    if (ctx.who !== controller) {
      const threshold = item<number>(rt, 'ChillThreshold').get();
      if (threshold === null) throw fail(ctx, 'CannotChillOther');
      // Percent * u32 (mul with NearestPrefDown rounding).
      const share = (max: number) => Number(perbillMul(BigInt(threshold) * 10_000_000n, BigInt(max)));
      let minActive = 0n;
      if (item(rt, 'Nominators').has(stash)) {
        const max = item<number>(rt, 'MaxNominatorsCount').get();
        if (max === null) throw fail(ctx, 'CannotChillOther');
        if (!(share(max) < item<number>(rt, 'CounterForNominators').get()!))
          throw fail(ctx, 'CannotChillOther');
        minActive = item<bigint>(rt, 'MinNominatorBond').get()!;
      } else if (item(rt, 'Validators').has(stash)) {
        const max = item<number>(rt, 'MaxValidatorsCount').get();
        if (max === null) throw fail(ctx, 'CannotChillOther');
        if (!(share(max) < item<number>(rt, 'CounterForValidators').get()!))
          throw fail(ctx, 'CannotChillOther');
        minActive = item<bigint>(rt, 'MinValidatorBond').get()!;
      }
      if (!(ledger.active < minActive)) throw fail(ctx, 'CannotChillOther');
    }
    chillStash(rt, stash);
  },

  force_apply_min_commission: (ctx, args) => {
    const { rt } = ctx;
    // ensure_signed: anyone may apply the minimum commission.
    void ctx.who;
    const stash = args.validatorStash as string;
    const validators = item<ValidatorPrefs>(rt, 'Validators');
    if (!validators.has(stash)) throw fail(ctx, 'NotStash');
    const prefs = validators.get(stash)!;
    const minCommission = item<number>(rt, 'MinCommission').get()!;
    if (prefs.commission < minCommission) put(rt, validators, stash, { ...prefs, commission: minCommission });
  },

  set_min_commission: (ctx, args) => {
    // AdminOrigin: Root or ¾ of the council; the devnet has no council.
    ensureRoot(ctx);
    put(ctx.rt, item(ctx.rt, 'MinCommission'), args.new);
  },

  set_reward_start_height: (ctx, args) => {
    ensureRoot(ctx);
    put(ctx.rt, item(ctx.rt, 'RewardStartHeight'), args.rewardStartHeight);
  },

  set_phase0_reward: (ctx, args) => setPhaseReward(ctx, 0, big(args.rewardPerYear)),
  set_phase1_reward: (ctx, args) => setPhaseReward(ctx, 1, big(args.rewardPerYear)),
  set_phase2_reward: (ctx, args) => setPhaseReward(ctx, 2, big(args.rewardPerYear)),

  set_first_committee_team_reward_date: (ctx, args) => {
    ensureRoot(ctx);
    put(ctx.rt, item(ctx.rt, 'FirstCommitteeTeamReleaseEra'), args.rewardDate);
  },

  add_committee_team_reward_per_year: (ctx, args) => {
    ensureRoot(ctx);
    const list = item<Array<[string, bigint]>>(ctx.rt, 'CommitteeTeamRewardPerYear');
    // try_mutate on an OptionQuery value: an absent list is `Unknown`, not created.
    const current = list.get();
    if (!current) throw fail(ctx, 'Unknown');
    put(ctx.rt, list, [...current, [args.rewardTo as string, big(args.rewardPerYear)]]);
  },

  rm_committee_team_reward_by_index: (ctx, args) => {
    ensureRoot(ctx);
    const list = item<Array<[string, bigint]>>(ctx.rt, 'CommitteeTeamRewardPerYear');
    const current = list.get();
    if (!current) throw fail(ctx, 'Unknown');
    const index = args.index as number;
    // Vec::remove panics out of range on chain; the devnet rejects the call instead.
    if (index >= current.length) throw new DispatchFailure('Other', 'index out of range');
    put(
      ctx.rt,
      list,
      current.filter((_, i) => i !== index),
    );
  },

  set_foundation_params: (ctx, args) => {
    ensureRoot(ctx);
    put(ctx.rt, item(ctx.rt, 'FoundationReward'), args.foundationReward);
  },

  set_treasury_params: (ctx, args) => {
    ensureRoot(ctx);
    put(ctx.rt, item(ctx.rt, 'TreasuryReward'), args.treasuryReward);
  },

  set_unlock_after_eras: (ctx, args) => {
    ensureRoot(ctx);
    const { rt } = ctx;
    const account = args.account as string;
    const ledger = ledgerOrFail(ctx, account);
    const index = args.unlockingIndex as number;
    if (index >= ledger.unlocking.length) return;
    const era = (currentEra(rt) ?? 0) + (args.afterEras as number);
    ledger.unlocking[index]!.era = era;
    updateLedger(rt, account, ledger);
    rt.deposit('Staking', 'UpdateUnlock', [ledger.stash, index, era]);
  },

  disable_validator: (ctx, args) => {
    ensureRoot(ctx);
    const validator = args.validator as string;
    const list = item<string[]>(ctx.rt, 'DisabledValidators').get()!;
    if (list.includes(validator)) return;
    if (list.length >= MAX_DISABLED_VALIDATORS) throw fail(ctx, 'TooManyValidators');
    put(ctx.rt, item(ctx.rt, 'DisabledValidators'), [...list, validator]);
    ctx.rt.deposit('Staking', 'DisabledValidator', [validator]);
  },

  enable_validator: (ctx, args) => {
    ensureRoot(ctx);
    const validator = args.validator as string;
    const list = item<string[]>(ctx.rt, 'DisabledValidators').get()!;
    if (!list.includes(validator)) throw fail(ctx, 'NotDisabledValidator');
    put(
      ctx.rt,
      item(ctx.rt, 'DisabledValidators'),
      list.filter((v) => v !== validator),
    );
    ctx.rt.deposit('Staking', 'EnabledValidator', [validator]);
  },
};

function setPhaseReward(ctx: CallContext, phase: 0 | 1 | 2, perYear: bigint): void {
  ensureRoot(ctx);
  put(ctx.rt, item(ctx.rt, `Phase${phase}RewardPerYear`), perYear);
  ctx.rt.deposit('Staking', `Phase${phase}RewardPerYear`, [perYear]);
}

// ---- genesis ----

/**
 * The state the chain would be in at `genesisNumber` had it run DBC's staking from block 0:
 * eras of 6 × 2,400 blocks, so the active era is ⌊n / 14,400⌋ and it started at session 6 × era.
 * The active era's start time is left unset, so on_finalize of the first devnet block sets it, as
 * a chain's first block does (the first era's reward covers only the devnet's part of it).
 */
function genesis(rt: Runtime, ctx: GenesisContext): void {
  const account = (name: string) => ctx.accounts.find((a) => a.name === name)!.address;
  const stakers: Array<{ who: string; bond: bigint; role: ValidatorPrefs | string[] }> = [
    { who: account('Alice'), bond: 100_000n * DBC, role: { commission: 100_000_000, blocked: false } },
    { who: account('Bob'), bond: 100_000n * DBC, role: { commission: 50_000_000, blocked: false } },
    { who: account('Charlie'), bond: 50_000n * DBC, role: [account('Alice'), account('Bob')] },
  ];
  const era = Math.floor(ctx.genesisNumber / (SESSIONS_PER_ERA * SESSION_LENGTH));
  const session = Math.floor(ctx.genesisNumber / SESSION_LENGTH);
  put(rt, item(rt, 'ValidatorCount'), 2);
  put(rt, item(rt, 'MinimumValidatorCount'), 1);
  put(rt, item(rt, 'MinValidatorBond'), 10_000n * DBC);
  put(rt, item(rt, 'MinNominatorBond'), 100n * DBC);
  // DBC-Wiki staking model: 10^9 DBC a year for years 0–3, half that for years 3–8, then 2.5 × 10^8.
  put(rt, item(rt, 'Phase0RewardPerYear'), 1_000_000_000n * DBC);
  put(rt, item(rt, 'Phase1RewardPerYear'), 500_000_000n * DBC);
  put(rt, item(rt, 'Phase2RewardPerYear'), 250_000_000n * DBC);
  put(rt, item(rt, 'RewardStartHeight'), 0);
  put(rt, item(rt, 'ForceEra'), 'NotForcing');
  put(rt, item(rt, 'CurrentEra'), era);
  for (const s of stakers) {
    changeConsumers(rt, s.who, 1);
    put(rt, item(rt, 'Bonded'), s.who, s.who);
    put(rt, item(rt, 'Payee'), s.who, 'Staked');
    const lastRewardEra = Math.max(0, era - HISTORY_DEPTH);
    updateLedger(rt, s.who, {
      stash: s.who,
      total: s.bond,
      active: s.bond,
      unlocking: [],
      claimedRewards: Array.from({ length: era - lastRewardEra }, (_, i) => lastRewardEra + i),
    });
    if (Array.isArray(s.role))
      doAddNominator(rt, s.who, { targets: s.role, submittedIn: era, suppressed: false });
    else doAddValidator(rt, s.who, s.role);
  }
  put(rt, item(rt, 'ErasStartSessionIndex'), era, era * SESSIONS_PER_ERA);
  storeStakersInfo(rt, elect(rt), era);
  put(rt, item(rt, 'ActiveEra'), { index: era, start: null });
  put(rt, item(rt, 'ErasRewardPoints'), era, { total: 0, individual: {} });
  put(
    rt,
    item(rt, 'BondedEras'),
    Array.from({ length: Math.min(era, BONDING_DURATION) + 1 }, (_, i) => {
      const e = era - Math.min(era, BONDING_DURATION) + i;
      return [e, e * SESSIONS_PER_ERA];
    }),
  );
  put(rt, item(rt, 'CurrentPlannedSession'), session + 1);
  // The last session of an era already has the next era planned.
  if (session + 1 - era * SESSIONS_PER_ERA >= SESSIONS_PER_ERA) tryTriggerNewEra(rt, session + 1);
}

/** DBC's pallet_staking (index 100). */
export const stakingLogic: PalletLogic = {
  name: 'Staking',
  calls,
  // on_finalize: the first block of an era records when it started.
  onFinalize(rt) {
    const active = activeEra(rt);
    if (active && active.start === null)
      put(rt, item(rt, 'ActiveEra'), {
        index: active.index,
        start: rt.storage<bigint>('Timestamp', 'Now').get()!,
      });
  },
  genesis,
};
