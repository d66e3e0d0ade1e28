import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load.js';
import { checkTargets, growthMarkdown, ratio, runMarkdown, type RunResult } from './report.js';

function load(name: string, figures: Partial<LoadResult> = {}): LoadResult {
  return { name, concurrency: 32, seconds: 10, requests: 1000, errors: 0, throughput: 100, p50: 10, p95: 20, p99: 30, max: 40, mean: 12, loadAvg: 1, ...figures };
}

function run(over: Partial<RunResult> = {}): RunResult {
  return {
    engine: 'postgres',
    size: '1m',
    cases: 1_000_000,
    startedAt: '2026-12-07T00:00:00Z',
    finishedAt: '2026-12-07T00:05:00Z',
    secondsPerScenario: 10,
    concurrency: 32,
    machine: { cpu: 'test cpu', cores: 2, memoryGb: 24, node: 'v20', os: 'linux', database: 'PostgreSQL 15', settings: {}, loadAvgAtStart: 0 },
    generation: { generated: false, seconds: 0, counts: {} },
    api: {},
    db: {},
    explain: {},
    notes: [],
    ...over,
  };
}

/** Results keyed by their names, as a run records them. */
const named = (...loads: LoadResult[]): Record<string, LoadResult> => Object.fromEntries(loads.map((l) => [l.name, l]));

const result = (r: RunResult, prefix: string) => checkTargets(r).find((t) => t.target.startsWith(prefix))!;

describe('checkTargets', () => {
  it('reads the PostgreSQL latency targets from the open loops at their offered load', () => {
    const r = run({
      api: named(
        load('ledger.committee', { p99: 400, throughput: 900 }),
        load('ledger.committee@300/s', { offeredRate: 300, throughput: 300, p99: 19.5 }),
        load('search2.committee@150/s', { offeredRate: 150, throughput: 150, p95: 30 }),
        load('search4.committee@150/s', { offeredRate: 150, throughput: 150, p95: 51 }),
        load('dashboard.committee@300/s', { offeredRate: 300, throughput: 296, p95: 50 }),
        load('register@300/s', { offeredRate: 300, throughput: 293, p99: 12 }),
      ),
    });
    expect(checkTargets(r).slice(0, 4)).toEqual([
      { target: 'Ledger first page p99 ≤ 20 ms at 300 req/s offered', figure: '19.5 ms, 300.0/s served (ledger.committee@300/s)', pass: true },
      { target: 'Keyword search p95 ≤ 50 ms at 150 req/s offered', figure: '51.0 ms, 150.0/s served (search4.committee@150/s)', pass: false },
      { target: 'Dashboard p95 ≤ 50 ms at 300 req/s offered', figure: '50.0 ms, 296.0/s served (dashboard.committee@300/s)', pass: true },
      { target: 'Register p99 ≤ 50 ms at 300 req/s offered', figure: '12.0 ms, 293.0/s served (register@300/s)', pass: false },
    ]);
  });

  it('keeps the closed loops as saturated throughput, with no verdict', () => {
    const r = run({ api: named(load('ledger.committee', { throughput: 812.34 }), load('register', { throughput: 351 })) });
    expect(result(r, 'Saturated')).toEqual({ target: 'Saturated throughput (closed loops, read as throughput only)', figure: 'ledger.committee 812.3/s · register 351.0/s', pass: null });
  });

  it('marks a target whose scenario did not run as neither passed nor missed', () => {
    expect(result(run(), 'Dashboard')).toMatchObject({ pass: null, figure: 'not run' });
  });

  it('holds 10M to twice the 1M targets', () => {
    const r = run({ size: '10m', api: named(load('ledger.committee@300/s', { offeredRate: 300, throughput: 300, p99: 40 })) });
    expect(result(r, 'Ledger')).toEqual({ target: 'Ledger first page p99 ≤ 40 ms at 300 req/s offered (10M: twice the 1M 20 ms)', figure: '40.0 ms, 300.0/s served (ledger.committee@300/s)', pass: true });
  });

  it('reads the API-to-database ratio of every ledger and search scenario against its direct SQL', () => {
    const api = named(load('ledger.committee', { throughput: 700 }), load('search4.committee', { throughput: 690 }), load('ledger.committee@300/s', { throughput: 300 }));
    const db = named(load('db.ledger.committee', { throughput: 1000 }), load('db.search4.committee', { throughput: 1000 }));
    expect(result(run({ api, db }), 'API')).toEqual({
      target: 'API ÷ database throughput ≥ 0.7 (ledger and search)',
      figure: 'ledger.committee 0.70 × (700.0/s vs 1000.0/s) · search4.committee 0.69 × (690.0/s vs 1000.0/s)',
      pass: false,
    });
  });

  it('scales the export time limit with the rows exported and misses an export that failed', () => {
    const ex = { rows: 200_000, secondsToReady: 15, secondsDownload: 3, secondsTotal: 18, bytes: 1, rssBaselineMb: 100, rssPeakMb: 250, rssGrowthMb: 150, filter: {} };
    expect(result(run({ export: ex as never }), 'Export').pass).toBe(true);
    expect(result(run({ export: { ...ex, rssGrowthMb: 201 } as never }), 'Export').pass).toBe(false);
    expect(result(run({ export: { ...ex, error: 'timed out' } as never }), 'Export').pass).toBe(false);
  });

  it('checks only the ledger p95 for the embedded database', () => {
    const checks = checkTargets(run({ engine: 'pglite', size: '100k', api: named(load('ledger.committee', { p95: 99, p99: 300 })) }));
    expect(checks).toEqual([{ target: 'PGlite 100k: ledger first page p95 ≤ 100 ms', figure: '99.0 ms (ledger.committee)', pass: true }]);
  });
});

describe('ratio', () => {
  it('is absent without the database figure to divide by', () => {
    expect(ratio(load('x'), undefined)).toBeNull();
    expect(ratio(load('x'), load('db.x', { throughput: 0 }))).toBeNull();
  });
});

describe('runMarkdown', () => {
  it('writes a row per target with its result', () => {
    const md = runMarkdown(run({ api: named(load('ledger.committee@300/s', { offeredRate: 300, throughput: 300, p99: 60 })) }));
    expect(md).toContain('| Ledger first page p99 ≤ 20 ms at 300 req/s offered | 60.0 ms, 300.0/s served (ledger.committee@300/s) | **MISS** |');
    expect(md).toContain('| Dashboard p95 ≤ 50 ms at 300 req/s offered | not run | – |');
  });
});

describe('growthMarkdown', () => {
  it('needs two PostgreSQL sizes to show growth', () => {
    expect(growthMarkdown([run({ size: '10k' }), run({ engine: 'pglite', size: '100k' })])).toBe('');
  });

  it('puts each size in its own column, a missing figure as a dash', () => {
    const md = growthMarkdown([run({ size: '10k', api: named(load('ledger.committee', { p95: 5 })) }), run({ size: '100k' })]);
    expect(md).toContain('| figure | 10k | 100k |');
    expect(md).toContain('| ledger.committee p95 ms | 5.0 | – |');
  });
});
