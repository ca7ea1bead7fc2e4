/** Reads of Staking: ledgers, roles, eras, exposures and rewards. */
import type { DbcChain } from '../../client/connect.js';
import { toDbcAddress } from '../../units/address.js';
import { address, big, num, option } from '../../utils/codec.js';
import { queryStorage, read, storageEntry, type ReadOptions } from '../../utils/read.js';
import { toEra } from '../../utils/validate.js';
import {
  decodeActiveEra,
  decodeEraRewardPoints,
  decodeExposure,
  decodeLedger,
  decodeNominations,
  decodeRewardDestination,
  decodeValidatorPrefs,
} from './decode.js';
import type { ActiveEra, EraRewardPoints, Exposure, Nominations, Nominator, RewardDestination, StakingLedger, StakingMinimums, Validator, ValidatorPrefs } from './types.js';

const st = 'staking';

/** Parameters of {@link getStakingLedger}. */
export interface GetStakingLedgerParameters {
  /** The controller; since DBC spec 400 bonds without a controller, this is the stash. */
  controller: string;
}
/** What {@link getStakingLedger} resolves to. */
export type GetStakingLedgerReturnType = StakingLedger | null;

/** A bonded account's ledger (`staking.ledger`), or null if it is not bonded. */
export async function getStakingLedger(
  chain: DbcChain,
  params: GetStakingLedgerParameters,
  options: ReadOptions = {},
): Promise<GetStakingLedgerReturnType> {
  const controller = toDbcAddress(params.controller);
  return read(chain, options, `staking ledger of ${controller}`, async (api) => {
    const v = option(await storageEntry(api, st, 'ledger')(controller));
    return v ? decodeLedger(v) : null;
  });
}

/** Parameters of {@link getBonded}. */
export interface GetBondedParameters {
  stash: string;
}
/** What {@link getBonded} resolves to. */
export type GetBondedReturnType = string | null;

/** The controller of a bonded stash (`staking.bonded`), or null if it is not bonded. */
export async function getBonded(chain: DbcChain, params: GetBondedParameters, options: ReadOptions = {}): Promise<GetBondedReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `bond of ${stash}`, async (api) => {
    const v = option(await storageEntry(api, st, 'bonded')(stash));
    return v ? address(v) : null;
  });
}

/** Parameters of {@link getPayee}. */
export interface GetPayeeParameters {
  stash: string;
}
/** What {@link getPayee} resolves to. */
export type GetPayeeReturnType = RewardDestination;

/** Where a stash's staking rewards go (`staking.payee`). */
export async function getPayee(chain: DbcChain, params: GetPayeeParameters, options: ReadOptions = {}): Promise<GetPayeeReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `payee of ${stash}`, async (api) => decodeRewardDestination(await storageEntry(api, st, 'payee')(stash)));
}

/** What {@link getValidators} resolves to. */
export type GetValidatorsReturnType = Validator[];

/** Every validator candidate ("super node") and its commission (`staking.validators`). */
export async function getValidators(chain: DbcChain, options: ReadOptions = {}): Promise<GetValidatorsReturnType> {
  return read(chain, options, 'validators', async (api) => {
    const entries = await storageEntry(api, st, 'validators').entries();
    return entries.map(([key, value]) => ({ stash: address(key.args[0]!), ...decodeValidatorPrefs(value) }));
  });
}

/** Parameters of {@link getNominations}. */
export interface GetNominationsParameters {
  stash: string;
}
/** What {@link getNominations} resolves to. */
export type GetNominationsReturnType = Nominations | null;

/** Whom a stash nominates (`staking.nominators`), or null if it does not nominate. */
export async function getNominations(chain: DbcChain, params: GetNominationsParameters, options: ReadOptions = {}): Promise<GetNominationsReturnType> {
  const stash = toDbcAddress(params.stash);
  return read(chain, options, `nominations of ${stash}`, async (api) => {
    const v = option(await storageEntry(api, st, 'nominators')(stash));
    return v ? decodeNominations(v) : null;
  });
}

/** What {@link getNominators} resolves to. */
export type GetNominatorsReturnType = Nominator[];

/** Every nominator and its targets. */
export async function getNominators(chain: DbcChain, options: ReadOptions = {}): Promise<GetNominatorsReturnType> {
  return read(chain, options, 'nominators', async (api) => {
    const entries = await storageEntry(api, st, 'nominators').entries();
    return entries.flatMap(([key, value]) => {
      const v = option(value);
      return v ? [{ stash: address(key.args[0]!), ...decodeNominations(v) }] : [];
    });
  });
}

/** What {@link getCurrentEra} resolves to. */
export type GetCurrentEraReturnType = number | null;

/** The era being planned (`staking.currentEra`); the active era may lag it by one. */
export async function getCurrentEra(chain: DbcChain, options: ReadOptions = {}): Promise<GetCurrentEraReturnType> {
  return read(chain, options, 'current era', async (api) => {
    const v = option(await storageEntry(api, st, 'currentEra')());
    return v ? num(v) : null;
  });
}

