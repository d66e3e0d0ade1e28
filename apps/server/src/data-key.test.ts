import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataKeysOf, vaultOf } from './data-key.js';

const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const base = { dataKey: undefined, dataKeysOld: [] as string[], databaseUrl: undefined };

describe('data key', () => {
  it('generates a key file under DATA_DIR on the embedded database’s first start, readable by the owner only', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-key-'));
    const first = dataKeysOf({ ...base, dataDir });
    const file = path.join(dataDir, 'data.key');
    expect(readFileSync(file, 'utf8').trim()).toBe(first.current.toString('hex'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first.fromKeyFile).toBe(true);
  });

  it('keeps the key file’s key across starts, so what was sealed opens after a restart', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-key-'));
    const sealed = vaultOf({ ...base, dataDir }).seal('13912345678');
    expect(vaultOf({ ...base, dataDir }).open(sealed)).toBe('13912345678');
  });

  it('seals under DATA_KEY when set, and still opens what the key file sealed', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-key-'));
    const sealed = vaultOf({ ...base, dataDir }).seal('13912345678');
    const withKey = vaultOf({ ...base, dataDir, dataKey: KEY });
    expect(withKey.keyIdOf(withKey.seal('x'))).not.toBe(withKey.keyIdOf(sealed));
    expect(withKey.open(sealed)).toBe('13912345678');
  });
});
