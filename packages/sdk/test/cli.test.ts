import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  keyringSigner,
  parseDbc,
  submitAndCheck,
  transferKeepAliveTx,
  type DbcChain,
} from '@dbc-cloud/chain';
import { mnemonicGenerate } from '@polkadot/util-crypto';
import { startDevnet, type Devnet } from '../../devnet/src/index.js';
import { ROOT } from '../src/cli/commands/index.js';
import { leafCommands } from '../src/cli/help.js';
import { main } from '../src/cli/main.js';

/** What one `dbc` run printed and returned. */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let net: Devnet;
let chain: DbcChain;
let stateDir: string;
let keyFile: string;
/** The renter's secret: a fresh mnemonic, so a leak is unmistakable in any output. */
const MNEMONIC = mnemonicGenerate(12);
/** Every secret a run may hold; none may appear in any output. */
const SECRETS = [MNEMONIC, '//CliBob'];
let renterAddress: string;
const used = new Set<string>();

/** A terminal that answers a prompt with `answer`. */
const tty = (answer: string) => Object.assign(Readable.from([`${answer}\n`]), { isTTY: true });

/**
 * Runs `dbc` in-process against the devnet, with the renter's secret in env unless `env`
 * overrides it, and checks that no secret reached stdout or stderr.
 */
async function dbc(
  args: string[],
  env: Record<string, string | undefined> = { DBC_SECRET: MNEMONIC },
  stdin: NodeJS.ReadableStream & { isTTY?: boolean } = Readable.from([]),
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(['--chain', net.chainUrl, '--client-node', net.clientNodeUrl, ...args], {
    io: {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin,
      env: { DBC_STATE_DIR: stateDir, ...env },
    },
  });
  for (const secret of SECRETS) expect(stdout + stderr).not.toContain(secret);
  return { code, stdout, stderr };
}

/** An online, full-time machine no other test rented. */
function freeMachine(gpus = 1): string {
  const m = net.genesis.machines.find(
    (x) => x.status === 'online' && !x.timeSlot && x.gpuNum >= gpus && !used.has(x.machineId),
  );
  if (!m) throw new Error('no free seeded machine left');
  used.add(m.machineId);
  return m.machineId;
}

beforeAll(async () => {
  net = await startDevnet({ blockTime: 'instant', machines: 30, vmBootMs: 200 });
  chain = await connect({ endpoints: net.chainUrl });
  stateDir = await mkdtemp(join(tmpdir(), 'dbc-cli-'));
  keyFile = join(stateDir, 'bob.key');
  await writeFile(keyFile, '//CliBob\n');
  const alice = await keyringSigner('//Alice');
  const renter = await keyringSigner(MNEMONIC);
  const bob = await keyringSigner('//CliBob');
  renterAddress = renter.address;
  for (const to of [renter.address, bob.address]) {
    await submitAndCheck(chain, transferKeepAliveTx(chain, { to, amountPlanck: parseDbc('50000') }), alice);
  }
}, 120_000);

afterAll(async () => {
  await chain?.disconnect();
  await net?.stop();
  if (stateDir) await rm(stateDir, { recursive: true, force: true });
});

