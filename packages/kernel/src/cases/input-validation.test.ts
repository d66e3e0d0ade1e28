// Bad input is the user's mistake, answered 400 with a message naming the field — never a
// 500 from the database (NUL bytes, dates that do not exist) and never a date the product
// cannot have meant (a case received in 9999).
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kernelApiGranted } from '../kernel-api.js';
import { createTestClock, describeEachEngine, orgIdByName, registerAndAssign, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '../testing/index.js';

describeEachEngine('input validation of the case procedures', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  beforeAll(async () => {
    // Today is 7 December 2026 in China (10:00); two years and a day on is 7 December 2028.
    t = await startTestKernel({ engine, clock: createTestClock('2026-12-07T02:00:00Z') });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
  });
  afterAll(() => t.stop());

  it('refuses a NUL byte in a ledger keyword with BAD_REQUEST naming the field', async () => {
    await expect(sup.caller.cases.ledger({ keyword: '土地\u0000纠纷' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '提交的内容有误：「关键词」不能包含空字符（\\0），请删除后重新提交',
    });
  });

  it('refuses a ledger date that matches YYYY-MM-DD but does not exist, naming the field', async () => {
    await expect(sup.caller.cases.ledger({ from: '2026-02-30' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「起始日期」2026-02-30 不是存在的日期' });
    await expect(sup.caller.cases.ledger({ to: '2026-13-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「截止日期」2026-13-01 不是存在的日期' });
    await expect(sup.caller.cases.ledger({ from: '0000-01-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「起始日期」0000-01-01 不是存在的日期' });
  });

  it('names a missing required field in Chinese, not in zod’s words', async () => {
    await expect(sup.caller.cases.get({} as never)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：请选择「事项」' });
  });

  it('refuses a case received on 9999-12-31 and takes no number of that year', async () => {
    await expect(sup.caller.cases.register({ title: '关于某县土地纠纷的督办', source: 'letter', receivedOn: '9999-12-31' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '提交的内容有误：「收件日期」不能晚于今天（2026-12-07）',
    });
    const r = await sql<{ n: number }>`select count(*)::int as n from kernel.doc_counters where year = 9999`.execute(t.database.db);
    expect(r.rows[0]!.n).toBe(0);
  });

  it('refuses a future receipt that a plugin passes to the kernel directly', async () => {
    const kernel = kernelApiGranted(sup.ctx, t.kernel.host, ['cases.register:supervision']);
    await expect(kernel.cases.register({ kind: 'supervision', title: '关于某县土地纠纷的督办', source: 'letter', receivedOn: '9999-12-31' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '提交的内容有误：「收件日期」不能晚于今天（2026-12-07）',
    });
  });

  it('refuses a deadline more than two years ahead, naming the field', async () => {
    const c = await registerAndAssign(t, sup, leader, { title: '期限过远的督办事项' });
    const input = {
      id: c.id,
      version: c.version,
      leadLeaderId: await userIdByName(t, 'leader'),
      handlerName: '李承办',
      resolutionPlan: '约谈当事人，限期补发',
      deadline: '9999-12-31',
      leadUnitId: await orgIdByName(t, '示范县公安局'),
    };
    await expect(sup.caller.cases.setFourFixes(input)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「处理期限」不能晚于 2028-12-07' });
    const kernel = kernelApiGranted(sup.ctx, t.kernel.host, ['cases.assign:supervision']);
    await expect(kernel.cases.setFourFixes(input)).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「处理期限」不能晚于 2028-12-07' });
  });

  it('strips control characters from a title and summary before they are stored (and printed)', async () => {
    const { id } = await sup.caller.cases.register({ title: '关于\u0001土地\u001f纠纷\u000b的督办', summary: '群众\u0007反映\r\n补偿款', source: 'letter' });
    const d = await sup.caller.cases.get({ id });
    expect(d.title).toBe('关于土地纠纷的督办');
    expect(d.summary).toBe('群众反映\n补偿款');
  });

  it('says a meeting without consensus needs an escalation, not "请填写意见"', async () => {
    await expect(sup.caller.supervision.concludeMeeting({ id: '6f1c2b8e-4d1a-4c55-9a8e-2f1d3c4b5a69', version: 1, outcome: 'no_consensus' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: '提交的内容有误：协调会未达成一致：请选择后续处理方式（各单位分别向上级请示报告，或提请上级政法委协调）',
    });
  });
});
