// A closed-loop load runner: `concurrency` clients each send their next request as soon
// as the previous one answers, for a fixed time after a short warm-up. Latencies are kept
// exactly (no histogram buckets) and summarised as percentiles.
import os from 'node:os';
import { cpuPerRequest, type CpuPerRequest, type CpuProbe, type CpuSnapshot } from './cpu.js';

export interface LoadResult {
  name: string;
  concurrency: number;
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

export async function runLoad(
  name: string,
  opts: { concurrency: number; seconds: number; warmupSeconds?: number; cpu?: CpuProbe },
  request: (client: number, iteration: number) => Promise<unknown>,
  log: (s: string) => void = () => {},
): Promise<LoadResult> {
  const warmup = (opts.warmupSeconds ?? 1) * 1000;
  const start = performance.now();
  const measureFrom = start + warmup;
  const end = measureFrom + opts.seconds * 1000;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  // CPU is read when the measured window opens and closes, as the latencies are.
  let cpuFrom: CpuSnapshot | undefined;
  let cpuTo: CpuSnapshot | undefined;
  const probe = opts.cpu;
  const timers = probe ? [setTimeout(() => (cpuFrom = probe()), warmup), setTimeout(() => (cpuTo = probe()), warmup + opts.seconds * 1000)] : [];
  await Promise.all(
    Array.from({ length: opts.concurrency }, async (_, client) => {
      for (let i = 0; ; i++) {
        const t0 = performance.now();
        if (t0 >= end) break;
        try {
          await request(client, i);
          const t1 = performance.now();
          if (t0 >= measureFrom && t1 <= end) latencies.push(t1 - t0);
        } catch (err) {
          if (t0 >= measureFrom) {
            errors++;
            firstError ??= String((err as Error)?.message ?? err).slice(0, 300);
          }
        }
      }
    }),
  );
  for (const t of timers) clearTimeout(t);
  const r = summarise(name, opts.concurrency, opts.seconds, latencies, errors, firstError);
  if (cpuFrom) {
    const cpu = cpuPerRequest(cpuFrom, cpuTo ?? probe!(), r.requests);
    if (cpu) r.cpu = cpu;
  }
  log(`  ${name}: ${r.throughput}/s p50 ${r.p50} p95 ${r.p95} p99 ${r.p99} ms, errors ${r.errors}${firstError ? ` (${firstError})` : ''}${r.cpu ? `; CPU ms/req generator ${r.cpu.generator} server ${r.cpu.server ?? '–'} database ${r.cpu.database ?? '–'}` : ''}`);
  return r;
}
