// The demo partner's page script: the whole storefront is <dbc-gpu-market>; this only points it at
// the site's own proxy (light read path + client-node forwarding) and applies the demo's query
// parameters: ?theme=dark, ?locale=zh, ?brand=partner.

/** What `npm start` tells the page (GET /demo-config.json). */
interface DemoConfig {
  chainEndpoint: string;
  /** True only on the local devnet, whose dev accounts are funded and whose keys are public. */
  demoWallet: boolean;
}

// The run's configuration comes first, so the storefront starts with the right chain endpoint
// instead of rebuilding its client when it arrives.
const config = (await fetch('/demo-config.json').then((r) => r.json())) as DemoConfig;
const params = new URLSearchParams(location.search);
const market = document.querySelector('dbc-gpu-market')!;
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const locale = params.get('locale') === 'zh' ? 'zh' : 'en';

market.setAttribute('chain-endpoint', config.chainEndpoint);
market.setAttribute('client-node-endpoint', `${location.origin}/dbc/node`);
market.setAttribute('snapshot-url', `${location.origin}/dbc/machines/snapshot`);
market.setAttribute('theme', theme);
market.setAttribute('locale', locale);

// The page around the storefront follows the same choices, so a dark storefront sits on a dark page.
document.documentElement.dataset.theme = theme;
document.documentElement.lang = locale === 'zh' ? 'zh-CN' : 'en';
if (params.get('brand') === 'partner') document.documentElement.dataset.brand = 'partner';
const tagline = document.querySelector<HTMLElement>('.tagline');
if (tagline) tagline.textContent = tagline.dataset[locale] ?? '';

market.addEventListener('dbc-error', (e) => console.warn('[dbc]', e.detail.error.code, e.detail.error.message));
await import('@dbc-cloud/widgets/define');

if (config.demoWallet) {
  // A stand-in for a browser wallet extension, holding the devnet's public dev keys, injected at
  // window.injectedWeb3 as real extensions are: the storefront still never sees a key. Loaded only
  // here, so a real deployment ships none of it. It must be there before the user clicks "Connect".
  const { installTestExtension } = await import('@dbc-cloud/widgets/testing');
  await installTestExtension({
    name: 'nebula-demo-wallet',
    accounts: [
      { seed: '//Alice', name: 'Demo renter (Alice)' },
      { seed: '//Bob', name: 'Demo renter (Bob)' },
    ],
  });
}
