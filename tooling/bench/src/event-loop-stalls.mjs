// How late a timer due every few milliseconds fires: the time the event loop was held up
// (a collection, a long synchronous stretch, the process waiting for a core). Plain
// JavaScript so that both the load generator (load.ts, under tsx) and the probe preloaded
// into the bench's server (server-stall-probe.mjs, under plain node) use the same timer.

/** The timer's period in ms; a stall is the time beyond it between two firings. */
export const STALL_TICK_MS = 5;

/**
 * Calls `onTick(stallMs, now)` at every firing of a timer due every STALL_TICK_MS, with how
 * much later than due it fired (0 when on time) and `performance.now()`. The timer does not
 * keep the process alive. Returns a function that stops it.
 *
 * @param {(stallMs: number, now: number) => void} onTick
 * @returns {() => void}
 */
export function watchEventLoopStalls(onTick) {
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const stall = Math.max(0, now - last - STALL_TICK_MS);
    last = now;
    onTick(stall, now);
  }, STALL_TICK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
