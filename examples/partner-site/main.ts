// The demo partner's page script: one SDK client on the light read path (the partner proxy's
// machine snapshot), the dbc-* components wired together by their events.
import { createDbcClient, type MachineQuery } from '@dbc-cloud/sdk';
import '@dbc-cloud/widgets/define';

const params = new URLSearchParams(location.search);
const dbc = createDbcClient({
  network: {
    chain: params.get('chain') ?? 'ws://127.0.0.1:9944',
    clientNode: `${location.origin}/dbc/node`,
    snapshotUrl: `${location.origin}/dbc/machines/snapshot`,
  },
  partner: { name: 'NebulaGPU', pricing: { markupPercent: 12, termDiscounts: { daily: 3, monthly: 8, quarterly: 12, yearly: 20 } } },
});

const filters = document.querySelector('dbc-machine-filters') as HTMLElement & { facets: unknown; value: MachineQuery };
const list = document.querySelector('dbc-machine-list') as HTMLElement & { machines: unknown[]; loading: boolean; error: string | null };
const quote = document.querySelector('dbc-quote') as HTMLElement & { client: unknown; machineId: string };
const summary = document.getElementById('summary')!;
quote.client = dbc;

let query: MachineQuery = { status: ['available'], sort: 'price', limit: 500 } as MachineQuery;
async function search() {
  list.loading = true;
  try {
    const result = await dbc.machines.search(query);
    list.machines = result.items;
    filters.facets = result.facets;
    summary.textContent = `${result.total} machines · block #${result.snapshotBlock}`;
    list.error = null;
  } catch (e) {
    list.error = e instanceof Error ? e.message : String(e);
  } finally {
    list.loading = false;
  }
}

filters.value = query;
filters.addEventListener('dbc-filters-change', (e) => {
  query = { ...(e as CustomEvent<{ query: MachineQuery }>).detail.query, limit: 500 } as MachineQuery;
  void search();
});
list.addEventListener('dbc-retry', () => void search());
document.addEventListener('dbc-machine-select', (e) => {
  quote.machineId = (e as CustomEvent<{ machineId: string }>).detail.machineId;
});
void search();
