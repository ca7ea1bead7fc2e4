/** Registers every dbc-cloud custom element (side effect). */
import './components/dbc-machine-card/dbc-machine-card.define.js';
