import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { STALL_TICK_MS, watchEventLoopStalls } from './event-loop-stalls.mjs';

it('reports a synchronous stretch as a stall about as long as it', async () => {
  let longest = 0;
  const stop = watchEventLoopStalls((stall) => (longest = Math.max(longest, stall)));
  await sleep(3 * STALL_TICK_MS);
  const until = performance.now() + 60;
  while (performance.now() < until);
  await sleep(3 * STALL_TICK_MS);
  stop();
  expect(longest).toBeGreaterThanOrEqual(50);
});

it('stops calling back once stopped', async () => {
  let calls = 0;
  const stop = watchEventLoopStalls(() => calls++);
  await sleep(4 * STALL_TICK_MS);
  stop();
  const seen = calls;
  await sleep(4 * STALL_TICK_MS);
  expect(seen).toBeGreaterThan(0);
  expect(calls).toBe(seen);
});
