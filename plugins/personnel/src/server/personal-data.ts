// An officer's personal identifiers (个人信息保护法): the resident ID number (GB 11643, ISO 7064
// MOD 11-2 check character) and a phone, validated, sealed at rest (ctx.vault) and masked in
// every answer unless the caller holds personnel.reveal (each reveal audited).
import type { Vault } from '@zhengfa/plugin-api';
import { personalDataStrings as s } from './strings.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export function normalizeIdNumber(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The check character for 17 digits. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Null when valid, otherwise the reason naming 「身份证号」. */
export function idNumberProblem(value: string, today: string): string | null {
  const id = normalizeIdNumber(value);
  if (id === '') return s.idNumberRequired;
  const length = [...id].length;
  if (length !== 18) return s.idNumberLength(length);
  if (!/^\d{17}[\dX]$/.test(id)) return s.idNumberCharacters;
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!realDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))) || birth < '1900-01-01' || birth > today) {
    return s.idNumberBirthDate(id.slice(6, 14));
  }
  return idCheckCharacter(id.slice(0, 17)) === id[17] ? null : s.idNumberCheckDigit;
}

/** The form to store: a mobile's 11 digits, or a landline as 0731-84123456. */
export function normalizePhone(value: string): string {
  const text = value.normalize('NFKC').trim();
  const digits = text.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (digits.startsWith('1')) return digits;
  return text.replace(/\s+/g, '-');
}

/** Null when a mainland mobile or a landline with its area code. */
export function phoneProblem(value: string): string | null {
  const p = normalizePhone(value);
  if (p === '') return s.phoneRequired;
  if (/^1[3-9]\d{9}$/.test(p)) return null;
  if (/^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,6})?$/.test(p)) return null;
  return s.phoneFormat;
}

/** 430102199001011234 → 430***********1234. */
export function maskIdNumber(id: string): string {
  const c = Array.from(id);
  if (c.length <= 7) return '*'.repeat(c.length);
  return c.slice(0, 3).join('') + '*'.repeat(c.length - 7) + c.slice(-4).join('');
}

/** 13812345678 → 138****5678; 0731-84123456 → 0731-****3456. */
export function maskPhone(phone: string): string {
  if (/^1\d{10}$/.test(phone)) return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
  const c = Array.from(phone);
  return c.map((ch, i) => (i >= c.length - 4 || ch === '-' || i < Math.min(4, c.length - 4) ? ch : '*')).join('');
}

export function sealOrNull(vault: Vault, value: string | null): string | null {
  return value ? vault.seal(value) : null;
}

export function openOrNull(vault: Vault, value: string | null): string | null {
  return value === null ? null : vault.open(value);
}
