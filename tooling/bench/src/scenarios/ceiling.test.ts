// The ceiling is only a ceiling of the API if it asks the database the same question: its
// hand-written statements (ledgerSql) must read the same page, in the same order, with the
// same total as the kernel's ledger procedure, for a committee and a unit, under every plan
// shape the kernel may choose.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, inDays, registerAndAssign, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import type { Raw } from '../db.js';
import { engineQuery, ledgerSql, type CeilingPlan, type ScopeUser } from './ceiling.js';
import { ledgerVariants, searchVariant, terms2, terms4, type LedgerVariant } from './common.js';

const searches = [...terms2, ...terms4].map((_, i, all) => searchVariant(all, i));

describeEachEngine("the ceiling's direct SQL", (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let liaison: ActingUser;
  let q: Raw['query'];
  const scope = {} as Record<'committee' | 'liaison', ScopeUser>;

  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
    // A spread of statuses, urgencies, units and texts the variants and terms pick from.
    await sup.caller.cases.register({ title: '只登记未交办的土地承包纠纷', summary: '村民反映土地承包合同纠纷', source: 'visit', urgency: 'normal', isKey: false, parties: [{ name: '王土地' }] });
    const assigned = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '关于交通事故赔偿的督办' });
    const progressing = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '劳动争议拖欠工资问题' });
    await liaison.caller.cases.transition({ id: progressing.id, version: progressing.version, action: 'acknowledge' });
    const submitted = await registerAndAssign(t, sup, leader, { urgency: 'normal', title: '医疗纠纷调处' });
    let v = (await liaison.caller.cases.transition({ id: submitted.id, version: submitted.version, action: 'acknowledge' })).version;
    await liaison.caller.cases.transition({ id: submitted.id, version: v, action: 'submitResult', report: '已约谈当事人' });
    const closed = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '拆迁安置补偿款' });
    v = (await liaison.caller.cases.transition({ id: closed.id, version: closed.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: closed.id, version: v, action: 'submitResult', report: '已办结' })).version;
    await sup.caller.cases.transition({ id: closed.id, version: v, action: 'review' });
    const court = await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '执行款长期未到位', unit: '示范县人民法院' });
    await registerAndAssign(t, sup, leader, { urgency: 'normal', title: '民间借贷执行', unit: '示范县人民法院', cooperating: ['示范县公安局'] });
    await registerAndAssign(t, sup, leader, { urgency: 'normal', title: '邻里纠纷山林权属', unit: '示范县司法局' });
    // Two matters past their deadline, for the overdue filter.
    await sql`update kernel.cases set deadline = ${inDays(-3)}::date where id in (${assigned.id}, ${court.id})`.execute(t.database.db);

    q = engineQuery(t.database);
    for (const username of ['supervisor', 'liaison'] as const) {
      const r = await sql<{ kind: string; path: string }>`select o.kind, o.path from kernel.users as u join kernel.orgs as o on o.tenant_id = u.tenant_id and o.id = u.org_id
        where u.tenant_id = ${t.tenantId} and u.username = ${username}`.execute(t.database.db);
      scope[username === 'supervisor' ? 'committee' : 'liaison'] = { tenantId: t.tenantId, committee: r.rows[0]!.kind === 'committee', orgPath: r.rows[0]!.path };
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** The ceiling's page ids and total for one variant under one plan shape. */
  async function direct(u: ScopeUser, v: LedgerVariant, plan: CeilingPlan) {
    const { count, page } = ledgerSql(u, v, plan);
    const rows = (await q<{ id: string; total?: string }>(page[0], page[1])).rows;
    const total = count ? (await q<{ total: string }>(count[0], count[1])).rows[0]!.total : (rows[0]?.total ?? '0');
    return { ids: rows.map((r) => r.id), total: Number(total) };
  }

  async function api(who: ActingUser, v: LedgerVariant) {
    const r = await who.caller.cases.ledger({ ...v, page: 1, pageSize: 20 });
    return { ids: r.items.map((x) => x.id), total: r.total };
  }

  it('has matters for the committee and fewer for the unit', async () => {
    const all = await api(sup, { sort: 'deadline', dir: 'asc' });
    const unit = await api(liaison, { sort: 'deadline', dir: 'asc' });
    expect(all.total).toBe(8);
    expect(unit.total).toBeGreaterThan(0);
    expect(unit.total).toBeLessThan(all.total);
  });

  it("reads the committee's ledger pages and totals as the API does", async () => {
    for (const v of ledgerVariants) expect(await direct(scope.committee, v, {}), JSON.stringify(v)).toEqual(await api(sup, v));
  });

  it("reads a unit's ledger pages and totals as the API does, along the sort's index or through the scope's", async () => {
    for (const v of ledgerVariants) {
      const expected = await api(liaison, v);
      expect(await direct(scope.liaison, v, {}), JSON.stringify(v)).toEqual(expected);
      expect(await direct(scope.liaison, v, { scopeIndexed: true }), `${JSON.stringify(v)}, scope indexed`).toEqual(expected);
    }
  });

  it('finds the same matters for every search term as the API, through the grams or along the order', async () => {
    let found = 0;
    for (const v of searches) {
      for (const [who, u] of [[sup, scope.committee], [liaison, scope.liaison]] as const) {
        const expected = await api(who, v);
        found += expected.total;
        expect(await direct(u, v, {}), `${v.keyword} as ${u.committee ? 'committee' : 'unit'}`).toEqual(expected);
        expect(await direct(u, v, { broad: true }), `${v.keyword} as ${u.committee ? 'committee' : 'unit'}, broad`).toEqual(expected);
      }
    }
    expect(found).toBeGreaterThan(0);
  });
});
