// Resident identity card numbers (公民身份号码), GB 11643-1999: 18 characters —
// a 6-digit address code (GB/T 2260), the birth date as YYYYMMDD, a 3-digit sequence
// code whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2
// check character (0–9 or X).
import { isIsoDate, todayInChina, type IsoDate } from '../calendar/dates.js';
import { partyStrings } from '../strings.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
/** Nobody alive was born before this; earlier dates are typing errors. */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The check character (0–9 or X) for the first 17 digits of an ID number. */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(partyStrings.idNumber.badCharacters);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/** The form to store and compare: trimmed, with a lowercase x made uppercase. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

function birthDateOf(id: string): IsoDate {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export type IdNumberCheckOptions = {
  /** The day to judge a birth date against (a birth date cannot be later); today in China by default. */
  today?: string;
};

/**
 * Null when `value` is a valid 18-character ID number (leading and trailing spaces and a
 * lowercase x are accepted), otherwise the reason in Chinese: wrong length, bad
 * characters, impossible birth date or wrong check digit, checked in that order.
 */
export function validateIdNumber(value: string, options: IdNumberCheckOptions = {}): string | null {
  const id = normalizeIdNumber(value ?? '');
  if (id === '') return partyStrings.idNumber.required;
  const length = [...id].length;
  if (length !== 18) return partyStrings.idNumber.wrongLength(length);
  if (!/^\d{17}[\dX]$/.test(id)) return partyStrings.idNumber.badCharacters;
  const birth = birthDateOf(id);
  const today = options.today ?? todayInChina();
  if (!isIsoDate(birth) || birth < EARLIEST_BIRTH_DATE || birth > today) {
    return partyStrings.idNumber.impossibleBirthDate(id.slice(6, 14));
  }
  if (idNumberCheckDigit(id.slice(0, 17)) !== id[17]) return partyStrings.idNumber.wrongCheckDigit;
  return null;
}

/** True when `value` is a valid ID number. */
export function isValidIdNumber(value: string, options: IdNumberCheckOptions = {}): boolean {
  return validateIdNumber(value, options) === null;
}

/** The holder's birth date 'YYYY-MM-DD', or null when the number is not valid. */
export function idNumberBirthDate(value: string, options: IdNumberCheckOptions = {}): IsoDate | null {
  return isValidIdNumber(value, options) ? birthDateOf(normalizeIdNumber(value)) : null;
}

export type Gender = 'male' | 'female';

/** The holder's gender from the 17th digit (odd: male, even: female), or null when not valid. */
export function idNumberGender(value: string, options: IdNumberCheckOptions = {}): Gender | null {
  if (!isValidIdNumber(value, options)) return null;
  return Number(normalizeIdNumber(value)[16]) % 2 === 1 ? 'male' : 'female';
}

/**
 * A valid ID number, for tests and fixtures: `areaCode` is 6 digits, `birth` 'YYYY-MM-DD',
 * `seq` 0–999 (odd for a man, even for a woman). Example: makeIdNumber('430102', '1990-01-01', 123).
 */
export function makeIdNumber(areaCode: string, birth: string, seq: number): string {
  if (!/^\d{6}$/.test(areaCode)) throw new RangeError(`areaCode must be 6 digits: ${areaCode}`);
  if (!isIsoDate(birth)) throw new RangeError(`birth must be a YYYY-MM-DD date: ${birth}`);
  if (!Number.isInteger(seq) || seq < 0 || seq > 999) throw new RangeError(`seq must be 0–999: ${seq}`);
  const first17 = `${areaCode}${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return first17 + idNumberCheckDigit(first17);
}
