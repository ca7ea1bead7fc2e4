import type { DbcChain, DbcSigner, MachineInfo, Tx } from '@dbc-cloud/chain';
import { DbcInputError } from '@dbc-cloud/chain/errors';
import { BLOCK_TIME_MS, formatDbc, toMachineId } from '@dbc-cloud/chain/units';
import { toRentDurationBlocks, type DurationInput } from './duration.js';
import { describeSchedule, isWithinSchedule } from './schedule.js';
import type { RentalMarket } from './types.js';

type ChainLib = typeof import('@dbc-cloud/chain');

/** What a rent will send, once every check passed. */
export interface RentPlan {
  market: RentalMarket;
  machineId: string;
  gpus: number;
  durationBlocks: number;
  /** Reserved at rent. */
  feePlanck: bigint;
  /** Slashed at rent, never refunded. */
  fixedFeePlanck: bigint;
  /** Estimated fees of the rent and confirm transactions. */
  txFeesPlanck: bigint;
  tx: Tx;
}

/** What `rent` asks for, before checking. */
export interface RentRequest extends DurationInput {
  machineId: string;
  gpus: number;
  roundUp?: boolean;
}

const short = (id: string) => `${id.slice(0, 4)}…`;

/** Checks the request's shape without touching the network. */
export function checkRentShape(req: RentRequest): { machineId: string; gpus: number; durationBlocks: number } {
  const machineId = toMachineId(req.machineId);
  if (typeof req.gpus !== 'number' || !Number.isSafeInteger(req.gpus) || req.gpus < 1)
    throw new DbcInputError('INVALID_GPU_COUNT', `gpus must be a whole number of at least 1; got ${String(req.gpus)}.`, {
      details: { gpus: String(req.gpus) },
    });
  return { machineId, gpus: req.gpus, durationBlocks: toRentDurationBlocks(req) };
}

function checkStatus(machine: MachineInfo): void {
  const kind = machine.status.kind;
  if (kind !== 'online' && kind !== 'rented')
    throw new DbcInputError('MACHINE_NOT_RENTABLE', `Machine ${short(machine.machineId)} is ${kind}, not online; it cannot be rented now.`, {
      details: { machineId: machine.machineId, status: kind },
    });
}

function checkGpus(machine: MachineInfo, freeGpus: number, gpus: number): void {
  if (gpus > freeGpus)
    throw new DbcInputError(
      'GPU_NOT_ENOUGH',
      `Machine ${short(machine.machineId)} has ${freeGpus} free GPU${freeGpus === 1 ? '' : 's'}; you asked for ${gpus}.`,
      { details: { machineId: machine.machineId, freeGpus, gpuNum: machine.hardware.gpuNum, gpus } },
    );
}

/**
 * Every check a rent must pass before anything is signed: the machine exists (in either market),
 * is online or rented with enough free GPUs, accepts rentals now (time-slot schedule), and the
 * renter can pay the rent fee, the fixed fee and both transaction fees.
 */
export async function validateRent(lib: ChainLib, chain: DbcChain, signer: DbcSigner, req: RentRequest): Promise<RentPlan> {
  const { machineId, gpus, durationBlocks } = checkRentShape(req);
  const [opMachine, trMachine] = await Promise.all([
    lib.getMachineInfo(chain, { machineId }),
    lib.getTerminatingMachineInfo(chain, { machineId }),
  ]);
  if (!opMachine && !trMachine)
    throw new DbcInputError('MACHINE_NOT_FOUND', `Machine ${short(machineId)} does not exist on chain (never bonded, or it exited).`, {
      details: { machineId },
    });

  let market: RentalMarket;
  let feePlanck: bigint;
  let fixedFeePlanck: bigint;
  if (opMachine) {
    market = 'rentMachine';
    checkStatus(opMachine);
    const [quote, mode, now] = await Promise.all([
      lib.quoteRentFee(chain, { machineId, gpus: Math.min(gpus, Math.max(1, opMachine.hardware.gpuNum)), durationBlocks }),
      lib.getMachineRentalMode(chain, { machineId }),
      lib.getChainTimestamp(chain),
    ]);
    checkGpus(opMachine, quote.freeGpus, gpus);
    if (!isWithinSchedule(mode, now, now + durationBlocks * BLOCK_TIME_MS))
      throw new DbcInputError(
        'OUT_OF_RENTAL_SCHEDULE',
        `Machine ${short(machineId)} rents only in time slots (UTC: ${describeSchedule(mode)}); a rental of ${durationBlocks} blocks starting now does not fit one (at least 2 hours, inside one slot of one day).`,
        { details: { machineId, durationBlocks } },
      );
    feePlanck = quote.feePlanck;
    fixedFeePlanck = quote.fixedTxFeePlanck;
  } else {
    market = 'terminatingRental';
    const machine = trMachine!;
    checkStatus(machine);
    const rented = await lib.getTerminatingMachineRentedGpus(chain, { machineId });
    checkGpus(machine, Math.max(0, machine.hardware.gpuNum - rented), gpus);
    [feePlanck, fixedFeePlanck] = await Promise.all([
      lib.quoteTerminatingRentFee(chain, { machineId, gpus, durationBlocks }).then((q) => q.feePlanck),
      lib.getFixedTxFee(chain).then((f) => f ?? 0n),
    ]);
  }

  const tx = market === 'rentMachine' ? lib.rentMachineTx(chain, { machineId, gpus, durationBlocks }) : lib.terminatingRentMachineTx(chain, { machineId, gpus, durationBlocks });
  const [balance, info] = await Promise.all([lib.getBalance(chain, { address: signer.address }), tx.paymentInfo(signer.address)]);
  // The confirm transaction costs about as much as the rent one.
  const txFeesPlanck = info.partialFee.toBigInt() * 2n;
  const need = feePlanck + fixedFeePlanck + txFeesPlanck;
  if (balance.transferablePlanck < need)
    throw new DbcInputError(
      'INSUFFICIENT_BALANCE',
      `${signer.address} has ${formatDbc(balance.transferablePlanck, { symbol: true })} available; this rental needs ${formatDbc(need, { symbol: true })} (rent ${formatDbc(feePlanck)} + fixed fee ${formatDbc(fixedFeePlanck)} + transaction fees ${formatDbc(txFeesPlanck)}).`,
      { details: { renter: signer.address, availablePlanck: String(balance.transferablePlanck), needPlanck: String(need) } },
    );
  return { market, machineId, gpus, durationBlocks, feePlanck, fixedFeePlanck, txFeesPlanck, tx };
}
