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
  it('passes the ledger at exactly 50 ms p99 and misses it just above', () => {
    expect(result(run({ api: named(load('ledger.committee', { p99: 50 })) }), 'Ledger').pass).toBe(true);
    expect(result(run({ api: named(load('ledger.committee', { p99: 50.1 })) }), 'Ledger').pass).toBe(false);
  });

  it('judges the ledger by its slowest persona', () => {
    const r = run({ api: named(load('ledger.committee', { p99: 20 }), load('ledger.liaison', { p99: 70 })) });
    expect(result(r, 'Ledger')).toMatchObject({ pass: false, figure: '70.0 ms (ledger.liaison)' });
  });

  it('leaves the open-loop runs out of the closed-loop targets', () => {
    const r = run({ api: named(load('ledger.committee', { p99: 20 }), load('ledger.committee@400/s', { p99: 500, offeredRate: 400 })) });
    expect(result(r, 'Ledger').pass).toBe(true);
  });

  it('misses a target whose run had errors, however fast', () => {
    expect(result(run({ api: named(load('search4.committee', { p95: 5, errors: 1 })) }), 'Keyword').pass).toBe(false);
  });

  it('marks a target whose scenario did not run as neither passed nor missed', () => {
    expect(result(run(), 'Dashboard')).toMatchObject({ pass: null, figure: 'not run' });
  });

  it('passes registration only when the offered 300 a second are served within 50 ms p99', () => {
    const back = load('register', { throughput: 350, p99: 120 });
    const served = load('register@300/s', { offeredRate: 300, throughput: 299, p99: 45 });
    expect(result(run({ api: named(back, served) }), 'Register').pass).toBe(true);
    expect(result(run({ api: named(back, { ...served, p99: 55 }) }), 'Register').pass).toBe(false);
    expect(result(run({ api: named(back, { ...served, throughput: 250 }) }), 'Register').pass).toBe(false);
    expect(result(run({ api: named({ ...back, throughput: 290 }, served) }), 'Register').pass).toBe(false);
  });

  it('reads the API-to-database ratio from the committee ledger against its direct SQL', () => {
    const api = named(load('ledger.committee', { throughput: 500 }));
    expect(result(run({ api, db: named(load('db.ledger.committee', { throughput: 1000 })) }), 'API ledger').pass).toBe(true);
    expect(result(run({ api, db: named(load('db.ledger.committee', { throughput: 1001 })) }), 'API ledger').pass).toBe(false);
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
    const md = runMarkdown(run({ api: named(load('ledger.committee', { p99: 60 })) }));
    expect(md).toContain('| Ledger first page p99 ≤ 50 ms | 60.0 ms (ledger.committee) | **MISS** |');
    expect(md).toContain('| Dashboard p95 ≤ 100 ms | not run | – |');
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
