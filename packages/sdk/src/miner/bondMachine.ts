import type { DbcSigner, SignMachineBondingParameters } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { amountOf } from '../wallet/internal/amounts.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { Amount, TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireController, short, startMinerCall } from './internal/minerCall.js';

/** A keyring pair (polkadot.js `KeyringPair`), as the chain package's bonding signer takes it. */
export type KeyringPair = Exclude<SignMachineBondingParameters['machineKey'], string>;

/** Parameters of `bondMachine`. */
export interface BondMachineParameters {
  /**
   * The machine's own sr25519 key (its public key is the machine id): a keyring pair, or a
   * keyring DbcSigner. It only signs the bonding message; it never signs a transaction.
   */
  machineKey: KeyringPair | DbcSigner;
  /** The stash to bond to: must be the stash of the signing controller (checked). */
  stash: string;
}

/** What `bondMachine` resolves to. */
export interface BondMachineReturnType extends TxReceipt {
  machineId: string;
  /** Stake reserved from the stash now (10 % of one GPU's stake). */
  stake: Amount;
}

function machinePair(key: unknown): KeyringPair {
  const k = key as Partial<KeyringPair & DbcSigner> | null;
  if (k && typeof k === 'object' && 'txSigner' in k && k.txSigner && 'pair' in k.txSigner)
    return k.txSigner.pair;
  if (
    k &&
    typeof k === 'object' &&
    typeof k.sign === 'function' &&
    k.publicKey instanceof Uint8Array &&
    typeof k.type === 'string'
  )
    return k as KeyringPair;
  throw new DbcInputError(
    'INVALID_MACHINE_KEY',
    "machineKey must be the machine's sr25519 keyring pair (or a keyring signer of it); wallet extensions cannot sign the bonding message.",
  );
}

/**
 * Signed by the controller: bonds a machine to the stash. The machine key signs
 * "machine id + stash address" (the chain's proof that the machine agrees), and 10 % of one
 * GPU's stake is reserved from the stash, plus the fixed fee from the controller.
 *
 * @example
 * ```ts
 * const { machineId } = await controllerClient.miner.bondMachine({ machineKey: machinePair, stash });
 * ```
 */
export async function bondMachine(
  ctx: ClientContext,
  params: BondMachineParameters,
  options: TxCallOptions = {},
): Promise<BondMachineReturnType> {
  const signer = ctx.signer('bond a machine (sign with the controller)');
  let stash = '';
  let pair: KeyringPair | null = null;
  const call = await startMinerCall(ctx, 'bond the machine', options, (lib) => {
    pair = machinePair(params?.machineKey);
    stash = lib.toDbcAddress(String(params?.stash ?? ''));
  });
  const { lib, chain, deadline } = call;
  const bond = await lib.signMachineBonding({ machineKey: pair!, stash });
  const controllersStash = await requireController(call, signer);
  if (controllersStash !== stash) {
    throw new DbcInputError(
      'STASH_MISMATCH',
      `${signer.address} controls stash ${controllersStash}, not ${stash}; a machine bonds to its controller's stash.`,
      {
        details: { stash, controllersStash },
      },
    );
  }
  const [existing, stakeParams, fixedFee] = await Promise.all([
    lib.getMachineInfo(chain, { machineId: bond.machineId }, deadline.read()),
    lib.getOnlineStakeParams(chain, deadline.read()),
    lib.getFixedTxFee(chain, deadline.read()),
  ]);
  if (existing) {
    throw new DbcInputError(
      'MACHINE_ALREADY_BONDED',
      `Machine ${short(bond.machineId)} is already bonded to stash ${existing.stash}.`,
      {
        details: { machineId: bond.machineId, stash: existing.stash },
      },
    );
  }
  const stakePlanck = stakeParams ? (stakeParams.onlineStakePerGpuPlanck * 10_000n) / 100_000n : 0n;
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: lib.bondMachineTx(chain, bond),
    deadline,
    options,
    what: `bond machine ${short(bond.machineId)}`,
    needs: [
      { address: stash, planck: stakePlanck, label: 'the bonding stake' },
      { address: signer.address, planck: fixedFee ?? 0n, label: 'the fixed fee' },
    ],
  });
  return { ...receipt, machineId: bond.machineId, stake: amountOf(lib, stakePlanck) };
}
