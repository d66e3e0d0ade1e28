// The embedded database's data key when DATA_KEY is not set: a file under DATA_DIR,
// generated on first start (readable by the server's user only). Back it up with the
// database: without it the sealed values cannot be read.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { vaultStrings as s } from '../strings.js';
import { VaultError } from './vault.js';

export const KEY_FILE_NAME = 'data.key';

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_FILE_NAME);
}

/** Reads the key file under dataDir, creating it with a fresh random key when absent. */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const file = keyFilePath(dataDir);
  mkdirSync(dataDir, { recursive: true });
  try {
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return readKeyFile(file);
}

/** Reads a key file (64 hex characters). */
export function readKeyFile(file: string): Buffer {
  const hex = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new VaultError('bad_key', s.badKeyFile(file));
  return Buffer.from(hex, 'hex');
}

/** Replaces the key file's key (after a rotation on the embedded database). */
export function writeKeyFile(dataDir: string, key: Buffer): void {
  const file = keyFilePath(dataDir);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${key.toString('hex')}\n`, { mode: 0o600 });
  // rename is atomic: the file holds the old key or the new one, never half of either.
  renameSync(tmp, file);
}
