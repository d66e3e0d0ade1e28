import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { defaultDisputeTypes, messages as m } from './strings.js';
import { api, startWorld, type World } from './test/world.js';

describeEachEngine('mediation settings', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-03-02');
  });
  afterAll(() => w.t.stop());

  it('starts from three working days and the default list of dispute types', async () => {
    expect(await api(w.sup).settings.get()).toEqual({ triageDays: 3, mediationDays: 30, disputeTypes: [...defaultDisputeTypes], version: 0 });
  });

  it('refuses a list naming a type twice, writing nothing', async () => {
    await expect(api(w.leader).settings.update({ triageDays: 4, disputeTypes: ['婚姻家庭', '邻里纠纷', '婚姻家庭'], version: 0 })).rejects.toThrow(m.typesDuplicate('婚姻家庭'));
    expect((await api(w.sup).settings.get()).version).toBe(0);
  });

  it('refuses a triage limit over 30 working days naming the field', async () => {
    await expect(api(w.leader).settings.update({ triageDays: 31, disputeTypes: ['其他'], version: 0 })).rejects.toThrow('「分流期限（工作日）」不能大于 30');
  });

  it('saves the county’s settings and refuses a stale version', async () => {
    expect(await api(w.leader).settings.update({ triageDays: 5, disputeTypes: ['婚姻家庭', '其他'], version: 0 })).toEqual({ version: 1 });
    await expect(api(w.leader).settings.update({ triageDays: 2, disputeTypes: ['其他'], version: 0 })).rejects.toThrow(m.versionConflict);
    expect(await api(w.sup).settings.get()).toEqual({ triageDays: 5, mediationDays: 30, disputeTypes: ['婚姻家庭', '其他'], version: 1 });
  });

  it('leaves the settings to the committee leader by default', async () => {
    await expect(api(w.sup).settings.update({ triageDays: 3, disputeTypes: ['其他'], version: 1 })).rejects.toThrow('您没有「设置联合调处中心」权限');
  });
});
