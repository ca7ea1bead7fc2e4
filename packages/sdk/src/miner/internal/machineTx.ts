import type { DbcChainError, MachineInfo, Tx } from '@dbc-cloud/chain';
import { DbcError, DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../../client/context.js';
import { sendTx, type BalanceNeed } from '../../wallet/internal/sendTx.js';
import type { TxCallOptions, TxReceipt } from '../../wallet/types.js';
import { stageOf, type MachineStage } from '../machineStage.js';
import { requireOwnMachine, short, startMinerCall, type MinerCall } from './minerCall.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** What the one-machine controller calls resolve to. */
export interface MachineTxReturnType extends TxReceipt {
  machineId: string;
  /** The machine's stage afterwards (null once it has exited). */
  stage: MachineStage | null;
}

/** How one controller call on one machine differs from the others. */
export interface MachineTxSpec {
  /** Infinitive for messages: "shelve". */
  verb: string;
  /** Stages the chain accepts it in; others are refused before sending with `whyNot`. */
  allowed: readonly MachineStage[];
  whyNot: (stage: MachineStage) => string;
  build: (lib: ChainLib, call: MinerCall, machineId: string) => Tx;
  /** Further checks with the machine in hand (throw DbcInputError), and balance needs. */
  check?: (call: MinerCall, info: MachineInfo) => Promise<BalanceNeed[] | void>;
  explain?: (error: DbcChainError) => DbcError | null;
}

/**
 * Runs a controller call on one machine: validate the id, check the signer controls it and that
 * its stage allows the call, then send. Shared by fulfill, shelve, unshelve and exit.
 */
export async function machineTx(
  ctx: ClientContext,
  machineId: string,
  options: TxCallOptions,
  spec: MachineTxSpec,
): Promise<MachineTxReturnType> {
  const signer = ctx.signer(`${spec.verb} a machine (sign with the controller)`);
  let id = '';
  const call = await startMinerCall(ctx, `${spec.verb} the machine`, options, (lib) => {
    id = lib.toMachineId(String(machineId ?? ''));
  });
  const { lib, chain, deadline } = call;
  const info = await requireOwnMachine(call, signer, id);
  const stage = stageOf(info.status);
  if (!spec.allowed.includes(stage)) {
    throw new DbcInputError(
      'MACHINE_STAGE',
      `Cannot ${spec.verb} machine ${short(id)}: ${spec.whyNot(stage)}`,
      { details: { machineId: id, stage } },
    );
  }
  const needs = (await spec.check?.(call, info)) ?? [];
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx: spec.build(lib, call, id),
    deadline,
    options,
    what: `${spec.verb} machine ${short(id)}`,
    needs,
    explain: spec.explain,
  });
  const after = await lib.getMachineInfo(chain, { machineId: id }, deadline.read());
  return { ...receipt, machineId: id, stage: after ? stageOf(after.status) : null };
}
