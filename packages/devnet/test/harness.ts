import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { EventRecord, DispatchError } from '@polkadot/types/interfaces';
import { startDevnet, type Devnet, type DevnetOptions } from '../src/devnet.js';

export interface TestNet {
  net: Devnet;
  api: ApiPromise;
  keyring: Keyring;
  alice: KeyringPair;
  bob: KeyringPair;
  pair(uri: string): KeyringPair;
  /** Signs, sends and waits for inclusion; returns the extrinsic's events and decoded dispatch error. */
  send(tx: SubmittableExtrinsic<'promise'>, signer: KeyringPair): Promise<SendResult>;
  /** Produces n empty blocks at once (devnet_newBlocks). */
  newBlocks(n: number): Promise<number>;
  /** Dispatches a call with Root origin (the devnet's admin path; mainnet uses governance). */
  root(pallet: string, call: string, args: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export interface SendResult {
  blockHash: string;
  events: EventRecord[];
  /** `Pallet.Error` for module errors, else the DispatchError kind; null on success. */
  error: string | null;
  fee: bigint;
}

export function describeError(api: ApiPromise, e: DispatchError): string {
  if (e.isModule) {
    const m = api.registry.findMetaError(e.asModule);
    return `${m.section}.${m.name}`;
  }
  if (e.isToken) return `Token.${e.asToken.type}`;
  if (e.isArithmetic) return `Arithmetic.${e.asArithmetic.type}`;
  return e.type;
}

/** A devnet in instant-block mode plus a connected ApiPromise, for tests. */
export async function startTestNet(opts: DevnetOptions = {}): Promise<TestNet> {
  const net = await startDevnet({ blockTime: 'instant', machines: 40, ...opts });
  const api = await ApiPromise.create({ provider: new WsProvider(net.chainUrl), noInitWarn: true });
  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const pair = (uri: string) => keyring.addFromUri(uri);
  const provider = api as unknown as { _rpcCore: { provider: WsProvider } };
  const rpc = (method: string, params: unknown[]) => provider._rpcCore.provider.send(method, params);
  return {
    net,
    api,
    keyring,
    alice: pair('//Alice'),
    bob: pair('//Bob'),
    pair,
    send: (tx, signer) =>
      new Promise<SendResult>((resolve, reject) => {
        tx.signAndSend(signer, (result) => {
          // polkadot.js switchMaps statuses: when Finalized follows InBlock before the InBlock events
          // are fetched, the InBlock result is never delivered, so either one completes the send.
          if (result.status.isInBlock || result.status.isFinalized) {
            const fee = result.events.find((e) => e.event.section === 'transactionPayment' && e.event.method === 'TransactionFeePaid');
            resolve({
              blockHash: (result.status.isInBlock ? result.status.asInBlock : result.status.asFinalized).toHex(),
              events: result.events,
              error: result.dispatchError ? describeError(api, result.dispatchError) : null,
              fee: fee ? BigInt(fee.event.data[1]!.toString()) : 0n,
            });
          } else if (result.isError) reject(new Error(`transaction ${result.status.type}`));
        }).catch(reject);
      }),
    newBlocks: async (n) => ((await rpc('devnet_newBlocks', [n])) as { number: number }).number,
    root: async (pallet, call, args) => {
      await rpc('devnet_rootCall', [pallet, call, args]);
    },
    close: async () => {
      await api.disconnect();
      await net.stop();
    },
  };
}

/** Finds an event by `section.method` in a result. */
export function findEvent(events: EventRecord[], name: string) {
  return events.find((e) => `${e.event.section}.${e.event.method}` === name);
}
