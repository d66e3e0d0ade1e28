import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, orgIdByName, registerAndAssign, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '../testing/index.js';
import { verifyAuditChain } from '../audit/audit-log.js';
import { kernelApiGranted } from '../kernel-api.js';

describeEachEngine('case lifecycle', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
  });
  afterAll(() => t.stop());

  it('registers a case with a document number in the county format', async () => {
    const r = await sup.caller.cases.register({ title: '领导批示督办事项一', summary: '', source: 'leader_instruction', urgency: 'normal', isKey: false, parties: [] });
    expect(r.docNo).toMatch(/^示政法督〔\d{4}〕\d+号$/);
    const c = await sup.caller.cases.get({ id: r.id });
    expect(c).toMatchObject({ status: 'registered', statusName: '登记', kindName: '督办事项', urgencyName: '一般件' });
    expect(c.timeline.map((e) => e.type)).toEqual(['register']);
  });

  it('walks a case from registration to archive, recording every step on the timeline', async () => {
    const c = await registerAndAssign(t, sup, leader);
    let v = c.version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'reportProgress', comment: '已约谈当事人' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '补偿款已足额发放，当事人表示满意' })).version;
    v = (await sup.caller.cases.transition({ id: c.id, version: v, action: 'review', comment: '同意办结' })).version;
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'archive' });
    const detail = await sup.caller.cases.get({ id: c.id });
    expect(detail.status).toBe('archived');
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'register', 'submitForApproval', 'approve', 'setFourFixes', 'assign', 'acknowledge', 'reportProgress', 'submitResult', 'review', 'archive',
    ]);
    expect(detail.timeline.find((e) => e.type === 'acknowledge')).toMatchObject({ actorName: '张联络', fromStatus: 'assigned', toStatus: 'in_progress' });
  });

  it('refuses to assign a case missing the four fixes and names what is missing', async () => {
    const r = await sup.caller.cases.register({ title: '缺少四定一包的事项', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [] });
    let v = (await sup.caller.cases.get({ id: r.id })).version;
    v = (await sup.caller.cases.transition({ id: r.id, version: v, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id: r.id, version: v, action: 'approve' })).version;
    await expect(sup.caller.cases.transition({ id: r.id, version: v, action: 'assign' })).rejects.toThrow(
      '交办前须落实四定一包，尚缺：包案领导、承办责任人、化解方案、处理期限、承办单位',
    );
    expect((await sup.caller.cases.get({ id: r.id })).status).toBe('approved');
  });

  it('refuses an illegal transition with the current status in the message', async () => {
    const r = await sup.caller.cases.register({ title: '尚未立项的事项', summary: '', source: 'phone', urgency: 'normal', isKey: false, parties: [] });
    await expect(sup.caller.cases.transition({ id: r.id, version: 1, action: 'assign' })).rejects.toThrow('当前状态为「登记」，不能执行「交办」');
  });

  it('requires the six clarities before a key case is submitted for review', async () => {
    const c = await registerAndAssign(t, sup, leader, { isKey: true, title: '重点信访事项六个清楚' });
    const v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    await expect(liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已化解' })).rejects.toThrow(
      /重点事项报结前须做到六个清楚，尚缺：当事人情况清楚、基本事实清楚/,
    );
    const clear = { parties: '张某', facts: '……', originalHandling: '……', complaintReason: '……', currentSituation: '……', proposedHandling: '……' };
    const done = await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已化解', sixClarities: clear });
    expect(done.status).toBe('submitted');
  });

  it('returns a result for rework with reasons, and the unit can submit again', async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '退回重办测试事项' });
    let v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已处理' })).version;
    await expect(sup.caller.cases.transition({ id: c.id, version: v, action: 'returnForRework' })).rejects.toThrow('请填写理由');
    v = (await sup.caller.cases.transition({ id: c.id, version: v, action: 'returnForRework', comment: '未附补偿款发放凭证' })).version;
    const detail = await liaison.caller.cases.get({ id: c.id });
    expect(detail.status).toBe('in_progress');
    expect(detail.timeline.at(-1)).toMatchObject({ type: 'returnForRework', comment: '未附补偿款发放凭证' });
    const inbox = await liaison.caller.notifications.list({});
    expect(inbox.items.some((n) => n.title.includes('被退回重办'))).toBe(true);
  });

  it('transfers a case to another unit, which then sees it while the first unit no longer does', async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '转办测试事项' });
    await sup.caller.cases.transition({ id: c.id, version: c.version, action: 'transfer', toUnitId: await orgIdByName(t, '示范县司法局'), comment: '属司法局职责' });
    await expect(liaison.caller.cases.get({ id: c.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await sup.caller.cases.get({ id: c.id })).leadUnitName).toBe('示范县司法局');
  });

  it('reopens a closed case with a reason', async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '重新办理测试事项' });
    let v = (await liaison.caller.cases.transition({ id: c.id, version: c.version, action: 'acknowledge' })).version;
    v = (await liaison.caller.cases.transition({ id: c.id, version: v, action: 'submitResult', report: '已办理' })).version;
    v = (await sup.caller.cases.transition({ id: c.id, version: v, action: 'review' })).version;
    await sup.caller.cases.transition({ id: c.id, version: v, action: 'reopen', comment: '当事人再次反映' });
    expect((await sup.caller.cases.get({ id: c.id })).status).toBe('in_progress');
  });

  it('gives the second of two officers saving from stale copies a conflict, and keeps the first edit', async () => {
    const r = await sup.caller.cases.register({ title: '并发修改测试事项', summary: '原始摘要', source: 'letter', urgency: 'normal', isKey: false, parties: [] });
    const other = await t.signIn('supervisor');
    const stale = await sup.caller.cases.get({ id: r.id });
    await other.caller.cases.update({ id: r.id, version: stale.version, title: '并发修改测试事项（甲）', summary: '甲的修改', source: 'letter', isKey: false, receivedOn: stale.receivedOn });
    await expect(
      sup.caller.cases.update({ id: r.id, version: stale.version, title: '并发修改测试事项（乙）', summary: '乙的修改', source: 'letter', isKey: false, receivedOn: stale.receivedOn }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已被他人修改') });
    expect((await sup.caller.cases.get({ id: r.id })).summary).toBe('甲的修改');
  });

  it('numbers 20 concurrent registrations without gaps or duplicates', async () => {
    const before = await sql<{ n: number }>`select coalesce(max(doc_seq), 0)::int as n from kernel.cases where kind = 'supervision'`.execute(t.database.db);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sup.caller.cases.register({ title: `并发登记事项第${i + 1}件`, summary: '', source: 'online', urgency: 'normal', isKey: false, parties: [] })),
    );
    const seqs = results.map((r) => Number(/〕(\d+)号$/.exec(r.docNo)![1])).sort((a, b) => a - b);
    const start = before.rows[0]!.n;
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => start + i + 1));
  });

  it('answers a repeated registration with the same idempotency key with the first case', async () => {
    const input = { title: '幂等登记测试事项', summary: '', source: 'online' as const, urgency: 'normal' as const, isKey: false, parties: [], idempotencyKey: 'form-7f3a9c2e-001' };
    const [a, b] = await Promise.all([sup.caller.cases.register(input), sup.caller.cases.register(input)]);
    expect(a.id).toBe(b.id);
    const n = await sql<{ n: number }>`select count(*)::int as n from kernel.cases where title = '幂等登记测试事项'`.execute(t.database.db);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('writes one audit row and one event per registration, even for a repeated idempotency key, and the audit chain verifies', async () => {
    const input = { title: '审计与事件测试事项', summary: '', source: 'online' as const, urgency: 'normal' as const, isKey: false, parties: [], idempotencyKey: 'form-audit-event-001' };
    const [a, b, c] = await Promise.all([sup.caller.cases.register(input), sup.caller.cases.register(input), sup.caller.cases.register({ ...input, idempotencyKey: 'form-audit-event-002' })]);
    expect(a.id).toBe(b.id);
    const audit = await sql<{ target_id: string; actor_name: string; detail: { docNo: string } }>`
      select target_id, actor_name, detail from kernel.audit_log where tenant_id = ${t.tenantId} and action = 'cases.register' and target_id in (${a.id}, ${c.id}) order by seq`.execute(t.database.db);
    expect(audit.rows.map((r) => r.target_id).sort()).toEqual([a.id, c.id].sort());
    expect(audit.rows.find((r) => r.target_id === a.id)).toMatchObject({ actor_name: '陈监督', detail: { docNo: a.docNo } });
    const events = await sql<{ payload: { caseId: string } }>`select payload from kernel.outbox where name = 'kernel.case.registered' and payload->>'caseId' in (${a.id}, ${c.id})`.execute(t.database.db);
    expect(events.rows.map((r) => r.payload.caseId).sort()).toEqual([a.id, c.id].sort());
    expect(await verifyAuditChain(t.database.db, t.tenantId)).toMatchObject({ ok: true });
  });

  it('rejects an invalid ID number with a Chinese message and registers nothing', async () => {
    const before = await sql<{ n: number }>`select count(*)::int as n from kernel.cases`.execute(t.database.db);
    await expect(
      sup.caller.cases.register({ title: '身份证号有误的事项', summary: '', source: 'visit', urgency: 'normal', isKey: false, parties: [{ name: '王五', idNumber: '430102199001011235' }] }),
    ).rejects.toThrow(/当事人「王五」的身份证号有误/);
    const after = await sql<{ n: number }>`select count(*)::int as n from kernel.cases`.execute(t.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('tells the lead unit when a case is assigned to it', async () => {
    await registerAndAssign(t, sup, leader, { title: '交办通知测试事项' });
    const count = await liaison.caller.notifications.unreadCount();
    expect(count).toBeGreaterThan(0);
    const inbox = await liaison.caller.notifications.list({ unreadOnly: true });
    expect(inbox.items[0]!.title).toContain('新交办事项');
    await liaison.caller.notifications.markRead({});
    expect(await liaison.caller.notifications.unreadCount()).toBe(0);
  });

  it('keeps the timeline append-only', async () => {
    await expect(sql`update kernel.case_events set comment = 'x'`.execute(t.database.db)).rejects.toThrow(/append-only/);
    expect(await userIdByName(t, 'leader')).toBeTruthy();
  });

  it('registers a past, concluded matter through the plugin API as closed, without clocks or reminders', async () => {
    const kernel = kernelApiGranted(sup.ctx, t.kernel.host, ['cases.register:supervision']);
    const r = await kernel.cases.register({ kind: 'supervision', title: '历史台账导入的事项', source: 'letter', receivedOn: '2019-05-06', historical: true });
    const d = await sup.caller.cases.get({ id: r.id });
    expect(d).toMatchObject({ status: 'closed', docNo: expect.stringMatching(/〔2019〕/), nextDispatchOn: null, clocks: [] });
    expect((await sup.caller.cases.ledger({ overdue: true })).items.map((i) => i.id)).not.toContain(r.id);
  });
});
