import { randomInt, randomUUID } from 'node:crypto';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { base58Encode, sha256AsU8a } from '@polkadot/util-crypto';

// util::create_task_id / create_session_id wrap a random string in Bitcoin-style
// Base58Check, so ids generated here look like the real node's.
function base58Check(text: string): string {
  const payload = stringToU8a(text);
  const checksum = sha256AsU8a(sha256AsU8a(payload)).subarray(0, 4);
  return base58Encode(u8aConcat(payload, checksum));
}

/** A task id shaped like the node's: Base58Check of a random number and a microsecond count. */
export function createTaskId(): string {
  return base58Check(`${randomInt(1_000_000)}${randomInt(1_000_000)}`);
}

/** A session id shaped like the node's: Base58Check of a lowercase UUID. */
export function createSessionId(): string {
  return base58Check(randomUUID());
}

const PASSWORD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/+[]@#^';
const LETTERS = 52;

/** TaskManager's genpwd(): a letter, then 15 characters that may include `_/+[]@#^`. */
export function generatePassword(): string {
  let password = PASSWORD_ALPHABET[randomInt(LETTERS)];
  for (let i = 0; i < 15; i++) password += PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)];
  return password;
}

/** A libvirt-style MAC address for the VM's interface. */
export function createMacAddress(): string {
  const octets = Array.from({ length: 3 }, () => randomInt(256).toString(16).padStart(2, '0'));
  return `52:54:00:${octets.join(':')}`;
}
