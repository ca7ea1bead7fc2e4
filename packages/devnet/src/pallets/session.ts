import { Keyring } from '@polkadot/keyring';
import { compactFromU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import type { GenesisContext, PalletLogic, Runtime, StorageItem } from '../chain/runtime.js';
import {
  changeConsumers,
  endSession,
  newSession,
  POINTS_PER_BLOCK,
  put,
  rewardByIds,
  SESSION_LENGTH,
  startSession,
  stashOf,
} from './staking.js';

/*
 * pallet_session (polkadot-v0.9.43) with DBC's SessionKeys { grandpa, babe, im_online,
 * authority_discovery } and Staking as the SessionManager, plus the one thing pallet_authorship
 * (index 5, before Session) does that the devnet needs: crediting the block author with staking
 * points. Babe ends a session every 2,400 slots; the devnet's blocks fill every slot, so a session
 * rotates in on_initialize of every block whose number is a multiple of 2,400.
 */

type SessionKeys = Record<(typeof KEY_FIELDS)[number], string>;

/** SessionKeys fields in declaration order with their KeyTypeIds. */
const KEY_FIELDS = ['grandpa', 'babe', 'imOnline', 'authorityDiscovery'] as const;
const KEY_TYPE_IDS: Record<(typeof KEY_FIELDS)[number], string> = {
  grandpa: u8aToHex(new TextEncoder().encode('gran')),
  babe: u8aToHex(new TextEncoder().encode('babe')),
  imOnline: u8aToHex(new TextEncoder().encode('imon')),
  authorityDiscovery: u8aToHex(new TextEncoder().encode('audi')),
};

const item = <V>(rt: Runtime, name: string): StorageItem<V> => rt.storage<V>('Session', name);
const fail = (rt: Runtime, error: string) => rt.error('Session', error);

let authorsMemo: { raw: string | null; keys: string[] } = { raw: null, keys: [] };

/** Session.Validators as 64-hex public keys, parsed from the raw Vec<AccountId32> (read every block). */
function authorKeys(rt: Runtime): string[] {
  const raw = rt.state.get(item(rt, 'Validators').key());
  if (raw !== authorsMemo.raw) {
    const keys: string[] = [];
    if (raw) {
      const [offset, length] = compactFromU8a(hexToU8a(`0x${raw.slice(0, 10)}`));
      for (let i = 0; i < length.toNumber(); i++)
        keys.push(raw.slice(2 * offset + 64 * i, 2 * offset + 64 * (i + 1)));
    }
    authorsMemo = { raw, keys };
  }
  return authorsMemo.keys;
}

/** rotate_session: ends the current session, starts the queued one and queues the next. */
function rotateSession(rt: Runtime): void {
  const index = item<number>(rt, 'CurrentIndex').get()!;
  const changed = item<boolean>(rt, 'QueuedChanged').get()!;
  endSession(rt, index);
  const sessionKeys = item<Array<[string, SessionKeys]>>(rt, 'QueuedKeys').get()!;
  put(
    rt,
    item(rt, 'Validators'),
    sessionKeys.map(([v]) => v),
  );
  if (changed) item(rt, 'DisabledValidators').remove();
  const next = index + 1;
  put(rt, item(rt, 'CurrentIndex'), next);
  startSession(rt, next);

  // A new validator set from Staking counts as changed even when it has the same members.
  const planned = newSession(rt, next + 1);
  let nextChanged = planned !== null;
  const nextValidators = planned ?? item<string[]>(rt, 'Validators').get()!;
  const queued: Array<[string, SessionKeys]> = [];
  for (const v of nextValidators) {
    // Validators without session keys are left out of the set.
    const keys = item<SessionKeys>(rt, 'NextKeys').get(v);
    if (!keys) continue;
    const old = sessionKeys[queued.length]?.[1];
    if (!nextChanged && old && KEY_FIELDS.some((f) => old[f] !== keys[f])) nextChanged = true;
    queued.push([v, keys]);
  }
  put(rt, item(rt, 'QueuedKeys'), queued);
  put(rt, item(rt, 'QueuedChanged'), nextChanged);
  rt.deposit('Session', 'NewSession', [next]);
}

/** inner_set_keys: records the new keys and their owner, releasing replaced ones. */
function innerSetKeys(rt: Runtime, who: string, keys: SessionKeys): SessionKeys | null {
  const owners = item<string>(rt, 'KeyOwner');
  const old = item<SessionKeys>(rt, 'NextKeys').get(who);
  for (const f of KEY_FIELDS) {
    const owner = owners.get([KEY_TYPE_IDS[f], keys[f]]);
    if (owner !== null && owner !== who) throw fail(rt, 'DuplicatedKey');
  }
  for (const f of KEY_FIELDS) {
    if (old) {
      if (old[f] === keys[f]) continue;
      owners.remove([KEY_TYPE_IDS[f], old[f]]);
    }
    put(rt, owners, [KEY_TYPE_IDS[f], keys[f]], who);
  }
  put(rt, item(rt, 'NextKeys'), who, keys);
  return old;
}

/** The dev chain's session keys of `//Name`: ed25519 for GRANDPA, sr25519 for the others. */
function devKeys(name: string): SessionKeys {
  const ed = new Keyring({ type: 'ed25519' }).addFromUri(`//${name}`);
  const sr = u8aToHex(new Keyring({ type: 'sr25519' }).addFromUri(`//${name}`).publicKey);
  return { grandpa: u8aToHex(ed.publicKey), babe: sr, imOnline: sr, authorityDiscovery: sr };
}

/** The session of `genesisNumber` with //Alice and //Bob (Staking's genesis validators) keyed and in the set. */
function genesis(rt: Runtime, ctx: GenesisContext): void {
  const validators = ['Alice', 'Bob'].map((name) => ({
    name,
    who: ctx.accounts.find((a) => a.name === name)!.address,
  }));
  const queued: Array<[string, SessionKeys]> = [];
  for (const { name, who } of validators) {
    const keys = devKeys(name);
    innerSetKeys(rt, who, keys);
    // pallet_session's genesis build takes a consumer reference for each keyed account.
    changeConsumers(rt, who, 1);
    queued.push([who, keys]);
  }
  put(
    rt,
    item(rt, 'Validators'),
    validators.map((v) => v.who),
  );
  put(rt, item(rt, 'QueuedKeys'), queued);
  put(rt, item(rt, 'QueuedChanged'), false);
  put(rt, item(rt, 'CurrentIndex'), Math.floor(ctx.genesisNumber / SESSION_LENGTH));
}

/** pallet_session (index 10). */
export const sessionLogic: PalletLogic = {
  name: 'Session',
  calls: {
    set_keys: (ctx, args) => {
      const { rt } = ctx;
      const who = ctx.who;
      // ownership_proof_is_valid is always true for impl_opaque_keys! keys, so `proof` is unchecked.
      if (stashOf(rt, who) === null) throw fail(rt, 'NoAssociatedValidatorId');
      if (rt.account(who).providers === 0) throw fail(rt, 'NoAccount');
      const old = innerSetKeys(rt, who, args.keys as unknown as SessionKeys);
      if (!old) changeConsumers(rt, who, 1);
    },
    purge_keys: (ctx) => {
      const { rt } = ctx;
      const who = ctx.who;
      // ValidatorId = AccountId, so an unbonded account converts to itself and never fails here.
      const old = item<SessionKeys>(rt, 'NextKeys').get(who);
      if (!old) throw fail(rt, 'NoKeys');
      item(rt, 'NextKeys').remove(who);
      for (const f of KEY_FIELDS) item(rt, 'KeyOwner').remove([KEY_TYPE_IDS[f], old[f]]);
      changeConsumers(rt, who, -1);
    },
  },
  onInitialize(rt, block) {
    // pallet_authorship runs first: the author of this block, from the current session's set.
    const authors = authorKeys(rt);
    if (authors.length > 0) rewardByIds(rt, [[authors[block % authors.length]!, POINTS_PER_BLOCK]]);
    if (block % SESSION_LENGTH === 0) rotateSession(rt);
  },
  genesis,
};
