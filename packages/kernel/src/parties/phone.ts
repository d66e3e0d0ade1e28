// Mainland China phone numbers as people write them on a petition or registration form:
// mobiles (1[3-9] + 9 digits, optionally +86 in front, spaces or hyphens allowed) and
// landlines ("区号-号码", area code 0 + 2 or 3 digits, local number 7–8 digits not starting
// with 0 or 1, optional extension). Area codes 010 and 02x have three digits, all others
// four, so a landline written without the hyphen can still be split.
import { partyStrings } from '../strings.js';

export type ParsedPhone =
  | { kind: 'mobile'; number: string }
  | { kind: 'landline'; areaCode: string | null; local: string; extension: string | null };

type ParseResult = { ok: true; phone: ParsedPhone } | { ok: false; reason: string };

const ALLOWED = /^\+?[\d\s-]+$/;
const LOCAL = /^[2-9]\d{6,7}$/;
const EXTENSION = /^\d{1,6}$/;

function areaCodeLength(digits: string): 3 | 4 {
  return digits.startsWith('01') || digits.startsWith('02') ? 3 : 4;
}

function parse(value: string): ParseResult {
  const text = (value ?? '').trim();
  if (text === '') return { ok: false, reason: partyStrings.phone.required };
  if (!ALLOWED.test(text)) return { ok: false, reason: partyStrings.phone.badCharacters };
  let digits = text.replace(/[\s-]/g, '');

  // +86 / 86 country code in front of a mobile number.
  const withoutCountry = digits.replace(/^\+?86(?=1\d{10}$)/, '');
  if (withoutCountry !== digits || digits.startsWith('1')) {
    digits = withoutCountry;
    if (digits.length !== 11) return { ok: false, reason: partyStrings.phone.mobileLength(digits.length) };
    if (!/^1[3-9]\d{9}$/.test(digits)) return { ok: false, reason: partyStrings.phone.mobilePrefix };
    return { ok: true, phone: { kind: 'mobile', number: digits } };
  }
  if (text.startsWith('+')) return { ok: false, reason: partyStrings.phone.unknown };

  if (digits.startsWith('0')) {
    const parts = text.split(/[\s-]+/);
    let areaCode: string;
    let local: string;
    let extension: string | null = null;
    if (parts.length >= 2 && parts[0]!.startsWith('0')) {
      if (parts.length > 3) return { ok: false, reason: partyStrings.phone.landline };
      areaCode = parts[0]!;
      local = parts[1]!;
      extension = parts[2] ?? null;
    } else {
      const n = areaCodeLength(digits);
      areaCode = digits.slice(0, n);
      local = digits.slice(n);
    }
    const areaOk = /^0\d{2,3}$/.test(areaCode) && areaCode.length === areaCodeLength(areaCode);
    const extensionOk = extension === null || EXTENSION.test(extension);
    if (!areaOk || !LOCAL.test(local) || !extensionOk) return { ok: false, reason: partyStrings.phone.landline };
    return { ok: true, phone: { kind: 'landline', areaCode, local, extension } };
  }

  // A local number without its area code, as people in the county often write it.
  if (LOCAL.test(digits)) return { ok: true, phone: { kind: 'landline', areaCode: null, local: digits, extension: null } };
  return { ok: false, reason: partyStrings.phone.unknown };
}

/** Null for a valid mainland mobile or landline number, otherwise the reason in Chinese. */
export function validatePhone(value: string): string | null {
  const result = parse(value);
  return result.ok ? null : result.reason;
}

/** The parts of a valid phone number, or null. */
export function parsePhone(value: string): ParsedPhone | null {
  const result = parse(value);
  return result.ok ? result.phone : null;
}

/** 'mobile', 'landline', or null when the number is not valid. */
export function phoneKind(value: string): ParsedPhone['kind'] | null {
  return parsePhone(value)?.kind ?? null;
}

/** The form to store and compare: 13812345678, 0731-84123456, 0731-84123456-802; null when not valid. */
export function normalizePhone(value: string): string | null {
  const phone = parsePhone(value);
  if (!phone) return null;
  if (phone.kind === 'mobile') return phone.number;
  return [phone.areaCode, phone.local, phone.extension].filter((p): p is string => p !== null).join('-');
}
