import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import { registerAndAssign } from './test-helpers.js';

describeEachEngine('ledger', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let leader: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    const reg = (title: string, summary: string, party?: string) =>
      sup.caller.cases.register({ title, summary, source: 'letter', urgency: 'normal', isKey: false, parties: party ? [{ name: party }] : [] });
    await reg('关于河口乡土地承包纠纷的督办', '村民反映承包地被占用');
    await reg('城区房屋拆迁补偿问题', '拆迁户反映补偿标准不一');
    await reg('网上反映无法提交材料', '系统登录后表单无法提交', '欧阳娜娜');
    await registerAndAssign(t, sup, leader, { urgency: 'critical', title: '特急件：交通事故赔偿纠纷' });
  });
  afterAll(() => t.stop());

  it('finds a two-character term in titles', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '土地' });
    expect(r.items.map((i) => i.title)).toEqual(['关于河口乡土地承包纠纷的督办']);
  });

  it('finds a term in summaries', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '补偿标准' });
    expect(r.items.map((i) => i.title)).toEqual(['城区房屋拆迁补偿问题']);
  });

  it('finds a one-character term', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '拆' });
    expect(r.items.map((i) => i.title)).toEqual(['城区房屋拆迁补偿问题']);
  });

  it('finds a case by a party name and shows the name masked', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '欧阳' });
    expect(r.items).toHaveLength(1);
    expect(r.items[0]!.parties).toBe('欧***');
  });

  it('does not match characters that are only apart', async () => {
    const r = await sup.caller.cases.ledger({ keyword: '土纠' });
    expect(r.total).toBe(0);
  });

  it('filters by status and urgency together', async () => {
    const r = await sup.caller.cases.ledger({ status: ['assigned'], urgency: ['critical'] });
    expect(r.items.map((i) => i.title)).toEqual(['特急件：交通事故赔偿纠纷']);
    expect(r.items[0]).toMatchObject({ statusName: '已交办', urgencyName: '特急件', leadUnitName: '示范县公安局' });
  });

  it('pages and sorts by deadline', async () => {
    const r = await sup.caller.cases.ledger({ sort: 'deadline', dir: 'asc', pageSize: 2, page: 1 });
    expect(r.total).toBe(4);
    expect(r.items).toHaveLength(2);
    expect(r.items[0]!.deadline).not.toBeNull();
  });

  it('rejects an over-long keyword with a Chinese message', async () => {
    await expect(sup.caller.cases.ledger({ keyword: '字'.repeat(51) })).rejects.toThrow('关键词不能超过 50 个字');
  });
});
