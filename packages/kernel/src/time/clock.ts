// The kernel's one clock. Every service that takes "today", starts a statutory clock,
// computes a deadline or a cadence date, raises reminders or checks a session's expiry
// reads the time from the clock injected into createKernel (through ctx.now() in a request,
// the tick's instant in the background), never from the wall clock, so a test can set the
// date and assert exact due dates.
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The machine's clock: the default. */
export const systemClock: Clock = { now: () => new Date() };
