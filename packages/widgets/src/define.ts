/** Registers every dbc-cloud custom element (side effect). Each registration is idempotent. */
import './components/dbc-machine-card/dbc-machine-card.define.js';
import './components/dbc-machine-list/dbc-machine-list.define.js';
import './components/dbc-machine-filters/dbc-machine-filters.define.js';
import './components/dbc-quote/dbc-quote.define.js';
import './components/dbc-wallet-button/dbc-wallet-button.define.js';
import './components/dbc-rent-dialog/dbc-rent-dialog.define.js';
import './components/dbc-my-rentals/dbc-my-rentals.define.js';
import './components/dbc-gpu-market/dbc-gpu-market.define.js';
