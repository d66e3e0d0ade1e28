/** The timer's period in ms; a stall is the time beyond it between two firings. */
export declare const STALL_TICK_MS: number;
/**
 * Calls `onTick(stallMs, now)` at every firing of a timer due every STALL_TICK_MS, with how
 * much later than due it fired (0 when on time) and `performance.now()`. The timer does not
 * keep the process alive. Returns a function that stops it.
 */
export declare function watchEventLoopStalls(onTick: (stallMs: number, now: number) => void): () => void;
