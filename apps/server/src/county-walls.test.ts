// Row-level security as installed (issue 29, 等保): every table with a tenant_id column, the
// kernel's and every installed plugin's, carries the county wall, so that a query which
// forgets `where tenant_id = …` inside a request returns nothing of another county.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import { loadInstalledPlugins } from './plugins.js';

const SECOND = '431122';

describeEachEngine('county walls on every table of the installed product', (engine) => {
  let t: TestKernel;
  let supervisor: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: await loadInstalledPlugins() });
    supervisor = await t.signIn('supervisor');
    await t.kernel.provisionTenant({ code: SECOND, name: '第二县', passwords: { sysadmin: 'Zhengfa@2026', secadmin: 'Zhengfa@2026', auditor: 'Zhengfa@2026' } });
  }, 300_000);
  afterAll(() => t?.stop());

  it('enables row-level security with the county_wall policy on every table that has a tenant_id column', async () => {
    const r = await sql<{ tbl: string; rls: boolean; policy: boolean }>`
      select n.nspname || '.' || c.relname as tbl, c.relrowsecurity as rls,
             exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'county_wall') as policy
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped
       where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
       order by 1`.execute(t.database.db);
    const schemas = new Set(r.rows.map((row) => row.tbl.split('.')[0]));
    // Every installed plugin with tables of its own has county tables among them.
    const withTables = t.kernel.host.enabled.filter((p) => p.migrations).map((p) => p.id);
    expect(withTables.filter((id) => !schemas.has(id))).toEqual([]);
    expect(schemas.has('kernel')).toBe(true);
    expect(r.rows.filter((row) => !row.rls || !row.policy).map((row) => row.tbl)).toEqual([]);
  });

  it("returns nothing for a query that forgets tenant_id and asks for another county's row by its id", async () => {
    const other = await sql<{ id: string }>`select id from kernel.users where tenant_id = ${SECOND} and username = 'admin'`.execute(t.database.db);
    expect(other.rows).toHaveLength(1);
    const seen = await supervisor.ctx.inCounty!('cases.list', async () => {
      const r = await sql<{ id: string }>`select id from kernel.users where id = ${other.rows[0]!.id}`.execute(t.database.db);
      return r.rows;
    });
    expect(seen).toEqual([]);
  });
});
