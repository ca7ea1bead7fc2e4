import { expect } from 'vitest';
import { startDevnet, type Devnet, type DevnetOptions } from '../../../devnet/src/index.js';
import {
  connect,
  DbcChainError,
  keyringSigner,
  parseDbc,
  submit,
  submitAndCheck,
  transferKeepAliveTx,
  type DbcChain,
  type DbcSigner,
  type Tx,
  type TxResult,
} from '../../src/index.js';

/** A devnet in instant-block mode and a DbcChain connected to it. */
export interface TestChain {
  net: Devnet;
  chain: DbcChain;
  alice: DbcSigner;
  /** A keyring signer for a `//uri`, derived once per test file. */
  signer(uri: string): Promise<DbcSigner>;
  /** A devnet admin JSON-RPC call over HTTP, so it never counts in `chain.stats.requests`. */
  admin<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** Produces n empty blocks; returns the new best number. */
  newBlocks(n: number): Promise<number>;
  /** Dispatches a call as Root (camelCase argument names). */
  rootCall(pallet: string, call: string, args: Record<string, unknown>): Promise<void>;
  /** //Alice sends `dbc` DBC to `address`. */
  fund(address: string, dbc: string | number): Promise<void>;
  close(): Promise<void>;
}

export async function startTestChain(opts: DevnetOptions = {}): Promise<TestChain> {
  const net = await startDevnet({ blockTime: 'instant', machines: 40, noClientNodes: true, ...opts });
  const chain = await connect({ endpoints: net.chainUrl });
  const signers = new Map<string, Promise<DbcSigner>>();
  const signer = (uri: string) => {
    let s = signers.get(uri);
    if (!s) signers.set(uri, (s = keyringSigner(uri)));
    return s;
  };
  const alice = await signer('//Alice');
  let id = 0;
  const admin = async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const res = await fetch(net.chainHttpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    });
    const body = (await res.json()) as { result?: T; error?: { message: string } };
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result as T;
  };
  return {
    net,
    chain,
    alice,
    signer,
    admin,
    newBlocks: async (n) => (await admin<{ number: number }>('devnet_newBlocks', [n])).number,
    rootCall: async (pallet, call, args) => {
      await admin('devnet_rootCall', [pallet, call, args]);
    },
    fund: async (address, dbc) => {
      await submitAndCheck(chain, transferKeepAliveTx(chain, { to: address, amountPlanck: parseDbc(String(dbc)) }), alice);
    },
    close: async () => {
      await chain.disconnect();
      await net.stop();
    },
  };
}

/**
 * Submits a transaction built twice by `build`: `submit` must return it failed with `name`
 * decoded, and `submitAndCheck` must throw the matching DbcChainError.
 */
export async function expectDispatchError(chain: DbcChain, build: () => Tx, signer: DbcSigner, name: string): Promise<TxResult> {
  const result = await submit(chain, build(), signer);
  expect(result.ok).toBe(false);
  expect(result.error?.name).toBe(name);
  const [pallet, error] = name.split('.');
  // Module errors carry pallet and error; other kinds (Token.FundsUnavailable) only the full name.
  const isModule = /^[a-z]/.test(pallet!);
  const thrown = await submitAndCheck(chain, build(), signer).then(
    () => null,
    (e: unknown) => e,
  );
  expect(thrown).toBeInstanceOf(DbcChainError);
  expect(thrown).toMatchObject(isModule ? { pallet, error, code: 'DISPATCH_ERROR' } : { error: name, code: 'DISPATCH_ERROR' });
  expect((thrown as DbcChainError).shortMessage).toContain(name);
  return result;
}

/** Runs `fn` and asserts it sent no request on `chain` (input refused before anything was sent). */
export async function expectRejectedBeforeSending(chain: DbcChain, fn: () => unknown, code: string | RegExp): Promise<void> {
  const before = chain.stats.requests;
  let thrown: unknown = null;
  try {
    await fn();
  } catch (e) {
    thrown = e;
  }
  expect(thrown, 'expected a DbcInputError').toMatchObject({ name: 'DbcInputError' });
  expect((thrown as { code: string }).code).toMatch(typeof code === 'string' ? new RegExp(`^${code}$`) : code);
  expect(chain.stats.requests).toBe(before);
}

/** Event data of the first `section.method` event of a result. */
export function eventData(result: TxResult, name: string): unknown[] {
  const [section, method] = name.split('.');
  const e = result.events.find((x) => x.event.section === section && x.event.method === method);
  expect(e, `${name} event`).toBeDefined();
  return [...e!.event.data];
}
