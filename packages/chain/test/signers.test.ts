import { stringToU8a } from '@polkadot/util';
import { cryptoWaitReady, mnemonicGenerate, signatureVerify } from '@polkadot/util-crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DbcInputError, keyringSigner, signMachineBonding } from '../src/index.js';

beforeAll(() => cryptoWaitReady());

describe('keyringSigner', () => {
  it('signs the raw UTF-8 bytes of a message, verifiable with signatureVerify', async () => {
    const alice = await keyringSigner('//Alice');
    expect(alice.address).toBe('5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY');
    const sig = await alice.signMessage('nonce-123');
    expect(signatureVerify(stringToU8a('nonce-123'), sig, alice.address).isValid).toBe(true);
    expect(signatureVerify(stringToU8a('nonce-124'), sig, alice.address).isValid).toBe(false);
  });

  it('signs a message that looks like hex as text, not as bytes', async () => {
    const bob = await keyringSigner('//Bob');
    const sig = await bob.signMessage('0x1234');
    expect(signatureVerify(stringToU8a('0x1234'), sig, bob.address).isValid).toBe(true);
  });

  it('accepts a generated mnemonic with a derivation path', async () => {
    const phrase = mnemonicGenerate(12);
    const a = await keyringSigner(phrase);
    const b = await keyringSigner(`${phrase}//1`);
    expect(a.address).not.toBe(b.address);
    expect(signatureVerify(stringToU8a('x'), await b.signMessage('x'), b.address).isValid).toBe(true);
  });

  it('rejects a mnemonic with a wrong checksum without echoing it', async () => {
    const bad = 'legal winner thank year wave sausage worth useful legal winner thank wrong';
    const error = await keyringSigner(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DbcInputError);
    const text = [String((error as Error).message), JSON.stringify(error), String((error as Error).stack)].join('\n');
    expect(text).not.toContain(bad);
    for (const word of ['legal', 'sausage', 'winner']) expect(text).not.toContain(word);
  });

  it('rejects an empty secret', async () => {
    await expect(keyringSigner('  ')).rejects.toBeInstanceOf(DbcInputError);
  });
});

describe('signMachineBonding', () => {
  it("signs machine id ++ stash with the machine key, whose public key is the machine id", async () => {
    const stash = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
    const bond = await signMachineBonding({ machineKey: '//SomeMachine', stash });
    expect(bond.machineId).toMatch(/^[0-9a-f]{64}$/);
    expect(bond.msg).toBe(`${bond.machineId}${stash}`);
    expect(bond.msg).toHaveLength(112);
    expect(signatureVerify(stringToU8a(bond.msg), bond.sig, `0x${bond.machineId}`).isValid).toBe(true);
  });

  it('rejects a stash that is not a DBC address', async () => {
    await expect(signMachineBonding({ machineKey: '//SomeMachine', stash: 'nope' })).rejects.toBeInstanceOf(DbcInputError);
  });
});
