import { describe, expect, it } from 'vitest';
import { idNumberProblem, maskIdNumber, maskName, maskPhone, phoneLast4, phoneProblem } from './personal-data.js';
import { gramOverlap, issueGrams } from './grams.js';

const today = '2026-06-01';

describe('ID numbers (GB 11643)', () => {
  it('accepts a number whose check character matches', () => {
    expect(idNumberProblem('11010519491231002X', today)).toBeNull();
  });
  it('accepts a lowercase x as the check character', () => {
    expect(idNumberProblem('11010519491231002x', today)).toBeNull();
  });
  it('refuses a wrong check digit with a Chinese reason', () => {
    expect(idNumberProblem('110105194912310021', today)).toBe('身份证号码校验位不正确，请核对后重新填写');
  });
  it('refuses an impossible birth date', () => {
    expect(idNumberProblem('110105194902310020', today)).toContain('出生日期');
  });
  it('refuses a number of the wrong length', () => {
    expect(idNumberProblem('1101051949', today)).toContain('18位');
  });
});

describe('phones', () => {
  it('accepts a mobile number', () => {
    expect(phoneProblem('13812345678')).toBeNull();
  });
  it('accepts a landline with its area code', () => {
    expect(phoneProblem('0731-84123456')).toBeNull();
  });
  it('refuses a mobile number of ten digits', () => {
    expect(phoneProblem('1381234567')).toContain('11位');
  });
  it('takes the last four digits for the look-up', () => {
    expect(phoneLast4('0731-84123456')).toBe('3456');
  });
});

describe('masking', () => {
  it('keeps only the first character of a name', () => {
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });
  it('keeps the first three and last four characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });
  it('hides the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('issue bigrams', () => {
  it('finds most bigrams of a reworded complaint in the original', () => {
    const a = issueGrams('反映城关镇征地补偿款至今未足额发放');
    const b = issueGrams('城关镇征地补偿款未足额发放，再次反映');
    expect(gramOverlap(a, b)).toBeGreaterThanOrEqual(0.5);
  });
  it('finds few bigrams in common between unrelated complaints', () => {
    expect(gramOverlap(issueGrams('邻居噪音扰民'), issueGrams('工程款拖欠未付'))).toBeLessThan(0.2);
  });
});
