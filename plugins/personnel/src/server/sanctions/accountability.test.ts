import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { api, auditRows, insertOfficer, officerWithAccount, rowCount, startWorld, type Officer, type World } from '../test/officers.js';

describeEachEngine('personnel error-case accountability', (engine) => {
  let w: World;
  let judge: Officer;
  let colleague: Officer;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
    judge = await officerWithAccount(w.t, { username: 'faguan', name: '方官', officerNo: 'A001', unit: '示范县人民法院' });
    colleague = await officerWithAccount(w.t, { username: 'tongshi', name: '童实', officerNo: 'A002', unit: '示范县人民法院' });
  }, 180_000);
  afterAll(() => w.t.stop());

  const find = (officerId: string) => api(w.staff).accountability.find({ officerId, caseRef: '示法刑〔2025〕21号', finding: '认定事实错误导致改判', foundOn: '2026-04-01' });

  it('takes a matter from the finding through the officer’s defence and the decision to the review', async () => {
    const { id } = await find(judge.officerId);
    let v = (await api(judge).accountability.defend({ id, version: 1, defence: '案件事实系鉴定意见错误所致', on: '2026-04-05' })).version;
    const sanction = await api(w.staff).sanctions.decide({ officerId: judge.officerId, form: 1, kind: 'self_examination', decidedOn: '2026-04-20', reason: '错案责任' });
    v = (await api(w.staff).accountability.decide({ id, version: v, decision: '责令作出书面检查', on: '2026-04-20', sanctionId: sanction.id })).version;
    await api(w.staff).accountability.review({ id, version: v, request: '申请复核，认为不应追究', result: 'upheld', note: '维持原决定', on: '2026-05-06' });
    const [mine] = await api(judge).accountability.mine();
    expect(mine).toMatchObject({
      status: 'reviewed',
      defence: '案件事实系鉴定意见错误所致',
      defendedOn: '2026-04-05',
      decision: '责令作出书面检查',
      decidedOn: '2026-04-20',
      sanctionId: sanction.id,
      reviewResult: 'upheld',
      reviewedOn: '2026-05-06',
      version: 4,
    });
  });

  it('refuses a defence by another officer and writes nothing', async () => {
    const officerId = await insertOfficer(w.t, { name: '甘棠', officerNo: 'A003' });
    const { id } = await find(officerId);
    await expect(api(colleague).accountability.defend({ id, version: 1, defence: '代为申辩', on: '2026-04-05' })).rejects.toThrow('只能由被追究干警本人或纪检人员提交申辩意见');
    expect((await api(w.staff).accountability.list({ officerId }))[0]).toMatchObject({ status: 'found', defence: null, version: 1 });
  });

  it('refuses a decision before the defence', async () => {
    const officerId = await insertOfficer(w.t, { name: '甘露', officerNo: 'A004' });
    const { id } = await find(officerId);
    await expect(api(w.staff).accountability.decide({ id, version: 1, decision: '通报批评', on: '2026-04-20' })).rejects.toThrow('错案追究事项当前为“已认定”，不能进行此操作');
  });

  it('refuses a defence dated before the finding', async () => {
    const { id } = await find(colleague.officerId);
    const before = await rowCount(w.t, 'accountability');
    await expect(api(colleague).accountability.defend({ id, version: 1, defence: '不服', on: '2026-03-31' })).rejects.toThrow('「申辩日期」不能早于认定日期（2026年4月1日）');
    expect(await rowCount(w.t, 'accountability')).toBe(before);
  });

  it('audits the staff’s reads of the matters', async () => {
    await api(w.staff).accountability.list({ officerId: judge.officerId });
    expect((await auditRows(w.t, 'personnel.accountability.read')).at(-1)).toMatchObject({ actor_id: w.staff.id, detail: { officerId: judge.officerId, count: 1 } });
  });
});
