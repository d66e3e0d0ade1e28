// Entry point of `pnpm start`. Prints one line and exits 1 on any configuration or
// startup problem; shuts down gracefully on SIGTERM/SIGINT (finishing requests in flight
// and closing the database), including a signal that arrives while still starting.
import { loadConfig } from './config.js';
import { BootError, startServer, type RunningServer } from './boot.js';
import { serverStrings as s } from './strings.js';

const result = loadConfig();
if (!result.ok) {
  process.stderr.write(`${result.error}\n`);
  process.exit(1);
}

let starting: Promise<RunningServer> | null = null;
let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`${s.shuttingDown}（${signal}）\n`);
  const force = setTimeout(() => process.exit(1), 15_000);
  force.unref();
  const server = await starting?.catch(() => null);
  await server?.close();
  process.stdout.write(`${s.stopped}\n`);
  process.exit(0);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

try {
  starting = startServer(result.config);
  await starting;
} catch (err) {
  if (err instanceof BootError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`启动失败：${(err as Error)?.message?.split('\n')[0] ?? String(err)}\n`);
  }
  process.exit(1);
}
