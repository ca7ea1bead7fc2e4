import { expect } from 'vitest';
import { getBalance, type DbcChain, type DbcSigner } from '@dbc-cloud/chain';
import { createContext, type ClientContext } from '../../src/client/context.js';
import { createWalletResource } from '../../src/wallet/index.js';

/** A devnet admin JSON-RPC call over HTTP (devnet_newBlocks, devnet_verifyMachine, devnet_rootCall, …). */
export async function adminRpc<T = unknown>(
  net: { chainHttpUrl: string },
  method: string,
  params: unknown[] = [],
): Promise<T> {
  const res = await fetch(net.chainHttpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** Sends `dbc` DBC from `from` to `address` through the SDK's wallet; the context joins `contexts` for cleanup. */
export async function fundWith(
  net: { chainUrl: string },
  from: DbcSigner,
  contexts: ClientContext[],
  address: string,
  dbc: string,
): Promise<void> {
  const ctx = createContext({ network: { chain: net.chainUrl }, signer: from });
  contexts.push(ctx);
  await createWalletResource(ctx).transfer({ to: address, amountDbc: dbc });
}

/** Expects a DbcInputError with `code` and checks that `signer` sent nothing (nonce unchanged). */
export async function expectRefusedBy(
  observer: DbcChain,
  signer: DbcSigner,
  fn: () => Promise<unknown>,
  code: string,
): Promise<Error> {
  const before = (await getBalance(observer, { address: signer.address })).nonce;
  const error = await fn().then(
    () => null,
    (e: unknown) => e as Error,
  );
  expect(error, `expected ${code}`).toMatchObject({ name: 'DbcInputError', code });
  expect((await getBalance(observer, { address: signer.address })).nonce).toBe(before);
  return error!;
}
