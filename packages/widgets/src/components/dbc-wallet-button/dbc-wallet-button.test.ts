import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { stringToU8a, u8aWrapBytes } from '@polkadot/util';
import { signatureVerify } from '@polkadot/util-crypto';
import { installTestExtension, type TestExtension } from '../../testing/test-extension.js';
import type { WalletConnectedDetail } from '../../events/wallet-connected.js';
import { DbcWalletButton } from './dbc-wallet-button.js';
import './dbc-wallet-button.define.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

let wallet: TestExtension | undefined;

async function mount(props: Partial<DbcWalletButton> = {}): Promise<DbcWalletButton> {
  const el = document.createElement('dbc-wallet-button');
  Object.assign(el, { appName: 'Acme GPU Cloud', ...props });
  document.body.append(el);
  await el.updateComplete;
  return el;
}

const part = (el: DbcWalletButton, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);

async function waitFor<T>(fn: () => T | null | undefined, timeoutMs = 10_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = fn();
    if (value) return value;
    if (Date.now() - start > timeoutMs) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Clicks "Connect wallet" and waits for the account picker. */
async function openPicker(el: DbcWalletButton): Promise<HTMLElement> {
  await userEvent.click(part(el, 'button')!);
  return waitFor(() => part(el, 'accounts'));
}

afterEach(() => {
  wallet?.uninstall();
  wallet = undefined;
  document.body.replaceChildren();
});

describe('<dbc-wallet-button> with an injected wallet extension', () => {
  it('asks the extension under the app name and lists its accounts in a listbox', async () => {
    wallet = await installTestExtension();
    const el = await mount();
    expect(part(el, 'button')!.textContent!.trim()).toBe('Connect wallet');
    const list = await openPicker(el);
    expect(wallet.enabledBy).toContain('Acme GPU Cloud');
    expect(list.getAttribute('role')).toBe('listbox');
    const options = [...el.shadowRoot!.querySelectorAll('[part="account"]')];
    expect(options.map((o) => o.getAttribute('role'))).toEqual(['option', 'option']);
    expect(options[0]!.textContent).toContain('Alice');
    expect(options[0]!.textContent).toContain('5Grw…utQY');
    expect(options[1]!.textContent).toContain('Bob');
  });

  it('lets the user pick an account with the keyboard and emits dbc-wallet-connected { address, name, source }', async () => {
    wallet = await installTestExtension();
    const el = await mount();
    const list = await openPicker(el);
    expect(el.shadowRoot!.activeElement).toBe(list);
    const connected = new Promise<WalletConnectedDetail>((resolve) =>
      document.addEventListener('dbc-wallet-connected', (e) => resolve(e.detail), { once: true }),
    );
    await userEvent.keyboard('{ArrowDown}');
    expect(list.getAttribute('aria-activedescendant')).toBe('account-1');
    expect(el.shadowRoot!.querySelector('#account-1')!.getAttribute('aria-selected')).toBe('true');
    await userEvent.keyboard('{ArrowUp}{End}{Enter}');
    expect(await connected).toEqual({ address: BOB, name: 'Bob', source: 'dbc-test' });
    await el.updateComplete;
    const button = part(el, 'button')!;
    expect(button.textContent).toContain('Bob');
    expect(button.textContent).toContain('5FHn…94ty');
    expect(el.signer?.address).toBe(BOB);
    expect(el.signer?.source).toBe('extension');
  });

  it('connects the clicked account, whose signer signs through the extension (wrapped in <Bytes>)', async () => {
    wallet = await installTestExtension();
    const el = await mount();
    await openPicker(el);
    await userEvent.click(el.shadowRoot!.querySelector('#account-0')!);
    await waitFor(() => el.signer);
    expect(part(el, 'button')!.textContent).toContain('5Grw…utQY');
    const signature = await el.signer!.signMessage('nonce-123');
    expect(wallet.signedRaw).toHaveLength(1);
    expect(signatureVerify(u8aWrapBytes(stringToU8a('nonce-123')), signature, ALICE).isValid).toBe(true);
  });

  it('turns a signature the user rejects into a typed WALLET_SIGNATURE_REJECTED DbcError', async () => {
    wallet = await installTestExtension({ rejectSigning: true });
    const el = await mount();
    await openPicker(el);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => el.signer);
    const { DbcError } = await import('@dbc-cloud/chain');
    const error = await el.signer!.signMessage('nonce-123').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DbcError);
    expect(error).toMatchObject({
      code: 'WALLET_SIGNATURE_REJECTED',
      details: { address: ALICE, source: 'dbc-test' },
    });
    expect((error as Error & { cause: Error }).cause.message).toBe('Cancelled');
    expect(wallet.signedRaw).toHaveLength(0);
  });

  it('closes the picker on Escape without connecting', async () => {
    wallet = await installTestExtension();
    const el = await mount();
    await openPicker(el);
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(part(el, 'accounts')).toBeNull();
    expect(part(el, 'button')!.textContent!.trim()).toBe('Connect wallet');
    expect(el.signer).toBeUndefined();
  });

  it('can disconnect after connecting', async () => {
    wallet = await installTestExtension();
    const el = await mount();
    await openPicker(el);
    await userEvent.keyboard('{Enter}');
    await waitFor(() => el.signer);
    await el.updateComplete;
    await userEvent.click(part(el, 'disconnect')!);
    expect(el.signer).toBeUndefined();
    expect(part(el, 'button')!.textContent!.trim()).toBe('Connect wallet');
  });
});

