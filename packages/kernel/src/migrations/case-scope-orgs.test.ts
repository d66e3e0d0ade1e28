import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, registerAndAssign, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import * as m0014 from './0014_case_scope_orgs.js';
import * as m0015 from './0015_open_cases_cover_scope.js';

// Migrations 0014 and 0015 on a database that already holds assigned cases.
describeEachEngine('the cases’ scope organisations (migrations 0014, 0015)', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    await registerAndAssign(t, sup, leader, { unit: '示范县人民法院', cooperating: ['示范县公安局'], title: '法院牵头公安协办' });
    await registerAndAssign(t, sup, leader, { unit: '示范县公安局', title: '公安局承办' });
    await sup.caller.cases.register({ title: '尚未交办', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    // Back to the schema before 0014: no column, no triggers, the grams' index on its own
    // and the open cases' index as migration 0009 left it (dropping the column drops both).
    const db = t.database.db;
    await sql`drop trigger case_scope_orgs_insert on kernel.cases`.execute(db);
    await sql`drop trigger case_scope_orgs_update on kernel.cases`.execute(db);
    await sql`drop function kernel.case_scope_orgs_sync()`.execute(db);
    await sql`alter table kernel.cases drop column scope_org_ids`.execute(db);
    await sql`create index cases_search_idx on kernel.cases using gin (search_grams) with (gin_pending_list_limit = 512)`.execute(db);
    await sql`create index cases_open_dispatch_idx on kernel.cases (tenant_id, next_dispatch_on)
      include (deadline, lead_unit_id, cooperating_unit_ids, kind) where status in ('assigned', 'in_progress', 'submitted')`.execute(db);
    await m0014.up(db);
    await m0015.up(db);
  });
  afterAll(() => t?.stop());

  it("fills every existing case's scope organisations from its units' paths", async () => {
    const r = await sql<{ title: string; n: number; agrees: boolean }>`
      select title, cardinality(scope_org_ids) as n, scope_org_ids = array_remove(kernel.case_scopes(c), null) as agrees
      from kernel.cases as c where tenant_id = ${t.tenantId} order by title`.execute(t.database.db);
    expect(r.rows.map((x) => x.agrees)).toEqual(r.rows.map(() => true));
    expect(Object.fromEntries(r.rows.map((x) => [x.title, x.n > 0]))).toEqual({ 法院牵头公安协办: true, 公安局承办: true, 尚未交办: false });
  });

  it('shows the units their cases again, the cooperating unit included', async () => {
    const liaison = await t.signIn('liaison');
    const titles = (await liaison.caller.cases.ledger({})).items.map((i) => i.title).sort();
    expect(titles).toEqual(['公安局承办', '法院牵头公安协办']);
  });

  it('keeps the scope organisations of cases registered afterwards', async () => {
    const later = await registerAndAssign(t, sup, leader, { unit: '示范县公安局', title: '迁移之后交办' });
    const liaison = await t.signIn('liaison');
    expect((await liaison.caller.cases.ledger({ keyword: '迁移之后' })).items.map((i) => i.id)).toEqual([later.id]);
  });

  it("carries the scope organisations in the open cases' covering index, for a unit's dashboard (migration 0015)", async () => {
    const r = await sql<{ def: string }>`select pg_get_indexdef('kernel.cases_open_dispatch_idx'::regclass) as def`.execute(t.database.db);
    expect(r.rows[0]!.def).toMatch(/INCLUDE \(.*scope_org_ids.*\)/);
  });
});
