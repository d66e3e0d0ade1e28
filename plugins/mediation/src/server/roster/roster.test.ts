import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { api, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation roster', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-03-02');
  });
  afterAll(() => w.t.stop());

  it('creates organisations of each kind and mediators, and counts the active mediators per organisation', async () => {
    const a = api(w.sup);
    const village = await a.organisations.create({ kind: 'village', name: '城关镇东街社区人民调解委员会' });
    const medical = await a.organisations.create({ kind: 'professional', name: '县医疗纠纷人民调解委员会' });
    await a.organisations.create({ kind: 'court_invited', name: '县人民法院特邀调解组织' });
    await a.organisations.create({ kind: 'administrative', name: '县人力资源和社会保障局劳动争议调解', department: '县人力资源和社会保障局' });
    await a.mediators.create({ orgId: medical.id, name: '周敏', specialities: ['医疗纠纷'] });
    await a.mediators.create({ orgId: medical.id, name: '陈立', specialities: ['医疗纠纷', '合同、债务'], active: false });
    await a.mediators.create({ orgId: village.id, name: '刘桂芳', specialities: ['婚姻家庭', '邻里纠纷'] });

    const orgs = await a.organisations.list();
    expect(orgs.map((o: any) => [o.kind, o.name, o.mediatorCount])).toEqual([
      ['administrative', '县人力资源和社会保障局劳动争议调解', 0],
      ['court_invited', '县人民法院特邀调解组织', 0],
      ['professional', '县医疗纠纷人民调解委员会', 1],
      ['village', '城关镇东街社区人民调解委员会', 1],
    ]);
    const mediators = await a.mediators.list({ orgId: medical.id });
    expect(mediators.map((x: any) => [x.name, x.specialities, x.active])).toEqual([
      ['周敏', ['医疗纠纷'], true],
      ['陈立', ['医疗纠纷', '合同、债务'], false],
    ]);
  });

  it('refuses a second organisation of the same name in the county, writing nothing', async () => {
    const a = api(w.sup);
    await a.organisations.create({ kind: 'township', name: '城关镇人民调解委员会' });
    const before = (await a.organisations.list()).length;
    await expect(a.organisations.create({ kind: 'village', name: '城关镇人民调解委员会' })).rejects.toThrow(m.orgNameTaken('城关镇人民调解委员会'));
    expect((await a.organisations.list()).length).toBe(before);
  });

  it('refuses administrative mediation without its department', async () => {
    await expect(api(w.sup).organisations.create({ kind: 'administrative', name: '县交通运输局行政调解' })).rejects.toThrow(m.departmentRequired);
  });

  it('refuses a mediator of an unknown organisation with a message naming the field, writing nothing', async () => {
    const a = api(w.sup);
    const before = (await a.mediators.list()).length;
    await expect(a.mediators.create({ orgId: '0b7f7a52-3c1e-4d7a-9a55-6a2c1f3e9d10', name: '赵强', specialities: [] })).rejects.toThrow(m.orgNotFound);
    expect((await a.mediators.list()).length).toBe(before);
  });

  it('updates an organisation on its version and refuses a stale version', async () => {
    const a = api(w.sup);
    const org = await a.organisations.create({ kind: 'professional', name: '县交通事故人民调解委员会' });
    expect(await a.organisations.update({ id: org.id, version: 1, kind: 'professional', name: '县道路交通事故纠纷人民调解委员会' })).toEqual({ version: 2 });
    await expect(a.organisations.update({ id: org.id, version: 1, kind: 'professional', name: '县交调委' })).rejects.toThrow(m.versionConflict);
    const row = (await a.organisations.list()).find((o: any) => o.id === org.id);
    expect([row.name, row.version]).toEqual(['县道路交通事故纠纷人民调解委员会', 2]);
  });

  it('updates a mediator and deactivates them', async () => {
    const a = api(w.sup);
    const org = await a.organisations.create({ kind: 'professional', name: '县劳动争议人民调解委员会' });
    const x = await a.mediators.create({ orgId: org.id, name: '孙亮', specialities: ['劳动争议、欠薪'] });
    expect(await a.mediators.update({ id: x.id, version: 1, orgId: org.id, name: '孙亮', specialities: ['劳动争议、欠薪'], active: false })).toEqual({ version: 2 });
    expect((await a.mediators.list({ orgId: org.id, activeOnly: true })).length).toBe(0);
  });

  it('refuses a unit liaison the roster', async () => {
    await expect(api(w.liaison).organisations.create({ kind: 'village', name: '西村人民调解委员会' })).rejects.toThrow('您没有「管理调解组织、调解员、派驻人员与值班表」权限');
  });
});