describe('dbc help', () => {
  it('lists every command at the top level and exits 0', async () => {
    const r = await dbc(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: dbc <command> \[options\]$/m);
    for (const { words } of leafCommands(ROOT)) expect(r.stdout).toContain(`  ${words.join(' ')}`);
    expect(r.stdout).toContain('--key-file <path>');
  });

  it.each(leafCommands(ROOT).map(({ words }) => [words.join(' ')]))(
    'prints the usage of "dbc %s --help"',
    async (words) => {
      const r = await dbc([...words.split(' '), '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: dbc ${words}`);
      expect(r.stderr).toBe('');
    },
  );

  it.each([['machines'], ['vm'], ['miner']])(
    'lists the commands of the "%s" group with -h',
    async (group) => {
      const r = await dbc([group, '-h']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: dbc ${group} <command>`);
    },
  );
});

describe('dbc usage errors', () => {
  it('refuses an unknown command with exit 2 and suggests the nearest one', async () => {
    const r = await dbc(['machnes', 'search']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown command "machnes"');
    expect(r.stderr).toContain('Did you mean "machines"?');
    expect(r.stdout).toBe('');
  });

  it('refuses an unknown flag with exit 2 and points at the command help', async () => {
    const r = await dbc(['machines', 'search', '--colour', 'red']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown option '--colour'/);
    expect(r.stderr).toContain("Run 'dbc machines search --help'");
  });

  it('refuses a missing argument with exit 2 and names it', async () => {
    const r = await dbc(['quote']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Missing <machineId>');
  });

  it('refuses a malformed number with exit 2 before any network call', async () => {
    const r = await dbc(['machines', 'search', '--limit', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--limit must be a number; got "many"');
  });

  it('refuses a group without a command with exit 2 and shows the group help', async () => {
    const r = await dbc(['vm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: dbc vm <command>');
    expect(r.stderr).toContain('"dbc vm" needs a command');
  });

  it('refuses a signing command without a secret with exit 2', async () => {
    const r = await dbc(['rent', 'ffffffff', '--yes'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--key-file <path> or env DBC_SECRET');
  });

  it('prints usage errors as one JSON document with --json', async () => {
    const r = await dbc(['quote', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'USAGE', message: expect.stringContaining('Missing <machineId>') },
    });
  });
});

describe('dbc machines', () => {
  it('prints an aligned table of machines with prices and reliability', async () => {
    const r = await dbc(['machines', 'search', '--limit', '5']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+GPU\s+FREE\s+VRAM\s+CPU\s+RAM\s+PLACE\s+\$\/GPU·H\s+RELIABILITY$/);
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)).toMatch(/^5 of \d+ machines at block \d+; next page: --cursor /);
    // Aligned: every row's price column ends where the header's does.
    const priceEnd = lines[0]!.indexOf('$/GPU·H') + '$/GPU·H'.length;
    for (const row of lines.slice(1, 6)) expect(row.slice(0, priceEnd)).toMatch(/\$\d+\.\d+$/);
  });

  it('prints the SDK search result with --json, filters applied', async () => {
    const r = await dbc([
      'machines',
      'search',
      '--min-gpus',
      '2',
      '--sort',
      'reliability',
      '--limit',
      '50',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as {
      items: Array<{ id: string; gpu: { freeCount: number }; stability: { reliability: number } }>;
      total: number;
    };
    expect(result.items.length).toBeGreaterThan(0);
    for (const m of result.items) expect(m.gpu.freeCount).toBeGreaterThanOrEqual(2);
    const rel = result.items.map((m) => m.stability.reliability);
    expect(rel).toEqual([...rel].sort((a, b) => b - a));
  });

  it('shows one machine by a unique id prefix', async () => {
    const id = freeMachine();
    const r = await dbc(['machines', 'show', id.slice(0, 10)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^ID\\s+${id}$`, 'm'));
    expect(r.stdout).toMatch(/^GPU\s+\d+ × /m);
  });

  it('fails with exit 1 and the SDK code for an id no machine has', async () => {
    const r = await dbc(['machines', 'show', 'ffffffff']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[INPUT_UNKNOWN_MACHINE\]: No machine id starts with "ffffffff"\.$/m);
  });
});

describe('dbc quote', () => {
  it('prints a breakdown with the markup and a total', async () => {
    const id = freeMachine();
    const r = await dbc(['quote', id, '--gpus', '1', '--hours', '2', '--markup', '10']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Markup 10%\s+\d/m);
    expect(r.stdout).toMatch(/^Total\s+[\d,.]+ DBC\s+\(\$/m);
    expect(r.stdout).toMatch(/^Duration\s+2 h \(1200 blocks\)/m);
  });

  it('prints planck amounts as strings with --json', async () => {
    const r = await dbc(['quote', freeMachine(), '--days', '30', '--term', 'monthly', '--json']);
    expect(r.code).toBe(0);
    const q = JSON.parse(r.stdout) as { term: string; total: { planck: string; dbc: string } };
    expect(q.term).toBe('monthly');
    expect(q.total.planck).toMatch(/^\d+$/);
  });

  it('fails with exit 1 and the SDK code when the term is longer than the rental', async () => {
    const r = await dbc(['quote', freeMachine(), '--hours', '2', '--term', 'monthly']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[INPUT_TERM_TOO_SHORT\]: A monthly rental lasts at least 30 days/m);
  });
});

describe('dbc rent, rentals and vm', () => {
  let machineId: string;
  let rentalId: string;

  beforeAll(() => {
    machineId = freeMachine(2);
  });

  it('refuses to rent without --yes when stdin is not a terminal, sending nothing', async () => {
    const r = await dbc(['rent', machineId]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('pass --yes to confirm');
    const list = JSON.parse((await dbc(['rentals', '--json'])).stdout) as unknown[];
    expect(list).toHaveLength(0);
  });

  it('rents with --yes, reporting each stage on stderr and the rental on stdout', async () => {
    const r = await dbc([
      'rent',
      machineId,
      '--gpus',
      '1',
      '--hours',
      '2',
      '--key',
      'order-1',
      '--yes',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const rental = JSON.parse(r.stdout) as {
      id: string;
      machineId: string;
      status: string;
      reservedPlanck: string;
    };
    expect(rental.machineId).toBe(machineId);
    expect(rental.status).toBe('renting');
    expect(typeof rental.reservedPlanck).toBe('string');
    rentalId = rental.id;
    const stages = r.stderr.trimEnd().split('\n');
    expect(stages[0]).toContain('Checking the machine');
    expect(stages).toContain(`Rental ${rentalId} confirmed`);
  });

  it('returns the first rental when the same --key is run again in a new process', async () => {
    const r = await dbc([
      'rent',
      machineId,
      '--gpus',
      '1',
      '--hours',
      '2',
      '--key',
      'order-1',
      '--yes',
      '--json',
    ]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { id: string }).id).toBe(rentalId);
    expect(r.stderr).not.toContain('Submitted');
  });

  it('lists the rental in a table', async () => {
    const r = await dbc(['rentals']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ID\s+MACHINE\s+GPUS\s+STATUS\s+MARKET\s+ENDS\s+LEFT$/m);
    expect(r.stdout).toMatch(
      new RegExp(`^${rentalId}\\s+${machineId.slice(0, 8)}…\\s+1\\s+renting\\s+rentMachine\\s`, 'm'),
    );
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(2);
  });

  it('extends the rental with --yes', async () => {
    const before = (JSON.parse((await dbc(['rentals', '--json'])).stdout) as Array<{ endBlock: number }>)[0]!
      .endBlock;
    const r = await dbc(['extend', rentalId, '--hours', '1', '--yes', '--json']);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { endBlock: number }).endBlock).toBe(before + 600);
    // With --key, the same command run twice extends once.
    const keyed = ['extend', rentalId, '--hours', '1', '--key', `cli-extend-${Date.now()}`, '--yes', '--json'];
    const [k1, k2] = [await dbc(keyed), await dbc(keyed)];
    expect([k1.code, k2.code]).toEqual([0, 0]);
    expect((JSON.parse(k1.stdout) as { endBlock: number }).endBlock).toBe(before + 1200);
    expect((JSON.parse(k2.stdout) as { endBlock: number }).endBlock).toBe(before + 1200);
  });

  it('fails with exit 1 and DbcError code when ending a RentMachine rental early', async () => {
    const r = await dbc(['end', rentalId, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[[A-Z_]+\]: /m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('creates a VM, reports its stages and prints the ssh command', async () => {
    const images = JSON.parse((await dbc(['vm', 'images', machineId, '--json'])).stdout) as Array<{
      name: string;
    }>;
    expect(images.length).toBeGreaterThan(0);
    const r = await dbc([
      'vm',
      'create',
      rentalId,
      '--image',
      images[0]!.name,
      '--ssh-port',
      '20022',
      '--cpu',
      '2',
      '--mem',
      '8',
      '--disk',
      '50',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Creating the VM…');
    expect(r.stderr).toContain('VM running');
    expect(r.stdout).toMatch(/^VM \S+ is running on \S+$/m);
    expect(r.stdout).toMatch(/^ssh -p 20022 \S+@\S+$/m);
  });

  it('lists, logs, stops and starts the VM', async () => {
    const vms = JSON.parse((await dbc(['vm', 'ls', rentalId, '--json'])).stdout) as Array<{
      taskId: string;
      status: string;
    }>;
    expect(vms).toHaveLength(1);
    const taskId = vms[0]!.taskId;
    expect((await dbc(['vm', 'ls', rentalId])).stdout).toMatch(new RegExp(`^${taskId}\\s+running`, 'm'));
    const logs = await dbc(['vm', 'logs', rentalId, taskId]);
    expect(logs.code).toBe(0);
    const stop = await dbc(['vm', 'stop', rentalId, taskId]);
    expect(stop).toMatchObject({ code: 0, stdout: `VM ${taskId} stopped.\n` });
    // The node powers the VM off asynchronously; starting it before then is refused.
    const statusOf = async () =>
      (JSON.parse((await dbc(['vm', 'ls', rentalId, '--json'])).stdout) as Array<{ status: string }>)[0]!
        .status;
    for (let i = 0; i < 50 && (await statusOf()) === 'running'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await statusOf()).not.toBe('running');
    const start = await dbc(['vm', 'start', rentalId, taskId, '--json']);
    expect(start.code).toBe(0);
    expect(JSON.parse(start.stdout)).toMatchObject({ taskId, action: 'start', ok: true });
  });
});

describe('dbc wallet', () => {
  it("shows the signer's balance", async () => {
    const r = await dbc(['balance']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Address\\s+${renterAddress}$`, 'm'));
    expect(r.stdout).toMatch(/^Transferable\s+[\d,]+(\.\d+)? DBC$/m);
  });

  it('shows any address without a secret, with planck as strings in --json', async () => {
    const r = await dbc(['balance', renterAddress, '--json'], {});
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout) as { address: string; free: { planck: string } };
    expect(b.address).toBe(renterAddress);
    expect(b.free.planck).toMatch(/^\d+$/);
  });

  it('transfers with the secret from --key-file and --yes', async () => {
    const r = await dbc(['transfer', renterAddress, '1.5', '--key-file', keyFile, '--yes', '--json'], {});
    expect(r.code).toBe(0);
    const receipt = JSON.parse(r.stdout) as { to: string; amount: { planck: string } };
    expect(receipt.to).toBe(renterAddress);
    expect(receipt.amount.planck).toBe(parseDbc('1.5').toString());
  });

  it('with --key, running the same transfer again sends nothing and prints the first receipt', async () => {
    const balance = async () =>
      BigInt((JSON.parse((await dbc(['balance', renterAddress, '--json'], {})).stdout) as { free: { planck: string } }).free.planck);
    const before = await balance();
    const args = ['transfer', renterAddress, '1.25', '--key-file', keyFile, '--key', `cli-transfer-${Date.now()}`, '--yes', '--json'];
    const first = await dbc(args, {});
    const again = await dbc(args, {});
    expect([first.code, again.code]).toEqual([0, 0]);
    const [a, b] = [first, again].map((r) => JSON.parse(r.stdout) as { txHash: string; blockNumber: number });
    expect(b).toEqual(a);
    expect((await balance()) - before).toBe(parseDbc('1.25'));
  });

  it('asks for confirmation on a terminal and transfers on "y"', async () => {
    const r = await dbc(['transfer', renterAddress, '2', '--key-file', keyFile, '--json'], {}, tty('y'));
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^Send 2 DBC to \S+ \(fee about [\d.,]+ DBC\)\? \[y\/N\] /m);
    expect((JSON.parse(r.stdout) as { amount: { planck: string } }).amount.planck).toBe(
      parseDbc('2').toString(),
    );
  });

  it('sends nothing when the answer at the terminal is not yes', async () => {
    const before = (
      JSON.parse((await dbc(['balance', renterAddress, '--json'], {})).stdout) as { free: { planck: string } }
    ).free.planck;
    const r = await dbc(['transfer', renterAddress, '3', '--key-file', keyFile], {}, tty('n'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Cancelled; nothing was sent.');
    const after = (
      JSON.parse((await dbc(['balance', renterAddress, '--json'], {})).stdout) as { free: { planck: string } }
    ).free.planck;
    expect(after).toBe(before);
  });

  it('fails with exit 1 and the SDK code when the balance does not cover a transfer', async () => {
    const r = await dbc(['transfer', renterAddress, '99999999', '--key-file', keyFile, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error \[[A-Z_]+\]: /m);
  });

  it('fails with exit 1 and an error code as JSON for a bad address', async () => {
    const r = await dbc(['transfer', 'not-an-address', '1', '--yes', '--json']);
    expect(r.code).toBe(1);
    const { error } = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    expect(error.code).toMatch(/^[A-Z_]+$/);
  });

  it('never echoes an invalid secret', async () => {
    const bad = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon zoo';
    const r = await dbc(['balance'], { DBC_SECRET: bad });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[INPUT_INVALID_SECRET]');
    expect(r.stdout + r.stderr).not.toContain('abandon');
  });
});

describe('dbc miner and validators', () => {
  it('prints the stake a machine must pledge', async () => {
    const r = await dbc(['miner', 'stake', '--gpus', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^At bonding\s+[\d,.]+ DBC$/m);
  });

  it("prints a bonded machine's stage", async () => {
    const id = net.genesis.machines.find((m) => m.status === 'online')!.machineId;
    const r = await dbc(['miner', 'status', id, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ machineId: id, stage: expect.any(String) });
  });

  it('lists the super nodes with commission, stake and APY', async () => {
    const r = await dbc(['validators']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^STASH\s+COMMISSION\s+STAKE\s+OWN\s+NOMINATORS\s+ELECTED\s+APY$/m);
    expect(r.stdout.trimEnd().split('\n').length).toBeGreaterThan(1);
  });
});

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'dbc.mjs');
const built = existsSync(join(dirname(BIN), '..', 'dist', 'cli', 'main.js'));

/** Runs the built bin in a child process (needs `npm run build`). */
function spawnDbc(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DBC_STATE_DIR: stateDir, ...env } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        for (const secret of SECRETS) expect(stdout + stderr).not.toContain(secret);
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe.skipIf(!built)('the dbc bin', () => {
  it('prints help and exits 0', async () => {
    const r = await spawnDbc(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: dbc <command> [options]');
  });

  it('exits 2 on bad usage', async () => {
    const r = await spawnDbc(['rent']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Missing <machineId>');
  });

  it('talks to the devnet, signs with DBC_SECRET and exits once done', async () => {
    const r = await spawnDbc(['balance', '--chain', net.chainUrl, '--json'], { DBC_SECRET: MNEMONIC });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { address: string }).address).toBe(renterAddress);
  });
});
