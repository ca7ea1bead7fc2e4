import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { stringToU8a, u8aToHex } from '@polkadot/util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findEvent, startTestNet, type TestNet } from './harness.js';

/**
 * The client nodes against the devnet chain (not a fake): they read renters and orders through
 * the chain's JSON-RPC like real client nodes, so a rent on chain opens the VM API to its renter
 * and the end of the rent closes the VM.
 */
let t: TestNet;
const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });

async function node(path: string, body: Record<string, unknown>): Promise<{ errcode: number; message: any }> {
  const res = await fetch(`${t.net.clientNodeUrl}/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

function auth(pair: KeyringPair) {
  const nonce = `n${Date.now()}${Math.random().toString(36).slice(2)}`;
  return { wallet: pair.address, nonce, sign: u8aToHex(pair.sign(stringToU8a(nonce))) };
}

async function waitForStatus(machineId: string, renter: KeyringPair, rentId: string, taskId: string, status: string) {
  for (let i = 0; i < 100; i++) {
    const r = await node(`tasks/${taskId}`, { peer_nodes_list: [machineId], additional: {}, rent_order: rentId, ...auth(renter) });
    if (r.errcode === 0 && r.message.status === status) return r.message;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`task ${taskId} never reached ${status}`);
}

/** An online FullTime machine with no GPU rented (unconfirmed orders included). */
async function idleMachine(): Promise<string> {
  const live: any = await t.api.query.onlineProfile.liveMachines();
  for (const x of live.onlineMachine) {
    const id = x.toUtf8();
    if (t.net.genesis.machines.find((s) => s.machineId === id)?.timeSlot) continue;
    if (((await t.api.query.onlineProfile.machineRentedGPU(id)) as any).toNumber() === 0) return id;
  }
  throw new Error('no idle machine');
}

const vmParams = (gpus: number) => ({
  image_name: 'ubuntu-2204-cuda12.2-pytorch2.1.qcow2',
  ssh_port: '20022',
  vnc_port: '5901',
  gpu_count: String(gpus),
  cpu_cores: '4',
  mem_size: '8',
  disk_size: '50',
  desc: 'integration',
});

beforeAll(async () => {
  t = await startTestNet({ machines: 30, vmBootMs: 150 });
});
afterAll(async () => t?.close());

describe('client nodes against the devnet chain', () => {
  it('lets the on-chain renter create a VM that boots to running, and refuses everyone else', async () => {
    const machineId = await idleMachine();
    const renter = keyring.addFromUri('//Dave');
    const rent = await t.send(t.api.tx.rentMachine.rentMachine(machineId, 1, 600), renter);
    expect(rent.error).toBeNull();
    const rentId = (findEvent(rent.events, 'rentMachine.Rent')!.event.data[0] as any).toString();

    // Before confirming, the renter of a waiting order may already use the node (real node rule).
    const created = await node('tasks/start', {
      peer_nodes_list: [machineId],
      additional: vmParams(1),
      rent_order: rentId,
      ...auth(renter),
    });
    expect(created.errcode, JSON.stringify(created)).toBe(0);
    const taskId = created.message.task_id as string;
    expect(created.message.status).toBe('creating');
    const running = await waitForStatus(machineId, renter, rentId, taskId, 'running');
    expect(running.ssh_port).toBe('20022');
    expect(running.login_password).toMatch(/.{8,}/);

    const stranger = await node(`tasks/${taskId}`, {
      peer_nodes_list: [machineId],
      additional: {},
      rent_order: rentId,
      ...auth(keyring.addFromUri('//Eve')),
    });
    expect(stranger.errcode).toBe(-3);
    expect(String(stranger.message)).toMatch(/check authority failed/);

    const badSig = { ...auth(renter), sign: u8aToHex(keyring.addFromUri('//Eve').sign(stringToU8a('x'))) };
    const forged = await node(`tasks/${taskId}`, { peer_nodes_list: [machineId], additional: {}, rent_order: rentId, ...badSig });
    expect(forged.errcode).toBe(-3);
  });

  it('refuses a machine that is not rented', async () => {
    const idle = await idleMachine();
    const r = await node('tasks', { peer_nodes_list: [idle], additional: {}, rent_order: '0', ...auth(keyring.addFromUri('//Dave')) });
    expect(r.errcode).toBe(-3);
  });

  it('shuts the VM down when the rent ends on chain', async () => {
    const machineId = await idleMachine();
    const renter = keyring.addFromUri('//Ferdie');
    const rent = await t.send(t.api.tx.rentMachine.rentMachine(machineId, 1, 300), renter);
    expect(rent.error).toBeNull();
    const rentId = (findEvent(rent.events, 'rentMachine.Rent')!.event.data[0] as any).toString();
    const confirm = await t.send(t.api.tx.rentMachine.confirmRent(rentId), renter);
    expect(confirm.error).toBeNull();
    const created = await node('tasks/start', { peer_nodes_list: [machineId], additional: vmParams(1), rent_order: rentId, ...auth(renter) });
    expect(created.errcode, JSON.stringify(created)).toBe(0);
    const taskId = created.message.task_id as string;
    await waitForStatus(machineId, renter, rentId, taskId, 'running');

    await t.newBlocks(301);
    let status: string | undefined;
    for (let i = 0; i < 100 && status !== 'closed'; i++) {
      await new Promise((res) => setTimeout(res, 50));
      status = t.net.clientNodes!.vms.get(taskId)?.status;
    }
    expect(status).toBe('closed');
  });
});
