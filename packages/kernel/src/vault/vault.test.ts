import { createCipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { vaultStrings } from '../strings.js';
import { createVault, keyIdOf, parseDataKey } from './vault.js';

const KEY_A = parseDataKey('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff');
const KEY_B = parseDataKey('ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100');

/** Replaces one character of an envelope's part (1 key id, 2 IV, 3 ciphertext, 4 MAC). */
function tamper(envelope: string, part: number): string {
  const parts = envelope.split('.');
  const p = parts[part]!;
  parts[part] = (p[0] === 'A' ? 'B' : 'A') + p.slice(1);
  return parts.join('.');
}

describe('vault', () => {
  it('computes the GB/T 32907 example ciphertext with Node’s sm4 (the standard SM4, no extra library)', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const cipher = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const out = Buffer.concat([cipher.update(key), cipher.final()]);
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('opens what it sealed', () => {
    const v = createVault({ current: KEY_A });
    expect(v.open(v.seal('110101199003071234'))).toBe('110101199003071234');
    expect(v.open(v.seal('检举某所长收受财物，要求查处'))).toBe('检举某所长收受财物，要求查处');
  });

  it('seals one value differently each time (a random IV per value)', () => {
    const v = createVault({ current: KEY_A });
    expect(v.seal('13912345678')).not.toBe(v.seal('13912345678'));
  });

  it('writes envelopes of version zv1 carrying the key id, with no plaintext in them', () => {
    const v = createVault({ current: KEY_A });
    const e = v.seal('13912345678');
    expect(e.split('.')[0]).toBe('zv1');
    expect(e.split('.')[1]).toBe(keyIdOf(KEY_A));
    expect(e).not.toContain('13912345678');
    expect(v.isSealed(e)).toBe(true);
    expect(v.isSealed('13912345678')).toBe(false);
  });

  it('refuses a tampered ciphertext with the MAC error', () => {
    const v = createVault({ current: KEY_A });
    expect(() => v.open(tamper(v.seal('110101199003071234'), 3))).toThrow(vaultStrings.tampered);
  });

  it('refuses a tampered IV with the MAC error', () => {
    const v = createVault({ current: KEY_A });
    expect(() => v.open(tamper(v.seal('110101199003071234'), 2))).toThrow(vaultStrings.tampered);
  });

  it('refuses a tampered MAC with the MAC error', () => {
    const v = createVault({ current: KEY_A });
    expect(() => v.open(tamper(v.seal('110101199003071234'), 4))).toThrow(vaultStrings.tampered);
  });

  it('refuses a ciphertext moved under another key id it does not belong to', () => {
    const a = createVault({ current: KEY_A });
    const both = createVault({ current: KEY_B, old: [KEY_A] });
    const sealedByB = both.seal('13912345678');
    const relabelled = sealedByB.replace(`.${keyIdOf(KEY_B)}.`, `.${keyIdOf(KEY_A)}.`);
    expect(() => both.open(relabelled)).toThrow(vaultStrings.tampered);
    expect(() => a.open(sealedByB)).toThrow(vaultStrings.unknownKey(keyIdOf(KEY_B)));
  });

  it('refuses plaintext where an envelope belongs', () => {
    const v = createVault({ current: KEY_A });
    expect(() => v.open('13912345678')).toThrow(vaultStrings.notSealed);
  });

  it('opens an envelope of an old key after a rotation, and seals under the new one', () => {
    const before = createVault({ current: KEY_A });
    const sealed = before.seal('13912345678');
    const after = createVault({ current: KEY_B, old: [KEY_A] });
    expect(after.open(sealed)).toBe('13912345678');
    expect(after.keyIdOf(after.seal('x'))).toBe(keyIdOf(KEY_B));
  });

  it('gives one blind index per key and value, different under another key or kind', () => {
    const a = createVault({ current: KEY_A });
    const b = createVault({ current: KEY_B, old: [KEY_A] });
    expect(a.index('phone', '13912345678')).toBe(a.index('phone', '13912345678'));
    expect(a.index('phone', '13912345678')).toMatch(/^[0-9a-f]{64}$/);
    expect(b.index('phone', '13912345678')).not.toBe(a.index('phone', '13912345678'));
    expect(a.index('id_number', '13912345678')).not.toBe(a.index('phone', '13912345678'));
    expect(b.indexes('phone', '13912345678')).toEqual([b.index('phone', '13912345678'), a.index('phone', '13912345678')]);
  });

  it('refuses a data key that is not 64 hex characters, naming the setting', () => {
    expect(() => parseDataKey('abc', 'DATA_KEYS_OLD')).toThrow(vaultStrings.badKey('DATA_KEYS_OLD'));
  });
});
