// Load runners. Closed loop (runLoad): `concurrency` clients each send their next request as
// soon as the previous one answers, for a fixed time after a short warm-up: the throughput
// the machine saturates at, with each request's latency mostly its wait behind the other 31
// (Little's law: mean latency = clients / throughput). Open loop (runAtRate): requests
// fall due at a fixed rate whatever has answered, at most `maxInFlight` at once, each
// timed from the moment it fell due: the latency a given load sees. Latencies are kept
// exactly (no histogram buckets) and summarised as percentiles.
import os from 'node:os';
import { cpuPerRequest, type CpuPerRequest, type CpuProbe, type CpuSnapshot } from './cpu.js';
import { watchEventLoopStalls } from './event-loop-stalls.mjs';

export interface LoadResult {
  name: string;
  /** Closed loop: the clients. Open loop: the most requests in flight at once. */
  concurrency: number;
  /** Open loop only: the rate requests fell due at, per second. */
  offeredRate?: number;
  /** Open loop only: requests that fell due while `concurrency` were in flight and waited for one to answer. */
  queued?: number;
  /**
   * Open loop only: each second of the window, by when its requests fell due: how many, and
   * their p99 and maximum in ms, and the longest the load generator's own event loop was
   * held up in it (`stall`, ms): a burst of slow answers from a slow run, and a burst the
   * generator caused (it sends late, and counts the wait) from one the server did; and the
   * longest the server's event loop was held up (`serverStall`, ms; absent in runs recorded
   * before the server's probe), which tells a slow second of the server's thread from one of the
   * database or the host.
   */
  bySecond?: { requests: number; p99: number; max: number; stall: number; serverStall?: number }[];
  /** When the measured window opened (ISO, the machine's clock), to match a run with the database's log. */
  windowFrom?: string;
  seconds: number;
  requests: number;
  errors: number;
  firstError?: string;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** 1-minute load average when the run ended (other work on the machine shows here). */
  loadAvg: number;
  /** CPU milliseconds per request of the load generator, the server and PostgreSQL (cpu.ts). */
  cpu?: CpuPerRequest;
  note?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(name: string, concurrency: number, seconds: number, latencies: number[], errors: number, firstError?: string): LoadResult {
  const sorted = [...latencies].sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    name,
    concurrency,
    seconds: r2(seconds),
    requests: sorted.length,
    errors,
    ...(firstError ? { firstError } : {}),
    throughput: r2(sorted.length / seconds),
    p50: r2(percentile(sorted, 50)),
    p95: r2(percentile(sorted, 95)),
    p99: r2(percentile(sorted, 99)),
    max: r2(sorted.at(-1) ?? NaN),
    mean: r2(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    loadAvg: r2(os.loadavg()[0]!),
  };
}

/**
 * The window both loops measure: it opens after the warm-up and closes `seconds` later;
 * latencies and errors are counted inside it, and CPU is read when it opens and closes, as
 * the latencies are.
 */
function measuredWindow(opts: { seconds: number; warmupSeconds?: number; cpu?: CpuProbe }) {
  const warmup = (opts.warmupSeconds ?? 1) * 1000;
  const start = performance.now();
  const measureFrom = start + warmup;
  const end = measureFrom + opts.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let cpuFrom: CpuSnapshot | undefined;
  let cpuTo: CpuSnapshot | undefined;
  const probe = opts.cpu;
  const timers = probe ? [setTimeout(() => (cpuFrom = probe()), warmup), setTimeout(() => (cpuTo = probe()), warmup + opts.seconds * 1000)] : [];
  return {
    start,
    /** The warm-up's length in ms (measureFrom is start + warmup). */
    warmup,
    measureFrom,
    end,
    latency(ms: number): void {
      latencies.push(ms);
    },
    error(err: unknown): void {
      errors++;
      firstError ??= String((err as Error)?.message ?? err).slice(0, 300);
    },
    /** The summary, with the CPU per request when a probe was given. */
    close(name: string, concurrency: number): LoadResult {
      for (const t of timers) clearTimeout(t);
      const r: LoadResult = { ...summarise(name, concurrency, opts.seconds, latencies, errors, firstError), windowFrom: new Date(performance.timeOrigin + measureFrom).toISOString() };
      if (cpuFrom) {
        const cpu = cpuPerRequest(cpuFrom, cpuTo ?? probe!(), r.requests);
        if (cpu) r.cpu = cpu;
      }
      return r;
    },
  };
}

/** The end of a scenario's log line: its errors, and its CPU per request when measured. */
function errorsAndCpu(r: LoadResult): string {
  const cpu = r.cpu ? `; CPU ms/req generator ${r.cpu.generator} server ${r.cpu.server ?? '–'} database ${r.cpu.database ?? '–'}` : '';
  return `errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ''}${cpu}`;
}

export async function runLoad(
  name: string,
  opts: { concurrency: number; seconds: number; warmupSeconds?: number; cpu?: CpuProbe },
  request: (client: number, iteration: number) => Promise<unknown>,
  log: (s: string) => void = () => {},
): Promise<LoadResult> {
  const w = measuredWindow(opts);
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, client) => {
      for (let i = 0; ; i++) {
        const t0 = performance.now();
        if (t0 >= w.end) break;
        try {
          await request(client, i);
          const t1 = performance.now();
          if (t0 >= w.measureFrom && t1 <= w.end) w.latency(t1 - t0);
        } catch (err) {
          if (t0 >= w.measureFrom) w.error(err);
        }
      }
    }),
  );
  const r = w.close(name, opts.concurrency);
  log(`  ${name}: ${r.throughput}/s p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms, ${errorsAndCpu(r)}`);
  return r;
}

