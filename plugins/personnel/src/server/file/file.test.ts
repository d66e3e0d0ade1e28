import { afterAll, beforeAll, expect, it } from 'vitest';
import { unzipParts } from '@zhengfa/documents';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine, orgIdByName } from '@zhengfa/test-utils';
import { api, auditRows, officerWithAccount, startWorld, type Officer, type World } from '../test/officers.js';

describeEachEngine('personnel law-enforcement file', (engine) => {
  let w: World;
  let officer: Officer;
  let leader: Officer;
  let otherLeader: Officer;
  let sanctionId: string;
  let decidedClue: string;
  let openClue: string;

  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
    officer = await officerWithAccount(w.t, { username: 'fengyi', name: '冯毅', officerNo: 'F001', post: '民警' });
    leader = await officerWithAccount(w.t, { username: 'juzhang', name: '鞠章', officerNo: 'F002', isLeader: true, post: '局长' });
    otherLeader = await officerWithAccount(w.t, { username: 'yuanzhang', name: '袁章', officerNo: 'F003', isLeader: true, unit: '示范县人民法院' });
    const record = { intervenerKind: 'party', intervenerName: '当事人亲属', occurredOn: '2026-02-01', manner: 'phone', caseRef: '示公治〔2026〕2号', content: '请求关照' };
    await api(officer).conduct.record(record);
    await api(officer).conduct.record({ ...record, occurredOn: '2026-02-02' });
    await api(w.political).commendations.award({ kind: 'merit', officerId: officer.officerId, title: '个人嘉奖', awardedOn: '2025-12-01' });
    await api(w.political).assessments.record({ officerId: officer.officerId, period: '2025', grade: 'excellent', assessedOn: '2026-01-10' });
    const c1 = await api(w.staff).clues.create({ officerId: officer.officerId, source: 'complaint', receivedOn: '2026-03-01', summary: '投诉：出警不及时' });
    decidedClue = c1.id;
    sanctionId = (await api(w.staff).sanctions.decide({ officerId: officer.officerId, clueId: c1.id, form: 2, kind: 'demerit', decidedOn: '2026-03-15', decisionNo: '示公纪〔2026〕1号', reason: '出警不及时造成后果' })).id;
    const c2 = await api(w.staff).clues.create({ officerId: officer.officerId, source: 'report', receivedOn: '2026-05-01', summary: '举报：收受礼品' });
    openClue = c2.id;
    await api(w.staff).clues.advance({ id: c2.id, version: 1, to: 'verifying', on: '2026-05-02' });

    // Training: two sessions attended this year, one missed, one attended last year.
    const trainer = api(await w.t.signIn('supervisor'));
    const courseId = (await trainer.training.courses.create({ unitId: null, kind: 'rotation', title: '政法干警集中轮训', organiser: '县委政法委' })).id;
    for (const [day, classHours, status] of [
      ['2025-12-10', 8, 'present'],
      ['2026-03-10', 8, 'present'],
      ['2026-04-15', 4, 'absent'],
      ['2026-05-20', 3.5, 'present'],
    ] as const) {
      const session = await trainer.training.sessions.create({ courseId, startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T17:00:00+08:00`, classHours });
      await trainer.training.sessions.recordAttendance({ sessionId: session.id, entries: [{ officerId: officer.officerId, status }] });
    }
  }, 240_000);
  afterAll(() => w.t.stop());

  it('shows the officer their own file with the concluded clues only, unaudited', async () => {
    const file = await api(officer).file.mine();
    expect(file).toEqual({
      level: 'own',
      officer: { id: officer.officerId, name: '冯毅', officerNo: 'F001', unitId: file.officer.unitId, unitName: '示范县公安局', post: '民警', rank: null, isLeader: false, isPartyMember: true, status: 'serving' },
      year: 2026,
      trainingHours: 11.5,
      trainingSessions: [
        { sessionId: expect.any(String), courseTitle: '政法干警集中轮训', heldOn: '2026-03-10', classHours: 8 },
        { sessionId: expect.any(String), courseTitle: '政法干警集中轮训', heldOn: '2026-05-20', classHours: 3.5 },
      ],
      restriction: { eligible: false, until: '2027-03-14', permanent: false },
      sanctions: [
        {
          id: sanctionId,
          form: 2,
          category: 'governmental',
          kind: 'demerit',
          probationYears: null,
          decidedOn: '2026-03-15',
          effectiveUntil: '2027-03-14',
          permanent: false,
          inForce: true,
          decisionNo: '示公纪〔2026〕1号',
          reason: '出警不及时造成后果',
        },
      ],
      commendations: [{ id: expect.any(String), kind: 'merit', title: '个人嘉奖', awardedOn: '2025-12-01' }],
      assessments: [{ period: '2025', grade: 'excellent', assessedOn: '2026-01-10' }],
      conductRecordCount: 2,
      clues: [{ id: decidedClue, source: 'complaint', receivedOn: '2026-03-01', status: 'decided' }],
      accountability: [],
      inspectionFindings: [],
    });
    expect((await auditRows(w.t, 'personnel.file.read')).filter((r) => r.actor_id === officer.userId)).toEqual([]);
  });

  it('credits the officer with the hours of this year’s sessions attended, not those missed or of last year', async () => {
    const file = await api(officer).file.mine();
    expect([file.trainingHours, file.trainingSessions.map((x: { heldOn: string }) => x.heldOn)]).toEqual([11.5, ['2026-03-10', '2026-05-20']]);
  });

  it('shows the political department the full file and audits the view', async () => {
    const file = await api(w.political).file.get({ officerId: officer.officerId });
    expect(file.level).toBe('full');
    expect(file.clues).toEqual([
      { id: openClue, source: 'report', receivedOn: '2026-05-01', status: 'verifying', summary: '举报：收受礼品', transferredTo: null },
      { id: decidedClue, source: 'complaint', receivedOn: '2026-03-01', status: 'decided', summary: '投诉：出警不及时', transferredTo: null },
    ]);
    expect((await auditRows(w.t, 'personnel.file.read', officer.officerId)).filter((r) => r.actor_id === w.political.id).map((r) => r.detail)).toEqual([{ level: 'full' }]);
  });

  it('shows the leader of the officer’s unit a summary without clues or reasons, and audits the view', async () => {
    const file = await api(leader).file.unitSummary({ officerId: officer.officerId });
    expect(file.level).toBe('summary');
    expect(file.clues).toEqual([]);
    expect(file.sanctions).toEqual([
      { id: sanctionId, form: 2, category: 'governmental', kind: 'demerit', probationYears: null, decidedOn: '2026-03-15', effectiveUntil: '2027-03-14', permanent: false, inForce: true },
    ]);
    expect((await auditRows(w.t, 'personnel.file.read', officer.officerId)).filter((r) => r.actor_id === leader.userId).map((r) => r.detail)).toEqual([{ level: 'summary' }]);
  });

  it('refuses the summary to the leader of another unit', async () => {
    await expect(api(otherLeader).file.unitSummary({ officerId: officer.officerId })).rejects.toThrow('只有该干警所在单位的领导可以查看其档案摘要');
  });

  it('refuses the full file to the officer', async () => {
    await expect(api(officer).file.get({ officerId: officer.officerId })).rejects.toThrow('您没有「查看干警执法档案（全部）」权限');
  });

  it('refuses the full file to the leader of the officer’s unit and writes no audit row', async () => {
    await expect(api(leader).file.get({ officerId: officer.officerId })).rejects.toThrow('您没有「查看干警执法档案（全部）」权限');
    expect((await auditRows(w.t, 'personnel.file.read', officer.officerId)).filter((r) => r.actor_id === leader.userId).map((r) => r.detail)).toEqual([{ level: 'summary' }]);
  });

  it('refuses the docx export to a user without the political department’s permission and writes no audit row', async () => {
    await expect(api(leader).file.export({ officerId: officer.officerId })).rejects.toThrow('您没有「查看干警执法档案（全部）」权限');
    await expect(api(w.staff).file.export({ officerId: officer.officerId })).rejects.toThrow('您没有「查看干警执法档案（全部）」权限');
    const actors = [leader.userId, w.staff.id];
    expect((await auditRows(w.t, 'personnel.file.export', officer.officerId)).filter((r) => actors.includes(r.actor_id))).toEqual([]);
    expect((await auditRows(w.t, 'personnel.file.read', officer.officerId)).filter((r) => r.actor_id === w.staff.id)).toEqual([]);
  });

  it('refuses the summary to a colleague of the same unit who is not its leader, and writes no audit row', async () => {
    const colleague = await officerWithAccount(w.t, { username: 'tongshi', name: '童实', officerNo: 'F004' });
    await expect(api(colleague).file.unitSummary({ officerId: officer.officerId })).rejects.toThrow('只有该干警所在单位的领导可以查看其档案摘要');
    expect((await auditRows(w.t, 'personnel.file.read', officer.officerId)).filter((r) => r.actor_id === colleague.userId)).toEqual([]);
  });

  it('refuses the summary to a user with no registry entry, whether or not the officer exists', async () => {
    await expect(api(w.staff).file.unitSummary({ officerId: officer.officerId })).rejects.toThrow('只有该干警所在单位的领导可以查看其档案摘要');
    await expect(api(w.staff).file.unitSummary({ officerId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow('只有该干警所在单位的领导可以查看其档案摘要');
  });

  it('audits every view of the full file, one row per view, on the officer viewed', async () => {
    const before = (await auditRows(w.t, 'personnel.file.read', officer.officerId)).filter((r) => r.actor_id === w.political.id).length;
    await api(w.political).file.get({ officerId: officer.officerId });
    await api(w.political).file.get({ officerId: leader.officerId });
    const rows = (await auditRows(w.t, 'personnel.file.read')).filter((r) => r.actor_id === w.political.id).slice(before);
    expect(rows.map((r) => [r.target_id, r.detail])).toEqual([
      [officer.officerId, { level: 'full' }],
      [leader.officerId, { level: 'full' }],
    ]);
  });

  it('exports the full file as docx and audits the export', async () => {
    const doc = await api(w.political).file.export({ officerId: officer.officerId });
    expect(doc.fileName).toBe('冯毅执法档案.docx');
    const parts = await unzipParts(Buffer.from(doc.base64, 'base64'), { select: (n) => n === 'word/document.xml' });
    const xml = Buffer.from(parts.get('word/document.xml')!).toString('utf8');
    for (const text of ['冯毅执法档案', '2026年度累计培训学时：11.5学时。', '政法干警集中轮训', '记过', '2027年3月14日', '本人记录报告过问干预案件情况2次。', '个人嘉奖']) expect(xml).toContain(text);
    expect((await auditRows(w.t, 'personnel.file.export', officer.officerId)).map((r) => r.actor_id)).toEqual([w.political.id]);
  });

  it('puts the inspection findings attributed to the officer into the exported file', async () => {
    await sql`insert into personnel.inspection_findings (tenant_id, finding_id, campaign_id, unit_id, officer_id, officer_name, officer_no, defect_type, severity, found_on)
      values (${w.t.tenantId}, 'f-file-1', 'c-file-1', ${await orgIdByName(w.t, '示范县公安局')}, ${officer.officerId}, '冯毅', 'F001', '证据审查不严', 'serious', '2026-05-28')`.execute(w.t.database.db);
    const doc = await api(w.political).file.export({ officerId: officer.officerId });
    const parts = await unzipParts(Buffer.from(doc.base64, 'base64'), { select: (n) => n === 'word/document.xml' });
    const xml = Buffer.from(parts.get('word/document.xml')!).toString('utf8');
    for (const text of ['八、执法检查发现的问题', '证据审查不严', '严重问题', '2026年5月28日']) expect(xml).toContain(text);
  });

  it('refuses a file of an officer who does not exist, naming the field', async () => {
    await expect(api(w.political).file.get({ officerId: '00000000-0000-4000-8000-000000000000' })).rejects.toThrow('「干警」不存在');
  });
});
