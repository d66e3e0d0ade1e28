import { describe, expect, it } from 'vitest';
import { monthLabel } from './chart.js';

describe('monthLabel', () => {
  it('writes months the Chinese way', () => {
    expect(monthLabel('2026-03')).toBe('2026年3月');
    expect(monthLabel('2025-12')).toBe('2025年12月');
  });
});
