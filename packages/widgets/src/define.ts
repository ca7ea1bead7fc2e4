/** Registers every dbc-cloud custom element (side effect). Each registration is idempotent. */
import './components/dbc-machine-card/dbc-machine-card.define.js';
import './components/dbc-machine-list/dbc-machine-list.define.js';
import './components/dbc-machine-filters/dbc-machine-filters.define.js';
import './components/dbc-wallet-button/dbc-wallet-button.define.js';
// The storefront; it loads the quote, the rent dialog and My rentals in their own chunks after first paint.
import './components/dbc-gpu-market/dbc-gpu-market.define.js';
