// <dbc-gpu-market> end to end on its error paths, against the devnet and the partner proxy that
// globalSetup started: the user declines the signature, cannot pay, or the machine's node refuses
// the VM. Each test checks what the user sees in the rent dialog, the `dbc-error` event the host
// gets, and whether money moved.
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { DbcClient } from '@dbc-cloud/sdk';
import type { DbcGpuMarket } from '../src/components/dbc-gpu-market/dbc-gpu-market.js';
import type { RentDialogVmOptions } from '../src/components/dbc-rent-dialog/dbc-rent-dialog.js';
import { installTestExtension, type TestExtension } from '../src/testing/test-extension.js';
import {
  connectAs,
  deepQuery,
  mountMarket,
  openFreeMachine,
  summaryTotal,
  waitFor,
} from './market-helpers.js';

let wallet: TestExtension | undefined;
/** Machines this file already opened: a later test must not pick one an earlier test rented. */
const used = new Set<string>();

afterEach(() => {
  wallet?.uninstall();
  wallet = undefined;
  document.body.replaceChildren();
});

type RentDialog = HTMLElement & { vmOptions?: RentDialogVmOptions };
type Recorded = { type: string; code?: string; message?: string; key?: string };

/** Every rent event the storefront lets out, in order, with the `dbc-error` details and order keys. */
function recordEvents(market: Element): Recorded[] {
  const events: Recorded[] = [];
  for (const type of ['dbc-rent-started', 'dbc-rent-confirmed', 'dbc-vm-ready', 'dbc-error'])
    market.addEventListener(type, (e) => {
      const detail = (
        e as CustomEvent<{ error?: { code: string; message: string }; idempotencyKey?: string }>
      ).detail;
      if (type === 'dbc-error' && detail?.error)
        events.push({ type, code: detail.error.code, message: detail.error.message });
      else if (type === 'dbc-rent-started') events.push({ type, key: detail?.idempotencyKey });
      else events.push({ type });
    });
  return events;
}

/**
 * Mounts the storefront, connects the test wallet as `account`, opens a machine nobody has rented
 * yet and opens the rent dialog, as a user would; returns the dialog and the machine's id.
 */
async function openRentDialog(
  account: string,
): Promise<{ market: DbcGpuMarket; dialog: RentDialog; machineId: string; events: Recorded[] }> {
  const market = await mountMarket();
  await summaryTotal(market);
  await connectAs(market, account);
  // "The first machine" is what gpu-market.e2e.test.ts rents, maybe at this very moment.
  const machineId = await openFreeMachine(market, { avoid: used, skipFirst: true });
  used.add(machineId);
  await waitFor(
    () => !market.shadowRoot!.querySelector<HTMLButtonElement>('[part="rent"]')?.disabled,
    'Rent to be enabled',
  );
  const events = recordEvents(market);
  await userEvent.click(market.shadowRoot!.querySelector<HTMLButtonElement>('[part="rent"]')!);
  const dialog = deepQuery<RentDialog>(market.shadowRoot!, 'dbc-rent-dialog')!;
  return { market, dialog, machineId, events };
}

async function pressStart(dialog: RentDialog): Promise<void> {
  await userEvent.click(
    await waitFor(
      () => dialog.shadowRoot!.querySelector<HTMLElement>('[part="start"]'),
      'the Rent and pay button',
    ),
  );
}

const steps = (dialog: RentDialog) =>
  [...dialog.shadowRoot!.querySelectorAll<HTMLElement>('[part="step"]')].map((s) => s.dataset.state);
const errorBox = (dialog: RentDialog) => dialog.shadowRoot!.querySelector<HTMLElement>('.error[data-kind]');

/** Waits for the dialog's error message, failing at once if the VM came up instead. */
function waitForError(dialog: RentDialog, timeoutMs = 20_000): Promise<HTMLElement> {
  return waitFor(
    () => {
      if (dialog.shadowRoot!.querySelector('[part="ssh"]'))
        throw new Error('the VM became ready instead of failing');
      return errorBox(dialog);
    },
    'the error message in the dialog',
    timeoutMs,
  );
}

/** The renter's balance and live rentals, read from the chain with the storefront's own client. */
async function chainState(
  market: DbcGpuMarket,
  address: string,
): Promise<{ total: bigint; rentals: string[] }> {
  const client = market.activeClient as DbcClient;
  const [balance, rentals] = await Promise.all([
    client.wallet.balance(address),
    client.rentals.list({ renter: address }),
  ]);
  return { total: balance.total.planck, rentals: rentals.map((r) => r.id) };
}

