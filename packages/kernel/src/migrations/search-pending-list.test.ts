import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';

// Migration 0012: registrations merge the search grams' pending list in small steps.
describeEachEngine('the search grams index', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t?.stop());

  it('merges its pending list once it holds 512 kB', async () => {
    const r = await sql<{ reloptions: string[] | null }>`select reloptions from pg_class where oid = 'kernel.cases_search_idx'::regclass`.execute(t.database.db);
    expect(r.rows[0]!.reloptions).toContain('gin_pending_list_limit=512');
  });
});
