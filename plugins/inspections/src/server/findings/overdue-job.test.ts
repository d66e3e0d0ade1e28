// The overdue job, on the kernel's scheduler with a controlled clock: a problem not rectified
// by its deadline becomes a supervised kernel matter registered by the system (系统), once per
// problem; the committee then sets its four fixes on that same matter.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine, userIdByName } from '@zhengfa/test-utils';
import { api, scoredCampaign, startWorld, type Scored, type World } from '../test/world.js';

// Problems found on the police's files on 2026-10-16: P1 due 2026-10-30, P2 due 2026-11-06,
// P3 due 2026-10-30 but rectified and closed in time.
describeEachEngine('inspections overdue job', (engine) => {
  let w: World;
  let c: Scored;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-16');
    c = await scoredCampaign(w, {
      police: [
        ['P1', 1, [33, 30, 1, 7]],
        ['P2', 1, [40, 30, 0, 10]],
        ['P3', 1, [20, 20, 5, 5]],
      ],
    });
    const finding = (fileId: string | undefined, defectType: string, deadline: string) => ({
      fileId,
      scope: 'individual',
      defectType,
      severity: 'general',
      description: '卷宗材料不全',
      responsibleName: '李法制',
      deadline,
    });
    const a = api(w.sup);
    ids.p1 = (await a.findings.create(finding(c.ids.P1, '卷宗装订', '2026-10-30'))).id;
    ids.p2 = (await a.findings.create(finding(c.ids.P2, '法律文书', '2026-11-06'))).id;
    ids.p3 = (await a.findings.create(finding(c.ids.P3, '证据采信', '2026-10-30'))).id;
    // P3 is rectified and closed by the committee's re-check before its deadline.
    const reported = await api(w.liaison).unit.reportRectification({ findingId: ids.p3, version: 1, measures: '补正证据材料', attachments: [] });
    await a.findings.recheck({ id: ids.p3, version: reported.version, outcome: 'closed' });
  });
  afterAll(() => w.t.stop());

  /** One background pass with the kernel's clock at `at`. */
  async function tickAt(at: string): Promise<void> {
    w.clock.set(at);
    await w.t.kernel.tick();
  }

  async function matters(): Promise<{ doc_no: string; title: string; registered_by: string }[]> {
    const r = await sql<{ doc_no: string; title: string; registered_by: string }>`select doc_no, title, registered_by from kernel.cases
      where tenant_id = ${w.t.tenantId} and kind = 'rectification' order by doc_seq`.execute(w.t.database.db);
    return r.rows;
  }

  it('sends nothing on the deadline itself', async () => {
    await tickAt('2026-10-30T10:00:00Z');
    expect(await matters()).toEqual([]);
  });

  it('registers a matter as the system the day after the deadline, for the overdue problem only', async () => {
    await tickAt('2026-10-31T01:00:00Z');
    expect((await matters()).map((x) => [x.doc_no, x.title])).toEqual([['示政法改〔2026〕1号', '逾期未整改：示范县公安局卷宗装订问题']]);
    const p1 = await api(w.sup).findings.get({ id: ids.p1 });
    expect([p1.kernelDocNo, p1.fourFixesSet, p1.status]).toEqual(['示政法改〔2026〕1号', false, 'open']);
    const audit = await sql<{ action: string; actor_id: string | null; actor_name: string }>`select action, actor_id, actor_name from kernel.audit_log
      where tenant_id = ${w.t.tenantId} and action in ('cases.register', 'inspections.findings.escalate') order by seq`.execute(w.t.database.db);
    expect(audit.rows).toEqual([
      { action: 'cases.register', actor_id: null, actor_name: '系统' },
      { action: 'inspections.findings.escalate', actor_id: null, actor_name: '系统' },
    ]);
  });

  it('registers each problem once, however often it runs', async () => {
    await tickAt('2026-10-31T02:00:00Z');
    await tickAt('2026-11-06T09:00:00Z');
    expect((await matters()).map((x) => x.doc_no)).toEqual(['示政法改〔2026〕1号']);
    await tickAt('2026-11-06T16:00:00Z'); // 2026-11-07 in China
    expect((await matters()).map((x) => [x.doc_no, x.title])).toEqual([
      ['示政法改〔2026〕1号', '逾期未整改：示范县公安局卷宗装订问题'],
      ['示政法改〔2026〕2号', '逾期未整改：示范县公安局法律文书问题'],
    ]);
    expect((await api(w.sup).findings.get({ id: ids.p3 })).kernelCaseId).toBeNull();
  });

  it('reminds the committee to set the four fixes, and sets them on the matter the system registered', async () => {
    w.clock.set('2026-11-09T02:00:00Z');
    const overdue = async () => (await (w.sup.caller as any).workbench.todos()).find((t: any) => t.pluginId === 'inspections')?.items.find((i: any) => i.key === 'overdue');
    expect(await overdue()).toEqual({ key: 'overdue', label: '逾期未整改的评查问题', count: 2, link: '/inspections', oldest: '2026-10-30' });
    const f = await api(w.sup).findings.get({ id: ids.p1 });
    const leaderId = await userIdByName(w.t, 'leader');
    const r = await api(w.sup).findings.escalate({ id: ids.p1, version: f.version, leadLeaderId: leaderId, handlerName: '陈督办', resolutionPlan: '限期重新装订卷宗并报送', deadline: '2026-11-20' });
    expect([r.docNo, r.caseId]).toEqual(['示政法改〔2026〕1号', f.kernelCaseId]);
    const kase = await (w.sup.caller as any).cases.get({ id: r.caseId });
    expect([kase.leadUnitName, kase.handlerName, kase.deadline, kase.missingFourFixes]).toEqual(['示范县公安局', '陈督办', '2026-11-20', []]);
    expect(await overdue()).toEqual({ key: 'overdue', label: '逾期未整改的评查问题', count: 1, link: '/inspections', oldest: '2026-11-06' });
    expect((await matters()).length).toBe(2);
  });
});
