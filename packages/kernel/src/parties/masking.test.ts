import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './masking.js';

describe('maskName', () => {
  it('keeps the first character of a two-character name', () => {
    expect(maskName('张三')).toBe('张*');
  });

  it('hides every character after the first of a compound-surname name', () => {
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('hides a one-character name entirely', () => {
    expect(maskName('张')).toBe('*');
  });

  it('keeps the separator dot in a transliterated name', () => {
    expect(maskName('阿卜杜拉·艾力')).toBe('阿***·**');
  });

  it('treats a character outside the basic plane as one character', () => {
    expect(maskName('𠮷张三')).toBe('𠮷**');
  });

  it('returns an empty string for an empty name', () => {
    expect(maskName('')).toBe('');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskIdNumber('430102199001011234')).toBe('430***********1234');
  });

  it('keeps a trailing X', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
  });

  it('hides a value too short to keep anything', () => {
    expect(maskIdNumber('1234567')).toBe('*******');
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits of a mobile', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks a mobile written with separators and a country code in the same way', () => {
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });

  it('keeps the area code and the last 4 digits of a landline', () => {
    expect(maskPhone('0731-84123456')).toBe('0731-****3456');
  });

  it('keeps a three-digit area code and a 7-digit number in shape', () => {
    expect(maskPhone('010-6234567')).toBe('010-***4567');
  });

  it('drops the extension of a landline', () => {
    expect(maskPhone('0731-84123456-802')).toBe('0731-****3456');
  });

  it('keeps the last 4 digits of a local number', () => {
    expect(maskPhone('84123456')).toBe('****3456');
  });

  it('keeps only the last 4 characters of anything else', () => {
    expect(maskPhone('+1 415 555 0100')).toBe('***********0100');
  });
});

describe('maskAddress', () => {
  it('keeps the first 6 characters, then ****', () => {
    expect(maskAddress('湖南省长沙市芙蓉区五一大道100号')).toBe('湖南省长沙市****');
  });

  it('leaves a short address as it is', () => {
    expect(maskAddress('长沙市芙蓉区')).toBe('长沙市芙蓉区');
  });

  it('trims spaces before counting', () => {
    expect(maskAddress('  湖南省宜章县城关镇  ')).toBe('湖南省宜章县****');
  });
});
