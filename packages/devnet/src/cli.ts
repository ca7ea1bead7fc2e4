import { parseArgs } from 'node:util';
import { startClientNodes } from './clientNodes.js';
import { startDevnet, type DevnetOptions } from './devnet.js';

const HELP = `dbc-devnet — a local DeepBrainChain network (chain JSON-RPC + client nodes)

Usage: dbc-devnet [options]

  --machines N         machines seeded at genesis (default 200, up to 10000)
  --block-time T       block time in ms (default 6000), "instant" or "manual"
  --port P             chain RPC port, WebSocket and HTTP (default 9944; 0 = any)
  --client-node-port P client-node API port (default 5002; 0 = any)
  --host H             interface to listen on (default 127.0.0.1)
  --seed S             seed of the deterministic machine generator (default 42)
  --vm-boot-ms MS      time a VM takes to boot (default 3000)
  --chain-url URL      start only the client nodes, against an existing chain
  --json               print the URLs as one JSON line (for scripts)
  -h, --help           show this help
`;

export async function main(argv = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      machines: { type: 'string' },
      'block-time': { type: 'string' },
      port: { type: 'string' },
      'client-node-port': { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      'vm-boot-ms': { type: 'string' },
      'chain-url': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const int = (name: string, v: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) => {
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, got "${v}"`);
    return n;
  };
  const host = values.host ?? '127.0.0.1';
  const clientNodePort = int('client-node-port', values['client-node-port'], 5002, 0, 65535);
  const vmBootMs = int('vm-boot-ms', values['vm-boot-ms'], 3000, 0);

  if (values['chain-url']) {
    const nodes = await startClientNodes({ chainUrl: values['chain-url'], host, port: clientNodePort, vmBootMs });
    if (values.json) process.stdout.write(`${JSON.stringify({ chainUrl: values['chain-url'], clientNodeUrl: nodes.url })}\n`);
    else process.stdout.write(`client nodes  ${nodes.url}\n(reading chain ${values['chain-url']})\nCtrl-C to stop\n`);
    onExit(() => nodes.stop());
    return;
  }

  const bt = values['block-time'];
  const blockTime: DevnetOptions['blockTime'] =
    bt === undefined ? 6000 : bt === 'instant' || bt === 'manual' ? bt : int('block-time', bt, 6000, 1);
  const started = Date.now();
  const net = await startDevnet({
    machines: int('machines', values.machines, 200, 0, 10_000),
    blockTime,
    host,
    port: int('port', values.port, 9944, 0, 65535),
    clientNodePort,
    seed: int('seed', values.seed, 42),
    vmBootMs,
  });
  if (values.json) {
    process.stdout.write(
      `${JSON.stringify({ chainUrl: net.chainUrl, chainHttpUrl: net.chainHttpUrl, clientNodeUrl: net.clientNodeUrl, accounts: net.accounts })}\n`,
    );
  } else {
    const g = net.genesis;
    process.stdout.write(
      [
        `dbc-devnet ready in ${Date.now() - started} ms`,
        `  chain        ${net.chainUrl}  (HTTP ${net.chainHttpUrl})`,
        `  client nodes ${net.clientNodeUrl}`,
        `  machines     ${g.machines.length} (${g.machines.filter((m) => m.status === 'online').length} online, ${g.machines.filter((m) => m.status === 'rented').length} rented), ${g.miners.length} miners`,
        `  block        #${net.chain.bestNumber}, ${typeof blockTime === 'number' ? `${blockTime} ms blocks` : blockTime}`,
        `  accounts     ${net.accounts.map((a) => a.uri).join(' ')} (1,000,000 DBC each)`,
        'Ctrl-C to stop',
        '',
      ].join('\n'),
    );
  }
  onExit(() => net.stop());
}

function onExit(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = () => {
    if (stopping) return;
    stopping = true;
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
