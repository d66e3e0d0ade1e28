// The campaign's documents as docx on the official layout (@zhengfa/documents): the
// implementation plan (实施方案), the review opinion of one file (评查意见书), a unit's
// rectification notice (整改通知书) and the bulletin (通报) drafted from the results, whose
// figures are those of results.campaign; good practice and requirements are left for the staff
// to write. No officer is named in any of them. Each build is audited.
import { buildOfficialDocument, chineseOrdinal, formatChineseDate, renderDocx, type BodyBlock } from '@zhengfa/documents';
import { badRequest, chinaDay, notFound, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { showHandlers } from '../handlers.js';
import { getCampaign } from '../campaigns/service.js';
import { campaignResults } from '../results/service.js';
import { loadScale } from '../scales/service.js';
import { gradeOf } from '../scales/grading.js';
import { documentTexts as t, messages as m, scopeNames, statusNames } from '../strings.js';

export const documentKinds = ['plan', 'opinion', 'notice', 'bulletin'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const para = (text: string): BodyBlock => ({ kind: 'paragraph', text });
const heading = (i: number, text: string): BodyBlock => ({ kind: 'heading', text: `${chineseOrdinal(i)}、${text}` });
const day = (iso: string) => formatChineseDate(iso);

type Campaign = Awaited<ReturnType<typeof getCampaign>>;

async function planBody(ctx: AuthedContext, c: Campaign): Promise<BodyBlock[]> {
  const p = t.plan;
  const scale = c.scaleId ? await loadScale(ctx.db, ctx.tenant.id, c.scaleId) : undefined;
  const period = c.caseFrom && c.caseTo ? p.casePeriod(day(c.caseFrom), day(c.caseTo)) : '';
  return [
    heading(1, p.purpose),
    para(t.placeholder),
    heading(2, p.scope),
    para(p.scopeLine(c.kind, c.units.map((u) => u.unitName).join('、'), c.caseTypes.join('、') || p.anyCaseType, period)),
    heading(3, p.standard),
    para(p.standardLine(c.templates.map((x) => x.name).join('、') || p.noScale, scale?.name ?? p.noScale)),
    para(c.doubleScoring ? p.doubleScoring(c.margin) : p.singleScoring),
    heading(4, p.steps),
    para(p.phase(statusNames.self_check, day(c.selfCheckFrom), day(c.selfCheckTo))),
    para(p.phase(statusNames.review, day(c.reviewFrom), day(c.reviewTo))),
    para(p.phase(statusNames.rectification, day(c.rectifyFrom), day(c.rectifyTo))),
    para(p.bulletinPhase(day(c.bulletinOn))),
    heading(5, p.team),
    para(p.teamLine(c.members.map((x) => x.name).join('、') || t.placeholder)),
    heading(6, p.requirements),
    para(t.placeholder),
  ];
}

interface FileFacts {
  id: string;
  unitName: string;
  caseNo: string;
  caseType: string;
  title: string | null;
  handlerName: string | null;
  volumes: number;
  finalTotal: number | null;
  finalVetoed: boolean | null;
  finalSource: string | null;
  panelNote: string | null;
}

async function findingsOf(ctx: AuthedContext, where: ReturnType<typeof sql>) {
  const r = await sql<{ caseNo: string; scope: string; defectType: string; description: string; deadline: string; responsibleName: string }>`select f.case_no as "caseNo",
      fi.scope, fi.defect_type as "defectType", fi.description, to_char(fi.deadline, 'YYYY-MM-DD') as deadline, fi.responsible_name as "responsibleName"
    from inspections.findings fi join inspections.files f on f.tenant_id = fi.tenant_id and f.id = fi.file_id
    where fi.tenant_id = ${ctx.tenant.id} and ${where}
    order by f.case_no, fi.found_on, fi.created_at`.execute(ctx.db);
  return r.rows;
}

async function opinionBody(ctx: AuthedContext, c: Campaign, fileId: string): Promise<{ body: BodyBlock[]; recipient: string; suffix: string }> {
  const o = t.opinion;
  const r = await sql<FileFacts>`select f.id, u.unit_name as "unitName", f.case_no as "caseNo", f.case_type as "caseType", f.title, f.handler_name as "handlerName", f.volumes,
      f.final_total::float8 as "finalTotal", f.final_vetoed as "finalVetoed", f.final_source as "finalSource", f.panel_note as "panelNote"
    from inspections.files f
    join inspections.campaign_units u on u.tenant_id = f.tenant_id and u.campaign_id = f.campaign_id and u.unit_id = f.unit_id
    where f.tenant_id = ${ctx.tenant.id} and f.id = ${fileId} and f.campaign_id = ${c.id}`.execute(ctx.db);
  const found = r.rows[0];
  if (!found) throw notFound(m.fileNotFound);
  if (found.finalTotal === null) throw badRequest(m.notDecided);
  const f = { ...found, finalTotal: found.finalTotal, handlerName: (await showHandlers(ctx, [found], { type: 'inspections.file', id: found.id }))[0]!.handlerName };
  const scale = c.scaleId ? await loadScale(ctx.db, ctx.tenant.id, c.scaleId) : undefined;
  const grade = scale ? gradeOf(scale.grades, f.finalTotal, !!f.finalVetoed).label : '';
  // The sheet the decided score came from: the third reviewer's, else the first reviewer's.
  const role = f.finalSource === 'arbiter' ? 'arbiter' : 'first';
  const items = await sql<{ aspect: string; content: string; maxPoints: number; points: number; vetoed: boolean; note: string | null }>`select ti.aspect, ti.content,
      ti.max_points::float8 as "maxPoints", s.points::float8 as points, s.vetoed, s.note
    from inspections.assignments a
    join inspections.scores s on s.tenant_id = a.tenant_id and s.assignment_id = a.id
    join inspections.template_items ti on ti.tenant_id = s.tenant_id and ti.id = s.item_id
    where a.tenant_id = ${ctx.tenant.id} and a.file_id = ${fileId} and a.role = ${role}
    order by ti.position`.execute(ctx.db);
  const problems = await findingsOf(ctx, sql`fi.file_id = ${fileId}`);
  const rows: [string, string][] = [
    [o.rows.unit, f.unitName],
    [o.rows.caseNo, f.caseNo],
    [o.rows.caseType, f.caseType],
    [o.rows.title, f.title ?? ''],
    [o.rows.handler, f.handlerName ?? ''],
    [o.rows.volumes, String(f.volumes)],
    [o.rows.score, String(f.finalTotal)],
    [o.rows.grade, grade],
  ];
  return {
    recipient: f.unitName,
    suffix: f.caseNo,
    body: [
      { kind: 'table', columns: [{ title: o.field, width: 1 }, { title: o.value, width: 3 }], rows },
      heading(1, o.itemsHeading),
      {
        kind: 'table',
        columns: o.itemColumns.map((title, i) => ({ title, width: i === 1 ? 4 : i === 4 ? 3 : 1 })),
        rows: items.rows.map((x) => [x.aspect, x.content, String(x.maxPoints), x.vetoed ? o.vetoed : String(x.points), x.note ?? '']),
      },
      heading(2, o.problemsHeading),
      ...(problems.length === 0 ? [para(o.noProblems)] : problems.map((p, i) => para(o.problemLine(i + 1, p.defectType, scopeNames[p.scope as keyof typeof scopeNames], p.description)))),
      heading(3, o.opinionHeading),
      para(f.panelNote ?? t.placeholder),
    ],
  };
}

async function noticeBody(ctx: AuthedContext, c: Campaign, unitId: string): Promise<{ body: BodyBlock[]; recipient: string }> {
  const x = t.notice;
  const unit = c.units.find((u) => u.unitId === unitId);
  if (!unit) throw badRequest(m.notInCampaign);
  const results = await campaignResults(ctx, c.id);
  const row = results.units.find((u) => u.unitId === unitId)!;
  const problems = await findingsOf(ctx, sql`fi.campaign_id = ${c.id} and fi.unit_id = ${unitId}`);
  return {
    recipient: unit.unitName,
    body: [
      para(x.intro(unit.unitName, c.title)),
      para(x.resultLine(row.files, row.grades.map((g) => t.bulletin.gradeCount(g.label, g.count)).join('、'))),
      heading(1, x.problemsHeading),
      {
        kind: 'table',
        columns: x.columns.map((title, i) => ({ title, width: i === 2 ? 4 : 1 })),
        rows: problems.map((p) => [p.caseNo, p.defectType, p.description, day(p.deadline), p.responsibleName]),
      },
      heading(2, x.requirementsHeading),
      para(x.requirement),
    ],
  };
}

async function bulletinBody(ctx: AuthedContext, c: Campaign): Promise<BodyBlock[]> {
  const b = t.bulletin;
  const r = await campaignResults(ctx, c.id);
  const o = r.overall;
  const grades = (gs: typeof o.grades) => gs.map((g) => b.gradeCount(g.label, g.count)).join('、');
  const byType = await sql<{ defectType: string; count: number }>`select defect_type as "defectType", count(*)::int as count
    from inspections.findings where tenant_id = ${ctx.tenant.id} and campaign_id = ${c.id}
    group by defect_type order by count desc, defect_type`.execute(ctx.db);
  const samples = await findingsOf(ctx, sql`fi.campaign_id = ${c.id}`);
  const sum = (f: (u: (typeof r.units)[number]) => number) => r.units.reduce((a, u) => a + f(u), 0);
  return [
    para(b.intro(c.title)),
    heading(1, b.overviewHeading),
    para(b.overview(o.files, o.volumes, grades(o.grades), t.percent(o.passRate), t.percent(o.excellentRate), t.percent(o.combinedRate))),
    heading(2, b.byUnitHeading),
    {
      kind: 'table',
      columns: b.unitColumns(o.grades.map((g) => g.label)).map((title, i) => ({ title, width: i === 0 ? 3 : 1 })),
      rows: [
        ...r.units.map((u) => [u.unitName, u.files, u.volumes, ...u.grades.map((g) => g.count), t.percent(u.passRate), t.percent(u.excellentRate), u.unrectified, String(u.deduction)]),
        [b.total, o.files, o.volumes, ...o.grades.map((g) => g.count), t.percent(o.passRate), t.percent(o.excellentRate), sum((u) => u.unrectified), String(sum((u) => u.deduction * 10) / 10)],
      ],
    },
    heading(3, b.problemsHeading),
    ...(byType.rows.length === 0 && r.defects.length === 0
      ? [para(b.noProblems)]
      : [
          ...byType.rows.map((x, i) =>
            para(b.problemType(i + 1, x.defectType, x.count, samples.filter((s) => s.defectType === x.defectType).slice(0, 3).map((s) => `${s.caseNo}：${s.description}`).join('；'))),
          ),
          ...r.defects.slice(0, 5).map((d) => para(b.defectLine(d.aspect, d.content, d.files))),
        ]),
    heading(4, b.goodPracticeHeading),
    para(t.placeholder),
    heading(5, b.requirementsHeading),
    para(t.placeholder),
  ];
}

export async function buildDocument(ctx: AuthedContext, input: { campaignId: string; kind: DocumentKind; fileId?: string | undefined; unitId?: string | undefined }): Promise<DocumentFile> {
  const c = await getCampaign(ctx, input.campaignId);
  const organ = { name: t.committee(ctx.tenant.name), abbreviation: Array.from(ctx.tenant.name)[0] ?? '' };
  let title: string;
  let recipients: string[] = [t.allUnits];
  let body: BodyBlock[];
  let suffix = c.title;
  if (input.kind === 'plan') {
    title = t.planTitle(c.title);
    body = await planBody(ctx, c);
  } else if (input.kind === 'opinion') {
    if (!input.fileId) throw badRequest(m.documentNeedsFile);
    title = t.opinionTitle;
    const o = await opinionBody(ctx, c, input.fileId);
    body = o.body;
    recipients = [o.recipient];
    suffix = o.suffix;
  } else if (input.kind === 'notice') {
    if (!input.unitId) throw badRequest(m.documentNeedsUnit);
    title = t.noticeTitle;
    const o = await noticeBody(ctx, c, input.unitId);
    body = o.body;
    recipients = [o.recipient];
    suffix = o.recipient;
  } else {
    title = t.bulletinTitle(c.title);
    body = await bulletinBody(ctx, c);
  }
  const doc = buildOfficialDocument({ organ, docNo: '', title, recipients, body, date: chinaDay(ctx.now()) });
  const buffer = await renderDocx(doc);
  await ctx.audit.record({ action: 'inspections.document', targetType: 'inspections.campaign', targetId: c.id, detail: { kind: input.kind, fileId: input.fileId ?? null, unitId: input.unitId ?? null } });
  return { fileName: t.fileName(title, suffix), mimeType: DOCX, base64: buffer.toString('base64') };
}
