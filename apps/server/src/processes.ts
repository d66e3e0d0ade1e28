// Several server processes on one port (SERVER_PROCESSES > 1, PostgreSQL only).
//
// One Node process runs JavaScript on one core: on a host whose cores the database does
// not keep busy, a single server process is the bottleneck long before PostgreSQL is. With
// node:cluster the first process (the primary) only supervises: it starts the workers one
// after another (so two never seed roles or check migrations at the same moment), hands
// out incoming connections among them, prints the start lines once, restarts a worker that
// dies, and stops them all on SIGTERM/SIGINT. Every worker is a complete server (startServer):
// the kernel is already safe with several processes (jobs and reminders are claimed in the
// database, the outbox is delivered under row locks, cached sessions are dropped through
// LISTEN/NOTIFY when another process changes them).
import cluster, { type Worker } from 'node:cluster';
import { BootError, startServer, type RunningServer } from './boot.js';
import type { ServerConfig } from './config.js';
import { answerMetricsCollection, serveClusterMetrics } from './metrics-cluster.js';
import { serverStrings as s } from './strings.js';

/** What a worker tells the primary once it has started, or failed to. */
export type WorkerMessage = { type: 'zhengfa:ready'; lines: string[] } | { type: 'zhengfa:failed'; message: string };

const STOP_GRACE_MS = 15_000;
const RESTART_DELAY_MS = 1_000;
const RESTART_DELAY_MAX_MS = 30_000;

/** The one line an operator reads when starting failed. */
export function startFailure(err: unknown): string {
  if (err instanceof BootError) return err.message;
  return `启动失败：${(err as Error)?.message?.split('\n')[0] ?? String(err)}`;
}

function isWorkerMessage(m: unknown): m is WorkerMessage {
  const t = (m as { type?: unknown } | null)?.type;
  return t === 'zhengfa:ready' || t === 'zhengfa:failed';
}

type Outcome = { ok: true; lines: string[] } | { ok: false; message: string };

/**
 * Stops the server that `starting` holds (or will hold) once, however often it is asked:
 * requests in flight finish and the database closes, then the process exits with `code`.
 * `announce` prints before (with `why`, the signal) and after; a stop that takes longer
 * than the grace exits 1.
 */
export function serverStopper(starting: () => Promise<RunningServer> | null, announce?: { stopping(why: string): void; stopped(): void }): (code: number, why: string) => Promise<void> {
  let stopping = false;
  return async (code, why) => {
    if (stopping) return;
    stopping = true;
    announce?.stopping(why);
    const force = setTimeout(() => process.exit(1), STOP_GRACE_MS);
    force.unref();
    const running = await starting()?.catch(() => null);
    await running?.close();
    announce?.stopped();
    process.exit(code);
  };
}

/**
 * Forks one worker and waits until it has started (or failed, or died before either).
 * `onExitAfterStart` hears only of a worker that had started: one that failed to start
 * exits as it should, and its caller decides what follows.
 */
function forkWorker(onExitAfterStart: (w: Worker, code: number | null, signal: string | null) => void): { worker: Worker; started: Promise<Outcome> } {
  const worker = cluster.fork();
  let outcome: Outcome | null = null;
  const started = new Promise<Outcome>((resolve) => {
    worker.on('message', (m: unknown) => {
      if (outcome || !isWorkerMessage(m)) return;
      outcome = m.type === 'zhengfa:ready' ? { ok: true, lines: m.lines } : { ok: false, message: m.message };
      resolve(outcome);
    });
    worker.on('exit', (code, signal) => {
      if (!outcome) {
        outcome = { ok: false, message: s.workerExitedEarly(code ?? signal) };
        resolve(outcome);
        return;
      }
      if (outcome.ok) onExitAfterStart(worker, code, signal);
    });
  });
  return { worker, started };
}

/** The primary: starts `config.serverProcesses` workers and supervises them until a signal. */
export async function superviseServerProcesses(config: ServerConfig, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`), err: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<void> {
  const workers = new Set<Worker>();
  // Workers that have started: those /metrics sums (metrics-cluster.ts).
  const started = new WeakSet<Worker>();
  serveClusterMetrics(() => [...workers].filter((w) => started.has(w)));
  let stopping = false;
  let failuresInARow = 0;

  const stopAll = async (exitCode: number, lastLine?: string): Promise<never> => {
    const exits = [...workers].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))));
    for (const w of workers) if (!w.isDead()) w.process.kill('SIGTERM');
    const force = setTimeout(() => {
      for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
    }, STOP_GRACE_MS);
    force.unref();
    await Promise.all(exits);
    clearTimeout(force);
    if (lastLine) out(lastLine);
    process.exit(exitCode);
  };

  const onSignal = (signal: string) => {
    if (stopping) return;
    stopping = true;
    out(`${s.shuttingDown}（${signal}）`);
    void stopAll(0, s.stopped);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));

  // A worker that dies after it started is replaced; a replacement that fails to start is
  // tried again later, waiting longer each time, while the others go on serving.
  const startReplacement = () => {
    const delay = Math.min(RESTART_DELAY_MAX_MS, RESTART_DELAY_MS * 2 ** failuresInARow);
    setTimeout(() => {
      if (stopping) return;
      const { worker, started: starting } = forkWorker(replace);
      workers.add(worker);
      void starting.then((o) => {
        if (o.ok) {
          started.add(worker);
          failuresInARow = 0;
          return;
        }
        // It did not start (its exit is not reported to `replace`): say why, try again later.
        failuresInARow++;
        err(o.message);
        workers.delete(worker);
        if (!stopping) startReplacement();
      });
    }, delay).unref();
  };
  const replace = (dead: Worker, code: number | null, signal: string | null) => {
    workers.delete(dead);
    if (stopping) return;
    err(s.workerExited(dead.process.pid ?? 0, code ?? signal));
    startReplacement();
  };

  let firstLines: string[] | null = null;
  for (let i = 0; i < config.serverProcesses; i++) {
    const { worker, started: starting } = forkWorker(replace);
    workers.add(worker);
    const o = await starting;
    if (stopping) return;
    if (!o.ok) {
      err(o.message);
      stopping = true;
      await stopAll(1);
    } else {
      started.add(worker);
      firstLines ??= o.lines;
    }
  }
  for (const line of firstLines ?? []) out(line);
  out(s.processes(config.serverProcesses));
}

/** A worker: one complete server that reports to the primary and stops when told to. */
export async function runServerWorker(config: ServerConfig): Promise<void> {
  const send = (m: WorkerMessage) => new Promise<void>((resolve) => (process.send ? process.send(m, undefined, {}, () => resolve()) : resolve()));
  let server: Promise<RunningServer> | null = null;
  const stop = serverStopper(() => server);
  // The primary decides when to stop: Ctrl-C reaches the whole process group, and the
  // primary then sends each worker SIGTERM.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => void stop(0, 'SIGTERM'));
  // The primary is gone (killed without a chance to stop its workers): stop too.
  process.on('disconnect', () => void stop(0, 'disconnect'));

  const lines: string[] = [];
  try {
    server = startServer(config, (l) => lines.push(l));
    answerMetricsCollection((await server).metrics.registry);
  } catch (e) {
    await send({ type: 'zhengfa:failed', message: startFailure(e) });
    process.exit(1);
  }
  await send({ type: 'zhengfa:ready', lines });
}
