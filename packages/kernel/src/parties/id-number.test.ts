import { describe, expect, it } from 'vitest';
import {
  idNumberBirthDate,
  idNumberCheckDigit,
  idNumberGender,
  isValidIdNumber,
  makeIdNumber,
  normalizeIdNumber,
  validateIdNumber,
} from './id-number.js';

const today = { today: '2026-06-01' };
/** The example printed in GB 11643-1999 itself. */
const standardExample = '11010519491231002X';

describe('validateIdNumber', () => {
  it('accepts the example from the standard, whose check character is X', () => {
    expect(validateIdNumber(standardExample, today)).toBeNull();
  });

  it('accepts a lowercase x as the check character', () => {
    expect(validateIdNumber(standardExample.toLowerCase(), today)).toBeNull();
  });

  it('accepts a number with spaces around it', () => {
    expect(validateIdNumber(` ${standardExample} `, today)).toBeNull();
  });

  it('accepts numbers made by makeIdNumber', () => {
    expect(validateIdNumber(makeIdNumber('431121', '1985-07-15', 37), today)).toBeNull();
  });

  it('asks for a number when given an empty string', () => {
    expect(validateIdNumber('   ', today)).toBe('请填写身份证号码');
  });

  it('names a wrong length, such as an old 15-digit number', () => {
    expect(validateIdNumber('110105491231002', today)).toBe('身份证号码应为 18 位，当前为 15 位');
  });

  it('names a wrong length for a number one digit too long', () => {
    expect(validateIdNumber(`${standardExample}1`, today)).toBe('身份证号码应为 18 位，当前为 19 位');
  });

  it('names bad characters, such as a letter in the middle', () => {
    expect(validateIdNumber('1101051949A231002X', today)).toBe('身份证号码前 17 位只能是数字，第 18 位只能是数字或字母 X');
  });

  it('names bad characters when X is not the last character', () => {
    expect(validateIdNumber('11010519491231X021', today)).toMatch(/只能是数字/);
  });

  it('names full-width digits as bad characters', () => {
    expect(validateIdNumber('１１０１０５１９４９１２３１００２Ｘ', today)).toMatch(/只能是数字/);
  });

  it('names an impossible birth date such as 30 February', () => {
    const id = '110105' + '19900230' + '0011';
    expect(validateIdNumber(id, today)).toBe('身份证号码中的出生日期 19900230 不存在或不合理');
  });

  it('names an impossible birth date such as month 13', () => {
    expect(validateIdNumber('110105' + '19901301' + '0011', today)).toMatch(/出生日期 19901301/);
  });

  it('names a birth date in the future as impossible', () => {
    const id = makeIdNumber('110105', '2026-06-02', 1);
    expect(validateIdNumber(id, today)).toMatch(/出生日期 20260602/);
  });

  it('accepts a baby born today', () => {
    expect(validateIdNumber(makeIdNumber('110105', '2026-06-01', 1), today)).toBeNull();
  });

  it('names a birth date before 1900 as impossible', () => {
    expect(validateIdNumber(makeIdNumber('440524', '1880-01-01', 1), today)).toMatch(/出生日期 18800101/);
  });

  it('accepts 29 February of a leap year as a birth date', () => {
    expect(validateIdNumber(makeIdNumber('430102', '2000-02-29', 12), today)).toBeNull();
  });

  it('names a wrong check digit', () => {
    expect(validateIdNumber('110105194912310021', today)).toBe('身份证号码校验码（第 18 位）不正确，请核对是否有数字录错');
  });

  it('catches two swapped digits through the check digit', () => {
    const id = makeIdNumber('430102', '1990-01-01', 123);
    const swapped = id.slice(0, 14) + id[15] + id[14] + id.slice(16);
    expect(swapped).not.toBe(id);
    expect(validateIdNumber(swapped, today)).toMatch(/校验码/);
  });

  it('judges birth dates against today in China when no day is given', () => {
    expect(validateIdNumber(standardExample)).toBeNull();
    expect(validateIdNumber(makeIdNumber('110105', '2999-01-01', 1))).toMatch(/出生日期/);
  });
});

describe('id number helpers', () => {
  it('computes the check character of the standard example', () => {
    expect(idNumberCheckDigit('11010519491231002')).toBe('X');
  });

  it('normalizes by trimming and upper-casing x', () => {
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe(standardExample);
  });

  it('tells valid from invalid numbers', () => {
    expect(isValidIdNumber(standardExample, today)).toBe(true);
    expect(isValidIdNumber('110105194912310021', today)).toBe(false);
  });

  it('reads the birth date', () => {
    expect(idNumberBirthDate(standardExample, today)).toBe('1949-12-31');
  });

  it('has no birth date for an invalid number', () => {
    expect(idNumberBirthDate('110105194912310021', today)).toBeNull();
  });

  it('reads a woman from an even 17th digit', () => {
    expect(idNumberGender(standardExample, today)).toBe('female');
  });

  it('reads a man from an odd 17th digit', () => {
    expect(idNumberGender(makeIdNumber('430102', '1990-01-01', 123), today)).toBe('male');
  });

  it('has no gender for an invalid number', () => {
    expect(idNumberGender('12345', today)).toBeNull();
  });
});

describe('makeIdNumber', () => {
  it('lays out area code, birth date, sequence and check character', () => {
    expect(makeIdNumber('110105', '1949-12-31', 2)).toBe(standardExample);
  });

  it('pads the sequence code to three digits', () => {
    expect(makeIdNumber('430102', '1990-01-01', 7).slice(14, 17)).toBe('007');
  });

  it('makes a valid number for every sequence code', () => {
    for (let seq = 0; seq <= 999; seq += 1) {
      expect(isValidIdNumber(makeIdNumber('431121', '1975-10-31', seq), today)).toBe(true);
    }
  });

  it('refuses an area code that is not 6 digits', () => {
    expect(() => makeIdNumber('4301', '1990-01-01', 1)).toThrow(RangeError);
  });

  it('refuses an impossible birth date', () => {
    expect(() => makeIdNumber('430102', '1990-02-30', 1)).toThrow(RangeError);
  });

  it('refuses a sequence outside 0–999', () => {
    expect(() => makeIdNumber('430102', '1990-01-01', 1000)).toThrow(RangeError);
  });
});
