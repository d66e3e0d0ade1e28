import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { describeEachEngine, inDays, orgIdByName, registerAndAssign, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import type { SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { closedStatuses, openStatuses } from './lifecycle.js';
import { compactCaseTallies, rebuildCaseTallies, tallyBreakdown, tallyCount, tallyRollup, type TallyRow } from './tallies.js';

/** The counters as the cases table itself would give them, for comparison. */
async function countedFromCases(t: TestKernel) {
  const r = await sql<{ status: string; urgency: string; lead_unit_id: string | null; n: string }>`
    select status, urgency, lead_unit_id, count(*) as n from kernel.cases where tenant_id = ${t.tenantId}
    group by status, urgency, lead_unit_id`.execute(t.database.db);
  return r.rows.map((x) => `${x.status}/${x.urgency}/${x.lead_unit_id ?? '-'}=${x.n}`).sort();
}

function asKeys(rows: { status: string; urgency: string; leadUnitId: string | null; n: number }[]) {
  return rows.map((x) => `${x.status}/${x.urgency}/${x.leadUnitId ?? '-'}=${x.n}`).sort();
}

describeEachEngine('case tallies', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  let db: Kysely<KernelDatabase>;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    db = t.database.db as Kysely<KernelDatabase>;
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
    await sup.caller.cases.register({ title: '只登记未交办的事项', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    const a = await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '公安局急件一' });
    let v = (await liaison.caller.cases.transition({ id: a.id, version: a.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: a.id, version: v, action: 'submitResult', report: '已办理完毕' })).version;
    await sup.caller.cases.transition({ id: a.id, version: v, action: 'review' });
    const b = await registerAndAssign(t, sup, leader, { urgency: 'normal', title: '法院牵头公安配合的事项', unit: '示范县人民法院' });
    await sup.caller.cases.changeUrgency({ id: b.id, version: b.version, urgency: 'critical', reason: '群体性苗头' });
  });
  afterAll(() => t.stop());

  it('agrees with a count of the cases after registrations, transitions and an urgency change', async () => {
    const committee = { tenantId: t.tenantId, committee: true } as SessionUser;
    expect(asKeys(await tallyBreakdown(db, committee))).toEqual(await countedFromCases(t));
  });

  it('gives the same figures after the deltas are compacted', async () => {
    const before = await sup.caller.cases.dashboard({});
    await compactCaseTallies(db);
    const left = await sql<{ n: string }>`select count(*) as n from kernel.case_tally_deltas`.execute(db);
    expect(Number(left.rows[0]!.n)).toBe(0);
    expect(await sup.caller.cases.dashboard({})).toEqual(before);
  });

  it('gives the same figures after a rebuild from the cases table', async () => {
    const before = await sup.caller.cases.dashboard({});
    await rebuildCaseTallies(db);
    expect(await sup.caller.cases.dashboard({})).toEqual(before);
  });

  it('leaves the counters unchanged when a transaction that changed a case rolls back', async () => {
    const before = await sup.caller.cases.dashboard({});
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.updateTable('kernel.cases').set({ status: 'archived' }).where('tenant_id', '=', t.tenantId).execute();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await sup.caller.cases.dashboard({})).toEqual(before);
  });

  it('counts a case once for a unit that both leads and cooperates on it', async () => {
    const reg = await registerAndAssign(t, sup, leader, {
      title: '公安局牵头并配合的事项',
      urgency: 'normal',
      unit: '示范县公安局',
      cooperating: ['示范县公安局', '城关派出所', '示范县人民法院'],
    });
    const ledger = await liaison.caller.cases.ledger({ pageSize: 50 });
    const d = await liaison.caller.cases.dashboard({});
    expect(d.total).toBe(ledger.total);
    expect(ledger.items.filter((i) => i.id === reg.id)).toHaveLength(1);
  });

  it('counts for a unit the cases it only cooperates on, under their lead unit', async () => {
    const court = await orgIdByName(t, '示范县人民法院');
    const reg = await registerAndAssign(t, sup, leader, { title: '法院牵头公安局配合的新事项', urgency: 'urgent', unit: '示范县人民法院', cooperating: ['示范县公安局'] });
    // Let the deadline pass (a date in the past cannot be set through the procedures).
    await sql`update kernel.cases set deadline = ${inDays(-2)} where tenant_id = ${t.tenantId} and id = ${reg.id}`.execute(db);
    const d = await liaison.caller.cases.dashboard({});
    const ledger = await liaison.caller.cases.ledger({ status: ['assigned'] });
    expect(ledger.items.map((i) => i.id)).toContain(reg.id);
    expect(d.byStatus.find((s) => s.status === 'assigned')!.count).toBe(ledger.total);
    expect(d.byUnit.find((u) => u.unitId === court)).toMatchObject({ total: 1, open: 1, overdue: 1 });
  });

  it('counts the ledger pager exactly from the tallies for a status filter', async () => {
    const r = await sup.caller.cases.ledger({ status: ['registered', 'assigned'], pageSize: 1 });
    const direct = await sql<{ n: string }>`select count(*) as n from kernel.cases where tenant_id = ${t.tenantId} and status in ('registered', 'assigned')`.execute(db);
    expect(r).toMatchObject({ total: Number(direct.rows[0]!.n), totalCapped: false });
  });

  it("agrees with the scope rule for every organisation's users, cooperating units included", async () => {
    const orgs = await sql<{ id: string; path: string; kind: string }>`select id, path, kind from kernel.orgs where tenant_id = ${t.tenantId}`.execute(db);
    for (const o of orgs.rows) {
      const user = { tenantId: t.tenantId, orgId: o.id, orgPath: o.path, committee: false } as SessionUser;
      const direct = await sql<{ n: string }>`select count(*) as n from kernel.cases as c
        where c.tenant_id = ${t.tenantId} and c.status in ('assigned', 'in_progress', 'submitted', 'closed', 'archived')
          and (c.lead_unit_id in (select id from kernel.orgs where tenant_id = ${t.tenantId} and path like ${`${o.path}%`})
            or c.cooperating_unit_ids && array(select id from kernel.orgs where tenant_id = ${t.tenantId} and path like ${`${o.path}%`}))`.execute(db);
      expect({ org: o.id, n: await tallyCount(db, user, {}) }).toEqual({ org: o.id, n: Number(direct.rows[0]!.n) });
    }
  });

  it("rolls the counters up per status, open urgency and top lead unit as the breakdown adds up, for every organisation's users", async () => {
    const sum = (rows: TallyRow[], key: (r: TallyRow) => string | null) => {
      const m = new Map<string, number>();
      for (const r of rows) {
        const k = key(r);
        if (k !== null) m.set(k, (m.get(k) ?? 0) + r.n);
      }
      return [...m].filter(([, n]) => n !== 0).sort(([a], [b]) => a.localeCompare(b));
    };
    const orgs = await sql<{ id: string; name: string; path: string }>`select id, name, path from kernel.orgs where tenant_id = ${t.tenantId}`.execute(db);
    const names = new Map(orgs.rows.map((o) => [o.id, o.name]));
    const users = [{ tenantId: t.tenantId, committee: true } as SessionUser, ...orgs.rows.map((o) => ({ tenantId: t.tenantId, orgId: o.id, orgPath: o.path, committee: false }) as SessionUser)];
    for (const user of users) {
      const rows = await tallyBreakdown(db, user);
      const rollup = await tallyRollup(db, user, {}, { open: openStatuses, closed: closedStatuses, units: 2 });
      const units = sum(rows, (r) => r.leadUnitId)
        .map(([id, total]) => ({
          unitId: id,
          name: names.get(id)!,
          total,
          open: rows.filter((r) => r.leadUnitId === id && openStatuses.includes(r.status as never)).reduce((a, r) => a + r.n, 0),
          closed: rows.filter((r) => r.leadUnitId === id && closedStatuses.includes(r.status as never)).reduce((a, r) => a + r.n, 0),
        }))
        .sort((a, b) => b.total - a.total || a.unitId.localeCompare(b.unitId))
        .slice(0, 2);
      expect({ org: user.orgId ?? 'committee', ...rollup, byStatus: rollup.byStatus.map((r) => [r.status, r.n]).sort(), openByUrgency: rollup.openByUrgency.map((r) => [r.urgency, r.n]).sort() }).toEqual({
        org: user.orgId ?? 'committee',
        byStatus: sum(rows, (r) => r.status),
        openByUrgency: sum(rows, (r) => (openStatuses.includes(r.status as never) ? r.urgency : null)),
        topUnits: units,
      });
    }
  });
});
