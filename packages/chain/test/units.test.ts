import { describe, expect, it } from 'vitest';
import {
  blocksFromDuration,
  COORDINATE_SCALE,
  DbcInputError,
  degreesOf,
  formatDbc,
  hoursFromBlocks,
  isDbcAddress,
  isMachineId,
  msFromBlocks,
  parseDbc,
  PLANCK_PER_DBC,
  roundUpToHalfHour,
  toDbcAddress,
  toMachineId,
  toReletDuration,
  toRentDuration,
} from '../src/index.js';
import { coordinateToChain } from '../src/pallets/onlineProfile/coordinates.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const ALICE_KUSAMA = 'HNZata7iMYWmk5RvZRTiAsSDhV8366zq2YGb3tLH5Upf74F';
const ID = 'a'.repeat(64);

describe('parseDbc', () => {
  it('turns decimal DBC strings and numbers into planck', () => {
    expect(parseDbc('1.5')).toBe(1_500_000_000_000_000n);
    expect(parseDbc('1000')).toBe(1000n * PLANCK_PER_DBC);
    expect(parseDbc('0.000000000000001')).toBe(1n);
    expect(parseDbc(' 1_000.25 ')).toBe(1000_250_000_000_000_000n);
    expect(parseDbc(2.5)).toBe(2_500_000_000_000_000n);
    expect(parseDbc('0')).toBe(0n);
  });

  it.each(['-1', '1e3', '1.0000000000000001', 'abc', '', '1,5', '0x10'])('rejects %j instead of guessing', (text) => {
    expect(() => parseDbc(text)).toThrow(DbcInputError);
  });

  it('rejects negative and non-finite numbers', () => {
    for (const n of [-1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => parseDbc(n)).toThrow(DbcInputError);
  });
});

describe('formatDbc', () => {
  it('formats planck as DBC, truncating to 4 decimals by default', () => {
    expect(formatDbc(1_500_000_000_000_000n)).toBe('1.5');
    expect(formatDbc(1_999_990_000_000_000n)).toBe('1.9999');
    expect(formatDbc(1n)).toBe('0');
    expect(formatDbc(1n, { decimals: 15 })).toBe('0.000000000000001');
    expect(formatDbc(-2n * PLANCK_PER_DBC)).toBe('-2');
  });

  it('adds grouping and the symbol on request', () => {
    expect(formatDbc(1_234_567n * PLANCK_PER_DBC, { grouping: true, symbol: true })).toBe('1,234,567 DBC');
  });

  it('round-trips parseDbc at full precision', () => {
    for (const s of ['0', '1', '0.1', '123456.000000000000001', '99999999.999999999999999']) {
      expect(formatDbc(parseDbc(s), { decimals: 15 })).toBe(s);
    }
  });
});

describe('block arithmetic', () => {
  it('converts durations at 6 s per block', () => {
    expect(blocksFromDuration({ hours: 2 })).toBe(1_200);
    expect(blocksFromDuration({ days: 1, minutes: 30 })).toBe(14_700);
    expect(msFromBlocks(10)).toBe(60_000);
    expect(hoursFromBlocks(900)).toBe(1.5);
  });

  it('rounds a rent duration up to whole half hours', () => {
    expect(roundUpToHalfHour(1)).toBe(300);
    expect(roundUpToHalfHour(300)).toBe(300);
    expect(roundUpToHalfHour(301)).toBe(600);
  });

  it('rejects negative durations', () => {
    expect(() => blocksFromDuration({ hours: -1 })).toThrow(DbcInputError);
  });

  it('accepts rent durations in half hours only and relets of 100 blocks or more', () => {
    expect(toRentDuration(600)).toBe(600);
    for (const bad of [0, 100, 450, -300, 1.5, '600']) expect(() => toRentDuration(bad)).toThrow(DbcInputError);
    expect(() => toRentDuration(450)).toThrow(/next valid duration is 600/);
    expect(toReletDuration(100)).toBe(100);
    expect(() => toReletDuration(99)).toThrow(/100 blocks/);
  });
});

describe('machine ids and addresses', () => {
  it('normalizes a machine id (0x prefix, case) and rejects anything but 64 hex characters', () => {
    expect(toMachineId(`0x${ID.toUpperCase()}`)).toBe(ID);
    expect(isMachineId(ID)).toBe(true);
    expect(isMachineId(`0x${ID}`)).toBe(false);
    for (const bad of ['ab', `${ID}0`, 'g'.repeat(64), '']) expect(() => toMachineId(bad)).toThrow(DbcInputError);
  });

  it('accepts DBC (prefix 42) addresses and names the DBC form of another network’s address', () => {
    expect(toDbcAddress(ALICE)).toBe(ALICE);
    expect(isDbcAddress(ALICE)).toBe(true);
    expect(isDbcAddress(ALICE_KUSAMA)).toBe(false);
    expect(() => toDbcAddress(ALICE_KUSAMA)).toThrow(new RegExp(`on DBC this account is ${ALICE}`));
    expect(() => toDbcAddress('not-an-address')).toThrow(DbcInputError);
  });
});

describe('coordinates', () => {
  it('stores signed degrees as hemisphere and degrees × 10^4, and reads them back', () => {
    expect(COORDINATE_SCALE).toBe(10_000);
    expect(coordinateToChain('longitude', 121.47)).toEqual({ East: 1_214_700 });
    expect(coordinateToChain('longitude', -0.13)).toEqual({ West: 1_300 });
    expect(coordinateToChain('latitude', -33.87)).toEqual({ South: 338_700 });
    expect(degreesOf({ direction: 'west', value: 1_300 })).toBe(-0.13);
    expect(degreesOf({ direction: 'north', value: 312_300 })).toBe(31.23);
    expect(() => coordinateToChain('latitude', 91)).toThrow(DbcInputError);
  });
});
