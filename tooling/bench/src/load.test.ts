import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { percentile, runAtRate, runLoad, summarise } from './load.js';

describe('percentile', () => {
  it('picks the nearest rank of a sorted list', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
  });

  it('gives the only value of a one-item list for every percentile', () => {
    expect([percentile([7], 1), percentile([7], 99)]).toEqual([7, 7]);
  });

  it('is not a number for an empty list', () => {
    expect(percentile([], 99)).toBeNaN();
  });
});

describe('summarise', () => {
  it('reports throughput over the window and percentiles of unsorted latencies', () => {
    const latencies = Array.from({ length: 200 }, (_, i) => 200 - i);
    const r = summarise('x', 4, 2, latencies, 1, 'boom');
    expect(r).toMatchObject({ name: 'x', concurrency: 4, requests: 200, errors: 1, firstError: 'boom', throughput: 100, p50: 100, p95: 190, p99: 198, max: 200, mean: 100.5 });
  });
});

describe('runLoad', () => {
  it('counts neither the answers nor the errors of the warm-up', async () => {
    let sent = 0;
    const r = await runLoad('closed', { concurrency: 1, seconds: 0.3, warmupSeconds: 0.3 }, async () => {
      sent++;
      await sleep(20);
      if (sent <= 3) throw new Error('warm-up failure');
    });
    expect(r.errors).toBe(0);
    expect(r.requests).toBeGreaterThan(0);
    expect(r.requests).toBeLessThan(sent);
  });
});

describe('runAtRate', () => {
  it('times each request from when it fell due, so one slow answer shows in the requests queued behind it', async () => {
    // 100 requests a second, one at a time: request 30 takes 300 ms, so the ~30 that fall due
    // meanwhile wait for it, and each counts its wait (a closed loop would count it once).
    const r = await runAtRate('open', { rate: 100, seconds: 1, maxInFlight: 1, warmupSeconds: 0 }, async (_slot, k) => {
      if (k === 30) await sleep(300);
    });
    expect(r.queued).toBeGreaterThanOrEqual(20);
    expect(r.p95).toBeGreaterThanOrEqual(100);
    expect(r.max).toBeGreaterThanOrEqual(290);
  });

  it('counts a failed request as an error and not as a latency', async () => {
    const r = await runAtRate('open', { rate: 50, seconds: 0.5, maxInFlight: 4, warmupSeconds: 0 }, async (_slot, k) => {
      if (k % 2 === 1) throw new Error(`request ${k} failed`);
    });
    expect(r.errors).toBeGreaterThan(0);
    expect(r.requests + r.errors).toBeLessThanOrEqual(25);
    expect(r.firstError).toBe('request 1 failed');
  });

  it('never has more than maxInFlight requests out at once', async () => {
    let out = 0;
    let most = 0;
    await runAtRate('open', { rate: 200, seconds: 0.5, maxInFlight: 3, warmupSeconds: 0 }, async () => {
      most = Math.max(most, ++out);
      await sleep(30);
      out--;
    });
    expect(most).toBe(3);
  });

  it('reports each second of the window with its requests', async () => {
    const r = await runAtRate('open', { rate: 40, seconds: 2, maxInFlight: 4, warmupSeconds: 0 }, async () => {});
    // A request due in the last moment may answer after the window closes, and is not counted.
    expect(r.bySecond).toHaveLength(2);
    expect(r.bySecond![0]!.requests).toBe(40);
    expect(r.bySecond![1]!.requests).toBeGreaterThanOrEqual(35);
    expect(r.bySecond![1]!.requests).toBeLessThanOrEqual(40);
  });
});
