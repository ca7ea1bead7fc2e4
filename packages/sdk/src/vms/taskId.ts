/**
 * Deterministic VM task ids: `R<rentId>x<hash>`, 22 letters and digits, the node's limit. The same
 * rental and caller key always give the same id, so a retried create finds the VM the first one
 * made instead of making a second; the rent id inside lets later calls find the rental from the
 * task id alone.
 */
const LENGTH = 22;

/** 53-bit string hash (cyrb53): enough to tell keys apart, not a security measure. */
function hash53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The task id of the VM `key` names under rental `rentId`. */
export function vmTaskId(rentId: number, key: string): string {
  const head = `R${rentId}x`;
  const text = `${rentId}/${key}`;
  const tail = hash53(text, 1).toString(36) + hash53(text, 2).toString(36) + hash53(text, 3).toString(36);
  return (head + tail).slice(0, LENGTH).padEnd(LENGTH, '0');
}

/** The rent id inside a task id made by {@link vmTaskId}, or null for other ids. */
export function rentIdOfTaskId(taskId: string): number | null {
  const m = /^R(\d{1,15})x[a-z0-9]+$/.exec(taskId);
  return m && taskId.length >= 20 && taskId.length <= 22 ? Number(m[1]) : null;
}
