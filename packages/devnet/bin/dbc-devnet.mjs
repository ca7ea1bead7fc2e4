#!/usr/bin/env node
import { main } from '../dist/cli.js';

main().catch((e) => {
  process.stderr.write(`dbc-devnet: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
