/**
 * A wallet extension for tests, injected where real ones inject themselves
 * (`window.injectedWeb3[name]`), so widget tests go through `@polkadot/extension-dapp` exactly as
 * in production. The keys live only here, in test code: widgets never see them.
 *
 * @example
 * ```ts
 * const wallet = await installTestExtension({ rejectSigning: true });
 * // … click <dbc-wallet-button>, pick Alice, expect signer.signMessage to reject …
 * wallet.uninstall();
 * ```
 *
 * @module
 */
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SignerPayloadJSON, SignerPayloadRaw, SignerResult } from '@polkadot/types/types';
import { hexToU8a, u8aToHex, u8aWrapBytes } from '@polkadot/util';

/** An account of the test wallet: a dev seed (`//Alice`) and the name the wallet shows. */
export interface TestExtensionAccount {
  seed: string;
  name: string;
}

/** Options of {@link installTestExtension}. */
export interface TestExtensionOptions {
  /** The extension's key in `window.injectedWeb3`, which becomes each account's `source` (default `dbc-test`). */
  name?: string;
  /** Accounts to offer (default Alice and Bob). */
  accounts?: TestExtensionAccount[];
  /** Refuse every signature as a user pressing "Cancel" would (default false). */
  rejectSigning?: boolean;
  /** Refuse access to the site in `enable`, as when the user denies the app (default false). */
  rejectEnable?: boolean;
}

/** An installed test wallet. */
export interface TestExtension {
  /** The key in `window.injectedWeb3` and the accounts' `source`. */
  readonly name: string;
  /** SS58 addresses (prefix 42) of the accounts, in order. */
  readonly addresses: string[];
  /** The app names that asked for access. */
  readonly enabledBy: string[];
  /** Every raw payload the wallet signed. */
  readonly signedRaw: SignerPayloadRaw[];
  /**
   * Every transaction payload the wallet signed (`signPayload`), in order: empty means no
   * transaction of these accounts was ever signed, so none can have been submitted.
   */
  readonly signedPayloads: SignerPayloadJSON[];
  /** Switches the "user cancels every signature" behaviour. */
  setRejectSigning(reject: boolean): void;
  /** Removes the extension from `window.injectedWeb3`. */
  uninstall(): void;
}

interface InjectedWindow {
  injectedWeb3?: Record<string, unknown>;
}

/** What the polkadot{.js} extension throws when the user cancels a signing request. */
const CANCELLED = 'Cancelled';

/** Injects a test wallet extension on `window.injectedWeb3`; install it before the user clicks "Connect". */
export async function installTestExtension(options: TestExtensionOptions = {}): Promise<TestExtension> {
  // No cryptoWaitReady(): sr25519 and key derivation have pure-JS paths, and a page with a strict CSP
  // refuses the WebAssembly it would compile (logging a FATAL console error).
  const name = options.name ?? 'dbc-test';
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const specs = options.accounts ?? [
    { seed: '//Alice', name: 'Alice' },
    { seed: '//Bob', name: 'Bob' },
  ];
  const pairs = specs.map((a) => ({ pair: keyring.addFromUri(a.seed, { name: a.name }), name: a.name }));
  let rejectSigning = options.rejectSigning ?? false;
  let nextId = 0;
  const signedRaw: SignerPayloadRaw[] = [];
  const signedPayloads: SignerPayloadJSON[] = [];
  const enabledBy: string[] = [];

  const pairOf = (address: string): KeyringPair => {
    const found = pairs.find((p) => p.pair.address === keyring.encodeAddress(keyring.decodeAddress(address)));
    if (!found) throw new Error(`Unable to find a keypair for ${address}`);
    return found.pair;
  };
  const accounts = () =>
    pairs.map(({ pair, name: n }) => ({ address: pair.address, name: n, type: 'sr25519' as const }));

  const injected = {
    version: '0.0.0-test',
    async enable(appName: string) {
      enabledBy.push(appName);
      if (options.rejectEnable) throw new Error(`${appName} is not allowed to interact with this extension`);
      return {
        accounts: {
          get: async () => accounts(),
          subscribe: (cb: (list: ReturnType<typeof accounts>) => void) => {
            cb(accounts());
            return () => undefined;
          },
        },
        signer: {
          async signRaw(raw: SignerPayloadRaw): Promise<SignerResult> {
            if (rejectSigning) throw new Error(CANCELLED);
            signedRaw.push(raw);
            // Real extensions sign `<Bytes>…</Bytes>`, so a message signature can never pass for a transaction's.
            const signature = u8aToHex(pairOf(raw.address).sign(u8aWrapBytes(hexToU8a(raw.data))));
            return { id: ++nextId, signature };
          },
          async signPayload(payload: SignerPayloadJSON): Promise<SignerResult> {
            if (rejectSigning) throw new Error(CANCELLED);
            // Loaded on first use so tests that only sign messages do not pay for the type registry.
            const { TypeRegistry } = await import('@polkadot/types');
            const registry = new TypeRegistry();
            registry.setSignedExtensions(payload.signedExtensions);
            const { signature } = registry
              .createType('ExtrinsicPayload', payload, { version: payload.version })
              .sign(pairOf(payload.address));
            signedPayloads.push(payload);
            return { id: ++nextId, signature };
          },
        },
      };
    },
  };

  const win = window as unknown as InjectedWindow;
  win.injectedWeb3 ??= {};
  win.injectedWeb3[name] = injected;

  return {
    name,
    addresses: pairs.map((p) => p.pair.address),
    enabledBy,
    signedRaw,
    signedPayloads,
    setRejectSigning: (reject) => {
      rejectSigning = reject;
    },
    uninstall: () => {
      delete win.injectedWeb3?.[name];
    },
  };
}
