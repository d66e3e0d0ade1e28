// The law-enforcement file as docx (@zhengfa/documents, the official layout): the full file
// for the political department. The export is audited like a view.
import { buildOfficialDocument, renderDocx, type BodyBlock } from '@zhengfa/documents';
import { chinaDay, type AuthedContext } from '@zhengfa/plugin-api';
import {
  auditActions as a,
  clueSourceNames,
  clueStatusNames,
  cnDate,
  commendationKindNames,
  fileTexts as t,
  formNames,
  gradeNames,
  sanctionKindNames,
} from '../discipline-strings.js';
import { fullFile, type OfficerFile } from './service.js';

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const para = (text: string): BodyBlock => ({ kind: 'paragraph', text });
const heading = (text: string): BodyBlock => ({ kind: 'heading', text });
const c = t.columns;

export function fileBody(file: OfficerFile): BodyBlock[] {
  const o = file.officer;
  const r = file.restriction;
  const eligible = r.eligible ? t.eligible : r.permanent ? t.ineligiblePermanent : t.ineligibleUntil(r.until!);
  const body: BodyBlock[] = [
    heading(t.basics),
    {
      kind: 'table',
      columns: [{ title: c.field, width: 1 }, { title: c.value, width: 3 }],
      rows: [
        [t.rows.name, o.name],
        [t.rows.officerNo, o.officerNo],
        [t.rows.unit, o.unitName ?? ''],
        [t.rows.post, o.post ?? ''],
        [t.rows.rank, o.rank ?? ''],
        [t.rows.party, o.isPartyMember ? t.yes : t.no],
        [t.rows.leader, o.isLeader ? t.yes : t.no],
        [t.rows.eligible, eligible],
      ],
    },
    heading(t.training),
    para(file.trainingSessions.length ? t.trainingHours(file.trainingHours, file.year) : t.trainingNone),
  ];
  if (file.trainingSessions.length)
    body.push({
      kind: 'table',
      columns: [{ title: c.course, width: 4 }, { title: c.heldOn, width: 2 }, { title: c.classHours, width: 2 }],
      rows: file.trainingSessions.map((x) => [x.courseTitle, x.heldOn, String(x.classHours)]),
    });
  body.push(heading(t.sanctions));
  body.push(
    file.sanctions.length
      ? {
          kind: 'table',
          columns: [{ title: c.kind, width: 2 }, { title: c.form, width: 2 }, { title: c.decidedOn, width: 2 }, { title: c.until, width: 2 }],
          rows: file.sanctions.map((s) => [
            sanctionKindNames[s.kind as keyof typeof sanctionKindNames],
            formNames[s.form as keyof typeof formNames],
            cnDate(s.decidedOn),
            s.permanent ? t.permanent : s.effectiveUntil ? cnDate(s.effectiveUntil) : t.noPeriod,
          ]),
        }
      : para(t.sanctionsNone),
    heading(t.commendations),
    file.commendations.length
      ? {
          kind: 'table',
          columns: [{ title: c.kind, width: 2 }, { title: c.title, width: 3 }, { title: c.awardedOn, width: 2 }],
          rows: file.commendations.map((x) => [commendationKindNames[x.kind as keyof typeof commendationKindNames], x.title, cnDate(x.awardedOn)]),
        }
      : para(t.commendationsNone),
    heading(t.assessments),
    file.assessments.length
      ? {
          kind: 'table',
          columns: [{ title: c.period, width: 2 }, { title: c.grade, width: 2 }],
          rows: file.assessments.map((x) => [x.period, gradeNames[x.grade as keyof typeof gradeNames]]),
        }
      : para(t.assessmentsNone),
    heading(t.conduct),
    para(t.conductCount(file.conductRecordCount)),
    heading(t.clues),
    file.clues.length
      ? {
          kind: 'table',
          columns: [{ title: c.source, width: 2 }, { title: c.receivedOn, width: 2 }, { title: c.status, width: 2 }],
          rows: file.clues.map((x) => [clueSourceNames[x.source as keyof typeof clueSourceNames], cnDate(x.receivedOn), clueStatusNames[x.status as keyof typeof clueStatusNames]]),
        }
      : para(t.cluesNone),
    heading(t.findings),
    file.inspectionFindings.length
      ? {
          kind: 'table',
          columns: [{ title: c.defectType, width: 3 }, { title: c.severity, width: 2 }, { title: c.foundOn, width: 2 }],
          rows: file.inspectionFindings.map((x) => [x.defectType, t.severities[x.severity], cnDate(x.foundOn)]),
        }
      : para(t.findingsNone),
  );
  return body;
}

/** The full file of an officer as docx (political department; audited). */
export async function exportFile(ctx: AuthedContext, officerId: string): Promise<DocumentFile> {
  const file = await fullFile(ctx, officerId);
  const doc = buildOfficialDocument({
    organ: { name: t.organName(ctx.tenant.name), abbreviation: Array.from(ctx.tenant.name)[0] ?? '' },
    docNo: t.docNo(file.year),
    title: t.title(file.officer.name),
    recipients: [],
    body: fileBody(file),
    date: chinaDay(ctx.now()),
  });
  const buffer = await renderDocx(doc);
  await ctx.audit.record({ action: a.fileExport, targetType: 'personnel.officer', targetId: officerId });
  return { fileName: t.fileName(file.officer.name), mimeType: DOCX, base64: buffer.toString('base64') };
}
