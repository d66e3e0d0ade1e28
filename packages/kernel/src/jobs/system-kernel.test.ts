// A plugin job's ctx.kernel acts as the system (系统) for one county at a time, limited to the
// operations the job declared, and what it writes is audited as 系统.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin, type KernelOperation } from '@zhengfa/plugin-api';
import { createTestClock, describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { createPluginHost, PluginHostError } from '../plugin-host/host.js';
import { KERNEL_VERSION } from '../version.js';
import { SYSTEM_ACTOR_ID } from './system-kernel.js';

// Ordered before the demo county (990001): jobs visit counties by code.
const SECOND = '431122';

interface Seen {
  tenantId: string;
  caseTenant: string;
  docNo: string;
  duplicate: boolean;
  refusal: string;
}

function sweeper(seen: Seen[], kernelAccess: readonly KernelOperation[] = ['cases.register:sweep', 'cases.read:sweep']) {
  return definePlugin({
    id: 'sweeper',
    name: '清扫',
    version: '1.0.0',
    kernel: `^${KERNEL_VERSION}`,
    permissions: [{ key: 'sweeper.use', name: '使用清扫', defaultRoles: ['supervisor'] }],
    caseKinds: [{ key: 'sweep', name: '清扫事项', docWord: '扫' }],
    jobs: [
      {
        name: 'daily',
        everySeconds: 86_400,
        kernelAccess,
        async run(ctx) {
          const key = `sweeper.daily.${ctx.tenantId}`;
          const r = await ctx.kernel.cases.register({ kind: 'sweep', title: '系统登记的事项', source: 'inspection', idempotencyKey: key }, { db: ctx.db });
          const c = await ctx.kernel.cases.get(r.id, { db: ctx.db });
          const tenant = await sql<{ tenant_id: string }>`select tenant_id from kernel.cases where id = ${c.id}`.execute(ctx.db);
          // Not declared: refused before it reads anything, so the transaction goes on.
          const refusal = await ctx.kernel.orgs.list({ db: ctx.db }).then(
            () => '',
            (err: Error) => err.message,
          );
          await ctx.audit.record({ action: 'sweeper.daily', targetType: 'case', targetId: r.id });
          seen.push({ tenantId: ctx.tenantId, caseTenant: tenant.rows[0]!.tenant_id, docNo: c.docNo, duplicate: r.duplicate, refusal });
        },
      },
    ],
  });
}

describeEachEngine('plugin jobs act as the system', (engine) => {
  let t: TestKernel;
  let clock: ReturnType<typeof createTestClock>;
  const seen: Seen[] = [];
  beforeAll(async () => {
    clock = createTestClock('2026-11-21T08:00:00Z');
    t = await startTestKernel({ engine, plugins: [sweeper(seen)], clock });
    await t.kernel.provisionTenant({ code: SECOND, name: '第二县', passwords: { sysadmin: 'Zhengfa@2026', secadmin: 'Zhengfa@2026', auditor: 'Zhengfa@2026' } });
    await t.kernel.tick();
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('registers a case in each county, each in its own county, with the operations the job declared', () => {
    expect(seen.map((s) => [s.tenantId, s.caseTenant, s.duplicate])).toEqual([
      [SECOND, SECOND, false],
      [t.tenantId, t.tenantId, false],
    ]);
    expect(seen.map((s) => s.docNo.includes('扫〔2026〕1号'))).toEqual([true, true]);
  });

  it('refuses an operation the job did not declare, naming the job', () => {
    expect(seen[1]!.refusal).toBe('后台任务「sweeper.daily」没有声明内核操作「orgs.list」，不能调用；请在该任务的 kernelAccess 中声明');
  });

  it('audits what the job did as 系统, with no user, and names 系统 on the case', async () => {
    const audit = await sql<{ action: string; actor_id: string | null; actor_name: string | null }>`select action, actor_id, actor_name from kernel.audit_log
      where tenant_id = ${t.tenantId} and action in ('cases.register', 'sweeper.daily') order by seq`.execute(t.database.db);
    expect(audit.rows).toEqual([
      { action: 'cases.register', actor_id: null, actor_name: '系统' },
      { action: 'sweeper.daily', actor_id: null, actor_name: '系统' },
    ]);
    const kase = await sql<{ registered_by: string; actor_name: string; actor_id: string }>`select c.registered_by, e.actor_name, e.actor_id from kernel.cases c
      join kernel.case_events e on e.tenant_id = c.tenant_id and e.case_id = c.id
      where c.tenant_id = ${t.tenantId} and c.kind = 'sweep'`.execute(t.database.db);
    expect(kase.rows).toEqual([{ registered_by: SYSTEM_ACTOR_ID, actor_name: '系统', actor_id: SYSTEM_ACTOR_ID }]);
  });

  it('runs again in the next period without registering twice when the job asks with the same key', async () => {
    clock.set('2026-11-22T08:00:00Z');
    await t.kernel.tick();
    expect(seen.slice(2).map((s) => [s.tenantId, s.duplicate])).toEqual([
      [SECOND, true],
      [t.tenantId, true],
    ]);
    const n = await sql<{ n: number }>`select count(*)::int as n from kernel.cases where kind = 'sweep'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(2);
  });
});

it('refuses to start with a job that declares an operation the kernel does not have', () => {
  expect(() => createPluginHost({ installed: [sweeper([], ['cases.erase:sweep' as KernelOperation])] })).toThrow(
    new PluginHostError('插件「清扫」(sweeper) 的后台任务「daily」声明的内核操作有误：「cases.erase:sweep」中的「erase」不是事项操作（可用：read、register、link、clocks、submitForApproval、approve、assign、acknowledge、reportProgress、transfer、submitResult、review、returnForRework、withdraw、archive、reopen）'),
  );
});
