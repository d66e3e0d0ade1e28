// The latency targets, read at a stated offered load (issue 35): each scenario is offered in
// an open loop at its target's rate (runAtRate: every request timed from when it fell due,
// so a slow answer shows in the requests behind it) and its percentile is compared with the
// target. They are stated for 1M matters on PostgreSQL; at 10M each figure may be twice its
// 1M target; smaller sizes are marked against the 1M figures for reference. The closed loops
// stay in the report as the throughput the machine saturates at.
import type { LoadResult } from './load.js';
import type { SizeKey } from './sizes.js';

export interface OfferedLoadTarget {
  /** What the target is about, as the report names it. */
  label: string;
  /** The closed-loop scenarios whose requests are offered (the worst of them is read). */
  scenarios: string[];
  percentile: 'p95' | 'p99';
  /** The limit at 1M matters, ms. */
  ms: number;
  /** Requests offered per second. */
  rate: number;
}

export const OFFERED_LOAD_TARGETS: readonly OfferedLoadTarget[] = [
  { label: 'Ledger first page', scenarios: ['ledger.committee'], percentile: 'p99', ms: 20, rate: 300 },
  { label: 'Keyword search', scenarios: ['search2.committee', 'search4.committee'], percentile: 'p95', ms: 50, rate: 150 },
  { label: 'Dashboard', scenarios: ['dashboard.committee'], percentile: 'p95', ms: 50, rate: 300 },
  { label: 'Register', scenarios: ['register'], percentile: 'p99', ms: 50, rate: 300 },
];

/** A share of the offered requests that must be answered within the window for the load to count as served. */
export const SERVED_SHARE = 0.98;

/** The name of the open-loop run of `scenario` at `rate` requests a second. */
export function atRateName(scenario: string, rate: number): string {
  return `${scenario}@${rate}/s`;
}

/** The limit a size is held to: the 1M target, twice it at 10M. */
export function limitAt(target: OfferedLoadTarget, size: SizeKey): number {
  return size === '10m' ? 2 * target.ms : target.ms;
}

export interface TargetCheck {
  target: string;
  figure: string;
  /** null: not run. */
  pass: boolean | null;
}

/** A figure to print; a run with no answers has NaN (null once read back from its JSON). */
const f = (x: number | null | undefined, d = 1) => (typeof x !== 'number' || Number.isNaN(x) ? '–' : x.toFixed(d));

/** One open-loop run against its target: within the limit, no errors, and the offered load served. */
export function passesAtRate(run: LoadResult, target: OfferedLoadTarget, limitMs: number): boolean {
  const figure: unknown = run[target.percentile];
  return typeof figure === 'number' && Number.isFinite(figure) && figure <= limitMs && run.errors === 0 && run.throughput >= SERVED_SHARE * target.rate;
}

/** The target's row: its worst open-loop run (by the target's percentile) and whether every run passes. */
export function checkOfferedLoad(target: OfferedLoadTarget, size: SizeKey, api: Record<string, LoadResult>): TargetCheck {
  const limit = limitAt(target, size);
  const scaled = limit === target.ms ? '' : ` (10M: twice the 1M ${target.ms} ms)`;
  const label = `${target.label} ${target.percentile} ≤ ${limit} ms at ${target.rate} req/s offered${scaled}`;
  const runs = target.scenarios.map((s) => api[atRateName(s, target.rate)]).filter((r): r is LoadResult => r !== undefined);
  if (runs.length === 0) return { target: label, figure: 'not run', pass: null };
  // A run with no figure (no answer in the window) is the worst.
  const figureOf = (r: LoadResult) => (typeof r[target.percentile] === 'number' && !Number.isNaN(r[target.percentile]) ? r[target.percentile] : Infinity);
  const worst = [...runs].sort((a, b) => figureOf(b) - figureOf(a))[0]!;
  const errors = runs.reduce((n, r) => n + r.errors, 0);
  const figure = `${f(worst[target.percentile])} ms, ${f(worst.throughput)}/s served (${worst.name})${errors ? `; ${errors} errors` : ''}`;
  return { target: label, figure, pass: runs.every((r) => passesAtRate(r, target, limit)) };
}

/** The closed loops' saturated throughput, as a row without a verdict. */
export function saturatedThroughput(api: Record<string, LoadResult>): TargetCheck {
  const names = [...new Set(OFFERED_LOAD_TARGETS.flatMap((t) => t.scenarios))].filter((n) => api[n]);
  return {
    target: 'Saturated throughput (closed loops, read as throughput only)',
    figure: names.length ? names.map((n) => `${n} ${f(api[n]!.throughput)}/s`).join(' · ') : 'not run',
    pass: null,
  };
}

/** The API ÷ database throughput the issue holds the ledger and search to (the same SQL through `pg`, same run). */
export const API_DB_RATIO_TARGET = 0.7;

/** The API ÷ database row: every ledger and search scenario with its direct-SQL twin, judged by the lowest. */
export function apiDatabaseRatio(api: Record<string, LoadResult>, db: Record<string, LoadResult>): TargetCheck {
  const pairs = Object.values(api)
    .filter((a) => /^(ledger|search\d)\.[a-z]+$/.test(a.name))
    .map((a) => ({ a, d: db[`db.${a.name}`] }))
    .filter((p): p is { a: LoadResult; d: LoadResult } => p.d !== undefined && p.d.throughput > 0)
    .map(({ a, d }) => ({ name: a.name, ratio: a.throughput / d.throughput, api: a.throughput, db: d.throughput }));
  const target = `API ÷ database throughput ≥ ${API_DB_RATIO_TARGET} (ledger and search)`;
  if (pairs.length === 0) return { target, figure: 'not run', pass: null };
  const figure = pairs.map((p) => `${p.name} ${f(p.ratio, 2)} × (${f(p.api)}/s vs ${f(p.db)}/s)`).join(' · ');
  return { target, figure, pass: pairs.every((p) => p.ratio >= API_DB_RATIO_TARGET) };
}
