// A React storefront from the dbc-cloud widgets: filters with facet counts, the machine list, a
// quote and a wallet button, over one SDK client on the light read path (the partner proxy's
// snapshot, mounted at /dbc/ on your site), so browsing loads no chain code.
import { useEffect, useMemo, useState } from 'react';
import { createDbcClient, type Machine, type MachineFacets, type MachineQuery } from '@dbc-cloud/sdk';
import { MachineFilters, MachineList, Quote, WalletButton } from '@dbc-cloud/widgets/react';

export interface AppProps {
  /** Chain WebSocket endpoint, used only once the user connects a wallet or rents. */
  chainUrl?: string;
  /** Where your site mounts the partner proxy (`createDbcProxy` from `@dbc-cloud/sdk/server`). */
  proxyBase?: string;
}

export function App({ chainUrl = 'ws://127.0.0.1:9944', proxyBase = `${location.origin}/dbc` }: AppProps) {
  const dbc = useMemo(
    () =>
      createDbcClient({
        network: { chain: chainUrl, clientNode: `${proxyBase}/node`, snapshotUrl: `${proxyBase}/machines/snapshot` },
        partner: { name: 'YourBrand', pricing: { markupPercent: 10, termDiscounts: { monthly: 5, quarterly: 10, yearly: 20 } } },
      }),
    [chainUrl, proxyBase],
  );
  useEffect(() => () => void dbc.close(), [dbc]);

  const [query, setQuery] = useState<MachineQuery>({ status: ['available'], sort: 'price' });
  const [machines, setMachines] = useState<Machine[]>([]);
  const [facets, setFacets] = useState<MachineFacets | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [machineId, setMachineId] = useState<string | undefined>();
  const [account, setAccount] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    dbc.machines
      .search({ ...query, limit: 500 }, { signal: abort.signal })
      .then((result) => {
        setMachines(result.items);
        setFacets(result.facets);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e instanceof Error ? e.message : String(e));
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [dbc, query, attempt]);

  return (
    <div className="store">
      <header>
        <strong>YourBrand GPU cloud</strong>
        {account && <span>{account}</span>}
        <WalletButton appName="YourBrand" onDbcWalletConnected={(e) => setAccount(e.detail.address)} />
      </header>
      <MachineFilters facets={facets} value={query} onDbcFiltersChange={(e) => setQuery(e.detail.query)} />
      <MachineList
        machines={machines}
        loading={loading}
        error={error}
        onDbcMachineSelect={(e) => setMachineId(e.detail.machineId)}
        onDbcRetry={() => setAttempt((n) => n + 1)}
      />
      <Quote client={dbc} machineId={machineId} term="hourly" hours={8} />
    </div>
  );
}
