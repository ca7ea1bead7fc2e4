import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { EventRecord } from '@polkadot/types/interfaces';
import { u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type Devnet } from '../src/devnet.js';

/**
 * The devnet's acceptance script: nothing of ours but the URL. Plain @polkadot/api code lists
 * machines, rents one from //Alice, confirms, and sees exactly the price the runtime's formula
 * gives (online-profile traits.rs get_machine_price, rent-machine lib.rs rent_machine,
 * dbc-price-ocw get_dbc_amount_by_value); bad transactions fail with the runtime's errors.
 */

const ONE_DAY = 14_400n;
const ONE_DBC = 10n ** 15n;

let net: Devnet;
let api: ApiPromise;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
let alice: KeyringPair;

interface Included {
  events: EventRecord[];
  error: string | null;
  fee: bigint;
}

function sendAndWait(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<Included> {
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, (r) => {
      if (!r.status.isInBlock && !r.status.isFinalized) return;
      let error: string | null = null;
      if (r.dispatchError?.isModule) {
        const m = api.registry.findMetaError(r.dispatchError.asModule);
        error = `${m.section}.${m.name}`;
      } else if (r.dispatchError) error = r.dispatchError.type;
      const paid = r.events.find((e) => e.event.section === 'transactionPayment' && e.event.method === 'TransactionFeePaid');
      resolve({ events: r.events, error, fee: paid ? (paid.event.data[1] as any).toBigInt() : 0n });
    }).catch(reject);
  });
}

async function machineFor(minFreeGpus: number) {
  const live: any = await api.query.onlineProfile.liveMachines();
  for (const idCodec of live.onlineMachine) {
    const id = idCodec.toUtf8();
    const mode: any = await api.query.onlineProfile.machineRentalModeStorage(id);
    if (!mode.isFullTime) continue;
    const info: any = (await api.query.onlineProfile.machinesInfo(id)).unwrap();
    const gpuNum = info.machineInfoDetail.committeeUploadInfo.gpuNum.toNumber();
    const rented = (await api.query.onlineProfile.machineRentedGPU(id)).toString();
    if (gpuNum - Number(rented) >= minFreeGpus) return { id, info, gpuNum };
  }
  throw new Error('no machine');
}

async function expectedRentFee(id: string, info: any, gpus: number, duration: bigint): Promise<bigint> {
  const std: any = (await api.query.onlineProfile.standardGPUPointPrice()).unwrap();
  const avg: any = (await api.query.dbcPriceOCW.avgPrice()).unwrap();
  const extra = (await api.query.onlineProfile.machineExtraPrice(id)).toString();
  const calcPoint = BigInt(info.machineInfoDetail.committeeUploadInfo.calcPoint.toString());
  const total = BigInt(info.machineInfoDetail.committeeUploadInfo.gpuNum.toString());
  const system = ((std.gpuPrice.toBigInt() * calcPoint * 10_000n) / std.gpuPoint.toBigInt()) * BigInt(gpus) / total / 10_000n;
  const machinePrice = system + BigInt(extra) * BigInt(gpus);
  const value = (machinePrice * duration) / ONE_DAY;
  return (value * ONE_DBC) / avg.toBigInt();
}

async function totalOf(address: string): Promise<{ free: bigint; reserved: bigint }> {
  const { data } = (await api.query.system.account(address)) as any;
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
}

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 30, noClientNodes: true });
  api = await ApiPromise.create({ provider: new WsProvider(net.chainUrl), noInitWarn: true });
  alice = keyring.addFromUri('//Alice');
});
afterAll(async () => {
  await api?.disconnect();
  await net?.stop();
});

