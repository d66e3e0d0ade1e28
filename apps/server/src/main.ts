// Entry point of `pnpm start`. Prints one line and exits 1 on any configuration or
// startup problem; shuts down gracefully on SIGTERM/SIGINT (finishing requests in flight
// and closing the database), including a signal that arrives while still starting.
// With SERVER_PROCESSES > 1 this process supervises that many server processes
// (processes.ts) instead of serving itself.
import cluster from 'node:cluster';
import { loadConfig } from './config.js';
import { startServer, type RunningServer } from './boot.js';
import { runServerWorker, serverStopper, startFailure, superviseServerProcesses } from './processes.js';
import { serverStrings as s } from './strings.js';

const result = loadConfig();
if (!result.ok) {
  process.stderr.write(`${result.error}\n`);
  process.exit(1);
}
const config = result.config;

if (cluster.isWorker) {
  await runServerWorker(config);
} else if (config.serverProcesses > 1) {
  await superviseServerProcesses(config);
} else {
  let starting: Promise<RunningServer> | null = null;
  const stop = serverStopper(() => starting, {
    stopping: (signal) => process.stdout.write(`${s.shuttingDown}（${signal}）\n`),
    stopped: () => process.stdout.write(`${s.stopped}\n`),
  });
  process.on('SIGTERM', () => void stop(0, 'SIGTERM'));
  process.on('SIGINT', () => void stop(0, 'SIGINT'));

  try {
    starting = startServer(config);
    await starting;
  } catch (err) {
    process.stderr.write(`${startFailure(err)}\n`);
    process.exit(1);
  }
}
