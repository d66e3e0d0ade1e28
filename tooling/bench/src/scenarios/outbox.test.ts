// The outbox scenario measures the query the background loop runs: it finds exactly the
// events pending behind the cursor, and the plan reads the outbox from the cursor.
import { expect, it } from 'vitest';
import { outboxScenario, outboxSizes } from './outbox.js';

it('finds the ten pending events behind the cursor, reading the outbox from the cursor', async () => {
  const result = await outboxScenario('pglite', [1_000], () => {});
  expect(result.runs.map((r) => [r.delivered, r.pending, r.cursor.samples])).toEqual([[1_000, 10, 500]]);
  for (const r of result.runs) expect(r.explain).toContain('Index Scan using outbox_position_idx on outbox o');
}, 120_000);

it('measures 1M delivered events only when BENCH_OUTBOX_1M is set', () => {
  expect(outboxSizes({})).toEqual([10_000]);
  expect(outboxSizes({ BENCH_OUTBOX_1M: '1' })).toEqual([10_000, 1_000_000]);
});
