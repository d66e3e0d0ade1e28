// A clock a test sets and moves on: startTestKernel({ clock }) hands it to the kernel, so
// every "today", every clock started and every deadline computed is as of the test's date.
import type { Clock } from '../index.js';

export interface TestClock extends Clock {
  /** Moves the clock to `at` (an instant, or an ISO string such as '2026-09-28T02:00:00Z'). */
  set(at: Date | string): void;
  /** Moves the clock on by whole days, hours, minutes or milliseconds (all optional, may be negative). */
  advance(by: { days?: number; hours?: number; minutes?: number; ms?: number }): void;
}

/** A clock standing at `start` until the test moves it. */
export function createTestClock(start: Date | string): TestClock {
  const instant = (at: Date | string) => {
    const d = typeof at === 'string' ? new Date(at) : new Date(at.getTime());
    if (Number.isNaN(d.getTime())) throw new RangeError(`createTestClock: not an instant: ${String(at)}`);
    return d.getTime();
  };
  let ms = instant(start);
  return {
    now: () => new Date(ms),
    set(at) {
      ms = instant(at);
    },
    advance({ days = 0, hours = 0, minutes = 0, ms: extra = 0 }) {
      ms += ((days * 24 + hours) * 60 + minutes) * 60_000 + extra;
    },
  };
}