describe('<dbc-gpu-market> rent errors on the devnet', () => {
  it('says "You declined…" when the wallet refuses to sign, moves no money, and rents on Retry once the user signs', async () => {
    // Charlie: a funded dev account no other test signs with, so its balance is this test's alone.
    wallet = await installTestExtension({
      accounts: [{ seed: '//Charlie', name: 'Charlie' }],
      rejectSigning: true,
    });
    const { market, dialog, machineId, events } = await openRentDialog('Charlie');
    const before = await chainState(market, wallet.addresses[0]!);
    await pressStart(dialog);

    const error = await waitForError(dialog);
    expect(error.dataset.kind).toBe('declined');
    expect(error.textContent).toContain(
      'You declined the signature in your wallet, so nothing was rented or paid.',
    );
    // `dbc-rent-started` is documented to fire when the user confirms, before anything is signed
    // (src/events/rent-started.ts: "Nothing has been paid yet"); nothing is confirmed after it.
    expect(events.map((e) => e.type)).toEqual(['dbc-rent-started', 'dbc-error']);
    // The SDK's submit reports the extension's "Cancelled" as a signing abort.
    expect(events[1]!.code).toBe('ABORTED');
    expect(steps(dialog)[0]).toBe('failed');
    expect(wallet.signedPayloads).toEqual([]);
    expect(error.querySelector('.kept'), 'no rental to keep').toBeNull();
    const after = await chainState(market, wallet.addresses[0]!);
    expect(after).toEqual(before);
    const retry = dialog.shadowRoot!.querySelector<HTMLElement>('[part="retry"]');
    expect(retry, 'a Retry button').not.toBeNull();

    // The user changes their mind: Retry asks the wallet again and this time the rent goes through.
    wallet.setRejectSigning(false);
    await userEvent.click(retry!);
    await waitFor(
      () => {
        if (errorBox(dialog)) throw new Error(`the retry failed: ${errorBox(dialog)!.textContent}`);
        return steps(dialog)[1] === 'done';
      },
      'the rent transaction in a block',
      20_000,
    );
    expect(wallet.signedPayloads.length).toBeGreaterThanOrEqual(1);
    expect(wallet.signedPayloads[0]!.address).toBe(wallet.addresses[0]);
    // And on to the VM: the declined attempt left nothing behind that blocks the order.
    const ssh = await waitFor(
      () => {
        if (errorBox(dialog)) throw new Error(`the retry failed: ${errorBox(dialog)!.textContent}`);
        return dialog.shadowRoot!.querySelector('[part="ssh"]');
      },
      'the VM to be ready with its SSH command',
      20_000,
    );
    expect(ssh.textContent).toMatch(/^ssh -p \d+ \S+@\S+$/);
    expect(events.map((e) => e.type)).toEqual([
      'dbc-rent-started',
      'dbc-error',
      'dbc-rent-started',
      'dbc-rent-confirmed',
      'dbc-vm-ready',
    ]);
    // Retry is the same order: the same idempotency key.
    expect(events[0]!.key).toMatch(/^dbc-rent-/);
    expect(events[2]!.key).toBe(events[0]!.key);
    const rentals = await (market.activeClient as DbcClient).rentals.list({ renter: wallet.addresses[0]! });
    expect(rentals.map((r) => r.machineId)).toEqual([machineId]);
  });

  it('explains an empty account with the amounts and never signs or submits the rent', async () => {
    // Any fresh dev seed holds no DBC on the devnet.
    wallet = await installTestExtension({
      accounts: [{ seed: `//DbcCloudEmpty${Date.now()}`, name: 'Empty' }],
    });
    const { market, dialog, events } = await openRentDialog('Empty');
    const before = await chainState(market, wallet.addresses[0]!);
    expect(before.total, 'a fresh account holds nothing').toBe(0n);
    await pressStart(dialog);

    const error = await waitForError(dialog);
    expect(error.dataset.kind).toBe('insufficient');
    expect(events.map((e) => e.type)).toEqual(['dbc-rent-started', 'dbc-error']);
    expect(events[1]!.code).toBe('INPUT_INSUFFICIENT_BALANCE');
    // The dialog names both amounts: what the account has, and the SDK's "need" (rent, fixed fee and
    // both transaction fees), which the dialog rounds up to 4 decimals and the SDK's message rounds.
    const text = error.textContent!;
    const amounts =
      /Your account has ([\d,.]+) DBC available, but this rental needs ([\d,.]+) DBC including fees\./.exec(
        text,
      );
    expect(amounts, `the amounts in "${text}"`).not.toBeNull();
    expect(amounts![1]).toBe('0');
    // In ten-thousandths of a DBC, to compare without float noise.
    const shownNeed = Math.round(Number(amounts![2]!.replace(/,/g, '')) * 10_000);
    const sdk = /has 0 DBC available; this rental needs ([\d,.]+) DBC/.exec(events[1]!.message!);
    expect(sdk, `the amounts in the event's "${events[1]!.message}"`).not.toBeNull();
    const sdkNeed = Math.round(Number(sdk![1]!.replace(/,/g, '')) * 10_000);
    expect(sdkNeed).toBeGreaterThan(0);
    expect(Math.abs(shownNeed - sdkNeed)).toBeLessThanOrEqual(1);
    // Checked before signing: the wallet was never asked, so no transaction can have been sent.
    expect(wallet.signedPayloads).toEqual([]);
    expect(wallet.signedRaw).toEqual([]);
    expect(steps(dialog)[0]).toBe('failed');
    expect(steps(dialog).slice(1)).toEqual(['pending', 'pending', 'pending', 'pending']);
    expect(await chainState(market, wallet.addresses[0]!)).toEqual(before);
    expect(dialog.shadowRoot!.querySelector('[part="retry"]'), 'a Retry button').not.toBeNull();
  });

  it('reports the node refusing the VM after the rental is paid, keeps the rental, and Retry makes only the VM', async () => {
    // Dave: a funded dev account no other test signs with.
    wallet = await installTestExtension({ accounts: [{ seed: '//Dave', name: 'Dave' }] });
    const { market, dialog, machineId, events } = await openRentDialog('Dave');
    // The partner's VM options, set on the storefront, which hands them to its rent dialog. 16 TB:
    // the most the SDK lets through to a node (more is refused before any node call, as an input
    // error), and far more than any devnet machine has, so its client node refuses it.
    market.vmOptions = { memGb: 16_384 };
    await market.updateComplete;
    expect(dialog.vmOptions).toEqual({ memGb: 16_384 });
    await pressStart(dialog);

    const error = await waitForError(dialog, 25_000);
    expect(error.dataset.kind).toBe('node');
    const [problem, kept] = [...error.querySelectorAll('p')].map((p) => p.textContent ?? '');
    expect(problem).toMatch(/^The GPU machine's node reported a problem: .*allocate mem failed/);
    expect(kept).toMatch(
      /^Your rental \S+ is confirmed and paid; only the VM setup is left, and Retry continues from there\.$/,
    );
    expect(events.map((e) => e.type)).toEqual(['dbc-rent-started', 'dbc-rent-confirmed', 'dbc-error']);
    expect(events[2]!.code).toMatch(/^NODE_/);
    expect(events[2]!.message).toContain('allocate mem failed');
    // Rent, in block and confirmed are done; the VM step failed.
    expect(steps(dialog)).toEqual(['done', 'done', 'done', 'failed', 'pending']);
    const paid = wallet.signedPayloads.length;
    expect(paid, 'the rent (and its confirmation) were signed').toBeGreaterThanOrEqual(1);
    const rentals = await (market.activeClient as DbcClient).rentals.list({ renter: wallet.addresses[0]! });
    expect(rentals.map((r) => r.machineId)).toEqual([machineId]);
    expect(kept).toContain(rentals[0]!.id);

    // The host drops its bad option; Retry creates the VM on the rental already paid.
    market.vmOptions = undefined;
    await market.updateComplete;
    await userEvent.click(dialog.shadowRoot!.querySelector<HTMLElement>('[part="retry"]')!);
    const ssh = await waitFor(
      () => {
        const err = errorBox(dialog);
        if (err && events.filter((e) => e.type === 'dbc-error').length > 1)
          throw new Error(`the retry failed: ${err.textContent}`);
        return dialog.shadowRoot!.querySelector('[part="ssh"]');
      },
      'the VM to be ready with its SSH command',
      20_000,
    );
    expect(ssh.textContent).toMatch(/^ssh -p \d+ \S+@\S+$/);
    expect(steps(dialog)).toEqual(['done', 'done', 'done', 'done', 'done']);
    // Retry rented nothing again: no new transaction signed, no second rent event, one rental.
    expect(wallet.signedPayloads).toHaveLength(paid);
    expect(events.map((e) => e.type)).toEqual([
      'dbc-rent-started',
      'dbc-rent-confirmed',
      'dbc-error',
      'dbc-vm-ready',
    ]);
    const after = await (market.activeClient as DbcClient).rentals.list({ renter: wallet.addresses[0]! });
    expect(after.map((r) => r.id)).toEqual([rentals[0]!.id]);
  });
});
