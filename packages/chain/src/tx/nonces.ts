import type { DbcChain } from '../client/connect.js';

/**
 * Per-account nonces handed out locally, so sequential (and concurrent) sends from one account
 * get distinct, consecutive nonces even before the node has seen the previous transaction.
 */
const next = new WeakMap<DbcChain, Map<string, number>>();
const locks = new Map<string, Promise<unknown>>();

/** The next nonce to sign with for `address`, reserved for the caller. */
export async function nextNonce(chain: DbcChain, address: string): Promise<number> {
  const prev = locks.get(address) ?? Promise.resolve();
  const run = prev.then(async () => {
    const onChain = (await chain.api.rpc.system.accountNextIndex(address)).toNumber();
    let map = next.get(chain);
    if (!map) next.set(chain, (map = new Map()));
    const local = map.get(address) ?? 0;
    const nonce = Math.max(onChain, local);
    map.set(address, nonce + 1);
    return nonce;
  });
  locks.set(address, run.catch(() => undefined));
  return run;
}

/**
 * Gives a nonce back when its transaction never reached the node (signing refused, rejected), so
 * the next send does not leave a gap the chain would wait on forever.
 */
export function releaseNonce(chain: DbcChain, address: string, nonce: number): void {
  const map = next.get(chain);
  if (map?.get(address) === nonce + 1) map.set(address, nonce);
}
