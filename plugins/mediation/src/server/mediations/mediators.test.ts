import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { accepted, api, committee, mediating, startWorld, type World } from '../test/world.js';

describeEachEngine('mediators of a dispute', (engine) => {
  let w: World;
  let orgId: string;
  let mediators: Record<string, string>;
  let otherOrg: { orgId: string; mediators: Record<string, string> };
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-10');
    ({ orgId, mediators } = await committee(w, '城关镇人民调解委员会', ['张调解', '赵调解', '王建国', '钱离任']));
    otherOrg = await committee(w, '东山乡人民调解委员会', ['孙调解']);
    const retired = (await api(w.sup).mediators.list({ orgId })).find((x: any) => x.name === '钱离任');
    await api(w.sup).mediators.update({ id: retired.id, version: retired.version, orgId, name: '钱离任', specialities: [], active: false });
  });
  afterAll(() => w.t.stop());

  async function current(disputeId: string) {
    return (await api(w.sup).mediations.get({ disputeId })).mediators.filter((a: any) => a.releasedOn === null).map((a: any) => a.mediatorName);
  }

  it('assigns two mediators of the committee the dispute was routed to', async () => {
    const d = await mediating(w, orgId);
    const r = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解'], mediators['赵调解']] });
    expect(r.version).toBe(d.version + 1);
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect(v.mediators.map((a: any) => [a.mediatorName, a.assignedOn, a.conflict])).toEqual([
      ['张调解', '2026-10-10', null],
      ['赵调解', '2026-10-10', null],
    ]);
  });

  it('refuses an unknown mediator naming the field, writing nothing', async () => {
    const d = await mediating(w, orgId);
    const input = { disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解'], '0b7f7a52-3c1e-4d7a-9a55-6a2c1f3e9d10'] };
    await expect(api(w.sup).mediations.assignMediators(input)).rejects.toThrow(m.mediatorNotFound);
    expect(await current(d.id)).toEqual([]);
  });

  it('refuses a mediator no longer in the roster', async () => {
    const d = await mediating(w, orgId);
    await expect(api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['钱离任']] })).rejects.toThrow(m.mediatorInactive('钱离任'));
  });

  it('refuses a mediator of another committee', async () => {
    const d = await mediating(w, orgId);
    await expect(api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [otherOrg.mediators['孙调解']] })).rejects.toThrow(
      m.mediatorOfOtherOrg('孙调解', '城关镇人民调解委员会'),
    );
  });

  it('refuses a mediator with the same name as a party (与当事人同名), writing nothing', async () => {
    const d = await mediating(w, orgId);
    const input = { disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解'], mediators['王建国']] };
    await expect(api(w.sup).mediations.assignMediators(input)).rejects.toThrow(m.mediatorSameNameAsParty('王建国'));
    expect(await current(d.id)).toEqual([]);
  });

  it('refuses a mediator already on the dispute', async () => {
    const d = await mediating(w, orgId);
    const { version } = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解']] });
    await expect(api(w.sup).mediations.assignMediators({ disputeId: d.id, version, mediatorIds: [mediators['张调解']] })).rejects.toThrow(m.mediatorAlreadyAssigned('张调解'));
  });

  it('records a declared conflict and replaces the mediator with another of the committee', async () => {
    const d = await mediating(w, orgId);
    let { version } = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解']] });
    const [assignment] = (await api(w.sup).mediations.get({ disputeId: d.id })).mediators;
    ({ version } = await api(w.sup).mediations.declareConflict({
      disputeId: d.id,
      version,
      assignmentId: assignment.id,
      kind: 'party',
      detail: '系被申请人李春梅的表兄',
      declaredOn: '2026-10-10',
    }));
    const r = await api(w.sup).mediations.replaceMediator({ disputeId: d.id, version, assignmentId: assignment.id, replacementId: mediators['赵调解'] });
    expect(r.version).toBe(version + 1);
    const v = await api(w.sup).mediations.get({ disputeId: d.id });
    expect(v.mediators.map((a: any) => [a.mediatorName, a.conflict, a.releasedOn, a.releaseReason])).toEqual([
      ['张调解', { kind: 'party', detail: '系被申请人李春梅的表兄', declaredOn: '2026-10-10' }, '2026-10-10', '系被申请人李春梅的表兄'],
      ['赵调解', null, null, null],
    ]);
    expect(v.mediators[0].replacedBy).toBe(r.assignmentId);
  });

  it('refuses to replace a mediator who declared no conflict, writing nothing', async () => {
    const d = await mediating(w, orgId);
    const { version } = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解']] });
    const [assignment] = (await api(w.sup).mediations.get({ disputeId: d.id })).mediators;
    await expect(api(w.sup).mediations.replaceMediator({ disputeId: d.id, version, assignmentId: assignment.id, replacementId: mediators['赵调解'] })).rejects.toThrow(
      m.noConflictToReplace('张调解'),
    );
    expect(await current(d.id)).toEqual(['张调解']);
  });

  it('refuses a second declaration for the same mediator', async () => {
    const d = await mediating(w, orgId);
    let { version } = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解']] });
    const [assignment] = (await api(w.sup).mediations.get({ disputeId: d.id })).mediators;
    const declare = (v: number) => api(w.sup).mediations.declareConflict({ disputeId: d.id, version: v, assignmentId: assignment.id, kind: 'unit', detail: '其配偶在涉事公司任职', declaredOn: '2026-10-10' });
    ({ version } = await declare(version));
    await expect(declare(version)).rejects.toThrow(m.conflictAlreadyDeclared('张调解'));
  });

  it('refuses a conflict of a kind not on the list, naming the field', async () => {
    const d = await mediating(w, orgId);
    const input = { disputeId: d.id, version: d.version, assignmentId: '0b7f7a52-3c1e-4d7a-9a55-6a2c1f3e9d10', kind: 'friend', detail: '朋友', declaredOn: '2026-10-10' };
    await expect(api(w.sup).mediations.declareConflict(input)).rejects.toThrow('请选择「回避事由类别」');
  });

  it('assigns mediators before the parties have all consented, and keeps them after acceptance', async () => {
    const d = await mediating(w, orgId);
    const { version } = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['赵调解']] });
    await accepted(w, { ...d, version }, '2026-10-10');
    expect(await current(d.id)).toEqual(['赵调解']);
  });
});
