import type { DbcChain, DbcSigner, MachineInfo } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../../client/context.js';
import { startDeadline, type Deadline } from '../../wallet/internal/deadline.js';
import type { CallOptions } from '../../wallet/types.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** What a miner operation works with once its input is valid. */
export interface MinerCall {
  lib: ChainLib;
  chain: DbcChain;
  deadline: Deadline;
}

/** Starts a call: budget, chain code and (after `validate` passed) the connection. */
export async function startMinerCall(
  ctx: ClientContext,
  what: string,
  options: CallOptions,
  validate: (lib: ChainLib) => void = () => undefined,
): Promise<MinerCall> {
  const deadline = startDeadline(what, options);
  const lib = await ctx.chainLib();
  validate(lib);
  const chain = await deadline.race(ctx.chain(deadline.signal));
  return { lib, chain, deadline };
}

/**
 * The stash the signer controls, or a DbcInputError: every machine call after `setController`
 * is signed by the controller, and signing with the stash is the usual mistake.
 */
export async function requireController(call: MinerCall, signer: DbcSigner): Promise<string> {
  const stash = await call.lib.getControllerStash(
    call.chain,
    { controller: signer.address },
    call.deadline.read(),
  );
  if (stash) return stash;
  const controller = await call.lib.getStashController(
    call.chain,
    { stash: signer.address },
    call.deadline.read(),
  );
  throw new DbcInputError(
    'NOT_A_CONTROLLER',
    controller
      ? `${signer.address} is a stash; machine calls are signed by its controller ${controller}.`
      : `${signer.address} is not a miner's controller; first call miner.setController({ controller }) signed by the stash.`,
    { details: { signer: signer.address, controller } },
  );
}

/** The machine, checked to exist and to be managed by `signer`. */
export async function requireOwnMachine(
  call: MinerCall,
  signer: DbcSigner,
  machineId: string,
): Promise<MachineInfo> {
  const info = await call.lib.getMachineInfo(call.chain, { machineId }, call.deadline.read());
  if (!info) {
    throw new DbcInputError(
      'MACHINE_NOT_FOUND',
      `Machine ${short(machineId)} is not bonded (or has exited); bond it with miner.bondMachine first.`,
      {
        details: { machineId },
      },
    );
  }
  if (info.controller !== signer.address) {
    throw new DbcInputError(
      'NOT_MACHINE_CONTROLLER',
      `Machine ${short(machineId)} is managed by ${info.controller}, not by ${signer.address}.`,
      {
        details: { machineId, controller: info.controller, signer: signer.address },
      },
    );
  }
  return info;
}

/** A machine id shortened for messages. */
export function short(machineId: string): string {
  return machineId.length > 12 ? `${machineId.slice(0, 8)}…` : machineId;
}
