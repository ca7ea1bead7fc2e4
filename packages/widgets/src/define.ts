/**
 * Registers the dbc-cloud custom elements (side effect; each registration is idempotent). The
 * storefront's first-paint parts register now; `<dbc-quote>`, `<dbc-rent-dialog>` and
 * `<dbc-my-rentals>` register moments later from their own chunks (see dbc-gpu-market.define.ts),
 * so until then a framework sets their attributes, not properties. Import a part's own
 * `…/dbc-quote.define.js` first when you need it defined at once.
 */
import './components/dbc-machine-card/dbc-machine-card.define.js';
import './components/dbc-machine-list/dbc-machine-list.define.js';
import './components/dbc-machine-filters/dbc-machine-filters.define.js';
import './components/dbc-wallet-button/dbc-wallet-button.define.js';
// The storefront; it loads the quote, the rent dialog and My rentals in their own chunks after first paint.
import './components/dbc-gpu-market/dbc-gpu-market.define.js';
