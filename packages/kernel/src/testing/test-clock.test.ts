import { describe, expect, it } from 'vitest';
import { createTestClock } from './test-clock.js';

describe('the test clock', () => {
  it('stands at its start until moved', () => {
    const clock = createTestClock('2026-09-28T02:00:00Z');
    expect(clock.now().toISOString()).toBe('2026-09-28T02:00:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-09-28T02:00:00.000Z');
  });

  it('moves to the instant it is set to', () => {
    const clock = createTestClock(new Date('2026-09-28T02:00:00Z'));
    clock.set('2026-03-05T16:30:00Z');
    expect(clock.now().toISOString()).toBe('2026-03-05T16:30:00.000Z');
  });

  it('moves on by days, hours and minutes', () => {
    const clock = createTestClock('2026-09-28T02:00:00Z');
    clock.advance({ days: 12, hours: 14, minutes: 30 });
    expect(clock.now().toISOString()).toBe('2026-10-10T16:30:00.000Z');
  });

  it('hands out copies, so a caller changing its Date does not move the clock', () => {
    const clock = createTestClock('2026-09-28T02:00:00Z');
    clock.now().setUTCFullYear(2030);
    expect(clock.now().toISOString()).toBe('2026-09-28T02:00:00.000Z');
  });

  it('refuses a start that is not an instant', () => {
    expect(() => createTestClock('2026-02-30 morning')).toThrow('createTestClock: not an instant: 2026-02-30 morning');
  });
});
