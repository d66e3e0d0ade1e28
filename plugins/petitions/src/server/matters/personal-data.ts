// Personal data of petitioners (个人信息保护法): validation of resident ID numbers (GB 11643,
// ISO 7064 MOD 11-2 check character) and mainland phone numbers, and the masks used in
// lists, exports and documents. Small and self-contained on purpose: the plugin reaches
// the kernel only through its public API.
import { personalDataStrings as s } from '../strings.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';

export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Null when valid, otherwise the reason in Chinese. */
export function idNumberProblem(value: string, today: string): string | null {
  const id = normalizeIdNumber(value);
  if (id === '') return s.idNumberRequired;
  const length = [...id].length;
  if (length !== 18) return s.idNumberLength(length);
  if (!/^\d{17}[\dX]$/.test(id)) return s.idNumberCharacters;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!realDate(y, m, d) || birth < '1900-01-01' || birth > today) return s.idNumberBirthDate(id.slice(6, 14));
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * WEIGHTS[i]!;
  if (CHECK[sum % 11] !== id[17]) return s.idNumberCheckDigit;
  return null;
}

/** The check character for 17 digits (for fixtures and tests). */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Null when `value` is a mainland mobile (optionally +86) or a landline with area code. */
export function phoneProblem(value: string): string | null {
  const text = value.trim();
  if (text === '') return s.phoneRequired;
  if (!/^\+?[\d\s-]+$/.test(text)) return s.phoneCharacters;
  const digits = text.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (digits.startsWith('1')) {
    if (digits.length !== 11) return s.mobileLength(digits.length);
    if (!/^1[3-9]\d{9}$/.test(digits)) return s.mobilePrefix;
    return null;
  }
  if (text.startsWith('+')) return s.phoneUnknown;
  if (digits.startsWith('0')) {
    const parts = text.split(/[\s-]+/);
    let area: string;
    let local: string;
    let ext: string | null = null;
    const areaLen = (d: string) => (d.startsWith('01') || d.startsWith('02') ? 3 : 4);
    if (parts.length >= 2 && parts[0]!.startsWith('0')) {
      if (parts.length > 3) return s.landline;
      area = parts[0]!;
      local = parts[1]!;
      ext = parts[2] ?? null;
    } else {
      area = digits.slice(0, areaLen(digits));
      local = digits.slice(areaLen(digits));
    }
    const ok = /^0\d{2,3}$/.test(area) && area.length === areaLen(area) && /^[2-9]\d{6,7}$/.test(local) && (ext === null || /^\d{1,6}$/.test(ext));
    return ok ? null : s.landline;
  }
  return s.phoneUnknown;
}

/** The form to store and compare: digits of a mobile, or 0731-84123456 for a landline. */
export function normalizePhone(value: string): string {
  const text = value.trim();
  const digits = text.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (digits.startsWith('1')) return digits;
  return text.replace(/\s+/g, '-');
}

/** The last four digits of a phone number (for the public look-up). */
export function phoneLast4(value: string | null): string | null {
  if (!value) return null;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

const NAME_SEPARATORS = new Set(['·', '•', '・', '.']);

/** 张三 → 张*, 欧阳娜娜 → 欧***, 张 → *. */
export function maskName(name: string): string {
  const c = Array.from((name ?? '').trim());
  if (c.length <= 1) return '*'.repeat(c.length);
  return c[0]! + c.slice(1).map((ch) => (NAME_SEPARATORS.has(ch) ? ch : '*')).join('');
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

/** Keeps the first six characters (county, township) and hides the rest. */
export function maskAddress(address: string): string {
  const c = Array.from(address);
  if (c.length <= 6) return c.slice(0, Math.ceil(c.length / 2)).join('') + '*'.repeat(c.length - Math.ceil(c.length / 2));
  return c.slice(0, 6).join('') + '*'.repeat(Math.min(c.length - 6, 8));
}
