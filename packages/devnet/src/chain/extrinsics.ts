import type { TypeRegistry } from '@polkadot/types';
import type { Extrinsic, ExtrinsicSignatureV4 } from '@polkadot/types/interfaces';
import { hexToU8a, stringCamelCase, u8aToHex } from '@polkadot/util';
import { blake2AsU8a, ed25519Verify, sr25519Verify, decodeAddress, encodeAddress } from '@polkadot/util-crypto';
import { toJs, type Js } from './codec.js';
import { InvalidTransaction } from './errors.js';
import { feeFor } from './fees.js';
import type { Runtime } from './runtime.js';

export interface CheckedExtrinsic {
  hex: `0x${string}`;
  hash: `0x${string}`;
  ext: Extrinsic;
  length: number;
  signer: string | null;
  nonce: number;
  tip: bigint;
  pallet: string;
  call: string;
  args: Record<string, Js>;
}

export interface ChainView {
  runtime: Runtime;
  registry: TypeRegistry;
  genesisHash: `0x${string}`;
  bestNumber: number;
  hashOf(n: number): `0x${string}` | undefined;
  specVersion: number;
  transactionVersion: number;
}

/** Decodes an extrinsic and resolves its call to pallet/call names and JS args. */
export function decodeExtrinsic(registry: TypeRegistry, hex: string): Omit<CheckedExtrinsic, 'signer' | 'nonce' | 'tip'> & {
  ext: Extrinsic;
} {
  let ext: Extrinsic;
  try {
    ext = registry.createType('Extrinsic', hexToU8a(hex));
  } catch (e) {
    throw new InvalidTransaction(`Could not decode: ${(e as Error).message}`, 1002, 'Verification Error: Runtime error');
  }
  if (ext.encodedLength !== hexToU8a(hex).length)
    throw new InvalidTransaction('Could not decode: trailing bytes', 1002, 'Verification Error: Runtime error');
  const { section } = registry.findMetaCall(ext.method.callIndex);
  const meta = ext.method.meta;
  const args: Record<string, Js> = {};
  meta.fields.forEach((f, i) => {
    args[stringCamelCase(f.name.unwrap().toString())] = toJs(ext.method.args[i]!);
  });
  const pallet = registry.metadata.pallets.find((p) => stringCamelCase(p.name.toString()) === section)!.name.toString();
  const call = meta.name.toString();
  const bytes = hexToU8a(hex);
  return {
    hex: u8aToHex(bytes),
    hash: u8aToHex(blake2AsU8a(bytes, 256)),
    ext,
    length: bytes.length,
    pallet,
    call,
    args,
  };
}

/**
 * Checks a signed extrinsic as the runtime's SignedExtra would (CheckSpecVersion, CheckTxVersion,
 * CheckGenesis, CheckMortality, CheckNonce, ChargeAssetTxPayment), verifying the signature over the
 * same payload polkadot.js signs. Returns `future: true` for a nonce ahead of the account's.
 */
export function checkExtrinsic(chain: ChainView, hex: string): CheckedExtrinsic & { future: boolean } {
  const d = decodeExtrinsic(chain.registry, hex);
  const { ext } = d;
  if (!ext.isSigned) {
    throw new InvalidTransaction(
      'Could not find an unsigned validator for the unsigned transaction',
      1011,
      'Unknown Transaction Validity',
    );
  }
  // Extrinsic exposes the signature's fields directly; the full ExtrinsicSignatureV4 is its inner value.
  const sig = (ext as unknown as { inner: { signature: ExtrinsicSignatureV4 } }).inner.signature;
  const signerPub = decodeAddress(ext.signer.toString());
  const signer = encodeAddress(signerPub, 42);
  const era = sig.era;
  const current = chain.bestNumber + 1;
  let birthHash = chain.genesisHash;
  if (era.isMortalEra) {
    const mortal = era.asMortalEra;
    const birth = mortal.birth(current);
    const death = mortal.death(current);
    const hash = chain.hashOf(birth);
    if (!hash || current >= death) throw new InvalidTransaction('Transaction has an ancient birth block');
    birthHash = hash;
  }
  const payload = chain.registry.createType(
    'ExtrinsicPayload',
    {
      method: ext.method.toHex(),
      era: era.toHex(),
      nonce: sig.nonce.toNumber(),
      tip: sig.tip.toBigInt(),
      assetId: sig.assetId?.toHex?.(),
      specVersion: chain.specVersion,
      transactionVersion: chain.transactionVersion,
      genesisHash: chain.genesisHash,
      blockHash: birthHash,
    },
    { version: 4 },
  );
  let message = payload.toU8a({ method: true });
  if (message.length > 256) message = blake2AsU8a(message, 256);
  const multi = sig.multiSignature;
  const raw = multi.value.toU8a();
  let ok = false;
  try {
    ok = multi.isSr25519 ? sr25519Verify(message, raw, signerPub) : multi.isEd25519 ? ed25519Verify(message, raw, signerPub) : false;
  } catch {
    // A signature that is not even a valid curve point is just a bad signature.
    ok = false;
  }
  if (!ok) throw new InvalidTransaction('Transaction has a bad signature');

  const account = chain.runtime.account(signer);
  const nonce = sig.nonce.toNumber();
  if (nonce < account.nonce) throw new InvalidTransaction('Transaction is outdated');
  const tip = sig.tip.toBigInt();
  if (chain.runtime.usable(signer) < feeFor(d.length, tip))
    throw new InvalidTransaction('Inability to pay some fees (e.g. account balance too low)');
  return { ...d, signer, nonce, tip, future: nonce > account.nonce };
}
