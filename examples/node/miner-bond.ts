// Pledge a machine: stake requirement, controller, server room, bond a fresh machine key, declare its
// place, then (devnet only, via DBC_DEVNET_ADMIN_URL) let the committee verify it and print its status.
import { keyringSigner } from '@dbc-cloud/chain';
import { createDbcClient, type DbcClientConfig } from '@dbc-cloud/sdk';

const network = { chain: process.env.DBC_CHAIN_URL ?? 'ws://127.0.0.1:9944', clientNode: process.env.DBC_CLIENT_NODE_URL ?? 'http://127.0.0.1:5002/api/v1' };
const secret = process.env.DBC_SECRET ?? '//Alice';
const [stash, controller, machineKey] = await Promise.all([secret, `${secret}//controller`, `${secret}//machine/${Date.now()}`].map((s) => keyringSigner(s)));
const clientFor = (signer: DbcClientConfig['signer']) => createDbcClient({ network, signer });
const asStash = clientFor(stash);
const asController = clientFor(controller);

const need = await asStash.miner.stakeRequirement({ gpus: 1 });
console.log(`Stake for 1 GPU: ${need.atBonding.dbc} DBC at bonding, ${need.full.dbc} DBC at full stake (capped by ${need.cappedBy}); fixed fee ${need.fixedFee.dbc} DBC`);

// The stash pays the stake; the controller pays fees and signs every later call.
await asStash.wallet.transfer({ to: controller.address, amountDbc: '100' });
await asStash.miner.setController({ controller: controller.address }).catch((e: { code?: string }) => {
  if (e.code !== 'INPUT_CONTROLLER_ALREADY_SET') throw e;
});
console.log(`Controller: ${controller.address}`);

const { serverRoom } = await asController.miner.createServerRoom();
console.log(`Server room: ${serverRoom}`);
const { machineId, stake } = await asController.miner.bondMachine({ machineKey, stash: stash.address });
console.log(`Bonded machine ${machineId}, reserved ${stake.dbc} DBC from the stash`);
const info = await asController.miner.addMachineInfo({ machineId, serverRoom, uploadMbps: 1000, downloadMbps: 1000, longitude: 8.68, latitude: 50.11, telecomOperators: ['Telekom'] });
console.log(`Machine info added: stage ${info.stage}`);

const admin = process.env.DBC_DEVNET_ADMIN_URL;
if (admin) {
  const params = [machineId, { gpuNum: 1, gpuType: 'GeForceRTX4090', calcPoint: 31_000 }];
  const res = await fetch(admin, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'devnet_verifyMachine', params }) });
  const body = (await res.json()) as { error?: { message: string } };
  if (body.error) throw new Error(`devnet_verifyMachine: ${body.error.message}`);
  console.log('Committee verification done (devnet_verifyMachine)');
}

const status = await asController.miner.status(machineId);
console.log(`Status: ${status?.stage}, ${status?.gpus} GPU(s), stake ${status?.stake.dbc} DBC — next: ${status?.nextStep}`);
await Promise.all([asStash.close(), asController.close()]);
