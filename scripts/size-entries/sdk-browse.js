// Browsing through the partner proxy's snapshot URL (the light read path): machines + pricing only.
import { createDbcClient } from '@dbc-cloud/sdk';

const dbc = createDbcClient({
  network: { chain: 'wss://example.invalid', snapshotUrl: 'https://proxy.example/machines.json' },
});
const page = await dbc.machines.search({ gpuModels: ['RTX 4090'], minFreeGpus: 1, sort: 'price' });
export const quote =
  page.items[0] && (await dbc.pricing.quote({ machineId: page.items[0].id, duration: { days: 1 } }));
