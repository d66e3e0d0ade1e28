import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDocx } from '@zhengfa/documents/testing';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m, outcomeMessages as om } from '../strings.js';
import { accepted, api, committee, mediating, startWorld, type InMediation, type World } from '../test/world.js';

describeEachEngine('mediation sessions', (engine) => {
  let w: World;
  let orgId: string;
  let mediators: Record<string, string>;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-10');
    ({ orgId, mediators } = await committee(w, '城关镇人民调解委员会', ['张调解', '赵调解', '周调解']));
  });
  afterAll(() => w.t.stop());

  /** In mediation, accepted on 2026-10-08 with 张调解 assigned; answers the version. */
  async function ready(): Promise<{ d: InMediation; version: number }> {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    const r = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version, mediatorIds: [mediators['张调解']] });
    return { d, version: r.version };
  }

  function session(d: InMediation, version: number, over: Record<string, unknown> = {}) {
    return {
      disputeId: d.id,
      version,
      heldOn: '2026-10-09',
      place: '城关镇人民调解委员会调解室',
      partyIds: Object.values(d.parties),
      mediatorIds: [mediators['张调解']],
      record: '调解员询问双方意见，双方同意由申请人出资恢复排水沟原走向。',
      ...over,
    };
  }

  it('records sessions with their attendees and lists them in order', async () => {
    const { d, version } = await ready();
    const first = await api(w.sup).mediations.recordSession(session(d, version));
    expect([first.seq, first.version, first.duplicate]).toEqual([1, version + 1, false]);
    const second = await api(w.sup).mediations.recordSession(session(d, first.version, { heldOn: '2026-10-10', partyIds: [d.parties['李春梅']], record: '被申请人单独陈述意见。' }));
    expect(second.seq).toBe(2);
    const list = await api(w.sup).mediations.sessions({ disputeId: d.id });
    expect(list.map((s: any) => [s.seq, s.heldOn, s.place, s.partiesPresent, s.mediatorsPresent, s.record])).toEqual([
      [1, '2026-10-09', '城关镇人民调解委员会调解室', ['王建国', '李春梅'], ['张调解'], '调解员询问双方意见，双方同意由申请人出资恢复排水沟原走向。'],
      [2, '2026-10-10', '城关镇人民调解委员会调解室', ['李春梅'], ['张调解'], '被申请人单独陈述意见。'],
    ]);
  });

  it('prints the record of one session (调解笔录) with its date, place, those present and the record, parties masked', async () => {
    const { d, version } = await ready();
    const first = await api(w.sup).mediations.recordSession(session(d, version));
    await api(w.sup).mediations.recordSession(session(d, first.version, { heldOn: '2026-10-10', place: '城关镇司法所', partyIds: [d.parties['李春梅']], record: '被申请人单独陈述意见。\n被申请人同意赔偿。' }));
    const file = await api(w.sup).documents.build({ disputeId: d.id, kind: 'session_record', sessionSeq: 2 });
    expect(file.fileName).toBe(`调解笔录-${d.code}-第2次.docx`);
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    const paragraphs = doc.paragraphs.map((p) => p.replaceAll('\u2011', '-'));
    expect(paragraphs).toEqual(
      expect.arrayContaining(['调解笔录', d.code, '第 2 次调解', '2026年10月10日', '城关镇司法所', '张调解', '李春梅', '被申请人单独陈述意见。', '被申请人同意赔偿。', '当事人（签名）：', '记录人（签名）：']),
    );
    expect(paragraphs).toContain('申请人：王建国，身份证号码 430***********1234，联系电话 138****5678');
    expect(paragraphs.join('\n')).not.toContain('调解员询问双方意见');
  });

  it('refuses a session record without the session or of a session not recorded, naming the field', async () => {
    const { d } = await ready();
    await expect(api(w.sup).documents.build({ disputeId: d.id, kind: 'session_record' })).rejects.toThrow(om.sessionRequired);
    await expect(api(w.sup).documents.build({ disputeId: d.id, kind: 'session_record', sessionSeq: 1 })).rejects.toThrow('「调解次序」第 1 次调解不存在');
  });

  it('answers a repeated submission with the session it first recorded (idempotent on the client key)', async () => {
    const { d, version } = await ready();
    const first = await api(w.sup).mediations.recordSession(session(d, version, { clientKey: 'session-form-0001' }));
    const again = await api(w.sup).mediations.recordSession(session(d, version, { clientKey: 'session-form-0001' }));
    expect(again).toEqual({ ...first, duplicate: true });
    expect((await api(w.sup).mediations.sessions({ disputeId: d.id })).length).toBe(1);
  });

  it('refuses a session while a mediator’s declared conflict is not resolved, until the mediator is replaced', async () => {
    const { d, version: v0 } = await ready();
    const [assignment] = (await api(w.sup).mediations.get({ disputeId: d.id })).mediators;
    const { version } = await api(w.sup).mediations.declareConflict({ disputeId: d.id, version: v0, assignmentId: assignment.id, kind: 'unit', detail: '其子在涉事物业公司任职', declaredOn: '2026-10-09' });
    await expect(api(w.sup).mediations.recordSession(session(d, version))).rejects.toThrow(m.conflictedMediator('张调解'));
    expect(await api(w.sup).mediations.sessions({ disputeId: d.id })).toEqual([]);
    expect((await api(w.sup).mediations.get({ disputeId: d.id })).version).toBe(version);
    const replaced = await api(w.sup).mediations.replaceMediator({ disputeId: d.id, version, assignmentId: assignment.id, replacementId: mediators['赵调解'] });
    const r = await api(w.sup).mediations.recordSession(session(d, replaced.version, { mediatorIds: [mediators['赵调解']] }));
    expect(r.seq).toBe(1);
  });

  it('refuses a replaced mediator as present at a later session', async () => {
    const { d, version: v0 } = await ready();
    const [assignment] = (await api(w.sup).mediations.get({ disputeId: d.id })).mediators;
    const { version } = await api(w.sup).mediations.declareConflict({ disputeId: d.id, version: v0, assignmentId: assignment.id, kind: 'party', detail: '与申请人系同村亲属', declaredOn: '2026-10-09' });
    const replaced = await api(w.sup).mediations.replaceMediator({ disputeId: d.id, version, assignmentId: assignment.id, replacementId: mediators['周调解'] });
    await expect(api(w.sup).mediations.recordSession(session(d, replaced.version))).rejects.toThrow(m.mediatorNotPresentable);
  });

  it('refuses a session in the future by the kernel clock, naming the field', async () => {
    const { d, version } = await ready();
    await expect(api(w.sup).mediations.recordSession(session(d, version, { heldOn: '2026-10-11' }))).rejects.toThrow('「调解日期」不能晚于今天');
  });

  it('refuses a session before acceptance, writing nothing', async () => {
    const { d, version } = await ready();
    await expect(api(w.sup).mediations.recordSession(session(d, version, { heldOn: '2026-10-07' }))).rejects.toThrow(m.heldBeforeAcceptance('2026-10-08'));
    expect(await api(w.sup).mediations.sessions({ disputeId: d.id })).toEqual([]);
  });

  it('refuses a session of a dispute not yet accepted', async () => {
    const d = await mediating(w, orgId);
    const { version } = await api(w.sup).mediations.assignMediators({ disputeId: d.id, version: d.version, mediatorIds: [mediators['张调解']] });
    await expect(api(w.sup).mediations.recordSession(session(d, version))).rejects.toThrow(m.notAccepted);
  });

  it('refuses a session before any mediator is assigned', async () => {
    const d = await mediating(w, orgId);
    const version = await accepted(w, d, '2026-10-08');
    await expect(api(w.sup).mediations.recordSession(session(d, version))).rejects.toThrow(m.noMediatorAssigned);
  });

  it('refuses a session on a stale version, writing nothing', async () => {
    const { d, version } = await ready();
    await expect(api(w.sup).mediations.recordSession(session(d, version - 1))).rejects.toThrow(m.versionConflict);
    expect(await api(w.sup).mediations.sessions({ disputeId: d.id })).toEqual([]);
  });

  it('refuses a session without its record, naming the field', async () => {
    const { d, version } = await ready();
    await expect(api(w.sup).mediations.recordSession(session(d, version, { record: '' }))).rejects.toThrow('请填写「调解笔录」');
  });

  it('refuses as present a person who is not a party of the dispute', async () => {
    const { d, version } = await ready();
    const other = await mediating(w, orgId);
    await expect(api(w.sup).mediations.recordSession(session(d, version, { partyIds: [other.parties['王建国']] }))).rejects.toThrow(m.partyNotOfDispute);
  });
});
