import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import * as m0016 from './0016_case_party_names.js';

// Migration 0016 on a database that already holds cases with and without parties.
describeEachEngine('the cases’ party names (migration 0016)', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    const reg = (title: string, parties: string[]) =>
      sup.caller.cases.register({ title, summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: parties.map((name) => ({ name })) });
    await reg('两位当事人', ['王小明', '李四']);
    await reg('没有当事人', []);
    // Back to the schema before 0016.
    await sql`alter table kernel.cases drop column party_names`.execute(t.database.db);
    await m0016.up(t.database.db);
  });
  afterAll(() => t?.stop());

  it("fills every existing case's party names in name order, and leaves a case without parties empty", async () => {
    const r = await sql<{ title: string; party_names: string[] }>`
      select title, party_names from kernel.cases where tenant_id = ${t.tenantId} order by title`.execute(t.database.db);
    const expected = (await sql<{ n: string[] }>`select array_agg(n order by n) as n from unnest(array['王小明', '李四']) as n`.execute(t.database.db)).rows[0]!.n;
    expect(Object.fromEntries(r.rows.map((x) => [x.title, x.party_names]))).toEqual({ 两位当事人: expected, 没有当事人: [] });
  });

  it('shows the backfilled names masked in the ledger', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '两位当事人' });
    expect(r.items[0]!.parties.split('、').sort()).toEqual(['李*', '王**']);
  });

  it('finds a case by a backfilled party name', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '王小明' });
    expect(r.items.map((i) => i.title)).toEqual(['两位当事人']);
  });
});
