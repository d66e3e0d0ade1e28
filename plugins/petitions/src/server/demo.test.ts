import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestClock, describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import petitions from './index.js';

describeEachEngine('petitions: demo data', (engine) => {
  let t: TestKernel;
  const count = async (table: string) => {
    const { rows } = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(t.kernel.db);
    return Number(rows[0]!.n);
  };
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [petitions], clock: createTestClock('2026-12-07T02:00:00Z') });
    await t.kernel.seedDemoYear({ seed: 20261, matters: 5 });
  }, 300_000);
  afterAll(() => t.stop());

  it('seeds petitions with outcomes, relief and repeat visits, the same for the same seed', async () => {
    expect(await count('petitions.matters')).toBe(24);
    const { rows } = await sql<{ outcome: string | null; n: string }>`select outcome, count(*)::text as n from petitions.matters group by outcome order by outcome nulls first`.execute(t.kernel.db);
    expect(rows).toEqual([
      { outcome: null, n: '5' },
      { outcome: 'concluded', n: '8' },
      { outcome: 'resolved', n: '7' },
      { outcome: 'stopped', n: '4' },
    ]);
    expect(await count('petitions.visits')).toBe(34);
    expect(await count('petitions.relief')).toBe(7);
  });

  it('removes the demo petitions with the demo matters, kernel cases and plugin rows alike', async () => {
    expect(await t.kernel.removeDemoYear()).toEqual({ removed: 29 });
    expect(await count('petitions.matters')).toBe(0);
    expect(await count('petitions.visits')).toBe(0);
  });
});