describe('<dbc-wallet-button> without a wallet extension', () => {
  it('says no extension was found, links to wallets to install, and emits dbc-error WALLET_NOT_AVAILABLE', async () => {
    const el = await mount();
    const failed = new Promise<{ code: string; message: string }>((resolve) =>
      el.addEventListener('dbc-error', (e) => resolve(e.detail.error), { once: true }),
    );
    await userEvent.click(part(el, 'button')!);
    expect((await failed).code).toBe('WALLET_NOT_AVAILABLE');
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('No Polkadot wallet extension was found');
    const links = [...alert.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      'https://polkadot.js.org/extension/',
      'https://talisman.xyz/',
      'https://www.subwallet.app/',
    ]);
    expect(el.signer).toBeUndefined();

    wallet = await installTestExtension();
    await userEvent.click(part(el, 'button')!);
    await waitFor(() => part(el, 'accounts'));
  });

  it('puts focus on Try again when a keyboard user finds no extension, not on <body>', async () => {
    const el = await mount();
    part(el, 'button')!.focus();
    await userEvent.keyboard('{Enter}');
    const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'));
    await el.updateComplete;
    const tryAgain = part(el, 'button')!;
    expect(tryAgain.textContent!.trim()).toBe('Try again');
    expect(alert.contains(tryAgain)).toBe(true);
    expect(el.shadowRoot!.activeElement).toBe(tryAgain);
  });

  it('leaves focus where it is when it is elsewhere on the page as the failure shows', async () => {
    const el = await mount();
    const other = document.createElement('button');
    other.textContent = 'Elsewhere';
    document.body.append(other);
    const failed = new Promise((resolve) => el.addEventListener('dbc-error', resolve, { once: true }));
    // Focus is on the other button throughout: the connect is started without moving it.
    other.focus();
    part(el, 'button')!.click();
    await failed;
    await el.updateComplete;
    expect(document.activeElement).toBe(other);
  });

  it('says so in Chinese when locale="zh"', async () => {
    const el = await mount({ locale: 'zh' });
    expect(part(el, 'button')!.textContent!.trim()).toBe('连接钱包');
    await userEvent.click(part(el, 'button')!);
    const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('未找到 Polkadot 钱包扩展');
  });

  it('tells the user to add an account when the wallet has none', async () => {
    wallet = await installTestExtension({ accounts: [] });
    const el = await mount();
    await userEvent.click(part(el, 'button')!);
    const alert = await waitFor(() => el.shadowRoot!.querySelector('[role="alert"]'));
    expect(alert.textContent).toContain('no accounts');
  });

  it('registers nothing when only the class is imported, and defining twice is safe', async () => {
    const { defineWalletButton } = await import('./dbc-wallet-button.define.js');
    expect(() => defineWalletButton()).not.toThrow();
    expect(DbcWalletButton.name).toBe('DbcWalletButton');
  });
});
