import { DbcInputError } from '@dbc-cloud/chain/errors';
import type { ClientContext } from '../client/context.js';
import { sendTx } from '../wallet/internal/sendTx.js';
import type { TxCallOptions, TxReceipt } from '../wallet/types.js';
import { requireOwnMachine, short, startMinerCall } from './internal/minerCall.js';
import { stageOf, type MachineStage } from './machineStage.js';

/** Parameters of `addMachineInfo`: where the machine is and how it is connected. */
export interface AddMachineInfoParameters {
  machineId: string;
  /** A server room of the stash, from `createServerRoom`. */
  serverRoom: `0x${string}`;
  uploadMbps: number;
  downloadMbps: number;
  /** Degrees, east positive (-180…180); stored by the chain as East/West × 10^4. */
  longitude: number;
  /** Degrees, north positive (-90…90); stored as North/South × 10^4. */
  latitude: number;
  /** At least one operator, e.g. ["China Telecom"]. */
  telecomOperators: string[];
  /** A bare-metal machine rather than a virtualized host (default false). */
  isBareMachine?: boolean;
}

/** What `addMachineInfo` resolves to. */
export interface AddMachineInfoReturnType extends TxReceipt {
  machineId: string;
  /** The machine's stage afterwards, normally `info-added` (waiting for a committee). */
  stage: MachineStage;
}

/** Stages in which the chain accepts addMachineInfo (status 0–4 and a controller-reported offline). */
const ACCEPTS: readonly MachineStage[] = [
  'bonded',
  'info-added',
  'verifying',
  'refused',
  'waiting-fulfill',
  'shelved',
];

/**
 * Signed by the controller: declares a bonded machine's server room, bandwidth, position and
 * operators, which sends it to committee verification. All fields are checked before sending.
 *
 * @example
 * ```ts
 * await controllerClient.miner.addMachineInfo({ machineId, serverRoom, uploadMbps: 1000, downloadMbps: 1000,
 *   longitude: 121.47, latitude: 31.23, telecomOperators: ['China Telecom'] });
 * ```
 */
export async function addMachineInfo(
  ctx: ClientContext,
  params: AddMachineInfoParameters,
  options: TxCallOptions = {},
): Promise<AddMachineInfoReturnType> {
  const signer = ctx.signer('add machine info (sign with the controller)');
  let machineId = '';
  const call = await startMinerCall(ctx, 'add the machine info', options, (lib) => {
    machineId = lib.toMachineId(String(params?.machineId ?? ''));
  });
  const { lib, chain, deadline } = call;
  const { serverRoom, uploadMbps, downloadMbps, longitude, latitude, telecomOperators, isBareMachine } =
    params;
  const info = { serverRoom, uploadMbps, downloadMbps, longitude, latitude, telecomOperators, isBareMachine };
  // Builds (and so validates room format, bandwidth, coordinates and operators) before any read.
  const tx = lib.addMachineInfoTx(chain, { machineId, info });
  const machine = await requireOwnMachine(call, signer, machineId);
  const stage = stageOf(machine.status);
  if (!ACCEPTS.includes(stage)) {
    throw new DbcInputError(
      'MACHINE_STAGE',
      `Machine ${short(machineId)} is ${stage}; its info can be added only before it comes online.`,
      {
        details: { machineId, stage },
      },
    );
  }
  const rooms = await lib.getStashServerRooms(chain, { stash: machine.stash }, deadline.read());
  if (!rooms.includes(params.serverRoom.toLowerCase() as `0x${string}`)) {
    throw new DbcInputError(
      'UNKNOWN_SERVER_ROOM',
      `${params.serverRoom} is not a server room of stash ${machine.stash}; create one with miner.createServerRoom.`,
      {
        details: { serverRoom: params.serverRoom, rooms },
      },
    );
  }
  const { receipt } = await sendTx({
    ctx,
    lib,
    chain,
    signer,
    tx,
    deadline,
    options,
    what: `add the info of machine ${short(machineId)}`,
  });
  const after = await lib.getMachineInfo(chain, { machineId }, deadline.read());
  return { ...receipt, machineId, stage: after ? stageOf(after.status) : stage };
}
