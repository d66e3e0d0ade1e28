// Preloaded into the bench's server process (`node --import`, set up by server.ts): records
// the server's own event-loop stalls the way the load generator records its own (load.ts,
// generatorStalls). A timer due every 5 ms that fires late was held up by that much (a
// collection, a long synchronous stretch, the process waiting for a core). Each stall of
// 2 ms or more is appended to BENCH_SERVER_STALL_FILE as "<epoch ms it ended> <ms> <pid>",
// so an open loop can tell a slow second the server's thread caused from one it did not.
import { closeSync, openSync, writeSync } from 'node:fs';

const file = process.env.BENCH_SERVER_STALL_FILE;
const TICK_MS = 5;
const RECORD_FROM_MS = 2;

if (file) {
  const fd = openSync(file, 'a');
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const stall = now - last - TICK_MS;
    last = now;
    if (stall >= RECORD_FROM_MS) writeSync(fd, `${Math.round(performance.timeOrigin + now)} ${Math.round(stall * 10) / 10} ${process.pid}\n`);
  }, TICK_MS);
  timer.unref();
  process.once('exit', () => closeSync(fd));
}