/** What {@link getActiveEra} resolves to. */
export type GetActiveEraReturnType = ActiveEra | null;

/** The era validators are working in now (`staking.activeEra`). Not `onlineProfile.currentEra`. */
export async function getActiveEra(chain: DbcChain, options: ReadOptions = {}): Promise<GetActiveEraReturnType> {
  return read(chain, options, 'active era', async (api) => {
    const v = option(await storageEntry(api, st, 'activeEra')());
    return v ? decodeActiveEra(v) : null;
  });
}

/** Parameters of {@link getErasStakers}. */
export interface GetErasStakersParameters {
  era: number;
  validator: string;
}
/** What {@link getErasStakers} resolves to. */
export type GetErasStakersReturnType = Exposure;

/** Who backed a validator in an era (`staking.erasStakers`); zero totals if it was not elected. */
export async function getErasStakers(chain: DbcChain, params: GetErasStakersParameters, options: ReadOptions = {}): Promise<GetErasStakersReturnType> {
  const era = toEra(params.era);
  const validator = toDbcAddress(params.validator);
  return read(chain, options, `exposure of ${validator} in era ${era}`, async (api) =>
    decodeExposure(await storageEntry(api, st, 'erasStakers')(era, validator)),
  );
}

/** Parameters of {@link getErasRewardPoints}. */
export interface GetErasRewardPointsParameters {
  era: number;
}
/** What {@link getErasRewardPoints} resolves to. */
export type GetErasRewardPointsReturnType = EraRewardPoints;

/** Reward points of an era per validator (`staking.erasRewardPoints`). */
export async function getErasRewardPoints(
  chain: DbcChain,
  params: GetErasRewardPointsParameters,
  options: ReadOptions = {},
): Promise<GetErasRewardPointsReturnType> {
  const era = toEra(params.era);
  return read(chain, options, `reward points of era ${era}`, async (api) => decodeEraRewardPoints(await storageEntry(api, st, 'erasRewardPoints')(era)));
}

/** Parameters of {@link getErasValidatorReward}. */
export interface GetErasValidatorRewardParameters {
  era: number;
}
/** Planck, or null while the era has not ended. */
export type GetErasValidatorRewardReturnType = bigint | null;

/** The total reward of an ended era for all validators and nominators (`staking.erasValidatorReward`). */
export async function getErasValidatorReward(
  chain: DbcChain,
  params: GetErasValidatorRewardParameters,
  options: ReadOptions = {},
): Promise<GetErasValidatorRewardReturnType> {
  const era = toEra(params.era);
  return read(chain, options, `validator reward of era ${era}`, async (api) => {
    const v = option(await storageEntry(api, st, 'erasValidatorReward')(era));
    return v ? big(v) : null;
  });
}

/** Parameters of {@link getErasTotalStake}. */
export interface GetErasTotalStakeParameters {
  era: number;
}
/** What {@link getErasTotalStake} resolves to. */
export type GetErasTotalStakeReturnType = bigint;

/** All stake behind elected validators in an era (`staking.erasTotalStake`). */
export async function getErasTotalStake(chain: DbcChain, params: GetErasTotalStakeParameters, options: ReadOptions = {}): Promise<GetErasTotalStakeReturnType> {
  const era = toEra(params.era);
  return read(chain, options, `total stake of era ${era}`, async (api) => big(await storageEntry(api, st, 'erasTotalStake')(era)));
}

/** Parameters of {@link getErasValidatorPrefs}. */
export interface GetErasValidatorPrefsParameters {
  era: number;
  validator: string;
}
/** What {@link getErasValidatorPrefs} resolves to. */
export type GetErasValidatorPrefsReturnType = ValidatorPrefs;

/**
 * The commission and blocked flag a validator had in an era (`staking.erasValidatorPrefs`), which
 * is what that era's payout uses; 0 % and not blocked when it was not elected then.
 */
export async function getErasValidatorPrefs(
  chain: DbcChain,
  params: GetErasValidatorPrefsParameters,
  options: ReadOptions = {},
): Promise<GetErasValidatorPrefsReturnType> {
  const era = toEra(params.era);
  const validator = toDbcAddress(params.validator);
  return read(chain, options, `prefs of ${validator} in era ${era}`, async (api) =>
    decodeValidatorPrefs(await storageEntry(api, st, 'erasValidatorPrefs')(era, validator)),
  );
}

/** What {@link getStakingMinimums} resolves to. */
export type GetStakingMinimumsReturnType = StakingMinimums;

/** The minimum bonds to validate and to nominate (InsufficientBond below them), in one request. */
export async function getStakingMinimums(chain: DbcChain, options: ReadOptions = {}): Promise<GetStakingMinimumsReturnType> {
  return read(chain, options, 'staking minimums', async (api, blockHash) => {
    const [validator, nominator] = await queryStorage(chain, [[storageEntry(api, st, 'minValidatorBond')], [storageEntry(api, st, 'minNominatorBond')]], blockHash);
    return { minValidatorBondPlanck: big(validator!), minNominatorBondPlanck: big(nominator!) };
  });
}
