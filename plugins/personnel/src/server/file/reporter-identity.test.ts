// The reporter of a 三个规定 record is protected: their identity reaches no one but the
// discipline staff. This walks every procedure of the plugin as the officer recorded, as the
// leader of their unit and as their unit's liaison, and looks for the reporter in every answer
// and every refusal; and in the docx of the recorded officer's file.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unzipParts } from '@zhengfa/documents';
import { describeEachEngine, type ActingUser } from '@zhengfa/test-utils';
import { disciplineRouter } from '../discipline-router.js';
import { api, officerWithAccount, startWorld, type Officer, type World } from '../test/officers.js';

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

describeEachEngine('personnel reporter identity', (engine) => {
  let w: World;
  let reporter: Officer;
  let subject: Officer;
  let unitLeader: Officer;
  let liaison: ActingUser;
  let inputs: Record<string, unknown>;
  let secrets: string[];

  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
    reporter = await officerWithAccount(w.t, { username: 'liuqing', name: '柳清', officerNo: 'R-7731', unit: '示范县人民法院' });
    subject = await officerWithAccount(w.t, { username: 'made', name: '马德', officerNo: 'B-2046' });
    unitLeader = await officerWithAccount(w.t, { username: 'guozheng', name: '郭正', officerNo: 'L-0001', isLeader: true, post: '副局长' });
    liaison = await w.t.signIn('liaison');

    const rec = await api(reporter).conduct.record({
      intervenerKind: 'colleague',
      intervenerName: '马德',
      subjectOfficerId: subject.officerId,
      occurredOn: '2026-03-02',
      manner: 'in_person',
      caseRef: '示公刑〔2026〕8号故意伤害案',
      content: '要求对犯罪嫌疑人变更强制措施',
    });
    const s = api(w.staff);
    const clue = await s.clues.create({
      officerId: subject.officerId,
      source: 'conduct_record',
      conductRecordId: rec.id,
      receivedOn: '2026-03-10',
      summary: '干警违规干预他人办理的案件',
      handlerUserId: w.staff.id,
    });
    const v = (await s.clues.advance({ id: clue.id, version: clue.version, to: 'verifying', on: '2026-03-12' })).version;
    await s.clues.advance({ id: clue.id, version: v, to: 'filed', on: '2026-03-20' });
    const sanction = await s.sanctions.decide({ officerId: subject.officerId, clueId: clue.id, form: 2, kind: 'demerit', decidedOn: '2026-04-15', reason: '违规干预案件办理' });
    const acc = await s.accountability.find({ officerId: subject.officerId, caseRef: '示公刑〔2026〕3号', finding: '违法采取强制措施', foundOn: '2026-05-01' });
    await api(w.political).assessments.record({ officerId: subject.officerId, period: '2026-Q1', grade: 'competent', assessedOn: '2026-04-05' });
    const clue2 = await s.clues.create({ officerId: subject.officerId, source: 'complaint', receivedOn: '2026-05-10', summary: '群众投诉' });

    const refs = { officerId: subject.officerId };
    // Each procedure's input as the walk sends it: real ids, so that a call gets past
    // validation to its access rule (or succeeds, for what the caller may do).
    inputs = {
      // The registry, the roster import and training: they know no reporter, but the walk covers them.
      'officers.list': { pageSize: 500 },
      'officers.get': { id: subject.officerId },
      'officers.reveal': { id: reporter.officerId },
      'officers.create': { unitId: NO_SUCH_ID, name: '探针', officerNo: 'PROBE-001' },
      'officers.update': { id: reporter.officerId, version: 99, unitId: NO_SUCH_ID, name: '探针', officerNo: 'PROBE-001' },
      'officers.setStatus': { id: reporter.officerId, version: 99, status: 'retired' },
      'officers.linkUser': { id: reporter.officerId, version: 99, userId: null },
      'imports.check': { fileName: '名册.xls', base64: 'AA==' },
      'imports.confirm': { fileName: '名册.xls', base64: 'AA==' },
      'imports.template': undefined,
      'imports.mapUnit': { name: '探针局', orgId: NO_SUCH_ID },
      'imports.aliases': undefined,
      'imports.removeAlias': { alias: '没有这个别名' },
      'training.settings': undefined,
      'training.setRequiredHours': { hours: 90, version: 99 },
      'training.plans.list': { year: 2026 },
      'training.plans.get': { id: NO_SUCH_ID },
      'training.plans.create': { unitId: NO_SUCH_ID, year: 2026, title: '探针计划', items: [] },
      'training.plans.update': { id: NO_SUCH_ID, version: 99, title: '探针计划', items: [] },
      'training.plans.document': { id: NO_SUCH_ID },
      'training.courses.list': undefined,
      'training.courses.create': { unitId: NO_SUCH_ID, kind: 'post', title: '探针课程' },
      'training.sessions.list': undefined,
      'training.sessions.create': { courseId: NO_SUCH_ID, startsAt: '2026-06-02T09:00:00+08:00', endsAt: '2026-06-02T11:00:00+08:00', classHours: 2 },
      'training.sessions.get': { id: NO_SUCH_ID },
      'training.sessions.attendance': { id: NO_SUCH_ID },
      'training.sessions.recordAttendance': { sessionId: NO_SUCH_ID, entries: [{ officerId: reporter.officerId, status: 'present' }] },
      'training.signIn': { code: '00000000' },
      'training.mine': { year: 2026 },
      'training.exams.list': { courseId: NO_SUCH_ID },
      'training.exams.record': { courseId: NO_SUCH_ID, officerNo: 'R-7731', takenOn: '2026-05-30', score: 80 },
      'training.certificates.list': undefined,
      'training.certificates.record': { officerNo: 'R-7731', certificateNo: 'PROBE-CERT-1', title: '探针证书', issuedOn: '2026-05-30' },
      'training.progress': { year: 2026 },
      'training.behind': { year: 2026, checkpoint: 'midYear' },
      'conduct.record': { intervenerKind: 'lawyer', intervenerName: '某律师', occurredOn: '2026-05-30', manner: 'phone', caseRef: '示法民〔2026〕1号', content: '询问开庭时间' },
      'conduct.mine': undefined,
      'conduct.list': {},
      'conduct.get': { id: rec.id },
      'conduct.unitMonth': { month: '2026-03' },
      'conduct.submitReport': { month: '2026-03' },
      'conduct.quarterSummary': { year: 2026, quarter: 1 },
      'clues.create': { ...refs, source: 'conduct_record', conductRecordId: rec.id, receivedOn: '2026-05-01', summary: '再次反映' },
      'clues.list': {},
      'clues.get': { id: clue.id },
      'clues.advance': { id: clue2.id, version: 1, to: 'verifying', on: '2026-05-11' },
      'clues.assignHandler': { id: clue2.id, version: 1, handlerUserId: w.staff.id },
      'clues.withdrawHandler': { id: clue.id, version: 99, reason: 'relative', replacementUserId: w.staff2.id, on: '2026-05-01' },
      'clues.transfer': { id: clue2.id, version: 99, to: '县纪委监委', on: '2026-05-12' },
      'sanctions.decide': { ...refs, clueId: clue.id, form: 1, kind: 'criticism', decidedOn: '2026-05-01', reason: '批评教育' },
      'sanctions.list': refs,
      'sanctions.periods': undefined,
      'sanctions.setPeriod': { kind: 'demerit', months: 12 },
      'sanctions.eligibility': refs,
      'sanctions.statistics': { from: '2026-01-01', to: '2026-06-01' },
      'statistics.training': { from: '2026-01-01', to: '2026-06-01' },
      'statistics.discipline': { from: '2026-01-01', to: '2026-06-01' },
      'accountability.find': { ...refs, caseRef: '示公刑〔2026〕4号', finding: '事实认定错误', foundOn: '2026-05-02' },
      'accountability.defend': { id: acc.id, version: 1, defence: '本人已尽审查义务', on: '2026-05-05' },
      'accountability.decide': { id: acc.id, version: 99, decision: '免予追究', on: '2026-05-20', sanctionId: sanction.id },
      'accountability.review': { id: acc.id, version: 99, request: '申请复核', result: 'upheld', on: '2026-05-25' },
      'accountability.list': refs,
      'accountability.mine': undefined,
      'commendations.award': { kind: 'best_officer', ...refs, title: '十佳政法干警', awardedOn: '2026-05-01' },
      'commendations.list': {},
      'assessments.record': { ...refs, period: '2026-Q2', grade: 'competent', assessedOn: '2026-05-30' },
      'assessments.list': refs,
      'file.mine': undefined,
      'file.unitSummary': refs,
      'file.get': refs,
      'file.export': refs,
    };
    secrets = ['柳清', 'R-7731', 'liuqing', reporter.officerId, reporter.userId];
  }, 240_000);
  afterAll(() => w.t.stop());

  const procedurePaths = () =>
    Object.keys((w.t.kernel.router as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures)
      .filter((p) => p.startsWith('personnel.'))
      .map((p) => p.slice('personnel.'.length))
      .sort();

  async function call(u: ActingUser, path: string): Promise<{ ok: boolean; text: string }> {
    let target: any = api(u);
    for (const part of path.split('.')) target = target[part];
    try {
      return { ok: true, text: JSON.stringify(await target(inputs[path] ?? {})) ?? '' };
    } catch (err) {
      return { ok: false, text: `${(err as Error).message} ${JSON.stringify((err as { cause?: unknown }).cause ?? null)}` };
    }
  }

  async function leaks(u: ActingUser): Promise<{ answered: string[]; leaked: string[] }> {
    const answered: string[] = [];
    const leaked: string[] = [];
    for (const path of procedurePaths()) {
      const { ok, text } = await call(u, path);
      if (ok) answered.push(path);
      for (const s of secrets) if (text.includes(s)) leaked.push(`${path}: ${s}`);
    }
    return { answered, leaked };
  }

  it('gives the walk an input for every conduct and discipline procedure', () => {
    const mine = Object.entries(disciplineRouter).flatMap(([group, procs]) => Object.keys(procs).map((p) => `${group}.${p}`));
    expect(mine.filter((p) => !(p in inputs))).toEqual([]);
    expect(procedurePaths().filter((p) => !(p in inputs))).toEqual([]);
  });

  it('finds the reporter in the discipline staff’s answers (the walk can see a leak)', async () => {
    for (const path of ['conduct.list', 'conduct.get']) {
      const { ok, text } = await call(w.staff, path);
      expect([ok, secrets.filter((s) => text.includes(s))]).toEqual([true, ['柳清', 'R-7731', reporter.officerId]]);
    }
  });

  it('never shows the reporter to the officer recorded, through any procedure', async () => {
    const { answered, leaked } = await leaks(subject);
    expect(leaked).toEqual([]);
    expect(answered).toEqual(expect.arrayContaining(['conduct.mine', 'file.mine', 'accountability.mine', 'accountability.defend']));
  });

  it('never shows the reporter to the leader of the recorded officer’s unit', async () => {
    const { answered, leaked } = await leaks(unitLeader);
    expect(leaked).toEqual([]);
    expect(answered).toContain('file.unitSummary');
  });

  it('never shows the reporter to the recorded officer’s unit liaison', async () => {
    const { answered, leaked } = await leaks(liaison);
    expect(leaked).toEqual([]);
    expect(answered).toContain('conduct.unitMonth');
  });

  it('keeps the reporter out of the recorded officer’s file document', async () => {
    const doc = await api(w.political).file.export({ officerId: subject.officerId });
    const parts = await unzipParts(Buffer.from(doc.base64, 'base64'), { select: (n) => n.endsWith('.xml') });
    const xml = [...parts.values()].map((b) => Buffer.from(b).toString('utf8')).join('');
    expect(xml).toContain('马德');
    for (const s of secrets) expect(xml).not.toContain(s);
  });
});
