// Rent a GPU, get a VM with SSH, extend the rental and end it — against the local devnet by default
// (`npm start`), or any DBC network through DBC_CHAIN_URL / DBC_CLIENT_NODE_URL / DBC_SECRET.
import { keyringSigner } from '@dbc-cloud/chain';
import { createDbcClient } from '@dbc-cloud/sdk';

const dbc = createDbcClient({
  network: {
    chain: process.env.DBC_CHAIN_URL ?? 'ws://127.0.0.1:9944',
    clientNode: process.env.DBC_CLIENT_NODE_URL ?? 'http://127.0.0.1:5002/api/v1',
  },
  signer: await keyringSigner(process.env.DBC_SECRET ?? '//Alice'),
  partner: { pricing: { markupPercent: 10 } },
});

const { items } = await dbc.machines.search({ status: ['available'], minFreeGpus: 1, sort: 'price' });
const machine = items[0]!;
console.log(`Renting 1 × ${machine.gpu.model} in ${machine.location.city ?? machine.location.country} at $${machine.price.usdPerGpuHour.toFixed(3)}/GPU·h`);

const rental = await dbc.rentals.rent({
  machineId: machine.id,
  gpus: 1,
  duration: { hours: 1 },
  idempotencyKey: process.env.DBC_RENT_KEY ?? `rent-gpu-example-${machine.id.slice(0, 12)}`, // a retry never rents twice
  onProgress: (p) => console.log(`  rent: ${p.stage}`),
});

const [image] = await dbc.vms.images.list(machine.id);
const vm = await dbc.vms.create({ rentalId: rental.id, image: image!.name, gpus: 1, cpuCores: 4, memGb: 16, diskGb: 50, sshPort: 20022, jupyterPort: 28888, onProgress: (p) => console.log(`  vm: ${p.stage}`) });
const { ssh, jupyterUrl } = await dbc.vms.connectionInfo(vm);
console.log(`SSH: ${ssh?.command}\nJupyter: ${jupyterUrl}`);

const extended = await dbc.rentals.extend(rental.id, { duration: { minutes: 30 } });
console.log(`Extended: ends at block ${extended.endBlock} (${extended.endsAt.toISOString()})`);

await dbc.vms.delete(vm);
const ended = await dbc.rentals.end(rental.id).catch((e) => e);
console.log(ended?.code === 'RENTAL_CANNOT_END_EARLY' ? `VM deleted; the prepaid rental runs out at block ${extended.endBlock}.` : 'Rental ended.');
await dbc.close();
