// Masking of personal information (个人信息保护法) for display by default; revealing the
// full value is a separate, audited action elsewhere. Every function keeps the shape of
// the value (one * per hidden character, except addresses) so a masked list still reads.
import { parsePhone } from './phone.js';

const MASK = '*';
/** Separators inside names of some ethnic minorities, e.g. 阿卜杜拉·艾力, kept visible. */
const NAME_SEPARATORS = new Set(['·', '•', '・', '.']);

function chars(value: string): string[] {
  return Array.from((value ?? '').trim());
}

/** Keeps the surname's first character: 张三 → 张*, 欧阳娜娜 → 欧***. A one-character name is fully hidden. */
export function maskName(name: string): string {
  const c = chars(name);
  if (c.length <= 1) return MASK.repeat(c.length);
  return c[0]! + c.slice(1).map((ch) => (NAME_SEPARATORS.has(ch) ? ch : MASK)).join('');
}

/** Keeps the first 3 and last 4 characters: 430102199001011234 → 430***********1234. */
export function maskIdNumber(id: string): string {
  const c = chars(id);
  if (c.length <= 7) return MASK.repeat(c.length);
  return c.slice(0, 3).join('') + MASK.repeat(c.length - 7) + c.slice(-4).join('');
}

function keepLast4(digits: string): string {
  return digits.length <= 4 ? MASK.repeat(digits.length) : MASK.repeat(digits.length - 4) + digits.slice(-4);
}

/**
 * Mobiles keep the first 3 and last 4 digits (13812345678 → 138****5678); landlines keep
 * the area code and the last 4 digits (0731-84123456 → 0731-****3456); anything else
 * keeps only its last 4 characters.
 */
export function maskPhone(phone: string): string {
  const parsed = parsePhone(phone);
  if (parsed?.kind === 'mobile') return parsed.number.slice(0, 3) + MASK.repeat(4) + parsed.number.slice(-4);
  if (parsed?.kind === 'landline') {
    const local = keepLast4(parsed.local);
    return parsed.areaCode ? `${parsed.areaCode}-${local}` : local;
  }
  return keepLast4(chars(phone).join(''));
}

/** Keeps the first 6 characters, then ****: 湖南省长沙市芙蓉区… → 湖南省长沙市****. */
export function maskAddress(address: string): string {
  const c = chars(address);
  if (c.length <= 6) return c.join('');
  return c.slice(0, 6).join('') + MASK.repeat(4);
}
