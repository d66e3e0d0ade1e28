import { describe, expect, it } from 'vitest';
import {
  formatRate,
  isCollective,
  isIsoDate,
  isQueryCode,
  normalizeQueryCode,
  presetPeriod,
  repeatQuery,
  repeatQueryKey,
  unitLabel,
  yoyTrend,
} from './helpers.js';

describe('figures', () => {
  it('marks five or more people as a collective visit', () => {
    expect(isCollective(4)).toBe(false);
    expect(isCollective(5)).toBe(true);
    expect(isCollective(undefined)).toBe(false);
  });

  it('formats rates and year-on-year changes', () => {
    expect(formatRate(null)).toBe('—');
    expect(formatRate(100)).toBe('100.0%');
    expect(formatRate(66.7)).toBe('66.7%');
    expect(yoyTrend(-21.4)).toEqual({ trend: 'down', percent: '21.4%' });
    expect(yoyTrend(12)).toEqual({ trend: 'up', percent: '12.0%' });
    expect(yoyTrend(0)).toEqual({ trend: 'flat', percent: '0.0%' });
    expect(yoyTrend(null)).toEqual({ trend: 'none', percent: '' });
  });

  it('computes preset periods', () => {
    expect(presetPeriod('thisYear', '2026-05-17')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(presetPeriod('lastYear', '2026-05-17')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('thisMonth', '2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(presetPeriod('thisQuarter', '2026-11-03')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('thisQuarter', '2026-05-17')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });

  it('names units of statistics rows', () => {
    const units = new Map([['a', '示范县公安局']]);
    expect(unitLabel('a', units, '未填写', '其他')).toBe('示范县公安局');
    expect(unitLabel(null, units, '未填写', '其他')).toBe('未填写');
    expect(unitLabel('b', units, '未填写', '其他')).toBe('其他');
  });
});

describe('repeat search query', () => {
  it('waits until an ID number, a name with a phone, or some content is complete', () => {
    expect(repeatQuery([{ name: '王五', idNumber: '1101011990' }], '')).toBeNull();
    expect(repeatQuery([{ name: '', phone: '13800138000' }], '短')).toBeNull();
    expect(repeatQuery([{ name: '王五', idNumber: '11010119900307123x' }], '')).toEqual({
      petitioners: [{ name: '王五', idNumber: '11010119900307123X' }],
      content: '',
    });
    expect(repeatQuery([{ name: ' 王五 ', phone: '138 0013 8000' }], '')).toEqual({ petitioners: [{ name: '王五', phone: '138 0013 8000' }], content: '' });
    expect(repeatQuery([undefined, null], '反映城关镇征地补偿款未足额发放')).toEqual({ petitioners: [], content: '反映城关镇征地补偿款未足额发放' });
  });

  it('gives equal queries equal keys', () => {
    const a = repeatQuery([{ name: '王五', phone: '13800138000' }], '');
    const b = repeatQuery([{ name: '王五', phone: '13800138000', idNumber: '123' }], '');
    expect(repeatQueryKey(a)).toBe(repeatQueryKey(b));
    expect(repeatQueryKey(null)).toBe('');
  });
});

describe('misc', () => {
  it('checks dates and query codes', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(normalizeQueryCode(' abcd efgh 23 ')).toBe('ABCDEFGH23');
    expect(isQueryCode('abcdefgh23')).toBe(true);
    expect(isQueryCode('ABCDEFGH10')).toBe(false);
  });
});
