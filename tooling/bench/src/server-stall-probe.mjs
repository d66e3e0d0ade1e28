// Preloaded into the bench's server process (`node --import`, set up by server.ts): records
// the server's own event-loop stalls with the timer the load generator uses for its own
// (event-loop-stalls.mjs). Each stall of 2 ms or more is appended to BENCH_SERVER_STALL_FILE
// as "<epoch ms it ended> <ms> <pid>", so an open loop can tell a slow second the server's
// thread caused from one it did not.
import { closeSync, openSync, writeSync } from 'node:fs';
import { watchEventLoopStalls } from './event-loop-stalls.mjs';

const file = process.env.BENCH_SERVER_STALL_FILE;
const RECORD_FROM_MS = 2;

if (file) {
  const fd = openSync(file, 'a');
  watchEventLoopStalls((stall, now) => {
    if (stall >= RECORD_FROM_MS) writeSync(fd, `${Math.round(performance.timeOrigin + now)} ${Math.round(stall * 10) / 10} ${process.pid}\n`);
  });
  process.once('exit', () => closeSync(fd));
}
