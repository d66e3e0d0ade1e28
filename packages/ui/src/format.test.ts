import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.js';

describe('formatDateTime', () => {
  it('formats ISO strings in China Standard Time', () => {
    expect(formatDateTime('2026-11-21T06:05:00.000Z')).toBe('2026年11月21日 14:05');
  });
  it('formats Date objects', () => {
    expect(formatDateTime(new Date('2026-01-02T16:30:00Z'))).toBe('2026年1月3日 00:30');
  });
  it('shows a dash for missing or invalid values', () => {
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
    expect(formatDateTime(null, '从未')).toBe('从未');
  });
  it('formats dates only', () => {
    expect(formatDate('2026-11-21T20:00:00Z')).toBe('2026年11月22日');
  });
});
