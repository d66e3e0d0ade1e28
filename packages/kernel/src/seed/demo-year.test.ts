import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, startTestKernel, createTestClock, registerAndAssign, type TestKernel } from '../testing/index.js';
import { planDemoYear, type DemoYearSummary } from './demo-year.js';

const now = new Date('2026-12-07T02:00:00Z');

it('plans the same matters for the same seed, in every state and urgency', () => {
  const plan = planDemoYear(20261, 200, now);
  expect(planDemoYear(20261, 200, now)).toEqual(plan);
  const by = (key: 'target' | 'urgency') => Object.fromEntries([...new Set(plan.map((p) => p[key]))].sort().map((k) => [k, plan.filter((p) => p[key] === k).length]));
  expect(by('target')).toEqual({ approved: 4, archived: 79, assigned: 15, closed: 30, in_progress: 44, pending_approval: 4, registered: 3, submitted: 13, withdrawn: 8 });
  expect(by('urgency')).toEqual({ critical: 16, normal: 133, urgent: 51 });
});

describeEachEngine('the demo year', (engine) => {
  let t: TestKernel;
  let summary: DemoYearSummary;
  const statuses = async () =>
    Object.fromEntries(
      (await t.kernel.db.selectFrom('kernel.cases').select('status').select((e) => e.fn.countAll<string>().as('n')).where('tenant_id', '=', t.tenantId).groupBy('status').execute()).map((r) => [r.status, Number(r.n)]),
    );
  beforeAll(async () => {
    t = await startTestKernel({ engine, clock: createTestClock(now) });
    summary = await t.kernel.seedDemoYear({ seed: 20261, matters: 200 });
  }, 300_000);
  afterAll(() => t.stop());

  it('leaves every generated matter in its planned state, through the kernel services', async () => {
    expect(summary).toMatchObject({ seed: 20261, matters: 200, instruments: 19, meetings: 3 });
    expect(await statuses()).toEqual({ approved: 4, archived: 79, assigned: 15, closed: 38, in_progress: 44, pending_approval: 4, registered: 3, submitted: 13 });
  });

  it('removes exactly the demo matters and keeps a real matter registered beside them', async () => {
    const sup = await t.signIn('supervisor');
    const leader = await t.signIn('leader');
    const real = await registerAndAssign(t, sup, leader, { title: '真实登记的督办事项' });
    expect(await t.kernel.removeDemoYear()).toEqual({ removed: 200 });
    expect(await statuses()).toEqual({ assigned: 1 });
    expect((await sup.caller.cases.get({ id: real.id })).title).toBe('真实登记的督办事项');
    const audit = await t.kernel.db.selectFrom('kernel.audit_log').select('action').where('tenant_id', '=', t.tenantId).where('action', '=', 'demo.remove').execute();
    expect(audit).toHaveLength(1);
  });
});

describeEachEngine('a county without the demo year', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  it('has no matters after the demo seed alone (init and PostgreSQL starts never generate)', async () => {
    const n = await t.kernel.db.selectFrom('kernel.cases').select((e) => e.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
    expect(await t.kernel.removeDemoYear()).toEqual({ removed: 0 });
  });
});
