// The demo partner's page script: the whole storefront is <dbc-gpu-market>; this only points it at
// the site's own proxy (light read path + client-node forwarding) and applies the demo's query
// parameters: ?theme=dark, ?locale=zh, ?brand=partner, ?chain=ws://….
import '@dbc-cloud/widgets/define';

const params = new URLSearchParams(location.search);
const market = document.querySelector('dbc-gpu-market')!;
const theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const locale = params.get('locale') === 'zh' ? 'zh' : 'en';

market.setAttribute('chain-endpoint', params.get('chain') ?? 'ws://127.0.0.1:9944');
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
