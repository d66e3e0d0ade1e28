// The law-enforcement file (执法档案) of an officer, from the plugin's own records: training
// hours and attended sessions this year, sanctions and their periods, commendations,
// assessments, how many 三个规定 records they made, clues and error-case accountability.
//
// Three views: the officer's own (no one else's identity: no reporters, no clue details, only
// concluded clues); the summary for the leader of the officer's unit; the full file for the
// political department (personnel.files). Every view of another person's file is audited.
import { chinaDay, forbidden, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { officerOfUser, requireOfficer, type OfficerRow } from '../discipline-officers.js';
import { auditActions as a, messages as m } from '../discipline-strings.js';
import { restrictionOn, sanctionsOf, type Restriction } from '../sanctions/service.js';
import { openText } from '../sealing.js';
import { commendations, assessments } from '../commendations/service.js';
import { trainingOf, type AttendedSession } from './training.js';
import { inspectionFindingsOf, type FileInspectionFinding } from './inspection-findings.js';

export type FileLevel = 'own' | 'summary' | 'full';

export interface FileSanction {
  id: string;
  form: number;
  category: string;
  kind: string;
  probationYears: number | null;
  decidedOn: string;
  effectiveUntil: string | null;
  permanent: boolean;
  inForce: boolean;
  decisionNo?: string | null;
  reason?: string;
}

export interface FileClue {
  id: string;
  source: string;
  receivedOn: string;
  status: string;
  summary?: string;
  transferredTo?: string | null;
}

export interface OfficerFile {
  level: FileLevel;
  officer: {
    id: string;
    name: string;
    officerNo: string;
    unitId: string;
    unitName: string | null;
    post: string | null;
    rank: string | null;
    isLeader: boolean;
    isPartyMember: boolean;
    status: string;
  };
  year: number;
  /** Credited class hours this year (attended sessions only). */
  trainingHours: number;
  /** The sessions attended this year, in order. */
  trainingSessions: AttendedSession[];
  restriction: Restriction;
  sanctions: FileSanction[];
  commendations: { id: string; kind: string; title: string; awardedOn: string }[];
  assessments: { period: string; grade: string; assessedOn: string }[];
  /** How many 三个规定 records the officer made. */
  conductRecordCount: number;
  clues: FileClue[];
  accountability: { id: string; caseRef: string; foundOn: string; status: string; decision: string | null }[];
  /** Problems inspection campaigns attributed to the officer (not in the unit leader's summary). */
  inspectionFindings: FileInspectionFinding[];
}

async function build(ctx: AuthedContext, o: OfficerRow, level: FileLevel, unitName: string | null): Promise<OfficerFile> {
  const today = chinaDay(ctx.now());
  const year = Number(today.slice(0, 4));
  const training = await trainingOf(ctx, o.id, year);
  const sanctions = (await sanctionsOf(ctx, { officerId: o.id })).map((s): FileSanction => ({
    id: s.id,
    form: s.form,
    category: s.category,
    kind: s.kind,
    probationYears: s.probationYears,
    decidedOn: s.decidedOn,
    effectiveUntil: s.effectiveUntil,
    permanent: s.permanent,
    inForce: s.inForce,
    ...(level === 'summary' ? {} : { decisionNo: s.decisionNo, reason: s.reason }),
  }));
  const count = await sql<{ n: number }>`select count(*)::int as n from personnel.conduct_records where tenant_id = ${ctx.tenant.id} and reporter_officer_id = ${o.id}`.execute(ctx.db);
  const clueRows =
    level === 'summary'
      ? []
      : (
          await sql<{ id: string; source: string; received_on: string; status: string; summary: string; transferred_to: string | null }>`
            select id, source, to_char(received_on, 'YYYY-MM-DD') as received_on, status, summary, transferred_to from personnel.clues
            where tenant_id = ${ctx.tenant.id} and officer_id = ${o.id}
              and (${level} = 'full' or status in ('decided', 'closed'))
            order by received_on desc`.execute(ctx.db)
        ).rows;
  const clues = clueRows.map((c): FileClue =>
    level === 'full' ? { id: c.id, source: c.source, receivedOn: c.received_on, status: c.status, summary: openText(ctx.vault, c.summary), transferredTo: c.transferred_to } : { id: c.id, source: c.source, receivedOn: c.received_on, status: c.status },
  );
  const accountability =
    level === 'summary'
      ? []
      : (
          await sql<{ id: string; case_ref: string; found_on: string; status: string; decision: string | null }>`
            select id, case_ref, to_char(found_on, 'YYYY-MM-DD') as found_on, status, decision from personnel.accountability
            where tenant_id = ${ctx.tenant.id} and officer_id = ${o.id} order by found_on desc`.execute(ctx.db)
        ).rows.map((x) => ({ id: x.id, caseRef: x.case_ref, foundOn: x.found_on, status: x.status, decision: openText(ctx.vault, x.decision) }));
  return {
    level,
    officer: {
      id: o.id,
      name: o.name,
      officerNo: o.officer_no,
      unitId: o.unit_id,
      unitName,
      post: o.post,
      rank: o.rank,
      isLeader: o.is_leader,
      isPartyMember: o.is_party_member,
      status: o.status,
    },
    year,
    trainingHours: training.hours,
    trainingSessions: training.sessions,
    restriction: await restrictionOn(ctx.db, ctx.tenant.id, o.id, today),
    sanctions,
    commendations: (await commendations(ctx, { officerId: o.id })).map((c) => ({ id: c.id, kind: c.kind, title: c.title, awardedOn: c.awardedOn })),
    assessments: (await assessments(ctx, { officerId: o.id })).map((x) => ({ period: x.period, grade: x.grade, assessedOn: x.assessedOn })),
    conductRecordCount: count.rows[0]!.n,
    clues,
    accountability,
    inspectionFindings: level === 'summary' ? [] : await inspectionFindingsOf(ctx, o.id),
  };
}

/** The signed-in officer's own file. */
export async function myFile(ctx: AuthedContext): Promise<OfficerFile> {
  const me = await officerOfUser(ctx);
  if (!me) throw forbidden(m.noOfficer);
  return build(ctx, me, 'own', me.unit_id === ctx.user.orgId ? ctx.user.orgName : null);
}

/** The full file (political department); the view is audited. */
export async function fullFile(ctx: AuthedContext, officerId: string): Promise<OfficerFile> {
  const o = await requireOfficer(ctx, officerId);
  const unitName = (await ctx.kernel.orgs.list()).find((x) => x.id === o.unit_id)?.name ?? null;
  const file = await build(ctx, o, 'full', unitName);
  await ctx.audit.record({ action: a.fileRead, targetType: 'personnel.officer', targetId: o.id, detail: { level: 'full' } });
  return file;
}

/** The summary for the leader of the officer's unit (an officer of the same unit marked leader); audited. */
export async function unitSummary(ctx: AuthedContext, officerId: string): Promise<OfficerFile> {
  const me = await officerOfUser(ctx);
  // Someone who leads no unit learns nothing, not even whether the officer exists.
  if (!me || !me.is_leader || me.status !== 'serving') throw forbidden(m.notUnitLeader);
  const o = await requireOfficer(ctx, officerId);
  if (me.unit_id !== o.unit_id) throw forbidden(m.notUnitLeader);
  const file = await build(ctx, o, 'summary', o.unit_id === ctx.user.orgId ? ctx.user.orgName : null);
  await ctx.audit.record({ action: a.fileRead, targetType: 'personnel.officer', targetId: o.id, detail: { level: 'summary' } });
  return file;
}
