import { DbcInputError } from '../errors/families.js';

// No @polkadot import here: browsing code (the SDK's light read path) validates machine ids without
// loading util-crypto's WASM start-up; SS58 checks live in address.ts.

/** DBC's SS58 prefix (the generic Substrate one). */
export const DBC_SS58_PREFIX = 42;

const MACHINE_ID = /^[0-9a-f]{64}$/;

/** True for a DBC machine id: 64 lowercase hex characters (the ASCII hex of the machine's public key). */
export function isMachineId(value: unknown): value is string {
  return typeof value === 'string' && MACHINE_ID.test(value);
}

/**
 * Validates and normalizes a machine id: strips a `0x`, lowercases, then requires 64 hex chars.
 * On chain the id is the ASCII text itself, so `0x…` passed to polkadot.js would be read as raw
 * bytes and find nothing; normalizing here prevents that silent miss.
 */
export function toMachineId(value: string): string {
  const v = typeof value === 'string' ? value.trim().replace(/^0x/i, '').toLowerCase() : '';
  if (!MACHINE_ID.test(v)) {
    const shown = String(value).length > 20 ? `${String(value).slice(0, 20)}…` : String(value);
    throw new DbcInputError('INVALID_MACHINE_ID', `"${shown}" is not a DBC machine id; expected 64 hex characters.`, {
      details: { machineId: String(value), length: String(value).length },
      docsPath: 'errors#input_invalid_machine_id',
    });
  }
  return v;
}