describe('a plain @polkadot/api script against the devnet', () => {
  it('lists live machines and reads every machinesInfo entry', async () => {
    const live: any = await api.query.onlineProfile.liveMachines();
    expect(live.onlineMachine.length).toBeGreaterThan(0);
    const entries = await api.query.onlineProfile.machinesInfo.entries();
    expect(entries).toHaveLength(30);
    for (const [key, value] of entries) {
      const id = (key.args[0] as any).toUtf8();
      expect(id).toMatch(/^[0-9a-f]{64}$/);
      expect((value as any).unwrap().machineInfoDetail.committeeUploadInfo.machineId.toUtf8()).toBe(id);
    }
  });

  it('rents one GPU for 300 blocks from //Alice, confirms, and pays exactly the formula price', async () => {
    const { id, info } = await machineFor(1);
    const fee = await expectedRentFee(id, info, 1, 300n);
    expect(fee).toBeGreaterThan(0n);
    const fixedFee = ((await api.query.genericFunc.fixedTxFee()) as any).unwrap().toBigInt();
    const start = await totalOf(alice.address);

    const rent = await sendAndWait(api.tx.rentMachine.rentMachine(id, 1, 300), alice);
    expect(rent.error).toBeNull();
    const ev = rent.events.find((e) => e.event.section === 'rentMachine' && e.event.method === 'Rent')!;
    expect(ev).toBeDefined();
    const [rentId, renter, machineId, gpuNum, duration, rentFee] = ev.event.data as any;
    expect(renter.toString()).toBe(alice.address);
    expect(machineId.toUtf8()).toBe(id);
    expect(gpuNum.toNumber()).toBe(1);
    expect(duration.toNumber()).toBe(300);
    expect(rentFee.toBigInt()).toBe(fee);
    const afterRent = await totalOf(alice.address);
    expect(afterRent.reserved - start.reserved).toBe(fee);
    const order: any = (await api.query.rentMachine.rentInfo(rentId)).unwrap();
    expect(order.rentStatus.isWaitingVerifying).toBe(true);

    const confirm = await sendAndWait(api.tx.rentMachine.confirmRent(rentId), alice);
    expect(confirm.error).toBeNull();
    expect(confirm.events.some((e) => e.event.section === 'rentMachine' && e.event.method === 'ConfirmRent')).toBe(true);
    const end = await totalOf(alice.address);
    expect(end.reserved).toBe(start.reserved);
    // Alice authors the devnet's blocks and gets 20 % of each transaction fee back.
    const txFees = rent.fee + confirm.fee;
    const authorShare = txFees - (txFees * 80n) / 100n;
    expect(start.free + start.reserved - (end.free + end.reserved)).toBe(fee + fixedFee + txFees - authorShare);
    expect(((await api.query.rentMachine.rentInfo(rentId)) as any).unwrap().rentStatus.isRenting).toBe(true);
  });

  it('fails a rent of more GPUs than are free with rentMachine.GPUNotEnough', async () => {
    const { id, gpuNum } = await machineFor(1);
    const r = await sendAndWait(api.tx.rentMachine.rentMachine(id, gpuNum + 1, 300), alice);
    expect(r.error).toBe('rentMachine.GPUNotEnough');
  });

  it('fails a rent whose duration is not a whole half hour with rentMachine.OnlyHalfHourAllowed', async () => {
    const { id } = await machineFor(1);
    const r = await sendAndWait(api.tx.rentMachine.rentMachine(id, 1, 100), alice);
    expect(r.error).toBe('rentMachine.OnlyHalfHourAllowed');
  });

  it('fails a rent the renter cannot pay for', async () => {
    const poor = keyring.addFromUri('//PoorRenter');
    await sendAndWait(api.tx.balances.transferKeepAlive(poor.address, 12n * ONE_DBC), alice);
    const { id } = await machineFor(1);
    const r = await sendAndWait(api.tx.rentMachine.rentMachine(id, 1, 300), poor);
    expect(r.error).toMatch(/^rentMachine\.(InsufficientValue|PayTxFeeFailed)$/);
    expect((await totalOf(poor.address)).reserved).toBe(0n);
  });

  it('rejects a transaction with a bad signature before it reaches a block', async () => {
    const { id } = await machineFor(1);
    const tx = await api.tx.rentMachine.rentMachine(id, 1, 300).signAsync(keyring.addFromUri('//Bob'));
    const bytes = tx.toU8a();
    bytes[bytes.length - 20] ^= 0x01; // inside the call: the signature no longer matches
    await expect(api.rpc.author.submitExtrinsic(u8aToHex(bytes))).rejects.toThrow(/bad signature/);
  });

  it('rejects a transaction with a stale nonce', async () => {
    const charlie = keyring.addFromUri('//Charlie');
    await sendAndWait(api.tx.system.remark('0x00'), charlie);
    const stale = await api.tx.system.remark('0x01').signAsync(charlie, { nonce: 0 });
    await expect(api.rpc.author.submitExtrinsic(stale)).rejects.toThrow(/outdated/);
  });
});
