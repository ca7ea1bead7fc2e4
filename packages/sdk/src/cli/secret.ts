import { readFile } from 'node:fs/promises';
import { CliUsageError } from './errors.js';

/**
 * Reads the signing secret once: `--key-file` wins over env `DBC_SECRET`. Returns undefined when
 * neither is set. The secret is returned to the caller only; no message built here contains it.
 */
export async function readSecret(
  keyFile: string | undefined,
  env: Record<string, string | undefined>,
): Promise<string | undefined> {
  if (keyFile !== undefined) {
    let text: string;
    try {
      text = await readFile(keyFile, 'utf8');
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'unreadable';
      throw new CliUsageError(`Cannot read --key-file ${keyFile} (${code}).`);
    }
    const secret = text.trim();
    if (!secret)
      throw new CliUsageError(
        `--key-file ${keyFile} is empty; it must hold a mnemonic or a secret URI such as //Alice.`,
      );
    return secret;
  }
  const fromEnv = env.DBC_SECRET?.trim();
  return fromEnv ? fromEnv : undefined;
}

/**
 * The strings output must never contain for a secret: the whole secret URI and, for
 * `phrase//derivation`, the phrase alone (a derivation path alone is not secret).
 */
export function secretFragments(secret: string): string[] {
  const phrase = secret.split('//')[0]!.trim();
  return [secret, ...(phrase.length >= 8 && phrase !== secret ? [phrase] : [])];
}
