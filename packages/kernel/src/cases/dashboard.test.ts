import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, inDays, registerAndAssign, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import { sql } from 'kysely';

describeEachEngine('case dashboard', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    const liaison = await t.signIn('liaison');
    await sup.caller.cases.register({ title: '只登记未交办的事项', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    await registerAndAssign(t, sup, leader, { urgency: 'urgent', title: '公安局急件一' });
    const closed = await registerAndAssign(t, sup, leader, { urgency: 'normal', title: '公安局已办结事项' });
    let v = (await liaison.caller.cases.transition({ id: closed.id, version: closed.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: closed.id, version: v, action: 'submitResult', report: '已办理完毕' })).version;
    await sup.caller.cases.transition({ id: closed.id, version: v, action: 'review' });
    await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '法院特急件', unit: '示范县人民法院' });
  });
  afterAll(() => t.stop());

  it('counts cases by status, urgency and unit for the committee', async () => {
    const d = await sup.caller.cases.dashboard({});
    expect(d.total).toBe(4);
    expect(d.byStatus.find((s) => s.status === 'registered')!.count).toBe(1);
    expect(d.byStatus.find((s) => s.status === 'assigned')!.count).toBe(2);
    expect(d.byStatus.find((s) => s.status === 'closed')!.count).toBe(1);
    expect(d.byUrgency).toEqual([
      { urgency: 'normal', name: '一般件', count: 0 },
      { urgency: 'urgent', name: '急件', count: 1 },
      { urgency: 'critical', name: '特急件', count: 1 },
    ]);
    expect(d.byUnit.find((u) => u.name === '示范县公安局')).toMatchObject({ total: 2, open: 1, closed: 1 });
    expect(d.closureRate).toBe(33.3);
  });

  it('counts this month in the trend', async () => {
    const d = await sup.caller.cases.dashboard({});
    expect(d.monthly).toHaveLength(12);
    expect(d.monthly.at(-1)).toMatchObject({ month: d.today.slice(0, 7), registered: 4, closed: 1 });
  });

  it("shows a unit's liaison only the unit's figures", async () => {
    const d = await (await t.signIn('liaison')).caller.cases.dashboard({});
    expect(d.total).toBe(2);
    expect(d.byUnit.map((u) => u.name)).toEqual(['示范县公安局']);
  });

  it('counts overdue and due-this-week open cases as the ledger filters them, and overdue per unit', async () => {
    const open = await sup.caller.cases.ledger({ status: ['assigned'], sort: 'registeredAt', pageSize: 10 });
    const [late, soon] = open.items;
    await sql`update kernel.cases set deadline = ${inDays(-2)}::date where tenant_id = ${t.tenantId} and id = ${late!.id}`.execute(t.database.db);
    await sql`update kernel.cases set deadline = ${inDays(3)}::date where tenant_id = ${t.tenantId} and id = ${soon!.id}`.execute(t.database.db);
    const d = await sup.caller.cases.dashboard({});
    const overdue = await sup.caller.cases.ledger({ overdue: true, pageSize: 1 });
    const dueWeek = await sup.caller.cases.ledger({ dueWithinDays: 7, pageSize: 1 });
    expect({ overdue: d.overdue, dueThisWeek: d.dueThisWeek }).toEqual({ overdue: overdue.total, dueThisWeek: dueWeek.total });
    expect(d.overdue).toBe(1);
    expect(d.byUnit.find((u) => u.unitId === late!.leadUnitId)!.overdue).toBe(1);
  });
});
