import { describe, expect, it } from 'vitest';
import type { LoadResult } from './load.js';
import { atRateName, checkOfferedLoad, limitAt, OFFERED_LOAD_TARGETS, passesAtRate } from './targets.js';

function load(name: string, figures: Partial<LoadResult> = {}): LoadResult {
  return { name, concurrency: 32, seconds: 10, requests: 3000, errors: 0, throughput: 300, p50: 5, p95: 10, p99: 15, max: 40, mean: 6, loadAvg: 1, offeredRate: 300, ...figures };
}

const target = (label: string) => OFFERED_LOAD_TARGETS.find((t) => t.label === label)!;

describe('the offered-load targets', () => {
  it('states the four targets of issue 35', () => {
    expect(OFFERED_LOAD_TARGETS.map((t) => `${t.label} ${t.percentile} ≤ ${t.ms} ms at ${t.rate}/s`)).toEqual([
      'Ledger first page p99 ≤ 20 ms at 300/s',
      'Keyword search p95 ≤ 50 ms at 150/s',
      'Dashboard p95 ≤ 50 ms at 300/s',
      'Register p99 ≤ 50 ms at 300/s',
    ]);
  });

  it('names an open-loop run by its scenario and rate', () => {
    expect(atRateName('search4.committee', 150)).toBe('search4.committee@150/s');
  });

  it('holds 1M and the smaller sizes to the target and 10M to twice it', () => {
    expect([limitAt(target('Ledger first page'), '10k'), limitAt(target('Ledger first page'), '1m'), limitAt(target('Ledger first page'), '10m')]).toEqual([20, 20, 40]);
  });

  it('passes the ledger at exactly 20 ms p99 and misses it just above', () => {
    expect(passesAtRate(load('ledger.committee@300/s', { p99: 20 }), target('Ledger first page'), 20)).toBe(true);
    expect(passesAtRate(load('ledger.committee@300/s', { p99: 20.01 }), target('Ledger first page'), 20)).toBe(false);
  });

  it('reads the dashboard at p95, not p99', () => {
    expect(passesAtRate(load('dashboard.committee@300/s', { p95: 49, p99: 200 }), target('Dashboard'), 50)).toBe(true);
  });

  it('misses a run that had an error, however fast', () => {
    expect(passesAtRate(load('register@300/s', { p99: 5, errors: 1 }), target('Register'), 50)).toBe(false);
  });

  it('misses a run that served less than 98 % of the offered load', () => {
    expect(passesAtRate(load('register@300/s', { throughput: 294 }), target('Register'), 50)).toBe(true);
    expect(passesAtRate(load('register@300/s', { throughput: 293.9 }), target('Register'), 50)).toBe(false);
  });

  it('misses a run that answered nothing in its window, as recorded and as read back from its JSON', () => {
    const none = load('ledger.committee@300/s', { throughput: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN });
    const readBack = JSON.parse(JSON.stringify(none)) as LoadResult;
    expect(checkOfferedLoad(target('Ledger first page'), '1m', { [none.name]: none })).toEqual({
      target: 'Ledger first page p99 ≤ 20 ms at 300 req/s offered',
      figure: '– ms, 0.0/s served (ledger.committee@300/s)',
      pass: false,
    });
    expect(passesAtRate(readBack, target('Ledger first page'), 20)).toBe(false);
  });

  it('judges search by its slower keyword length and names it', () => {
    const api = { 'search2.committee@150/s': load('search2.committee@150/s', { throughput: 150, p95: 44 }), 'search4.committee@150/s': load('search4.committee@150/s', { throughput: 150, p95: 12 }) };
    expect(checkOfferedLoad(target('Keyword search'), '1m', api)).toEqual({
      target: 'Keyword search p95 ≤ 50 ms at 150 req/s offered',
      figure: '44.0 ms, 150.0/s served (search2.committee@150/s)',
      pass: true,
    });
  });

  it('ignores the closed loop of the same scenario', () => {
    expect(checkOfferedLoad(target('Ledger first page'), '1m', { 'ledger.committee': load('ledger.committee', { p99: 5 }) })).toEqual({
      target: 'Ledger first page p99 ≤ 20 ms at 300 req/s offered',
      figure: 'not run',
      pass: null,
    });
  });

  it('counts the errors of every run in the figure', () => {
    const api = { 'ledger.committee@300/s': load('ledger.committee@300/s', { errors: 3 }) };
    expect(checkOfferedLoad(target('Ledger first page'), '1m', api)).toEqual({
      target: 'Ledger first page p99 ≤ 20 ms at 300 req/s offered',
      figure: '15.0 ms, 300.0/s served (ledger.committee@300/s); 3 errors',
      pass: false,
    });
  });
});
