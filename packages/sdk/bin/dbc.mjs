#!/usr/bin/env node
// The `dbc` command: a thin shell over the built CLI so the logic stays testable in-process.
import { main } from '../dist/cli/main.js';

const controller = new AbortController();
process.once('SIGINT', () => {
  // The first Ctrl-C aborts the running call cleanly; a second one leaves at once.
  controller.abort();
  process.once('SIGINT', () => process.exit(130));
});
process.exitCode = await main(process.argv.slice(2), { signal: controller.signal });