/**
 * Open loop: request k falls due at start + k / rate and is sent then, or, when
 * `maxInFlight` requests are already out, as soon as one answers; its latency runs from the
 * moment it fell due, so a slow answer delays the requests behind it and they show it (no
 * coordinated omission, as in wrk2). Requests due in the warm-up are sent but not counted.
 */
export async function runAtRate(
  name: string,
  opts: {
    rate: number;
    seconds: number;
    maxInFlight: number;
    warmupSeconds?: number;
    cpu?: CpuProbe;
    /** The server's longest event-loop stall per second from an instant (ScenarioContext). */
    serverStalls?: (fromEpochMs: number, seconds: number) => number[];
  },
  request: (slot: number, iteration: number) => Promise<unknown>,
  log: (s: string) => void = () => {},
): Promise<LoadResult> {
  const w = measuredWindow(opts);
  const windowSeconds = Math.ceil(opts.seconds);
  const stalls = generatorStalls(w.measureFrom, windowSeconds);
  let queued = 0;
  const seconds: number[][] = Array.from({ length: windowSeconds }, () => []);
  const freeSlots = Array.from({ length: opts.maxInFlight }, (_, i) => opts.maxInFlight - 1 - i);
  const waiting: ((slot: number) => void)[] = [];
  const inFlight = new Set<Promise<void>>();
  const takeSlot = (): Promise<number> | number => freeSlots.pop() ?? new Promise<number>((resolve) => waiting.push(resolve));
  const giveSlot = (slot: number) => {
    const next = waiting.shift();
    if (next) next(slot);
    else freeSlots.push(slot);
  };
  for (let k = 0; ; k++) {
    // Offsets from the start as k * 1000 / rate (exact on each whole second), so a request
    // due on a second's boundary is charged to the second it opens, not the one before.
    const offset = (k * 1000) / opts.rate;
    const due = w.start + offset;
    if (offset >= w.warmup + opts.seconds * 1000) break;
    const now = performance.now();
    if (due > now) await new Promise((r) => setTimeout(r, due - now));
    const counted = offset >= w.warmup;
    const second = Math.floor((offset - w.warmup) / 1000);
    const slotOrWait = takeSlot();
    if (typeof slotOrWait !== 'number' && counted) queued++;
    const run = (async () => {
      const slot = await slotOrWait;
      try {
        await request(slot, k);
        const t1 = performance.now();
        if (counted && t1 <= w.end) {
          w.latency(t1 - due);
          seconds[second]?.push(t1 - due);
        }
      } catch (err) {
        if (counted) w.error(err);
      } finally {
        giveSlot(slot);
      }
    })();
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  }
  await Promise.all(inFlight);
  const stallBySecond = stalls.stop();
  const serverStallBySecond = opts.serverStalls?.(performance.timeOrigin + w.measureFrom, windowSeconds);
  const bySecond = seconds.map((l, i) => {
    const sorted = l.sort((a, b) => a - b);
    return {
      requests: sorted.length,
      p99: Math.round(percentile(sorted, 99) * 10) / 10,
      max: Math.round((sorted.at(-1) ?? NaN) * 10) / 10,
      stall: Math.round(stallBySecond[i]! * 10) / 10,
      ...(serverStallBySecond ? { serverStall: Math.round(serverStallBySecond[i]! * 10) / 10 } : {}),
    };
  });
  const r: LoadResult = { ...w.close(name, opts.maxInFlight), offeredRate: opts.rate, queued, bySecond };
  log(`  ${name}: ${r.throughput}/s of ${opts.rate}/s offered, p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} max ${r.max} ms, queued ${queued}, ${errorsAndCpu(r)}`);
  log(`    p99 by second: ${bySecond.map((x) => Math.round(x.p99)).join(' ')} ms; the generator's longest stall by second: ${bySecond.map((x) => Math.round(x.stall)).join(' ')} ms`);
  if (serverStallBySecond) log(`    the server's longest stall by second: ${bySecond.map((x) => Math.round(x.serverStall ?? 0)).join(' ')} ms`);
  return r;
}

/**
 * The load generator's own event-loop stalls (its GC, its JSON parsing, a busy moment of the
 * machine) by second of the measured window (event-loop-stalls.mjs, the timer the server's
 * probe uses too). The longest per second, in ms, charged to the second the stall ended in.
 */
export function generatorStalls(measureFrom: number, seconds: number): { stop(): number[] } {
  const longest = new Array<number>(seconds).fill(0);
  const stop = watchEventLoopStalls((stall, now) => {
    const i = Math.floor((now - measureFrom) / 1000);
    if (i >= 0 && i < seconds) longest[i] = Math.max(longest[i]!, stall);
  });
  return {
    stop() {
      stop();
      return longest;
    },
  };
}
