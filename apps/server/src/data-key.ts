// The deployment's vault from configuration: DATA_KEY (required on PostgreSQL, checked by
// config.ts), else — on the embedded database — the key file under DATA_DIR, generated on
// first start. DATA_KEYS_OLD are opened too (a rotation under way or just done). The key
// file's key is also opened when DATA_KEY is set, so an embedded deployment that moves to
// DATA_KEY still reads what it sealed before (until `pnpm zhengfa rotate-key`).
import { existsSync } from 'node:fs';
import { createVault, keyFilePath, loadOrCreateKeyFile, parseDataKey, readKeyFile, type KernelVault } from '@zhengfa/kernel';
import type { ServerConfig } from './config.js';

export interface DataKeys {
  current: Buffer;
  old: Buffer[];
  /** The current key came from the key file (embedded database, no DATA_KEY). */
  fromKeyFile: boolean;
}

export function dataKeysOf(config: Pick<ServerConfig, 'dataKey' | 'dataKeysOld' | 'dataDir' | 'databaseUrl'>): DataKeys {
  const old = config.dataKeysOld.map((k) => parseDataKey(k, 'DATA_KEYS_OLD'));
  if (config.dataKey) {
    const file = keyFilePath(config.dataDir);
    if (!config.databaseUrl && existsSync(file)) old.push(readKeyFile(file));
    return { current: parseDataKey(config.dataKey), old, fromKeyFile: false };
  }
  return { current: loadOrCreateKeyFile(config.dataDir), old, fromKeyFile: true };
}

export function vaultOf(config: Pick<ServerConfig, 'dataKey' | 'dataKeysOld' | 'dataDir' | 'databaseUrl'>): KernelVault {
  const keys = dataKeysOf(config);
  return createVault({ current: keys.current, old: keys.old });
}
