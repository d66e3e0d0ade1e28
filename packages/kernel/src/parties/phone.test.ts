import { describe, expect, it } from 'vitest';
import { normalizePhone, parsePhone, phoneKind, validatePhone } from './phone.js';

describe('validatePhone for mobiles', () => {
  it('accepts an 11-digit mobile number', () => {
    expect(validatePhone('13812345678')).toBeNull();
  });

  it('accepts every second digit from 3 to 9', () => {
    for (const d of '3456789') expect(validatePhone(`1${d}812345678`)).toBeNull();
  });

  it('accepts spaces or hyphens between the groups', () => {
    expect(validatePhone('138 1234 5678')).toBeNull();
    expect(validatePhone('138-1234-5678')).toBeNull();
  });

  it('accepts the +86 country code in front', () => {
    expect(validatePhone('+86 138 1234 5678')).toBeNull();
    expect(validatePhone('8613812345678')).toBeNull();
  });

  it('names a mobile number with too few digits', () => {
    expect(validatePhone('1381234567')).toBe('手机号码应为 11 位，当前为 10 位');
  });

  it('names a mobile number with too many digits', () => {
    expect(validatePhone('138123456789')).toBe('手机号码应为 11 位，当前为 12 位');
  });

  it('names a mobile number whose second digit is 0 to 2', () => {
    expect(validatePhone('12812345678')).toBe('手机号码格式不正确：应以 13 至 19 开头');
  });
});

describe('validatePhone for landlines', () => {
  it('accepts a four-digit area code with an 8-digit number', () => {
    expect(validatePhone('0731-84123456')).toBeNull();
  });

  it('accepts a three-digit area code such as Beijing 010', () => {
    expect(validatePhone('010-62345678')).toBeNull();
  });

  it('accepts a 7-digit local number', () => {
    expect(validatePhone('0745-2234567')).toBeNull();
  });

  it('accepts a landline written without the hyphen', () => {
    expect(validatePhone('073184123456')).toBeNull();
    expect(validatePhone('02162345678')).toBeNull();
  });

  it('accepts an extension after a second hyphen', () => {
    expect(validatePhone('0731-84123456-802')).toBeNull();
  });

  it('accepts a local number without its area code', () => {
    expect(validatePhone('84123456')).toBeNull();
  });

  it('names a landline whose local number is too short', () => {
    expect(validatePhone('0731-841234')).toBe('固定电话格式不正确，应为“区号-号码”，如 0731-84123456');
  });

  it('names a landline whose local number begins with 0 or 1', () => {
    expect(validatePhone('0731-14123456')).toMatch(/固定电话格式不正确/);
  });

  it('names a Beijing number written with a four-digit area code', () => {
    expect(validatePhone('0101-62345678')).toMatch(/固定电话格式不正确/);
  });

  it('names a provincial number written with a three-digit area code', () => {
    expect(validatePhone('073-84123456')).toMatch(/固定电话格式不正确/);
  });
});

describe('validatePhone for other input', () => {
  it('asks for a number when given nothing', () => {
    expect(validatePhone('  ')).toBe('请填写联系电话');
  });

  it('names characters other than digits, spaces and hyphens', () => {
    expect(validatePhone('138abcd5678')).toBe('电话号码只能包含数字、空格和连字符“-”');
    expect(validatePhone('(0731)84123456')).toMatch(/只能包含数字/);
  });

  it('rejects service numbers such as 400 numbers', () => {
    expect(validatePhone('400-123-4567')).toMatch(/电话号码格式不正确/);
  });

  it('rejects a foreign number', () => {
    expect(validatePhone('+1 415 555 0100')).toMatch(/电话号码格式不正确/);
  });
});

describe('phone helpers', () => {
  it('parses a landline into its parts', () => {
    expect(parsePhone('0731-84123456-802')).toEqual({
      kind: 'landline',
      areaCode: '0731',
      local: '84123456',
      extension: '802',
    });
  });

  it('splits a landline without a hyphen by the length of its area code', () => {
    expect(parsePhone('01062345678')).toMatchObject({ areaCode: '010', local: '62345678' });
    expect(parsePhone('073184123456')).toMatchObject({ areaCode: '0731', local: '84123456' });
  });

  it('tells mobiles from landlines', () => {
    expect(phoneKind('13812345678')).toBe('mobile');
    expect(phoneKind('0731-84123456')).toBe('landline');
    expect(phoneKind('123')).toBeNull();
  });

  it('normalizes to a canonical form for storing and comparing', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizePhone('0731 84123456')).toBe('0731-84123456');
    expect(normalizePhone('073184123456')).toBe('0731-84123456');
    expect(normalizePhone('84123456')).toBe('84123456');
    expect(normalizePhone('nope')).toBeNull();
  });
});
