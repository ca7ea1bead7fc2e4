import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IdempotencyRecord, IdempotencyStore } from '../rentals/idempotency.js';

/**
 * Rent idempotency records in `<dir>/rent-keys.json`, so `dbc rent --key K` run again after a
 * crash or a lost connection resumes the first attempt instead of renting twice (each CLI run is
 * a new process, so the SDK's in-memory default would forget). Touches the disk only when a key
 * is used; writes go through a temporary file and a rename so a crash never leaves half a file.
 */
export function fileIdempotencyStore(dir: string): IdempotencyStore {
  const file = join(dir, 'rent-keys.json');
  const load = async (): Promise<Record<string, IdempotencyRecord>> => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as Record<string, IdempotencyRecord>;
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return {};
      throw e;
    }
  };
  return {
    async get(key) {
      return (await load())[key];
    },
    async set(record) {
      const all = await load();
      all[record.key] = record;
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify(all, null, 2), { mode: 0o600 });
      await rename(tmp, file);
    },
  };
}
