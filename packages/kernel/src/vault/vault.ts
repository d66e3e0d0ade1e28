// The vault: SM4-CBC encryption with an HMAC-SM3 over each envelope (encrypt-then-MAC), and
// HMAC-SM3 blind indexes for equality look-ups, under a 32-byte data key from configuration.
//
// Envelope (text, fits any text column):  zv1.<kid>.<iv>.<ct>.<mac>
//   zv1  format version (a later format gets zv2 and is told apart before parsing)
//   kid  8 hex: the first 4 bytes of HMAC-SM3(data key, "zhengfa/key-id") — which key sealed
//        it, so a rotation can tell what is left to re-seal and open() picks the right key
//   iv   16 random bytes, base64url
//   ct   SM4-CBC (PKCS#7 padding) of the UTF-8 value, base64url
//   mac  HMAC-SM3 over "zv1.<kid>.<iv>.<ct>" (version, key id, IV and ciphertext), base64url
// The data key is never used directly: the SM4 key (16 bytes), the MAC key and the blind
// index key are each HMAC-SM3(data key, label), so no two uses share a key.
import { createCipheriv, createDecipheriv, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Vault } from '@zhengfa/plugin-api';
import { vaultStrings as s } from '../strings.js';

export const ENVELOPE_VERSION = 'zv1';
const ENVELOPE = /^zv1\.([0-9a-f]{8})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/;
/** SQL LIKE pattern of an envelope (any key), for finding sealed values in SQL. */
export const ENVELOPE_LIKE = 'zv1.%';

export type VaultErrorCode = 'not_sealed' | 'malformed' | 'unknown_key' | 'tampered' | 'bad_key';

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}

interface DerivedKey {
  id: string;
  enc: Buffer;
  mac: Buffer;
  idx: Buffer;
}

const hmac = (key: Buffer, data: string | Buffer) => createHmac('sm3', key).update(data).digest();

function derive(master: Buffer): DerivedKey {
  return {
    id: hmac(master, 'zhengfa/key-id').subarray(0, 4).toString('hex'),
    enc: hmac(master, 'zhengfa/sm4').subarray(0, 16),
    mac: hmac(master, 'zhengfa/mac'),
    idx: hmac(master, 'zhengfa/blind-index'),
  };
}

/** A data key from its configured form: 64 hex characters. `name` names the setting in the error. */
export function parseDataKey(hex: string, name = 'DATA_KEY'): Buffer {
  const t = hex.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(t)) throw new VaultError('bad_key', s.badKey(name));
  return Buffer.from(t, 'hex');
}

/** The id a key's envelopes carry. */
export function keyIdOf(master: Buffer): string {
  return derive(master).id;
}

export interface VaultKeys {
  /** Seals new values, computes blind indexes. */
  current: Buffer;
  /** Still opened (envelopes sealed before a rotation). */
  old?: Buffer[];
}

export interface KernelVault extends Vault {
  /** The key id of an envelope, or null for anything else. */
  keyIdOf(text: string): string | null;
}

export function createVault(keys: VaultKeys): KernelVault {
  const current = derive(keys.current);
  const byId = new Map<string, DerivedKey>([[current.id, current]]);
  for (const k of keys.old ?? []) {
    const d = derive(k);
    if (d.id === current.id && !k.equals(keys.current)) throw new VaultError('bad_key', s.duplicateKey(d.id));
    if (!byId.has(d.id)) byId.set(d.id, d);
  }
  const all = [...byId.values()];
  const indexWith = (k: DerivedKey, kind: string, value: string) => hmac(k.idx, `${kind}\u0000${value}`).toString('hex');

  return {
    keyId: current.id,
    seal(plain) {
      const iv = randomBytes(16);
      const cipher = createCipheriv('sm4-cbc', current.enc, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const head = `${ENVELOPE_VERSION}.${current.id}.${iv.toString('base64url')}.${ct.toString('base64url')}`;
      return `${head}.${hmac(current.mac, head).toString('base64url')}`;
    },
    open(sealed) {
      if (!sealed.startsWith(`${ENVELOPE_VERSION}.`)) throw new VaultError('not_sealed', s.notSealed);
      const m = ENVELOPE.exec(sealed);
      if (!m) throw new VaultError('malformed', s.malformed);
      const key = byId.get(m[1]!);
      if (!key) throw new VaultError('unknown_key', s.unknownKey(m[1]!));
      const head = sealed.slice(0, sealed.lastIndexOf('.'));
      const expected = hmac(key.mac, head);
      const given = Buffer.from(m[4]!, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new VaultError('tampered', s.tampered);
      const iv = Buffer.from(m[2]!, 'base64url');
      const ct = Buffer.from(m[3]!, 'base64url');
      try {
        const decipher = createDecipheriv('sm4-cbc', key.enc, iv);
        return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
      } catch {
        // Only reachable with a valid MAC over a bad ciphertext: not something seal() makes.
        throw new VaultError('malformed', s.malformed);
      }
    },
    index: (kind, value) => indexWith(current, kind, value),
    indexes: (kind, value) => all.map((k) => indexWith(k, kind, value)),
    isSealed: (text) => ENVELOPE.test(text),
    keyIdOf: (text) => ENVELOPE.exec(text)?.[1] ?? null,
  };
}
